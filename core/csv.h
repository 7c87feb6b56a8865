/* Writing CSV (core/csv.c): one field at a time, a row ended by csv_end. */
#ifndef OB_CSV_H
#define OB_CSV_H

#include <stdio.h>

/* One field; a comma is written before it unless it is the first of a row. */
void csv_field(FILE *f, int first, const char *s);
void csv_int(FILE *f, int first, long long v);
/* v when has is set, else an empty field. */
void csv_int_if(FILE *f, int has, long long v);
/* A classification code, or an empty field when it is 0 (absent). */
void csv_code(FILE *f, int v);
void csv_end(FILE *f);
void csv_header(FILE *f, const char *const *cols);

#endif
