#!/bin/bash
# The browser tests (issue 6): the real stack, as tests/e2e/api.sh starts it
# (a demo database, a test CA made now, obfcgi and obgen --watch behind
# nginx on a free port), then the node tests of tests/browser/*.js against
# it with Debian's chromium and the test NCALayer (ncalayer.js).  One
# "ok:"/"not ok:" line per assertion; non-zero exit on any failure.
# Screenshots of every page type, kk and ru, go to $BUILD/screenshots/.
#
# usage: BUILD=build tests/browser/run.sh [TEST.js...]   (default: every *.js test)
# Needs chromium, nodejs and tests/browser/node_modules (scripts/install-deps).
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
BUILD=$(cd "$BUILD" && pwd)
# The demo's passports posted on 2026-11-27 are in discussion on this day.
export OB_TODAY=2026-11-29
NS=urn:obkz:doc:1
B=$TMP/b
DB=$B/demo/portal.db
PKI=$B/demo/pki
RUN=$TMP/run
NGINX_RUN=$RUN

[ -x /usr/bin/chromium ] || { bad "chromium is installed (scripts/install-deps)"; exit 1; }
[ -d tests/browser/node_modules/playwright-core ] ||
	{ bad "tests/browser/node_modules is installed (scripts/install-deps)"; exit 1; }

mkdir -p "$B" && cp "$OBCTL" "$OBGEN" "$BUILD/obfcgi" "$B/"
ctl() { "$B/obctl" --db "$DB" "$@"; }
SITE=$(scripts/demo-site "$B" 2>/dev/null | tail -n 1)
check "demo site built" test -f "$SITE/kk/index.html"
# The operator (users/staff) and an administrator (users/admin-CODE), for
# the staff consoles' tests.
read -r ADMIN_CODE ADMIN_BIN < <(scripts/demo-pki "$B" 2>"$TMP/pki.log" | tail -n 1)
check "demo PKI made" test -n "$ADMIN_CODE" -a -f "$PKI/users/admin-$ADMIN_CODE.pem"

# The document under test: a passport in discussion nobody has voted on.
DOC=$(ctl list | awk -F'\t' '$3 == "passport" && $7 == "in-discussion" { print $2; exit }')
DOC_ID=$(ctl list | awk -F'\t' -v n="$DOC" '$2 == n { print $1 }')
GOAL=$(ctl show "$DOC" | sed -n 's/^ *\[\([0-9]*\)\] goal .*/\1/p')
CLOSED=$(cd "$SITE/kk" && ls doc/*/*-report.html 2>/dev/null | head -n 1)
page_of() { (cd "$SITE/kk" && ls doc/*/"$1" 2>/dev/null | head -n 1); }
DOC_PAGE=$(page_of "$DOC_ID.html")
check "a passport in discussion ($DOC), its page and a closed one with a final report" \
	test -n "$DOC" -a -n "$GOAL" -a -n "$DOC_PAGE" -a -n "$CLOSED"

PORT=$(free_port)
URL=http://127.0.0.1:$PORT
check "obfcgi and obgen --watch start" scripts/api-start "$B" "$RUN" "$DB" "$B/demo/trust" "$B/site"
API_RATE=100000r/s check "nginx starts" scripts/nginx-start "$RUN" "$SITE" "$PORT"
check "the pages allow the connection to NCALayer and nothing else (CSP connect-src)" \
	sh -c "curl -sI '$URL/kk/$DOC_PAGE' | grep -qi \"^content-security-policy:.*connect-src 'self' wss://127.0.0.1:13579;\""

# A published proposal to vote on: one citizen proposes (signed as
# NCALayer signs), the operator publishes it (P-15).
send() { # ENDPOINT WHO XML -> the receipt's proposal id
	local n
	n=$(curl -s "$URL/api/challenge" | sed -n 's/.* nonce="\([0-9a-f]*\)".*/\1/p')
	printf '<?xml version="1.0" encoding="UTF-8"?>\n%s\n' "${3/ xmlns=\"$NS\"/ xmlns=\"$NS\" nonce=\"$n\"}" >"$TMP/in.xml"
	sh tests/pki/sign.sh "$TMP/in.xml" "$PKI/users/$2.key" "$PKI/users/$2.pem" >"$TMP/signed.xml" 2>>"$TMP/sign.log"
	curl -s -H 'Content-Type: application/xml' --data-binary @"$TMP/signed.xml" "$URL/api/$1" >"$TMP/out.xml"
	sed -n 's/.* proposal="\([0-9]*\)".*/\1/p' "$TMP/out.xml"
}
PROPOSAL=$(SIG_ALG=ecdsa-sha256 send proposals citizen-ec "<proposal xmlns=\"$NS\" document=\"$DOC\" part=\"$GOAL\" lang=\"kk\"><text>Жол белгілерін жаңарту ұсынылады (синтетикалық сынақ).</text></proposal>")
send moderation staff "<moderation xmlns=\"$NS\" proposal=\"$PROPOSAL\" decision=\"publish\"></moderation>" >/dev/null
check "a proposal ($PROPOSAL) is published" grep -q 'status="accepted"' "$TMP/out.xml"
[ -n "$PROPOSAL" ] || sed 's/^/#   /' "$TMP/out.xml" "$TMP/sign.log" | head -n 10
# obgen --watch shows it within about two seconds (docs/api.md).
i=0
until grep -q "id=\"proposal-$PROPOSAL\"" "$SITE/kk/$DOC_PAGE" 2>/dev/null || [ $i -ge 200 ]; do
	sleep 0.05
	i=$((i + 1))
done
check "... and on the document's page" grep -q "id=\"proposal-$PROPOSAL\"" "$SITE/kk/$DOC_PAGE"

PRESS=$(page_of "$DOC_ID-press.html")
PAGES=$(printf '{"home": "", "list": "kind/passport/", "discussions": "discussion/", "document-in-discussion": "%s", "document-closed": "%s", "final-report": "%s", "stats": "stats/", "compliance": "compliance/", "press": "%s"}' \
	"$DOC_PAGE" "${CLOSED%-report.html}.html" "$CLOSED" "${PRESS:-press/}")

# The test NCALayer listens where NCALayer does (127.0.0.1:13579, the one
# address the pages may connect to): one run at a time on this machine.
exec 9>"${TMPDIR:-/tmp}/obkz-ncalayer-13579.lock"
if ! flock -w 600 9; then bad "the NCALayer port is free (another browser test run holds it)"; exit 1; fi
mkdir -p "$BUILD/screenshots"
tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=(tests/browser/citizen.js tests/browser/staff.js tests/browser/oversight.js)
for t in "${tests[@]}"; do
	echo "# $t"
	BASE_URL=$URL/ PKI=$PKI SCREENSHOTS=$BUILD/screenshots DOC=$DOC DOC_PAGE=$DOC_PAGE \
	PROPOSAL=$PROPOSAL PAGES=$PAGES ADMIN_CODE=$ADMIN_CODE ADMIN_BIN=$ADMIN_BIN DB=$DB \
		node "$t" >"$TMP/node.out" 2>&1
	rc=$?
	cat "$TMP/node.out"
	FAILS=$((FAILS + $(grep -c '^not ok:' "$TMP/node.out")))
	[ $rc -eq 0 ] || grep -q '^not ok:' "$TMP/node.out" || bad "$t exited with $rc"
done
echo "screenshots: $BUILD/screenshots/"
finish
