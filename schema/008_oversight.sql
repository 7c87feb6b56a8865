-- Migration 008: read-only access of oversight bodies (issue 7; Order No. 270,
-- A-6..A-15).  Representative bodies and state audit bodies are registered
-- by the operator (obctl oversight body add); they ask for access for their
-- employees with a signed request (A-8), the operator reviews it within 2
-- working days and grants it within 2 working days of approval (A-9), the
-- account lasts one calendar year (A-9) and is blocked at the body's signed
-- request, at once (A-9).  Every deadline is computed at read time from the
-- working-day calendar (core/oversight.c), never stored here.  Times are UTC
-- 'YYYY-MM-DDTHH:MM:SSZ', days the Asia/Almaty date 'YYYY-MM-DD'.

-- The signed requests, decisions and blocks are evidence like every other
-- signed submission: submissions.kind gets three more values.  SQLite
-- cannot change a CHECK in place, so the table is rebuilt; the foreign keys
-- that point at it (proposals, moderation, answers, votes) are checked at
-- COMMIT (defer_foreign_keys), when the rows are back under the same name.
-- The migration's own transaction makes it all or nothing.  The columns are
-- those of 003; a migration that adds one to submissions must come after
-- this one (or add it to both lists below).
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE submissions_007 AS SELECT * FROM submissions;
DROP TABLE submissions;
CREATE TABLE submissions (
	id          TEXT PRIMARY KEY CHECK (length(id) = 32),   -- receipt id, random hex
	kind        TEXT NOT NULL CHECK (kind IN ('proposal', 'vote', 'moderation', 'answer', 'document',
	            'oversight-request', 'oversight-decision', 'oversight-block')),
	received    TEXT NOT NULL,
	iin         TEXT NOT NULL CHECK (length(iin) = 12),
	bin         TEXT,
	cert_sha256 TEXT NOT NULL,
	sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
	doc_id      INTEGER REFERENCES documents(id),
	xml         BLOB NOT NULL
);
-- Each row put back settles the deferred violations of the rows pointing at it.
INSERT INTO submissions (id, kind, received, iin, bin, cert_sha256, sha256, doc_id, xml)
	SELECT id, kind, received, iin, bin, cert_sha256, sha256, doc_id, xml FROM submissions_007;
DROP TABLE submissions_007;
CREATE INDEX submissions_doc ON submissions(doc_id, kind);
CREATE TRIGGER submissions_no_update BEFORE UPDATE ON submissions
	BEGIN SELECT RAISE(ABORT, 'submissions are append-only'); END;
CREATE TRIGGER submissions_no_delete BEFORE DELETE ON submissions
	BEGIN SELECT RAISE(ABORT, 'submissions are append-only'); END;

-- A-6: a registered oversight body.  kind decides its scope (core/scope.c):
--   parliament, audit-chamber, internal-audit   the republican and every local budget;
--   maslikhat, revision-commission               the local budgets of region;
--   central-audit-service                        the central body's budget: admin_codes;
--   regional-audit-service                       the budget of region;
--   interior-territorial                         administrators 252 and 352 of region.
-- region is the KATO code of an oblast, a city of republican significance
-- or the capital (regions.kato); admin_codes is "CODE,CODE" (sorted, no
-- spaces).  A-11: the body signs with its legal-entity certificate, whose
-- BIN (OU=BIN...) identifies it.
CREATE TABLE oversight_bodies (
	id          INTEGER PRIMARY KEY,
	kind        TEXT NOT NULL CHECK (kind IN ('parliament', 'audit-chamber', 'internal-audit',
	            'maslikhat', 'revision-commission', 'central-audit-service',
	            'regional-audit-service', 'interior-territorial')),
	bin         TEXT NOT NULL UNIQUE CHECK (length(bin) = 12 AND bin NOT GLOB '*[^0-9]*'),
	region      TEXT REFERENCES regions(kato),
	admin_codes TEXT NOT NULL DEFAULT '' CHECK (admin_codes NOT GLOB '*[^0-9,]*'),
	name_kk     TEXT NOT NULL CHECK (name_kk <> ''),
	name_ru     TEXT NOT NULL CHECK (name_ru <> ''),
	added       TEXT NOT NULL,
	CHECK ((kind IN ('maslikhat', 'revision-commission', 'regional-audit-service',
	                 'interior-territorial')) = (region IS NOT NULL)),
	CHECK ((kind = 'central-audit-service') = (admin_codes <> ''))
);

