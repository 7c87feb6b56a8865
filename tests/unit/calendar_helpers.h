/* The working-day calendars the unit tests count on: data/calendar/2025.xml
 * and 2026.xml, the files the portal ships, loaded into a new calendar (for
 * tests/unit/test_*.c only).  A file that does not load prints why and
 * fails the test group's set-up. */
#ifndef OB_TEST_CALENDAR_HELPERS_H
#define OB_TEST_CALENDAR_HELPERS_H

#include <stdio.h>

#include "calendar.h"
#include "err.h"

#ifndef OB_SHARE_DIR
#define OB_SHARE_DIR "."
#endif

/* A calendar with 2025 and 2026, or NULL. */
static inline struct calendar *calendars_load(void)
{
	static const char *const files[] = {
		OB_SHARE_DIR "/data/calendar/2025.xml", OB_SHARE_DIR "/data/calendar/2026.xml",
	};
	struct calendar *cal = calendar_new();
	struct ob_err err = { 0 };

	for (size_t i = 0; cal != NULL && i < sizeof files / sizeof files[0]; i++)
		if (calendar_load_file(cal, files[i], &err) != 0) {
			fprintf(stderr, "%s: %s line %d: %s\n", files[i], err.code, err.line, err.msg);
			calendar_free(cal);
			cal = NULL;
		}
	return cal;
}

#endif
