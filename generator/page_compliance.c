/* Compliance with the publication deadlines (issue 5.3): /L/compliance/
 * sums up, per rule (P-5, P-7, P-10, G) and administrator, the documents
 * posted on time, late, missing and pending; /L/compliance/p-5.html (p-7,
 * p-10, g) lists each document with its due date, posting date and status
 * (late or overdue by N working days).  The figures are those of
 * core/db_compliance.h as of lifecycle_today(): the output depends on the
 * date, and is the same for a fixed OB_TODAY. */
#include <stdio.h>

#include "compliance_pages.h"
#include "db_compliance.h"
#include "lifecycle_pages.h"

static const int rules[] = { DEADLINE_P5, DEADLINE_P7, DEADLINE_P10, DEADLINE_G };

static void counts(xmlNodePtr n, const int *c)
{
	x_int(n, "on-time", c[DEADLINE_ON_TIME]);
	x_int(n, "late", c[DEADLINE_LATE]);
	x_int(n, "missing", c[DEADLINE_MISSING]);
	x_int(n, "pending", c[DEADLINE_PENDING]);
	x_int(n, "unknown", c[DEADLINE_UNKNOWN]);
}

static void on_field(const char *key, const char *value, int number, void *arg)
{
	(void)number;
	x_attr(arg, key, value);
}

static void row(struct gen *g, xmlNodePtr parent, const struct compliance *c,
                const struct compliance_row *r, int lang)
{
	xmlNodePtr n = x_el(parent, "row", NULL);
	const struct idoc *d = r->doc_id ? index_doc(&g->idx, r->doc_id) : NULL;
	char href[128];

	x_admin(n, g, c->admins[r->admin].id, lang);
	if (d != NULL) {  /* a draft is not shown: it counts as not posted */
		x_attr(n, "number", r->number);
		path_doc(href, sizeof href, gen_lang[lang], r->doc_id);
		x_attr(n, "href", href);
	}
	compliance_row_fields(r, on_field, n);
	if (r->err_code[0])
		x_attr(n, "error", r->err_code);
}

/* A rule: its totals, and per administrator either its totals (summary) or
 * its rows (the rule's page). */
static void rule_el(struct gen *g, xmlNodePtr parent, const struct compliance *c, int rule,
                    int detail, int lang)
{
	xmlNodePtr n = x_el(parent, "rule", NULL);
	int total[DEADLINE_MISSING + 1] = { 0 };
	char href[128];

	x_attr(n, "id", deadline_rule_id(rule));
	x_attr(n, "name", compliance_page_name(rule));
	x_attr(n, "kind", deadline_rule_kind(rule));
	snprintf(href, sizeof href, "%s/compliance/%s.html", gen_lang[lang], compliance_page_name(rule));
	x_attr(n, "href", href);
	if (detail)
		x_attr(n, "detail", "exceptions");
	for (size_t a = 0; a < c->nadmins; a++) {
		const struct compliance_admin *ad = &c->admins[a];

		if (compliance_admin_add(ad, rule, total) == 0)
			continue;
		if (!detail) {
			xmlNodePtr e = x_el(n, "admin-record", NULL);

			x_admin(e, g, ad->id, lang);
			counts(e, ad->count[rule]);
			continue;
		}
		/* The rule's page lists the exceptions only (compliance_page_lists). */
		for (size_t i = ad->first; i < ad->first + ad->nrows; i++)
			if (compliance_page_lists(&c->rows[i], rule))
				row(g, n, c, &c->rows[i], lang);
	}
	counts(n, total);
}

/* rule 0: the summary of every rule. */
int page_compliance(struct gen *g, int lang, int rule, struct ob_err *err)
{
	struct ob_date today = lifecycle_today();
	const struct compliance *c = lifecycle_compliance();
	char path[128], day[DATE_STRLEN];
	xmlNodePtr root, list;
	xmlDocPtr doc;

	if (c == NULL)
		return ob_err_set(err, "internal", 0, "compliance pages without their plan"), -1;
	if (rule == 0)
		snprintf(path, sizeof path, "%s/compliance/", gen_lang[lang]);
	else
		snprintf(path, sizeof path, "%s/compliance/%s.html", gen_lang[lang],
		         compliance_page_name(rule));
	doc = page_new(g, "compliance", lang, path, &root);
	x_attr(root, "today", date_format(today, day));
	if (rule != 0)
		x_attr(root, "rule", deadline_rule_id(rule));
	list = x_el(root, "rules", NULL);
	for (size_t r = 0; r < sizeof rules / sizeof rules[0]; r++)
		if (rule == 0 || rule == rules[r])
			rule_el(g, list, c, rules[r], rule != 0, lang);
	return gen_render(g, "compliance", doc, path, err);
}
