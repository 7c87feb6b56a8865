#!/bin/bash
# Rendered pages and data files of the fixture database, in kk and ru,
# against the expected-output files in tests/expected/site/.  To accept a
# deliberate change: UPDATE=1 tests/site/expected.sh, then review the diff.
. "$(dirname "$0")/lib.sh"

FILES="index.html kk/index.html ru/index.html kk/doc/0/2.html ru/doc/0/2.html
kk/doc/0/3.html ru/doc/0/3.html ru/doc/0/4.html kk/doc/0/7.html kk/kind/passport/index.html
ru/program/0/1.html kk/charts/2025.html ru/data/index.html kk/stats/index.html ru/stats/index.html
data/doc/0/2.discussion.xml data/doc/0/2.discussion.csv data/doc/0/3.discussion.csv
data/doc/0/2.indicators.csv data/doc/0/3.execution.csv data/doc/0/4.lines.csv data/doc/0/7.grant.csv
data/fdp/budget-lines-2025.csv data/fdp/datapackage.json"
EXP="$ROOT/tests/expected/site"

make_db "$TMP/site.db" && build "$TMP/site.db" "$TMP/out" || { not_ok "build the fixture site"; finish; }
for f in $FILES; do
	if [ "${UPDATE:-0}" = 1 ]; then
		mkdir -p "$(dirname "$EXP/$f")" && cp "$TMP/out/current/$f" "$EXP/$f"
	fi
	if cmp -s "$TMP/out/current/$f" "$EXP/$f"; then
		ok "$f matches tests/expected/site/$f"
	else
		not_ok "$f differs from tests/expected/site/$f"
		case "$f" in
		*.html) diff <(xmllint --format "$EXP/$f" 2>/dev/null) <(xmllint --format "$TMP/out/current/$f") | head -20 | sed 's/^/#   /' ;;
		*) diff "$EXP/$f" "$TMP/out/current/$f" | head -20 | sed 's/^/#   /' ;;
		esac
	fi
done
# RFC 4180: CRLF line ends, quotes doubled.
check "CSV lines end with CRLF" sh -c "! grep -qv \"\$(printf '\\r')\$\" '$TMP/out/current/data/doc/0/4.lines.csv'"
check "CSV doubles quotes" grep -q '"Стационарная помощь, ""больницы"""' "$TMP/out/current/data/doc/0/4.lines.csv"
check "amounts in thousand tenge, space-grouped, comma decimal" grep -q "$(printf '1\302\240234\302\240567,9')" "$TMP/out/current/ru/doc/0/4.html"
check "savings and under-execution are separate columns" grep -q 'class="num savings"' "$TMP/out/current/kk/doc/0/3.html"
check "parts keep their stable id as anchor" grep -q 'id="part-2"' "$TMP/out/current/kk/doc/0/2.html"
check "removed parts are not shown" sh -c "! grep -q 'part-4' '$TMP/out/current/kk/doc/0/2.html'"
check "the document XML is the latest version" grep -q 'version="2"' "$TMP/out/current/data/doc/0/2.xml"
check "schemas are published under /schema/" test -f "$TMP/out/current/schema/passport.xsd"
finish
