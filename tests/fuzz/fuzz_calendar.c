/* libFuzzer harness for the calendar loader (core/calendar_load.c and
 * core/calendar.c): any bytes must give either a loaded year whose queries
 * hold together, or an error with a code; never a crash, a leak or
 * undefined behaviour.  Not built by make yet:
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 \
 *     -D_DEFAULT_SOURCE -D_GNU_SOURCE -Icore -DOB_SHARE_DIR='"'$PWD'"' \
 *     $(pkg-config --cflags libxml-2.0) tests/fuzz/fuzz_calendar.c \
 *     core/calendar.c core/calendar_load.c core/date.c core/err.c core/text.c core/xmlin.c \
 *     $(pkg-config --libs libxml-2.0) -o build/fuzz_calendar
 *   mkdir -p /tmp/corpus && build/fuzz_calendar /tmp/corpus data/calendar
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "calendar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One calendar for the whole run keeps the compiled schema: compiling the
 * XSD on every input would make the fuzzer mostly fuzz xmlSchemaParse. */
static struct calendar *cal;

static void check_year(int year)
{
	struct ob_err err;
	struct ob_date first = { year, 1, 1 }, last = { year, 12, 31 }, d;
	struct calendar_iter it;
	const struct calendar_day *day;
	int total = -1, n = -1, w = -1;

	if (calendar_count_workdays(cal, first, last, &total, &err) != 0)
		abort();
	/* count(from + 1, add(from, k)) == k, within the year. */
	if (total > 0) {
		if (calendar_add_workdays(cal, (struct ob_date){ year - 1, 12, 31 }, 1, &d, &err) == 0)
			abort(); /* the year before is not loaded */
		if (calendar_add_workdays(cal, first, total / 2, &d, &err) != 0 ||
		    calendar_count_workdays(cal, date_add_days(first, 1), d, &n, &err) != 0 ||
		    (total / 2 > 0 && n != total / 2) ||
		    calendar_is_workday(cal, d, &w, &err) != 0)
			abort();
	}
	calendar_iter_init(&it, cal, year);
	while ((day = calendar_iter_next(&it)) != NULL)
		if (day->date.y != year || day->name_kk == NULL || day->name_ru == NULL ||
		    calendar_day_get(cal, day->date) != day)
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ob_err err = { 0 };
	int year = 0;

	if (cal == NULL && (cal = calendar_new()) == NULL)
		abort();
	if (calendar_load_mem(cal, (const char *)data, size, &err) == 0) {
		if (calendar_years(cal, &year, 1) != 1)
			abort();
		check_year(year);
	} else if (err.code[0] == '\0') {
		abort(); /* every refusal says why */
	}
	calendar_clear(cal);
	return 0;
}
