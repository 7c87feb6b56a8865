-- Migration 012: when the inputs of the compliance record last changed
-- (issue 3.8; core/db_compliance.c, P-5, P-7, P-10, G).  obgen --watch keeps
-- the record between builds and reads it again only when meta.compliance_seq
-- has passed the snapshot it was read from, the reference data changed
-- (meta.ref_seq: administrators, programs) or the day changed
-- (generator/units_lifecycle.c).  Reading it costs 15-20 ms on the
-- benchmark site, a third of the path from a change to the site.
--
-- The record reads these columns of the documents of five kinds (the kind
-- IN (...) list of core/db_compliance.c and migration 011) and the working
-- day calendar.  A write that leaves all of them as they were (a document's
-- new version with other texts, a vote, a proposal) leaves the seq alone.
-- As with ref_seq (migration 010), the writer has bumped meta.seq first, so
-- the seq recorded is the one of the writing transaction.
--
-- A database that already has documents starts at the current seq: a
-- generator that read an earlier snapshot reads the record once more.
INSERT INTO meta VALUES ('compliance_seq', (SELECT value FROM meta WHERE key = 'seq'));

CREATE TRIGGER documents_compliance_seq_insert AFTER INSERT ON documents
	WHEN NEW.kind IN ('financial-statements', 'audit-result', 'implementation-report',
	                  'grant-report', 'passport') BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'compliance_seq'; END;
CREATE TRIGGER documents_compliance_seq_delete AFTER DELETE ON documents
	WHEN OLD.kind IN ('financial-statements', 'audit-result', 'implementation-report',
	                  'grant-report', 'passport') BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'compliance_seq'; END;
CREATE TRIGGER documents_compliance_seq_update AFTER UPDATE ON documents
	WHEN (OLD.kind IN ('financial-statements', 'audit-result', 'implementation-report',
	                   'grant-report', 'passport') OR
	      NEW.kind IN ('financial-statements', 'audit-result', 'implementation-report',
	                   'grant-report', 'passport')) AND
	     (OLD.id IS NOT NEW.id OR OLD.kind IS NOT NEW.kind OR OLD.admin_id IS NOT NEW.admin_id OR
	      OLD.number IS NOT NEW.number OR OLD.status IS NOT NEW.status OR
	      OLD.posted IS NOT NEW.posted OR OLD.received IS NOT NEW.received OR
	      OLD.period IS NOT NEW.period OR OLD.year IS NOT NEW.year OR
	      OLD.program_id IS NOT NEW.program_id) BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'compliance_seq'; END;

CREATE TRIGGER calendar_years_compliance_seq_insert AFTER INSERT ON calendar_years BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'compliance_seq'; END;
CREATE TRIGGER calendar_years_compliance_seq_update AFTER UPDATE ON calendar_years BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'compliance_seq'; END;
CREATE TRIGGER calendar_years_compliance_seq_delete AFTER DELETE ON calendar_years BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'compliance_seq'; END;
CREATE TRIGGER calendar_days_compliance_seq_insert AFTER INSERT ON calendar_days BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'compliance_seq'; END;
CREATE TRIGGER calendar_days_compliance_seq_update AFTER UPDATE ON calendar_days BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'compliance_seq'; END;
CREATE TRIGGER calendar_days_compliance_seq_delete AFTER DELETE ON calendar_days BEGIN
	UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'seq') WHERE key = 'compliance_seq'; END;
