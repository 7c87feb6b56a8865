/* UTF-8 text: validation, counting characters (P-14 counts characters,
 * not bytes), line numbers for messages. */
#ifndef OB_TEXT_H
#define OB_TEXT_H

#include <stddef.h>

/* The code point at buf[0..len) into *cp and its length in bytes (1-4);
 * 0 when the bytes there are not one valid UTF-8 character (see below) or
 * len is 0.  The one decoder: validation and the screen (core/screen.h). */
size_t utf8_decode(const char *buf, size_t len, unsigned *cp);

/* 0 when buf[0..len) is valid UTF-8 (no overlongs, no surrogates, no
 * code points above U+10FFFF); -1 otherwise with *bad the first bad byte. */
int utf8_validate(const char *buf, size_t len, size_t *bad);

/* Number of code points in a valid UTF-8 string. */
size_t utf8_count(const char *s);

/* 1-based line number of byte offset off in buf. */
int text_line_at(const char *buf, size_t off);

/* 1 when s holds only white space (or is NULL). */
int text_blank(const char *s);

#endif
