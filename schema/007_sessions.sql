-- Staff sessions (issue 6.2): a signed challenge with an authentication
-- certificate (EKU 1.3.6.1.5.5.7.3.2) opens one.  The cookie's value is
-- never stored, only its SHA-256, so a copy of the database opens no
-- session.  A session shows consoles only; every decision is signed on its
-- own (P-15, P-16).  Who may see what is decided at each request from the
-- roles (core/access.c), so a revoked role takes effect at once.
CREATE TABLE sessions (
	id          INTEGER PRIMARY KEY,
	token_hash  TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
	csrf        TEXT NOT NULL CHECK (length(csrf) = 64),
	iin         TEXT NOT NULL CHECK (length(iin) = 12),
	bin         TEXT NOT NULL DEFAULT '',
	name        TEXT NOT NULL,
	cert_sha256 TEXT NOT NULL,
	created     INTEGER NOT NULL,   -- Unix time
	last_seen   INTEGER NOT NULL,   -- idle expiry counts from here
	expires     INTEGER NOT NULL,   -- absolute end (and never after the certificate's)
	ended       INTEGER             -- logout
);
CREATE INDEX sessions_expires ON sessions(expires);
