#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"

/* Kazakhstan has kept one zone, UTC+5, all year since 1 March 2024 (Almaty
 * moved from +6).  A fixed offset instead of the tz database: no tzdata to
 * install in the chroot, no TZ/setenv races between threads. */
#define ALMATY_OFFSET (5 * 3600L)

/* A day number (see date_to_days), LONG_MIN when not fixed.  Atomic so a
 * test may fix the date while worker threads read it. */
static atomic_long clock_fixed = LONG_MIN;

int ob_clock_set(const struct ob_date *d)
{
	if (d == NULL) {
		atomic_store(&clock_fixed, LONG_MIN);
		return 0;
	}
	if (!date_valid(*d))
		return -1;
	atomic_store(&clock_fixed, date_to_days(*d));
	return 0;
}

int ob_today(struct ob_date *out)
{
	long fixed = atomic_load(&clock_fixed);
	const char *env;
	time_t now;

	if (fixed != LONG_MIN) {
		*out = date_from_days(fixed);
		return 0;
	}
	/* An empty OB_TODAY is how shell scripts unset it; anything else must
	 * be a strict date, or the tests would silently run on the real day. */
	if ((env = getenv("OB_TODAY")) != NULL && env[0] != '\0')
		return date_parse(env, out);
	if ((now = time(NULL)) == (time_t)-1)
		return -1;
	*out = ob_date_of(now);
	return 0;
}

struct ob_date ob_date_of(long long t)
{
	/* Floor division: whole days since the epoch, in Almaty. */
	return date_from_days((long)((t + ALMATY_OFFSET) / 86400) - ((t + ALMATY_OFFSET) % 86400 < 0));
}

static atomic_llong now_fixed;

void ob_clock_set_now(long long t)
{
	atomic_store(&now_fixed, t);
}

long long ob_now(void)
{
	long long fixed = atomic_load(&now_fixed);

	return fixed != 0 ? fixed : (long long)time(NULL);
}

char *ob_time_format(long long t, char *buf)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (gmtime_r(&tt, &tm) == NULL || strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(buf, 21, "1970-01-01T00:00:00Z");
	return buf;
}

long long ob_time_parse(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	struct ob_date d;
	int h, mi, sec;

	if (s == NULL || strlen(s) != sizeof shape - 1)
		return -1;
	for (size_t i = 0; i < sizeof shape - 1; i++)
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != shape[i])
			return -1;
	h = (s[11] - '0') * 10 + s[12] - '0';
	mi = (s[14] - '0') * 10 + s[15] - '0';
	sec = (s[17] - '0') * 10 + s[18] - '0';
	if (date_parse_n(s, 10, &d) != 0 || d.y < 1970 || h > 23 || mi > 59 || sec > 59)
		return -1;
	return (long long)date_to_days(d) * 86400 + h * 3600 + mi * 60 + sec;
}

int ob_time_local(const char *utc, char out[OB_TIME_LOCAL_LEN])
{
	long long t = ob_time_parse(utc);
	struct ob_date d;
	char buf[64];

	if (t < 0)
		return -1;
	t += ALMATY_OFFSET;
	d = date_from_days((long)(t / 86400));
	t %= 86400;
	if (snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+05:00", d.y, d.m, d.d,
	             (int)(t / 3600), (int)(t / 60 % 60), (int)(t % 60)) != OB_TIME_LOCAL_LEN - 1)
		return -1;  /* a year past 9999 */
	memcpy(out, buf, OB_TIME_LOCAL_LEN);
	return 0;
}
