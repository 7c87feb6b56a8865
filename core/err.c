#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "err.h"

void ob_err_set(struct ob_err *e, const char *code, int line, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return;
	snprintf(e->code, sizeof e->code, "%s", code);
	e->line = line;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
}

void ob_err_clear(struct ob_err *e)
{
	if (e != NULL)
		memset(e, 0, sizeof *e);
}
