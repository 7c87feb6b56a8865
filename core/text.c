#include "text.h"

size_t utf8_decode(const char *buf, size_t len, unsigned *cp_out)
{
	const unsigned char *s = (const unsigned char *)buf;
	unsigned c = len > 0 ? s[0] : 0, need, cp, min;

	if (len == 0)
		return 0;
	if (c < 0x80) {
		*cp_out = c;
		return 1;
	} else if ((c & 0xe0) == 0xc0) {
		need = 1, cp = c & 0x1f, min = 0x80;
	} else if ((c & 0xf0) == 0xe0) {
		need = 2, cp = c & 0x0f, min = 0x800;
	} else if ((c & 0xf8) == 0xf0) {
		need = 3, cp = c & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	for (unsigned k = 1; k <= need; k++) {
		if (k >= len || (s[k] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[k] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	*cp_out = cp;
	return need + 1;
}

int utf8_validate(const char *buf, size_t len, size_t *bad)
{
	size_t i = 0, n;
	unsigned cp;

	while (i < len) {
		if ((n = utf8_decode(buf + i, len - i, &cp)) == 0) {
			if (bad != NULL)
				*bad = i;
			return -1;
		}
		i += n;
	}
	return 0;
}

size_t utf8_count(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

int text_line_at(const char *buf, size_t off)
{
	int line = 1;

	for (size_t i = 0; i < off; i++)
		if (buf[i] == '\n')
			line++;
	return line;
}

int text_blank(const char *s)
{
	if (s == NULL)
		return 1;
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}
