-- Migration 001: the document model (issue 3).  Applied by store_open() when
-- PRAGMA user_version < 1.  Amounts are INTEGER tenge (never floating point);
-- the XML and the site show thousand tenge.  Dates are ISO 'YYYY-MM-DD' text.

-- Change sequence: every write transaction bumps it; documents.seq records the
-- value at their last change so obgen rebuilds only what changed (issue 3.8).
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value INTEGER NOT NULL
);
INSERT INTO meta VALUES ('seq', 0);

-- Budget levels: republican, regional, cities of republican significance, district.
CREATE TABLE levels (
	code    TEXT PRIMARY KEY CHECK (code IN ('republican', 'regional', 'city', 'district')),
	ord     INTEGER NOT NULL,
	name_kk TEXT NOT NULL,
	name_ru TEXT NOT NULL
);

-- Regions and cities of republican significance, by KATO code.
CREATE TABLE regions (
	kato    TEXT PRIMARY KEY CHECK (length(kato) = 9 AND kato NOT GLOB '*[^0-9]*'),
	kind    TEXT NOT NULL CHECK (kind IN ('region', 'city')),
	ord     INTEGER NOT NULL,
	name_kk TEXT NOT NULL,
	name_ru TEXT NOT NULL
);

-- Budget program administrators: a state body, by 3-digit code and BIN.
-- region is NULL for central (republican) bodies.  The same code recurs in
-- every region (e.g. 252), so (code, region) identifies one.
CREATE TABLE administrators (
	id      INTEGER PRIMARY KEY,
	code    TEXT NOT NULL CHECK (length(code) = 3 AND code NOT GLOB '*[^0-9]*'),
	bin     TEXT NOT NULL UNIQUE CHECK (length(bin) = 12 AND bin NOT GLOB '*[^0-9]*'),
	level   TEXT NOT NULL REFERENCES levels(code),
	region  TEXT REFERENCES regions(kato),
	name_kk TEXT NOT NULL,
	name_ru TEXT NOT NULL
);
CREATE UNIQUE INDEX administrators_code ON administrators(code, ifnull(region, ''));

-- Functional classification: group / subgroup / administrator / program / subprogram.
CREATE TABLE fgroups (
	code    INTEGER PRIMARY KEY CHECK (code BETWEEN 1 AND 15),
	name_kk TEXT NOT NULL,
	name_ru TEXT NOT NULL
);
CREATE TABLE fsubgroups (
	fgroup  INTEGER NOT NULL REFERENCES fgroups(code),
	code    INTEGER NOT NULL CHECK (code BETWEEN 1 AND 99),
	name_kk TEXT NOT NULL,
	name_ru TEXT NOT NULL,
	PRIMARY KEY (fgroup, code)
);
CREATE TABLE programs (
	id        INTEGER PRIMARY KEY,
	admin_id  INTEGER NOT NULL REFERENCES administrators(id),
	code      TEXT NOT NULL CHECK (length(code) = 3 AND code NOT GLOB '*[^0-9]*'),
	fgroup    INTEGER NOT NULL,
	fsubgroup INTEGER NOT NULL,
	name_kk   TEXT NOT NULL,
	name_ru   TEXT NOT NULL,
	UNIQUE (admin_id, code),
	FOREIGN KEY (fgroup, fsubgroup) REFERENCES fsubgroups(fgroup, code)
);
CREATE TABLE subprograms (
	id         INTEGER PRIMARY KEY,
	program_id INTEGER NOT NULL REFERENCES programs(id),
	code       TEXT NOT NULL CHECK (length(code) = 3 AND code NOT GLOB '*[^0-9]*'),
	name_kk    TEXT NOT NULL,
	name_ru    TEXT NOT NULL,
	UNIQUE (program_id, code)
);

-- Documents of every kind the rules name (P-3..P-10, G).
CREATE TABLE documents (
	id             INTEGER PRIMARY KEY,
	number         TEXT NOT NULL UNIQUE,
	kind           TEXT NOT NULL CHECK (kind IN ('budget-report', 'financial-statements',
	               'citizen-budget', 'audit-result', 'passport', 'implementation-report',
	               'grant-report')),
	year           INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
	admin_id       INTEGER NOT NULL REFERENCES administrators(id),
	program_id     INTEGER REFERENCES programs(id),
	posted         TEXT NOT NULL,
	status         TEXT NOT NULL CHECK (status IN ('draft', 'published', 'in-discussion',
	               'discussion-closed', 'archived')),
	discussion_end TEXT,             -- P-9, P-10: passports and reports
	stage          TEXT CHECK (stage IN ('planning', 'execution')),   -- P-6
	received       TEXT,             -- P-7: the day the administrator received the audit results
	period         TEXT,             -- G: the reporting month, 'YYYY-MM'
	title_kk       TEXT NOT NULL,
	title_ru       TEXT NOT NULL,
	head_kk        TEXT,             -- P-17: head of the budget program
	head_ru        TEXT,
	version        INTEGER NOT NULL DEFAULT 1,
	seq            INTEGER NOT NULL
);
CREATE INDEX documents_kind_year ON documents(kind, year);
CREATE INDEX documents_admin ON documents(admin_id);
CREATE INDEX documents_seq ON documents(seq);
CREATE INDEX documents_program ON documents(program_id);

