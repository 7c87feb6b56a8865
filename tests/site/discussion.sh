#!/bin/bash
# The public discussion on the static site (P-11, P-13..P-16, issue 5.5):
# tallies and published proposals on the document pages, open or closed by
# status and date, the open data with pseudonyms, the statistics page; and
# that nothing private ever reaches the site: no IIN, no text of a pending
# or refused proposal, no refusal justification.  Fixture:
# tests/fixtures/site.sql (documents 2, 3 and 10), today 2025-12-01 (lib.sh).
. "$(dirname "$0")/lib.sh"

SITE="$TMP/out/current"
IINS="900101300001 850505400002 770707300003 660606400004 800101300010 810202400020 700303300030 700404400040"
SECRETS="СЕКРЕТНЫЙ ОТКЛОНЁННЫЙ КҮТУДЕГІ ЖАРИЯЛАНБАҒАН ОЖИДАЮЩИЙ НЕОПУБЛИКОВАННЫЙ СПАМ-ОТКЛОНЁННЫЙ ОБОСНОВАНИЕ пластиковые"
KEY=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f

# pseudonym IIN: what core/nonce.h pseudonym() gives under the fixture's secret.
pseudonym() { printf %s "$1" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$KEY" | awk '{ print substr($NF, 1, 16) }'; }
# text FILE: the file with character references decoded (HTML and XML), so
# that an escaped string cannot hide from grep.
text() { case "$1" in *.html|*.xml) xmllint --encode UTF-8 "$1" 2>/dev/null || cat "$1" ;; *) cat "$1" ;; esac; }
# flatten DIR OUT: a copy of every file of the site, decoded by text().
flatten() {
	rm -rf "$2" && mkdir -p "$2"
	(cd "$1" && find -L . -type f) | while IFS= read -r f; do
		mkdir -p "$2/$(dirname "$f")" && text "$1/$f" > "$2/$f"
	done
}
# nowhere DIR WORD...: no file below DIR contains any of the words (the
# files that do are listed).
nowhere() {
	d=$1; shift
	printf '%s\n' "$@" > "$TMP/words"
	! grep -rlF -f "$TMP/words" "$d"
}
has() { grep -qF -- "$2" "$1"; }
count() { grep -oF -- "$2" "$1" | wc -l; }

make_db "$TMP/site.db" && build "$TMP/site.db" "$TMP/out" || { not_ok "build the fixture site"; finish; }
ok "build the fixture site"

# ---- nothing private anywhere ----
flatten "$SITE" "$TMP/flat"
# shellcheck disable=SC2086
check "no IIN anywhere in the site (pages, data, open data)" nowhere "$TMP/flat" $IINS
# shellcheck disable=SC2086
check "no pending or refused proposal text, no refusal justification anywhere" nowhere "$TMP/flat" $SECRETS
check "the evidence (signed XML) is not published" nowhere "$TMP/flat" "<synthetic/>"
# The same search finds what is public: it would find a leak.
if nowhere "$TMP/flat" "Добавить показатель охвата" "$(pseudonym 900101300001)" >/dev/null; then
	not_ok "the search finds a published text"
else
	ok "the search finds a published text"
fi

