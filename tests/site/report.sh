#!/bin/bash
# The reports on the results of public discussions (P-17), their press
# releases (P-12), the Atom feeds and the compliance pages on the fixture
# database with tests/fixtures/lifecycle.sql: `obctl lifecycle` closes and
# reports the discussions that ended, obgen publishes them.  Pages and data
# files against tests/expected/report/ in kk and ru (UPDATE=1 to accept a
# deliberate change, then review the diff).  The date is fixed: OB_TODAY.
. "$(dirname "$0")/lib.sh"

OBCTL=${OBCTL:-$BUILD/obctl}
export OB_TODAY=2026-05-01
EXP="$ROOT/tests/expected/report"
FILES="kk/doc/0/2-report.html ru/doc/0/2-report.html kk/doc/0/3-report.html ru/doc/0/3-report.html
data/doc/0/2-report.xml data/doc/0/2-report.csv data/doc/0/3-report.xml data/doc/0/3-report.csv
kk/doc/0/2-press.html ru/doc/0/3-press.html kk/press/index.html ru/atom.xml kk/atom.xml
ru/compliance/index.html kk/compliance/p-10.html"
OUT="$TMP/out/current"

make_db "$TMP/site.db" "$ROOT/tests/fixtures/lifecycle.sql" || { not_ok "make the fixture database"; finish; }
for y in 2025 2026; do
	"$OBCTL" --db "$TMP/site.db" calendar import "$ROOT/data/calendar/$y.xml" >/dev/null ||
		not_ok "load the $y calendar"
done
"$OBCTL" --db "$TMP/site.db" lifecycle --today 2026-04-17 >"$TMP/l0" &&
	grep -q '^obctl lifecycle: 3 discussions closed' "$TMP/l0" &&
	ok "on the report's last day only the passports whose discussion ended before are reported" ||
	not_ok "lifecycle on 2026-04-17: $(cat "$TMP/l0")"
"$OBCTL" --db "$TMP/site.db" lifecycle >"$TMP/l1" && grep -q '^obctl lifecycle: 1 discussion closed' "$TMP/l1" &&
	ok "later, the implementation report is reported" ||
	not_ok "lifecycle on 2026-05-01: $(cat "$TMP/l1")"
"$OBCTL" --db "$TMP/site.db" lifecycle >"$TMP/l2" && grep -q '^obctl lifecycle: 0 discussions' "$TMP/l2" &&
	ok "a second run reports nothing again" || not_ok "second run: $(cat "$TMP/l2")"
[ "$(sqlite3 "$TMP/site.db" "SELECT group_concat(doc_id || ':' || appendix || ':' || reported, ' ') FROM final_reports")" = \
  "1:1:2026-04-17 2:1:2026-04-17 3:2:2026-05-01 10:1:2026-04-17" ] &&
	ok "one frozen report per discussion, with the day it was made" ||
	not_ok "final reports: $(sqlite3 "$TMP/site.db" "SELECT doc_id, appendix, reported FROM final_reports")"
[ "$(sqlite3 "$TMP/site.db" "SELECT group_concat(status, ' ') FROM documents WHERE id IN (2, 10)")" = \
  "discussion-closed discussion-closed" ] && ok "ended discussions are closed" || not_ok "statuses not closed"

build "$TMP/site.db" "$TMP/out" || { not_ok "build the site"; finish; }
for f in $FILES; do
	if [ "${UPDATE:-0}" = 1 ]; then
		mkdir -p "$(dirname "$EXP/$f")" && cp "$OUT/$f" "$EXP/$f"
	fi
	if cmp -s "$OUT/$f" "$EXP/$f"; then
		ok "$f matches tests/expected/report/$f"
	else
		not_ok "$f differs from tests/expected/report/$f"
		case "$f" in
		*.html) diff <(xmllint --format --encode UTF-8 "$EXP/$f" 2>/dev/null) <(xmllint --format --encode UTF-8 "$OUT/$f") ;;
		*) diff "$EXP/$f" "$OUT/$f" ;;
		esac | head -20 | cut -c1-300 | sed 's/^/#   /'
	fi
