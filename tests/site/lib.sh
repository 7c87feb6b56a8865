# Shared by tests/site/*.sh: paths, the fixture database, one-line assertions.
# Each test prints "ok - ..." or "not ok - ..." per assertion and exits
# non-zero when any failed.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build}
OBGEN=${OBGEN:-$BUILD/obgen}
export OB_SHARE_DIR=${OB_SHARE_DIR:-$ROOT}
# One fixed "today" (core/clock.h): a page shows whether a discussion is
# still open, and the statistics what is overdue, on that day.
export OB_TODAY=${OB_TODAY:-2025-12-01}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/obsite.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
FAILED=0

ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; FAILED=1; }
check() { # check DESCRIPTION COMMAND...
	d=$1; shift
	if "$@" >"$TMP/check.out" 2>&1; then ok "$d"; else not_ok "$d"; sed 's/^/#   /' "$TMP/check.out" | head -20; fi
}
finish() { exit "$FAILED"; }

# make_db FILE [SQL...]: the migrations of schema/ in order (as store_open
# applies them), then tests/fixtures/site.sql, then any extra SQL files.
make_db() {
	db=$1; shift
	rm -f "$db"
	for m in "$ROOT"/schema/[0-9]*.sql; do
		n=$(basename "$m" | sed 's/^0*\([0-9][0-9]*\)_.*/\1/')
		{ echo "BEGIN;"; cat "$m"; echo "PRAGMA user_version = $n; COMMIT;"; } | sqlite3 "$db" || return 1
	done
	sqlite3 "$db" "PRAGMA journal_mode = WAL;" >/dev/null
	for f in "$ROOT/tests/fixtures/site.sql" "$@"; do
		sqlite3 "$db" < "$f" || return 1
	done
}

# site_files DIR: every file of the published site, relative, sorted.
site_files() { (cd "$1/current/" && find -L . -type f | sed 's|^\./||' | LC_ALL=C sort); }

# change DB SQL: one write transaction that bumps meta.seq, as every writer does;
# the SQL may use (SELECT value FROM meta WHERE key = 'seq') for documents.seq.
change() {
	sqlite3 "$1" "BEGIN IMMEDIATE; UPDATE meta SET value = value + 1 WHERE key = 'seq'; $2; COMMIT;"
}
SEQ="(SELECT value FROM meta WHERE key = 'seq')"

# build DB OUT [ARGS]: one obgen run, quiet.
build() {
	db=$1 out=$2; shift 2
	"$OBGEN" --db "$db" --out "$out" --synthetic --quiet "$@"
}
