/* Hardened XML input: every parser in the portal goes through here.
 * Size is checked before parsing, DOCTYPE (and so every entity) is refused
 * as soon as the parser sees it, no network, no entity substitution. */
#ifndef OB_XMLIN_H
#define OB_XMLIN_H

#include <stddef.h>
#include <libxml/tree.h>

#include "err.h"

/* Default limit for documents given to obctl import and the handlers. */
#define OB_XML_MAX (8u * 1024 * 1024)

/* Parses buf[0..len).  On error returns NULL and fills err: codes
 * "too-large", "doctype", "malformed", "encoding". */
xmlDocPtr xml_parse_limited(const char *buf, size_t len, size_t max, struct ob_err *err);

/* Reads a file (refusing it when larger than max) and parses it. */
xmlDocPtr xml_parse_file_limited(const char *path, size_t max, struct ob_err *err);

/* Reads a whole file into a NUL-terminated buffer; NULL on error or when
 * the file is larger than max (err code "too-large" or "io"). */
char *file_read_all(const char *path, size_t max, size_t *len, struct ob_err *err);

#endif
