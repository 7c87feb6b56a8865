/* Pages of the discussion lifecycle (issue 5.3, 5.7, 5.8; P-5, P-7, P-10,
 * P-12, P-17, G): the final reports (page_report.c), the press releases and
 * their list (page_press.c), the Atom feeds (feed.c) and the compliance
 * pages (page_compliance.c).  units_lifecycle.c plans their units and
 * renders them.  docs/generator.md lists the URLs. */
#ifndef OB_GEN_LIFECYCLE_PAGES_H
#define OB_GEN_LIFECYCLE_PAGES_H

#include "build.h"
#include "compliance_pages.h"
#include "date.h"
#include "gen.h"

struct compliance;

#define FEED_ENTRIES 50  /* the latest entries of an Atom feed */

/* Adds the units of this file's pages to the plan (units.c calls it last). */
int units_plan_lifecycle(struct gen *g, struct units *us, struct ob_err *err);
/* Writes the files of one of those units in bucket (units.c). */
int unit_render_lifecycle(struct gen *g, const struct unit *u, const char *bucket, int lang,
                          struct ob_err *err);

/* The date the pages that depend on it are built for: ob_today(), read once
 * per build by units_plan_lifecycle (so one build never straddles two days). */
struct ob_date lifecycle_today(void);
/* The compliance record as of lifecycle_today(), loaded by the same plan;
 * read-only while pages render.  units_lifecycle_free() at the end of a
 * build. */
const struct compliance *lifecycle_compliance(void);
void units_lifecycle_free(void);

/* P-17: adds <final-report href date> (with its data files) to the
 * <document> of a document page when the document has a final report. */
int page_doc_report(struct gen *g, int lang, xmlNodePtr doc, long long id, struct ob_err *err);
/* /L/doc/SHARD/ID-report.html, and data/doc/SHARD/ID-report.xml and .csv. */
int page_report(struct gen *g, int lang, long long id, struct ob_err *err);
int data_report(struct gen *g, long long id, struct ob_err *err);

/* P-12: the passports and implementation reports, which get a press
 * release, newest posting first (malloc'd array of pointers into g->idx). */
int press_docs(const struct gen *g, const struct idoc ***out, size_t *n);
/* /L/doc/SHARD/ID-press.html and /L/press/ (pages of GEN_PAGE_SIZE). */
int page_press(struct gen *g, int lang, long long id, struct ob_err *err);
int page_press_list(struct gen *g, int lang, size_t page, struct ob_err *err);
void path_press(char *buf, size_t n, const char *lang, long long id);
void path_report(char *buf, size_t n, const char *lang, long long id);

/* /L/atom.xml: press releases, new publications and final reports. */
struct feed_entry {
	const struct idoc *d;
	int type;             /* FEED_PRESS, FEED_PUBLICATION, FEED_REPORT */
	char date[11];
};
enum { FEED_REPORT, FEED_PRESS, FEED_PUBLICATION };
/* The latest FEED_ENTRIES entries, newest first; *n receives how many. */
int feed_entries(struct gen *g, struct feed_entry *out, size_t *n, struct ob_err *err);
int page_feed(struct gen *g, int lang, struct ob_err *err);

/* /L/compliance/ and /L/compliance/RULE.html (p-5, p-7, p-10, g: the
 * names of compliance_page_name(), core/compliance_pages.h). */
int page_compliance(struct gen *g, int lang, int rule, struct ob_err *err);

#endif
