-- Migration 004: the working-day calendar in the database (issue 5.1).
-- data/calendar/YYYY.xml stays the maintained source ("Working days" in
-- RULES.md); `obctl init` and `obctl calendar import` copy a checked year
-- here, `obctl calendar add` adds one day (a moved day off, Kurban Ait), and
-- every program reads the calendar back with db_calendar_load()
-- (core/db_calendar.h).  Only the days that differ from the five-day week
-- are stored, as in the files.  Stands alone: no table of another migration
-- is referred to.

-- A loaded year.  A year without a row is not loaded: every deadline that
-- touches it is an error (calendar-missing), never a plain five-day week.
CREATE TABLE calendar_years (
	year    INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 9999),
	source  TEXT NOT NULL,   -- the file the year was imported from
	changed TEXT NOT NULL    -- 'YYYY-MM-DD' of the last import or add (ob_today)
);

-- The special days of the loaded years (struct calendar_day, core/calendar.h):
--   holiday  a public holiday; moves = 1 when Labour Code art. 85 moves it
--            off a weekend, 0 for the first day of Kurban Ait and 7 January;
--   dayoff   a Monday..Friday not worked: replaces names the weekend holiday
--            it stands in for (art. 85), NULL for a day off moved by order;
--   workday  a Saturday or Sunday worked by order.
-- line is the day's line in calendar_years.source, NULL for a day added
-- with `obctl calendar add`.
CREATE TABLE calendar_days (
	date     TEXT PRIMARY KEY
	         CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	year     INTEGER NOT NULL REFERENCES calendar_years(year) ON DELETE CASCADE,
	kind     TEXT NOT NULL CHECK (kind IN ('holiday', 'dayoff', 'workday')),
	moves    INTEGER NOT NULL DEFAULT 0 CHECK (moves IN (0, 1) AND (moves = 0 OR kind = 'holiday')),
	replaces TEXT CHECK (replaces IS NULL OR kind = 'dayoff'),
	name_kk  TEXT NOT NULL CHECK (name_kk <> ''),
	name_ru  TEXT NOT NULL CHECK (name_ru <> ''),
	line     INTEGER CHECK (line IS NULL OR line > 0),
	CHECK (CAST(substr(date, 1, 4) AS INTEGER) = year)
);
CREATE INDEX calendar_days_year ON calendar_days(year, date);
