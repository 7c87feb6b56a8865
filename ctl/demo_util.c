/* obctl demo: randomness, growing strings, numbers for XML and for text,
 * the BIN check digit, syllable names, dates and working days. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "demo_int.h"

void demo_rng_seed(struct demo_rng *r, uint64_t seed, uint64_t a, uint64_t b)
{
	r->s = demo_hash(seed, a, b, 0x64656d6fu);
}

uint64_t demo_rng_next(struct demo_rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

uint64_t demo_rng_below(struct demo_rng *r, uint64_t n)
{
	/* The modulo bias is below 2^-40 for every n used here. */
	return n == 0 ? 0 : demo_rng_next(r) % n;
}

long long demo_rng_range(struct demo_rng *r, long long lo, long long hi)
{
	if (hi <= lo)
		return lo;
	return lo + (long long)demo_rng_below(r, (uint64_t)(hi - lo) + 1);
}

uint64_t demo_hash(uint64_t seed, uint64_t a, uint64_t b, uint64_t c)
{
	struct demo_rng r = { seed };
	uint64_t h = demo_rng_next(&r);

	r.s = h ^ a;
	h = demo_rng_next(&r);
	r.s = h ^ b;
	h = demo_rng_next(&r);
	r.s = h ^ c;
	return demo_rng_next(&r);
}

static int buf_reserve(struct demo_buf *b, size_t extra);

void demo_buf_reset(struct demo_buf *b)
{
	b->len = 0;
	/* After a reset p is a string, "" at least (unless out of memory). */
	if (buf_reserve(b, 0) == 0)
		b->p[0] = '\0';
}

static int buf_reserve(struct demo_buf *b, size_t extra)
{
	size_t cap;
	char *p;

	if (b->len + extra + 1 <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap < b->len + extra + 1)
		cap *= 2;
	if ((p = realloc(b->p, cap)) == NULL) {
		if (b->oom != NULL)
			*b->oom = 1;
		return -1;
	}
	b->p = p;
	b->cap = cap;
	return 0;
}

