/* UI strings for the templates (templates/i18n/kk.xml, ru.xml) as two XPath
 * extension functions in the namespace "urn:obgen:strings":
 *
 *   ob:t($lang, 'key')   the string, '' when the key is missing
 *   ob:strings($lang)    the <strings> element of the language (read-only)
 *
 * The files are parsed and indexed once per process; every transformation,
 * in any thread, reads the same trees and hash tables and never copies them.
 * Before, each page loaded them with document() (a copy per page) and built
 * an xsl:key index over the copy: 38% of the XSLT time of a document page.
 * Self-contained (libxml2, libxslt only): tests/bench/floor.c links it too. */
#ifndef OB_UI_STRINGS_H
#define OB_UI_STRINGS_H

#include <stddef.h>

#define STRINGS_NS "urn:obgen:strings"

/* Loads dir/i18n/LANG.xml for each of the n languages and registers the
 * functions with libxslt (globally: call before any transformation and
 * before starting threads).  -1 with a message in msg on failure. */
int strings_load(const char *dir, const char *const *langs, size_t n, char *msg, size_t msglen);
void strings_free(void);

#endif
