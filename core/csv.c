/* CSV (RFC 4180, UTF-8, CRLF) for the open data of obgen and the exports of
 * obfcgi: a field is quoted when it holds a comma, a quote or a line break,
 * quotes doubled. */
#include <string.h>

#include "csv.h"

/* One field; a comma before it unless it is the first of a row. */
void csv_field(FILE *f, int first, const char *s)
{
	if (!first)
		fputc(',', f);
	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

void csv_int(FILE *f, int first, long long v)
{
	fprintf(f, first ? "%lld" : ",%lld", v);
}

void csv_int_if(FILE *f, int has, long long v)
{
	if (has)
		csv_int(f, 0, v);
	else
		csv_field(f, 0, NULL);
}

void csv_code(FILE *f, int v)
{
	csv_int_if(f, v != 0, v);
}

void csv_end(FILE *f)
{
	fputs("\r\n", f);
}

void csv_header(FILE *f, const char *const *cols)
{
	for (int i = 0; cols[i] != NULL; i++)
		csv_field(f, i == 0, cols[i]);
	csv_end(f);
}
