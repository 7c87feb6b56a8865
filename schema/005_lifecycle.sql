-- Migration 005: the end of public discussions (issue 5.2, 5.7; P-9, P-10,
-- P-17).  core/lifecycle.c closes every discussion whose last day has
-- passed and stores its report on the results of the discussion (Appendix 1
-- for passports, Appendix 2 for implementation reports) here, once: the
-- report is a frozen record of the day it was made, never recomputed, so
-- answers or votes that arrive later cannot change what was reported.

CREATE TABLE final_reports (
	doc_id   INTEGER PRIMARY KEY REFERENCES documents(id),
	appendix INTEGER NOT NULL CHECK (appendix IN (1, 2)),
	reported TEXT NOT NULL
	         CHECK (reported GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	xml      BLOB NOT NULL   -- UTF-8, namespace urn:obkz:report:1 (docs/lifecycle.md)
);
CREATE TRIGGER final_reports_no_update BEFORE UPDATE ON final_reports
	BEGIN SELECT RAISE(ABORT, 'final reports are frozen'); END;
CREATE TRIGGER final_reports_no_delete BEFORE DELETE ON final_reports
	BEGIN SELECT RAISE(ABORT, 'final reports are frozen'); END;

-- The last day lifecycle_run ran for (a day number, core/date.h): the first
-- run of a new day bumps the change sequence, so obgen --watch rebuilds the
-- pages that depend on "today" (the compliance page) once a day.
INSERT INTO meta VALUES ('lifecycle_day', 0);
