/* The one clock of the portal.  Every "today" (deadlines, discussion
 * periods, report dates) comes from ob_today(), so a test can fix the date
 * instead of sleeping, and no module can disagree with another about which
 * day it is. */
#ifndef OB_CLOCK_H
#define OB_CLOCK_H

#include "date.h"

/* Today's date in Asia/Almaty, first of:
 *   1. the date fixed with ob_clock_set() (unit tests);
 *   2. the environment variable OB_TODAY=YYYY-MM-DD (end-to-end tests;
 *      never set it in production);
 *   3. the system clock, at UTC+5.
 * 0 on success; -1 when OB_TODAY is set but is not a strict date, or the
 * system clock fails (a wrong "today" is never substituted). */
int ob_today(struct ob_date *out);

/* Fixes the date ob_today() returns; NULL returns to the real clock.
 * Returns -1 (and changes nothing) for an invalid date. */
int ob_clock_set(const struct ob_date *d);

/* The current time (Unix seconds) for timestamps and the validity of
 * challenges: the time fixed with ob_clock_set_now() (unit tests), else the
 * system clock.  There is no environment override: a nonce's age is never
 * something a test fakes from outside the process. */
long long ob_now(void);
void ob_clock_set_now(long long t);  /* 0 returns to the real clock */

/* "YYYY-MM-DDTHH:MM:SSZ" of t (UTC); buf has at least 21 bytes. */
char *ob_time_format(long long t, char *buf);

/* The Unix time of a timestamp as ob_time_format writes it (strictly that
 * shape, a real date and time, from 1970); -1 for anything else. */
long long ob_time_parse(const char *utc);

/* "YYYY-MM-DDTHH:MM:SS+05:00", the Asia/Almaty time of a timestamp as
 * ob_time_format writes it; -1 (out untouched) for anything else. */
#define OB_TIME_LOCAL_LEN 26
int ob_time_local(const char *utc, char out[OB_TIME_LOCAL_LEN]);

/* The Asia/Almaty date of the Unix time t. */
struct ob_date ob_date_of(long long t);

#endif
