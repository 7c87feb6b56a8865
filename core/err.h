/* One error record shared by every module: a stable machine code (the
 * `code` of an <error> answer, see docs/api.md), the input line when there
 * is one, and a message for a person. */
#ifndef OB_ERR_H
#define OB_ERR_H

#include <stddef.h>

struct ob_err {
	char code[40];
	int line;
	char msg[512];
};

void ob_err_set(struct ob_err *e, const char *code, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void ob_err_clear(struct ob_err *e);

#endif
