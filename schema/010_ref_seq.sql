-- Migration 010: when the reference data last changed (issue 3.8).  obgen
-- --watch keeps the reference data (levels, regions, classification,
-- administrators, programs) in memory between builds and reloads it only
-- when meta.ref_seq has passed the seq of the snapshot it was read from
-- (core/db_site.c db_site_ref_seq, generator/ref.c ref_changed_since).
--
-- Every write to a reference table records the current meta.seq.  A
-- writer bumps the sequence first, as every writer does (store_seq_bump,
-- then the rows: `obctl reference`, ctl/cmd_docs.c), so ref_seq is the seq of
-- the transaction that wrote; a write before the bump would record the
-- previous seq and go unnoticed by a generator that built that one.
-- Triggers rather than the writer functions: the data a row in any of these
-- tables shapes is the same whoever writes it (obctl, the demo, sqlite3).
--
-- A database that already has reference data starts at the current seq: a
-- generator that read an earlier snapshot reloads once.
INSERT INTO meta VALUES ('ref_seq', (SELECT value FROM meta WHERE key = 'seq'));

CREATE TRIGGER levels_ref_seq_insert AFTER INSERT ON levels BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'ref_seq'; END;
CREATE TRIGGER levels_ref_seq_update AFTER UPDATE ON levels BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'ref_seq'; END;
CREATE TRIGGER levels_ref_seq_delete AFTER DELETE ON levels BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'ref_seq'; END;

CREATE TRIGGER regions_ref_seq_insert AFTER INSERT ON regions BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'ref_seq'; END;
CREATE TRIGGER regions_ref_seq_update AFTER UPDATE ON regions BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'ref_seq'; END;
CREATE TRIGGER regions_ref_seq_delete AFTER DELETE ON regions BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'ref_seq'; END;

CREATE TRIGGER administrators_ref_seq_insert AFTER INSERT ON administrators BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'ref_seq'; END;
CREATE TRIGGER administrators_ref_seq_update AFTER UPDATE ON administrators BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'ref_seq'; END;
CREATE TRIGGER administrators_ref_seq_delete AFTER DELETE ON administrators BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'ref_seq'; END;

CREATE TRIGGER fgroups_ref_seq_insert AFTER INSERT ON fgroups BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'ref_seq'; END;
CREATE TRIGGER fgroups_ref_seq_update AFTER UPDATE ON fgroups BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'ref_seq'; END;
CREATE TRIGGER fgroups_ref_seq_delete AFTER DELETE ON fgroups BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'ref_seq'; END;

CREATE TRIGGER fsubgroups_ref_seq_insert AFTER INSERT ON fsubgroups BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'ref_seq'; END;
CREATE TRIGGER fsubgroups_ref_seq_update AFTER UPDATE ON fsubgroups BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'ref_seq'; END;
CREATE TRIGGER fsubgroups_ref_seq_delete AFTER DELETE ON fsubgroups BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'ref_seq'; END;

CREATE TRIGGER programs_ref_seq_insert AFTER INSERT ON programs BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'ref_seq'; END;
CREATE TRIGGER programs_ref_seq_update AFTER UPDATE ON programs BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'ref_seq'; END;
CREATE TRIGGER programs_ref_seq_delete AFTER DELETE ON programs BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'ref_seq'; END;

CREATE TRIGGER subprograms_ref_seq_insert AFTER INSERT ON subprograms BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'ref_seq'; END;
CREATE TRIGGER subprograms_ref_seq_update AFTER UPDATE ON subprograms BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'ref_seq'; END;
CREATE TRIGGER subprograms_ref_seq_delete AFTER DELETE ON subprograms BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'ref_seq'; END;
