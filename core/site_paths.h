/* Where the generator puts the pages of one document, for the generator
 * itself and for the consoles that link to them (docs/generator.md). */
#ifndef OB_SITE_PATHS_H
#define OB_SITE_PATHS_H

#include <stdio.h>

#define SITE_SHARD 100  /* documents (programs) per directory */

static inline void site_path_doc(char *buf, size_t n, const char *lang, long long id)
{
	snprintf(buf, n, "%s/doc/%lld/%lld.html", lang, id / SITE_SHARD, id);
}

/* P-17: the final report of a closed discussion (.html, .xml, .csv). */
static inline void site_path_report(char *buf, size_t n, const char *lang, long long id, const char *ext)
{
	snprintf(buf, n, "%s/doc/%lld/%lld-report.%s", lang, id / SITE_SHARD, id, ext);
}

#endif