-- A-8: one employee's access request, from one signed request of the body
-- (the form of the Order's appendix, one row of its table).
CREATE TABLE oversight_requests (
	id         INTEGER PRIMARY KEY,
	submission TEXT NOT NULL UNIQUE REFERENCES submissions(id),
	body_id    INTEGER NOT NULL REFERENCES oversight_bodies(id),
	full_name  TEXT NOT NULL CHECK (full_name <> ''),
	iin        TEXT NOT NULL CHECK (length(iin) = 12 AND iin NOT GLOB '*[^0-9]*'),
	position   TEXT NOT NULL CHECK (position <> ''),
	unit       TEXT NOT NULL CHECK (unit <> ''),
	qr         TEXT NOT NULL CHECK (qr <> ''),      -- the E-Qyzmet identification QR code's data
	phone      TEXT,
	email      TEXT,
	purpose    TEXT NOT NULL CHECK (purpose <> ''),
	received   TEXT NOT NULL,
	day        TEXT NOT NULL,                       -- A-9: the review term starts the next day
	CHECK (phone IS NOT NULL OR email IS NOT NULL)
);
CREATE INDEX oversight_requests_body ON oversight_requests(body_id);
CREATE INDEX oversight_requests_iin ON oversight_requests(iin);

-- A-9: the operator's review, one per request; a refusal says why.
CREATE TABLE oversight_reviews (
	request_id    INTEGER PRIMARY KEY REFERENCES oversight_requests(id),
	submission    TEXT NOT NULL UNIQUE REFERENCES submissions(id),
	operator_iin  TEXT NOT NULL,
	decision      TEXT NOT NULL CHECK (decision IN ('approve', 'refuse')),
	justification TEXT,
	decided       TEXT NOT NULL,
	day           TEXT NOT NULL,                    -- A-9: the grant term starts the next day
	CHECK (decision = 'approve' OR ifnull(length(justification), 0) > 0)
);

-- A-9, A-15: the account a grant opens, for one calendar year: active
-- while granted_day <= today < expires and not blocked or superseded.
-- "Active" depends on today, so no job ever expires an account: readers
-- compare with ob_today().  One person, one account (A-15): at most one
-- account per IIN is neither blocked nor superseded; a grant to the same
-- body before the year ends supersedes the earlier account (a renewal), a
-- grant while another body's account is active is refused.
CREATE TABLE oversight_accounts (
	id          INTEGER PRIMARY KEY,
	request_id  INTEGER NOT NULL UNIQUE REFERENCES oversight_requests(id),
	submission  TEXT NOT NULL UNIQUE REFERENCES submissions(id),
	body_id     INTEGER NOT NULL REFERENCES oversight_bodies(id),
	bin         TEXT NOT NULL CHECK (length(bin) = 12),
	iin         TEXT NOT NULL CHECK (length(iin) = 12),
	granted     TEXT NOT NULL,
	granted_day TEXT NOT NULL,
	expires     TEXT NOT NULL CHECK (expires > granted_day),  -- the first day it is inactive
	blocked     TEXT,                                         -- UTC time of the block
	superseded  INTEGER REFERENCES oversight_requests(id)     -- the request whose grant replaced it
);
CREATE UNIQUE INDEX oversight_accounts_one ON oversight_accounts(iin)
	WHERE blocked IS NULL AND superseded IS NULL;
CREATE INDEX oversight_accounts_login ON oversight_accounts(iin, bin);
-- A block or a supersession is for good; nothing else of an account changes.
CREATE TRIGGER oversight_accounts_final BEFORE UPDATE ON oversight_accounts
	WHEN OLD.blocked IS NOT NULL OR OLD.superseded IS NOT NULL
	  OR NEW.id IS NOT OLD.id OR NEW.request_id IS NOT OLD.request_id
	  OR NEW.submission IS NOT OLD.submission OR NEW.body_id IS NOT OLD.body_id
	  OR NEW.bin IS NOT OLD.bin OR NEW.iin IS NOT OLD.iin OR NEW.granted IS NOT OLD.granted
	  OR NEW.granted_day IS NOT OLD.granted_day OR NEW.expires IS NOT OLD.expires
	BEGIN SELECT RAISE(ABORT, 'an account only gets blocked or superseded, once'); END;
CREATE TRIGGER oversight_accounts_no_delete BEFORE DELETE ON oversight_accounts
	BEGIN SELECT RAISE(ABORT, 'accounts are kept'); END;

-- A-9: the body's request to block an employee's account, due within 3
-- working days after the day the employee's powers ended (left_on); the
-- block itself is immediate.
CREATE TABLE oversight_blocks (
	id         INTEGER PRIMARY KEY,
	submission TEXT NOT NULL UNIQUE REFERENCES submissions(id),
	account_id INTEGER NOT NULL UNIQUE REFERENCES oversight_accounts(id),
	left_on    TEXT NOT NULL,
	reason     TEXT NOT NULL CHECK (reason IN ('dismissed', 'transferred', 'other')),
	received   TEXT NOT NULL,
	day        TEXT NOT NULL
);

-- What every oversight user did (A-15: no shared logins, so a line is one
-- person): who, when, under which scope, what was opened.  Append-only.
CREATE TABLE oversight_audit (
	id         INTEGER PRIMARY KEY,
	at         TEXT NOT NULL,
	account_id INTEGER REFERENCES oversight_accounts(id),
	iin        TEXT NOT NULL,
	bin        TEXT NOT NULL,
	scope      TEXT NOT NULL,        -- scope_describe() at the time, e.g. "maslikhat 190000000"
	action     TEXT NOT NULL CHECK (action <> ''),   -- sign-in, open, list, export, ...
	object     TEXT NOT NULL         -- what was opened: a document number, a page, an export
);
CREATE INDEX oversight_audit_at ON oversight_audit(at);
CREATE TRIGGER oversight_audit_no_update BEFORE UPDATE ON oversight_audit
	BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER oversight_audit_no_delete BEFORE DELETE ON oversight_audit
	BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