# ---- the document page: open discussion (document 2) ----
for l in kk ru; do
	p="$SITE/$l/doc/0/2.html"
	# Issue 6: the signing forms, hidden until public/portal.js shows them.
	check "$l: the signing forms while open" has "$p" '<div id="participate" class="participate" data-document="BP-2026-225-001">'
	check "$l: P-11 a vote form for the document, hidden without the script" has "$p" '<form class="ob-sign vote" hidden="hidden" method="post" action="/api/votes" data-kind="vote" data-key="SIGNATURE"><input type="hidden" name="document" value="BP-2026-225-001" />'
	check "$l: P-11 a vote form for each published proposal" grep -q 'id="proposal-1".*<input type="hidden" name="proposal" value="1" />' "$p"
	check "$l: P-13, P-14 a proposal form" has "$p" 'action="/api/proposals" data-kind="proposal"'
	check "$l: ... every structural part to choose" has "$p" '<select id="ob-part" name="part" required="required"><option value="1">1. '
	check "$l: ... the page's language by default" has "$p" "<option value=\"$l\" selected=\"selected\">"
	check "$l: ... at most 1000 characters, counted live" has "$p" 'maxlength="1000" required="required" data-counter="ob-text-count"'
	check "$l: the script" has "$p" '<script src="/static/portal.js" defer="defer"></script>'
	check "$l: ... and its messages in the page's language" has "$p" '<template id="ob-messages"><span data-k="'
	check "$l: P-11 votes for the document" has "$p" '<td class="num votes-for">3</td>'
	check "$l: P-11 votes against the document" has "$p" '<td class="num votes-against">1</td>'
	check "$l: published proposals counted" has "$p" '<dd class="published">3</dd>'
	check "$l: proposals refused and pending counted, without text" sh -c "grep -qF '<dd class=\"refused\">2</dd>' '$p' && grep -qF '<dd class=\"pending\">2</dd>' '$p'"
	check "$l: a Russian proposal marked lang=ru" has "$p" '<blockquote class="text" lang="ru" xml:lang="ru"><p>Добавить показатель охвата'
	check "$l: a Kazakh proposal marked lang=kk" has "$p" '<blockquote class="text" lang="kk" xml:lang="kk"><p>Жаңа орындарды'
	check "$l: a proposal's tallies" grep -q 'id="proposal-1".*: 2 · [^<]*: 1</p>' "$p"
	check "$l: the answer, its decision class and language" grep -q 'class="answer accepted"><p><strong>[^<]*</strong>: [^,]*, <time datetime="2025-11-25">' "$p"
	check "$l: an unanswered proposal awaits the answer" has "$p" 'class="answer awaiting"'
	check "$l: a proposal to a removed part stays public" grep -q 'h-removed-parts.*id="proposal-6"' "$p"
	check "$l: proposals sit under their part" grep -q 'id="part-1".*id="proposal-1".*id="part-2".*id="proposal-2"' "$p"
	check "$l: the discussion's open data is linked" sh -c "grep -qF 'href=\"/data/doc/0/2.discussion.xml\"' '$p' && grep -qF 'href=\"/data/doc/0/2.discussion.csv\"' '$p'"
	check "$l: the statistics page is linked" has "$p" "href=\"/$l/stats/\""
done
check "ru: a pending proposal's number is not shown" sh -c "! grep -q 'id=\"proposal-[345]\"\\|id=\"proposal-10\"' '$SITE/ru/doc/0/2.html'"

# ---- closed by status (document 3) and by date (document 2 after its end) ----
p="$SITE/kk/doc/0/3.html"
check "closed: no placeholder" sh -c "! grep -q 'id=\"participate\"' '$p'"
check "closed: no signing form, no script" sh -c "! grep -q '<form\\|<script' '$p'"
check "closed: the closed note" has "$p" '<p class="closed">'
check "closed: the final tallies" sh -c "grep -qF '<td class=\"num votes-for\">1</td>' '$p' && grep -qF '<td class=\"num votes-against\">2</td>' '$p'"
check "closed: an unanswered proposal is marked so (P-16)" has "$p" 'class="answer unanswered"'
check "closed: an answer after the end is marked late (P-16)" grep -q 'datetime="2026-04-20">20.04.2026</time> ([^)]*)</p>' "$p"
check "no discussion data for a document without submissions" test ! -e "$SITE/data/doc/0/1.discussion.xml"
OB_TODAY=2025-12-05 build "$TMP/site.db" "$TMP/late" --full || not_ok "build after the end date"
p="$TMP/late/current/ru/doc/0/2.html"
check "end passed, status not yet changed: no placeholder" sh -c "! grep -q 'id=\"participate\"' '$p'"
check "end passed: shown as closed, not as open" sh -c "grep -q '<p class=\"closed\">' '$p' && ! grep -qF 'Документ открыт для публичного обсуждения' '$p'"
check "end passed: the unanswered proposal is marked unanswered" has "$p" 'class="answer unanswered"'