done
# The form: the 7 numbered columns, the header fields, Kazakh verbatim.
check "Appendix 1 title (kk, verbatim)" grep -q 'Бюджеттік бағдарлама паспортының жария талқылаудың аяқталуы туралы есеп' "$OUT/kk/doc/0/2-report.html"
check "Appendix 2 title (kk, verbatim)" grep -q 'Өткен қаржы жылындағы бюджеттік бағдарлама паспортының іске асыру туралы есепті жария талқылаудың аяқталуы туралы есеп' "$OUT/kk/doc/0/3-report.html"
check "7 numbered columns" test "$(grep -o '<th scope="col">[1-7]</th>' "$OUT/ru/doc/0/2-report.html" | wc -l)" = 7
check "unanswered proposals are marked" grep -q 'class="unanswered"' "$OUT/ru/doc/0/2-report.html"
check "a refused proposal's text is never published" sh -c "! grep -rq 'окна недорого' '$OUT/'"
check "a pending proposal's text is never published" sh -c "! grep -rq 'инклюзивным' '$OUT/'"
check "the document page links to its report" grep -q 'href="/kk/doc/0/2-report.html"' "$OUT/kk/doc/0/2.html"
check "only passports and implementation reports get a press release and a report" \
	sh -c "! test -e '$OUT/kk/doc/0/7-report.html' && ! test -e '$OUT/ru/doc/0/7-press.html' && test -e '$OUT/ru/doc/0/10-press.html'"
check "the report XML is the stored record" sh -c "sqlite3 '$TMP/site.db' \"SELECT writefile('$TMP/2.xml', xml) FROM final_reports WHERE doc_id = 2\" >/dev/null && cmp -s '$TMP/2.xml' '$OUT/data/doc/0/2-report.xml'"
check "CSV lines end with CRLF" sh -c "! grep -qv \"\$(printf '\\r')\$\" '$OUT/data/doc/0/2-report.csv'"
check "every page links the Atom feed" grep -q 'rel="alternate" type="application/atom+xml" href="/ru/atom.xml"' "$OUT/ru/doc/0/2.html"
check "the feed is well-formed XML" xmllint --noout "$OUT/kk/atom.xml"
check "the feed's updated is its newest entry" grep -q '<updated>2026-05-01T00:00:00+05:00</updated>' "$OUT/kk/atom.xml"
# The report does not change after the fact: a later vote, rebuilt.
sqlite3 "$TMP/site.db" "INSERT INTO votes VALUES (2, 0, '900101309999', 'against', printf('%032x', 60), '2026-05-02T05:00:00Z'); UPDATE meta SET value = value + 1 WHERE key = 'seq'; UPDATE documents SET seq = (SELECT value FROM meta WHERE key = 'seq') WHERE id = 2;"
build "$TMP/site.db" "$TMP/out" && cmp -s "$OUT/ru/doc/0/2-report.html" "$EXP/ru/doc/0/2-report.html" &&
	ok "a vote after the end leaves the report as it was" || not_ok "the report changed after a later vote"
# Deterministic: a full rebuild gives the same bytes.
build "$TMP/site.db" "$TMP/full" --full && for f in $FILES; do cmp -s "$TMP/full/current/$f" "$OUT/$f" || echo "$f"; done >"$TMP/d" &&
	[ ! -s "$TMP/d" ] && ok "a full rebuild gives the same report pages, feeds, compliance" || not_ok "differs after --full: $(cat "$TMP/d")"
# obgen --watch keeps seeing new changes on a site with reports (a report
# read must not hold the connection's snapshot open).
"$OBGEN" --db "$TMP/site.db" --out "$TMP/watch" --synthetic --quiet --watch &
pid=$!
i=0
while [ ! -e "$TMP/watch/current/ru/doc/0/2-report.html" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
change "$TMP/site.db" "UPDATE documents SET title_ru = 'Изменено после отчета (синтетические данные)', seq = $SEQ WHERE id = 2"
i=0
while ! grep -q 'Изменено после отчета' "$TMP/watch/current/ru/doc/0/2.html" 2>/dev/null && [ $i -lt 20 ]; do
	sleep 0.1; i=$((i + 1))
done
check "the watcher publishes a change within 2 seconds ($((i * 100)) ms)" grep -q 'Изменено после отчета' "$TMP/watch/current/ru/doc/0/2.html"
check "... and the report keeps the name it was made with" grep -q 'Паспорт дошкольного воспитания 2026' "$TMP/watch/current/ru/doc/0/2-report.html"
kill "$pid"
wait "$pid"
finish
