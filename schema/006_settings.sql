-- Migration 006: settings an operator changes with obctl and the programs
-- read at start-up (core/db_settings.h).  One row per key; a key without a
-- row has its documented default.  Keys in use:
--   gost-verifier  the base URL of the external GOST signature verifier
--                  (`obctl trust gost-verifier URL`, docs/signatures.md);
--                  absent: GOST signatures are refused (unsupported-algorithm).
-- Stands alone: no table of another migration is referred to, so it applies
-- whether or not 005 is there yet.
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