void demo_buf_add(struct demo_buf *b, const char *s, size_t n)
{
	if (buf_reserve(b, n) != 0)
		return;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void demo_buf_puts(struct demo_buf *b, const char *s)
{
	demo_buf_add(b, s, strlen(s));
}

void demo_buf_printf(struct demo_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || buf_reserve(b, (size_t)n) != 0)
		return;
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void demo_buf_free(struct demo_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

char *demo_amount(char buf[32], long long tenge)
{
	unsigned long long a = tenge < 0 ? 0ull - (unsigned long long)tenge : (unsigned long long)tenge;
	unsigned frac = (unsigned)(a % 1000);
	int n = snprintf(buf, 32, "%s%llu", tenge < 0 ? "-" : "", a / 1000);

	if (frac != 0) {
		snprintf(buf + n, (size_t)(32 - n), ".%03u", frac);
		for (n = (int)strlen(buf); buf[n - 1] == '0'; n--)
			buf[n - 1] = '\0';
	}
	return buf;
}

/* Digits grouped by three with spaces, as both languages write them. */
static void group_digits(char *out, size_t cap, unsigned long long v)
{
	char tmp[32];
	size_t n = (size_t)snprintf(tmp, sizeof tmp, "%llu", v), o = 0;

	for (size_t i = 0; i < n && o + 2 < cap; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = ' ';
		out[o++] = tmp[i];
	}
	out[o] = '\0';
}

char *demo_money(char buf[40], long long tenge)
{
	/* Tenths of a thousand, rounded half up. */
	unsigned long long v = ((unsigned long long)(tenge < 0 ? 0 : tenge) + 50) / 100;
	size_t n;

	group_digits(buf, 36, v / 10);
	n = strlen(buf);
	if (v % 10 != 0)
		snprintf(buf + n, 40 - n, ",%u", (unsigned)(v % 10));
	return buf;
}

char *demo_decimal(char buf[32], long long milli, int dec, int text)
{
	unsigned long long a = milli < 0 ? 0 : (unsigned long long)milli;
	int n = snprintf(buf, 32, "%llu", a / 1000);

	if (dec > 0) {
		char frac[4];

		snprintf(frac, sizeof frac, "%03u", (unsigned)(a % 1000));
		frac[dec > 3 ? 3 : dec] = '\0';
		snprintf(buf + n, (size_t)(32 - n), "%c%s", text ? ',' : '.', frac);
	}
	return buf;
}

char *demo_pct(char buf[32], long long num, long long den)
{
	long long t = den > 0 ? (num * 10000 / den + 5) / 10 : 0;  /* tenths of a per cent */

	snprintf(buf, 32, "%lld,%lld", t / 10, t % 10);
	return buf;
}

int demo_bin_check(const char *d11)
{
	static const int w2[11] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };
	int s = 0;

	for (int i = 0; i < 11; i++)
		s += (d11[i] - '0') * (i + 1);
	if ((s %= 11) != 10)
		return s;
	s = 0;
	for (int i = 0; i < 11; i++)
		s += (d11[i] - '0') * w2[i];
	return (s %= 11) == 10 ? -1 : s;
}

void demo_split(long long total, const int *w, int n, long long *out)
{
	long long sw = 0, used = 0;

	for (int i = 0; i < n; i++)
		sw += w[i];
	for (int i = 0; i < n - 1; i++) {
		out[i] = sw > 0 ? total / sw * w[i] + total % sw * w[i] / sw : 0;
		used += out[i];
	}
	if (n > 0)
		out[n - 1] = total - used;
}

/* One random row of names.txt of the given kind. */
static const char *name_part(struct demo *d, struct demo_rng *r, const char *kind)
{
	size_t idx[64], n = demo_rows_for(d, L_NAMES, kind, idx, 64);

	return n == 0 ? "" : DEMO_F(&d->l[L_NAMES], idx[demo_rng_below(r, n)], 1);
}

void demo_surname(struct demo *d, struct demo_rng *r, struct demo_buf *out)
{
	demo_buf_puts(out, name_part(d, r, "a"));
	demo_buf_puts(out, name_part(d, r, "b"));
}

void demo_head(struct demo *d, struct demo_rng *r, int level, struct demo_buf *kk,
               struct demo_buf *ru)
{
	size_t idx[32], n = demo_rows_for(d, L_POSITIONS, level == LV_REPUBLICAN ? "r" : "l", idx, 32);
	size_t row = n ? idx[demo_rng_below(r, n)] : 0;
	struct demo_buf name = { .oom = &d->oom };
	const char *suffix = demo_rng_below(r, 2) ? "m" : "f";

	demo_surname(d, r, &name);
	demo_buf_puts(&name, name_part(d, r, suffix));
	demo_buf_printf(&name, " %s. %s.", name_part(d, r, "i"), name_part(d, r, "i"));
	demo_buf_reset(kk);
	demo_buf_reset(ru);
	if (n > 0) {
		demo_buf_printf(kk, "%s ", DEMO_F(&d->l[L_POSITIONS], row, 1));
		demo_buf_printf(ru, "%s ", DEMO_F(&d->l[L_POSITIONS], row, 2));
	}
	demo_buf_puts(kk, name.p ? name.p : "");
	demo_buf_puts(ru, name.p ? name.p : "");
	demo_buf_free(&name);
}

void demo_expand(struct demo_buf *out, const char *tpl, const struct demo_var *v, int lang)
{
	const char *s = tpl;

	while (*s) {
		const char *open = strchr(s, '{'), *close;
		size_t n;
		int done = 0;

		if (open == NULL || (close = strchr(open, '}')) == NULL) {
			demo_buf_puts(out, s);
			return;
		}
		demo_buf_add(out, s, (size_t)(open - s));
		n = (size_t)(close - open - 1);
		for (const struct demo_var *p = v; p != NULL && p->name != NULL; p++) {
			if (strlen(p->name) == n && memcmp(p->name, open + 1, n) == 0) {
				demo_buf_puts(out, lang == DEMO_RU && p->ru != NULL ? p->ru : p->kk);
				done = 1;
				break;
			}
		}
		if (!done)
			demo_buf_add(out, open, (size_t)(close - open + 1));
		s = close + 1;
	}
}

long demo_day(int y, int m, int dd)
{
	return date_to_days((struct ob_date){ y, m, dd });
}

char *demo_date(char buf[DATE_STRLEN], long day)
{
	return date_format(date_from_days(day), buf);
}

static int workday(const struct demo *d, long day)
{
	struct ob_date dt = date_from_days(day);
	int w;

	if (d->cal != NULL && calendar_is_workday(d->cal, dt, &w, NULL) == 0)
		return w;
	return !date_is_weekend(dt);
}

long demo_weekday_in(const struct demo *d, long day, long lo, long hi)
{
	for (long k = 0; k <= 10; k++)
		if (day - k >= lo && workday(d, day - k))
			return day - k;
	for (long k = 1; k <= 10; k++)
		if (day + k <= hi && workday(d, day + k))
			return day + k;
	return day;
}

long demo_discussion_end(const struct demo *d, long posted)
{
	struct ob_date end;

	/* P-9, P-10: the last day of discussion is the 10th working day after
	 * posting (core/calendar.h explains the count). */
	if (d->cal != NULL &&
	    calendar_add_workdays(d->cal, date_from_days(posted), 10, &end, NULL) == 0)
		return date_to_days(end);
	/* No calendar for that year (data/calendar/YYYY.xml): 21 calendar
	 * days.  16 would be 10 working days in most weeks but not around
	 * 8 March and Nauryz (9 in March 2026); 21 is at least 10 whatever
	 * holidays and moved days off the year has. */
	return posted + 21;
}