-- Every imported version, kept as received (evidence; `obctl export`).
CREATE TABLE document_versions (
	doc_id   INTEGER NOT NULL REFERENCES documents(id),
	version  INTEGER NOT NULL,
	sha256   TEXT NOT NULL,
	xml      BLOB NOT NULL,
	imported TEXT NOT NULL,
	PRIMARY KEY (doc_id, version)
);

-- Ordered tree of structural parts.  id is stable across versions: a new
-- version matches parts by key, keeps their id, and marks the parts it no
-- longer has with removed_in, so proposals and votes stay attached.
CREATE TABLE parts (
	id         INTEGER PRIMARY KEY,
	doc_id     INTEGER NOT NULL REFERENCES documents(id),
	key        TEXT NOT NULL,
	parent_id  INTEGER REFERENCES parts(id),
	ord        INTEGER NOT NULL,
	title_kk   TEXT NOT NULL,
	title_ru   TEXT NOT NULL,
	text_kk    TEXT,
	text_ru    TEXT,
	removed_in INTEGER,
	UNIQUE (doc_id, key)
);

-- P-9: a passport's indicators.  Expenditure indicators are in tenge
-- (thousand tenge on the site); result indicators carry their own unit and
-- are stored in thousandths of the unit.
CREATE TABLE indicators (
	doc_id     INTEGER NOT NULL REFERENCES documents(id),
	ord        INTEGER NOT NULL,
	kind       TEXT NOT NULL CHECK (kind IN ('final', 'direct', 'expense')),
	subprogram TEXT,
	total      INTEGER NOT NULL DEFAULT 0,   -- 1 for the total row of expense indicators
	name_kk    TEXT NOT NULL,
	name_ru    TEXT NOT NULL,
	unit_kk    TEXT NOT NULL,
	unit_ru    TEXT NOT NULL,
	actual     INTEGER,
	plan       INTEGER,
	plan1      INTEGER,
	plan2      INTEGER,
	plan3      INTEGER,
	PRIMARY KEY (doc_id, ord)
);

-- P-10: a report on the implementation of a passport, per program or
-- subprogram, in tenge.  not_executed = corrected - executed and splits into
-- savings and under-execution.
CREATE TABLE execution (
	doc_id          INTEGER NOT NULL REFERENCES documents(id),
	ord             INTEGER NOT NULL,
	subprogram      TEXT,
	total           INTEGER NOT NULL DEFAULT 0,
	name_kk         TEXT NOT NULL,
	name_ru         TEXT NOT NULL,
	approved        INTEGER NOT NULL,
	specified       INTEGER NOT NULL,
	corrected       INTEGER NOT NULL,
	executed        INTEGER NOT NULL,
	not_executed    INTEGER NOT NULL,
	savings         INTEGER NOT NULL,
	under_execution INTEGER NOT NULL,
	reason_kk       TEXT,
	reason_ru       TEXT,
	PRIMARY KEY (doc_id, ord)
);

-- Budget lines of budget reporting, consolidated statements and the citizen
-- budget, by functional classification, in tenge.
CREATE TABLE budget_lines (
	doc_id     INTEGER NOT NULL REFERENCES documents(id),
	ord        INTEGER NOT NULL,
	total      INTEGER NOT NULL DEFAULT 0,
	fgroup     INTEGER,
	fsubgroup  INTEGER,
	admin_code TEXT,
	program    TEXT,
	subprogram TEXT,
	name_kk    TEXT NOT NULL,
	name_ru    TEXT NOT NULL,
	plan       INTEGER NOT NULL,
	executed   INTEGER,
	PRIMARY KEY (doc_id, ord)
);

-- G: the 26 columns of the tied-grant monthly form, one cell per row/column.
CREATE TABLE grant_cells (
	doc_id INTEGER NOT NULL REFERENCES documents(id),
	row    INTEGER NOT NULL,
	col    INTEGER NOT NULL CHECK (col BETWEEN 1 AND 26),
	value  TEXT NOT NULL,
	PRIMARY KEY (doc_id, row, col)
);

-- Attachments, content-addressed by SHA-256 (P-10 supporting materials).
CREATE TABLE blobs (
	sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
	size   INTEGER NOT NULL,
	data   BLOB NOT NULL
);
CREATE TABLE attachments (
	doc_id INTEGER NOT NULL REFERENCES documents(id),
	ord    INTEGER NOT NULL,
	sha256 TEXT NOT NULL REFERENCES blobs(sha256),
	name   TEXT NOT NULL,
	type   TEXT NOT NULL,
	role   TEXT NOT NULL CHECK (role IN ('investment-evidence', 'other')),
	PRIMARY KEY (doc_id, ord)
);
