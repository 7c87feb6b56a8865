/* The compliance pages' names, rows and fields (compliance_pages.h). */
#include <stdio.h>

#include "compliance_pages.h"
#include "date.h"
#include "deadline.h"

const char *compliance_page_name(int rule)
{
	switch (rule) {
	case DEADLINE_P5: return "p-5";
	case DEADLINE_P7: return "p-7";
	case DEADLINE_P10: return "p-10";
	case DEADLINE_G: return "g";
	}
	return "index";
}

int compliance_admin_add(const struct compliance_admin *ad, int rule,
                         int total[DEADLINE_MISSING + 1])
{
	int any = 0;

	for (int s = 0; s <= DEADLINE_MISSING; s++) {
		total[s] += ad->count[rule][s];
		any += ad->count[rule][s];
	}
	return any;
}

int compliance_page_lists(const struct compliance_row *r, int rule)
{
	return (int)r->rule == rule && r->status.state != DEADLINE_ON_TIME &&
	       r->status.state != DEADLINE_PENDING;
}

static void date_field(const char *key, struct ob_date d,
                       void (*fn)(const char *, const char *, int, void *), void *arg)
{
	char buf[DATE_STRLEN];

	if (d.y != 0)
		fn(key, date_format(d, buf), 0, arg);
}

void compliance_row_fields(const struct compliance_row *r,
                           void (*fn)(const char *key, const char *value, int number, void *arg),
                           void *arg)
{
	char buf[24];

	if (r->year) {
		snprintf(buf, sizeof buf, "%d", r->year);
		fn("year", buf, 1, arg);
	}
	if (r->program[0])
		fn("program", r->program, 0, arg);  /* P-10 */
	if (r->period[0])
		fn("period", r->period, 0, arg);    /* G */
	date_field("received", r->received, fn, arg);  /* P-7 */
	date_field("due", r->due, fn, arg);
	date_field("posted", r->posted, fn, arg);
	fn("state", deadline_state_name(r->status.state), 0, arg);
	if (r->status.late_days > 0) {
		snprintf(buf, sizeof buf, "%d", r->status.late_days);
		fn("days", buf, 1, arg);
	}
}
