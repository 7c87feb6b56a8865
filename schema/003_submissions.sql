-- Migration 003: signed submissions (issue 4; P-11, P-13..P-16).
-- Every accepted submission keeps its signed XML as evidence, append-only;
-- proposals, votes, moderation decisions and answers are the state derived
-- from them.  Times are UTC 'YYYY-MM-DDTHH:MM:SSZ'; days (for working-day
-- deadlines) are the Asia/Almaty date 'YYYY-MM-DD'.

-- Server secrets, made once from SQLite's CSPRNG (seeded by the OS):
-- 'nonce' keys the HMAC of challenges, 'pseudonym' keys the stable pseudonyms
-- that replace IINs in open data.
CREATE TABLE secrets (
	name  TEXT PRIMARY KEY,
	value BLOB NOT NULL CHECK (length(value) = 32)
);
INSERT INTO secrets VALUES ('nonce', randomblob(32)), ('pseudonym', randomblob(32));

-- Evidence: the exact bytes that were signed and verified.
CREATE TABLE submissions (
	id          TEXT PRIMARY KEY CHECK (length(id) = 32),   -- receipt id, random hex
	kind        TEXT NOT NULL CHECK (kind IN ('proposal', 'vote', 'moderation', 'answer', 'document')),
	received    TEXT NOT NULL,
	iin         TEXT NOT NULL CHECK (length(iin) = 12),
	bin         TEXT,
	cert_sha256 TEXT NOT NULL,
	sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
	doc_id      INTEGER REFERENCES documents(id),
	xml         BLOB NOT NULL
);
CREATE INDEX submissions_doc ON submissions(doc_id, kind);
CREATE TRIGGER submissions_no_update BEFORE UPDATE ON submissions
	BEGIN SELECT RAISE(ABORT, 'submissions are append-only'); END;
CREATE TRIGGER submissions_no_delete BEFORE DELETE ON submissions
	BEGIN SELECT RAISE(ABORT, 'submissions are append-only'); END;

-- Single use of challenges: a nonce is recorded in the transaction that
-- stores its submission; rows past expiry are pruned.
CREATE TABLE nonces_used (
	nonce   TEXT PRIMARY KEY,
	expires INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX nonces_used_expires ON nonces_used(expires);  -- pruning without a scan

-- Who may moderate (operator, by IIN) and who answers and posts for an
-- administrator (by the BIN in the certificate, optionally one person).
CREATE TABLE roles (
	id       INTEGER PRIMARY KEY,
	role     TEXT NOT NULL CHECK (role IN ('operator', 'administrator')),
	iin      TEXT CHECK (iin IS NULL OR length(iin) = 12),
	admin_id INTEGER REFERENCES administrators(id),
	granted  TEXT NOT NULL,
	revoked  TEXT,
	CHECK ((role = 'operator' AND iin IS NOT NULL AND admin_id IS NULL) OR
	       (role = 'administrator' AND admin_id IS NOT NULL))
);
CREATE INDEX roles_iin ON roles(iin);
CREATE INDEX roles_admin ON roles(admin_id);

-- P-13, P-14: a proposal to one structural part; public only once published.
CREATE TABLE proposals (
	id         INTEGER PRIMARY KEY,
	submission TEXT NOT NULL UNIQUE REFERENCES submissions(id),
	doc_id     INTEGER NOT NULL REFERENCES documents(id),
	part_id    INTEGER NOT NULL REFERENCES parts(id),
	iin        TEXT NOT NULL,
	lang       TEXT NOT NULL CHECK (lang IN ('kk', 'ru')),
	text       TEXT NOT NULL,
	received   TEXT NOT NULL,          -- UTC time
	day        TEXT NOT NULL,          -- Almaty date, start of the P-15 deadline
	status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'published', 'refused'))
);
CREATE INDEX proposals_doc ON proposals(doc_id, status);

-- P-15: the operator's decision, one per proposal.
CREATE TABLE moderation (
	proposal_id   INTEGER PRIMARY KEY REFERENCES proposals(id),
	submission    TEXT NOT NULL UNIQUE REFERENCES submissions(id),
	operator_iin  TEXT NOT NULL,
	decision      TEXT NOT NULL CHECK (decision IN ('publish', 'refuse')),
	reason        TEXT CHECK (reason IS NULL OR reason IN ('obscene', 'insulting', 'advertising',
	              'spam', 'off-topic', 'duplicate', 'other')),
	justification TEXT,
	decided       TEXT NOT NULL,
	day           TEXT NOT NULL,
	-- ifnull: length(NULL) is NULL, and a CHECK that is NULL passes.
	CHECK (decision = 'publish' OR (reason IS NOT NULL AND ifnull(length(justification), 0) > 0))
);

-- P-16: the administrator's answer, one per published proposal.
CREATE TABLE answers (
	proposal_id   INTEGER PRIMARY KEY REFERENCES proposals(id),
	submission    TEXT NOT NULL UNIQUE REFERENCES submissions(id),
	iin           TEXT NOT NULL,
	decision      TEXT NOT NULL CHECK (decision IN ('accepted', 'not-accepted')),
	justification TEXT NOT NULL CHECK (length(justification) > 0),
	lang          TEXT NOT NULL CHECK (lang IN ('kk', 'ru')),
	answered      TEXT NOT NULL,
	day           TEXT NOT NULL
);

-- P-11: one vote per person and target; a new vote replaces the earlier one
-- (the earlier stays in submissions).  proposal_id 0 is the document itself.
CREATE TABLE votes (
	doc_id      INTEGER NOT NULL REFERENCES documents(id),
	proposal_id INTEGER NOT NULL,
	iin         TEXT NOT NULL,
	choice      TEXT NOT NULL CHECK (choice IN ('for', 'against')),
	submission  TEXT NOT NULL REFERENCES submissions(id),
	cast_at     TEXT NOT NULL,
	PRIMARY KEY (doc_id, proposal_id, iin)
) WITHOUT ROWID;

-- P-14: the screening's advice on each proposal (core/screen.c), shown to
-- the operator in the queue; it never decides.  Codes: obscene, insulting,
-- advertising, link, phone, price, shouting, empty, duplicate, flood.
CREATE TABLE proposal_flags (
	proposal_id INTEGER NOT NULL REFERENCES proposals(id),
	code        TEXT NOT NULL,
	detail      TEXT NOT NULL,
	PRIMARY KEY (proposal_id, code)
) WITHOUT ROWID;