# ---- open data ----
x="$SITE/data/doc/0/2.discussion.xml"
check "discussion XML is valid against schema/discussion.xsd" xmllint --noout --schema "$ROOT/schema/discussion.xsd" "$x" "$SITE/data/doc/0/3.discussion.xml" "$SITE/data/doc/0/10.discussion.xml"
check "the schema is published" test -f "$SITE/schema/discussion.xsd"
check "totals in the open data" has "$x" '<totals votes-for="3" votes-against="1" proposal-votes-for="3" proposal-votes-against="2" published="3" refused="2" pending="2" answered="2" accepted="1"/>'
check "a refusal: the fact and the reason code only" has "$x" '<decision proposal="3" part="1" lang="ru" received="2025-11-21T12:00:00Z" operator="'"$(pseudonym 800101300010)"'" decision="refuse" reason="advertising" decided="2025-11-22T06:00:00Z" day="2025-11-22"/>'
check "authors are pseudonyms: HMAC-SHA256(secret, IIN), 16 hex" has "$x" "author=\"$(pseudonym 900101300001)\""
check "answering officials are pseudonyms" has "$x" "by=\"$(pseudonym 700303300030)\""
check "votes: 9 rows (the vote on a refused proposal is left out)" test "$(count "$x" '<vote ')" = 9
check "a vote's day is the Almaty date (20:00 UTC is the next day)" has "$x" "<vote person=\"$(pseudonym 660606400004)\" choice=\"against\" target=\"document\" day=\"2025-11-25\"/>"
check "the same person has the same pseudonym on every document" has "$SITE/data/doc/0/3.discussion.xml" "author=\"$(pseudonym 900101300001)\""
c="$SITE/data/doc/0/2.discussion.csv"
check "CSV header" sh -c "head -1 '$c' | grep -q '^record,proposal_id,part_id,lang,person,decision,reason,date,text'"
check "CSV: one row per record (3 proposals, 5 decisions, 2 answers, 9 votes)" test "$(($(wc -l < "$c") - 1))" = 19
check "CSV lines end with CRLF" sh -c "! grep -qv \"\$(printf '\\r')\$\" '$c'"
check "the catalogue lists the discussion files" sh -c "grep -qF 'data/doc/0/2.discussion.xml' '$SITE/kk/data/0.html' && grep -qF 'data/doc/0/2.discussion.csv' '$SITE/ru/data/0.html'"
build "$TMP/site.db" "$TMP/again" --full || not_ok "second build"
check "pseudonyms are stable across builds (open data byte-identical)" sh -c "cmp '$x' '$TMP/again/current/data/doc/0/2.discussion.xml' && cmp '$c' '$TMP/again/current/data/doc/0/2.discussion.csv'"

# ---- the statistics page ----
for l in kk ru; do
	s="$SITE/$l/stats/index.html"
	check "$l: statistics page exists" test -f "$s"
	check "$l: linked from the navigation of the home page" has "$SITE/$l/index.html" "href=\"/$l/stats/\""
	check "$l: operators by pseudonym" sh -c "grep -qF '<code>$(pseudonym 800101300010)</code>' '$s' && grep -qF '<code>$(pseudonym 810202400020)</code>' '$s'"
	check "$l: decisions per operator and in all" test "$(grep -o '<td class="num decisions">[0-9]*</td>' "$s" | tr -dc '0-9\n' | paste -sd,)" = 4,4,8
	check "$l: overdue decisions (P-15: 2 working days)" test "$(grep -o '<td class="num overdue">[0-9]*</td>' "$s" | tr -dc '0-9\n' | paste -sd,)" = 1,1,2
	check "$l: refusals by reason" sh -c "grep -qF '<td class=\"num advertising\">1</td>' '$s' && grep -qF '<td class=\"num spam\">1</td>' '$s'"
	check "$l: median times (hours, working days)" grep -q "<code>$(pseudonym 800101300010)</code></th><td[^>]*>4</td><td[^>]*>3</td><td[^>]*>1</td><td class=\"num\">21,0</td><td class=\"num\">0,5</td>" "$s"
	check "$l: pending and overdue today" grep -q 'class="pending">[^<]*: 2; [^<]*: 1<' "$s"
	check "$l: answers per administrator (P-16)" grep -q '(225)</th><td class="num published">5</td><td class="num answered">3</td><td class="num accepted">2</td><td class="num late">1</td><td class="num unanswered">2</td><td class="num unanswered-ended">1</td>' "$s"
done

# ---- a new vote reaches the page and the data on an incremental build ----
change "$TMP/site.db" "INSERT INTO submissions VALUES (printf('%032x', 400), 'vote', '2025-11-30T08:00:00Z', '900101300099', NULL, 'x', printf('%064x', 400), 2, CAST('<synthetic/>' AS BLOB));
	INSERT INTO votes VALUES (2, 0, '900101300099', 'against', printf('%032x', 400), '2025-11-30T08:00:00Z');
	UPDATE documents SET seq = $SEQ WHERE id = 2"
check "incremental build after a vote" build "$TMP/site.db" "$TMP/out"
check "the new tally is on the page" has "$SITE/kk/doc/0/2.html" '<td class="num votes-against">2</td>'
check "the new vote is in the open data" test "$(count "$SITE/data/doc/0/2.discussion.xml" '<vote ')" = 10
check "full build of the changed database" build "$TMP/site.db" "$TMP/full" --full
check "incremental and full builds are byte-identical" diff -r "$SITE/" "$TMP/full/current/"
flatten "$SITE" "$TMP/flat2"
check "the new voter's IIN is nowhere" nowhere "$TMP/flat2" 900101300099
finish
