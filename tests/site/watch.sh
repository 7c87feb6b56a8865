#!/bin/sh
# obgen --watch polls the change sequence and publishes a change within 2
# seconds (issue 3.8).  While it waits it prepares the next generation (a
# copy of the published one's links); a build on it gives the same site as
# a full build.
. "$(dirname "$0")/lib.sh"

# published N: wait (at most 5 s) until DIR/current is a generation past N.
published() {
	j=0
	while [ "$(readlink "$TMP/out/current" 2>/dev/null | sed 's|gen/||')" -le "$1" ] && [ $j -lt 50 ]; do
		sleep 0.1; j=$((j + 1))
	done
	[ $j -lt 50 ]
}
# gen: the number of the published generation.
gen() { readlink "$TMP/out/current" | sed 's|gen/||'; }

make_db "$TMP/site.db" || { not_ok "create the fixture database"; finish; }
"$OBGEN" --db "$TMP/site.db" --out "$TMP/out" --synthetic --quiet --watch &
pid=$!
i=0
while [ ! -e "$TMP/out/current/ru/doc/0/2.html" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
check "the watcher publishes the first build" test -e "$TMP/out/current/ru/doc/0/2.html"
change "$TMP/site.db" "UPDATE documents SET title_ru = 'Изменено наблюдателем (синтетические данные)', seq = $SEQ WHERE id = 2"
i=0
while ! grep -q 'Изменено наблюдателем' "$TMP/out/current/ru/doc/0/2.html" 2>/dev/null && [ $i -lt 20 ]; do
	sleep 0.1; i=$((i + 1))
done
check "the change is visible within 2 seconds ($((i * 100)) ms)" grep -q 'Изменено наблюдателем' "$TMP/out/current/ru/doc/0/2.html"

# The prepared generation: the next number, the published one's links.
n=$(gen)
i=0
while [ ! -L "$TMP/out/gen/$((n + 1))/static" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
check "the watcher prepares generation $((n + 1)) while it waits" sh -c \
	"[ \"\$(stat -c %i '$TMP/out/gen/$((n + 1))/static')\" = \"\$(stat -c %i '$TMP/out/gen/$n/static')\" ]"
check "... which is not published" test "$(gen)" = "$n"
# One document changes, one is added, one is withdrawn to draft, one
# changes its year (its list pages and a new year's pages).
change "$TMP/site.db" "UPDATE documents SET title_ru = 'Новое название (синтетические данные)', seq = $SEQ WHERE id = 2;
	INSERT INTO documents SELECT 11, 'BP-2026-225-002', 'passport', 2026, 1, 1, '2025-11-28', 'in-discussion', '2025-12-12', NULL, NULL, NULL,
	  'Жаңа паспорт (синтетикалық)', 'Новый паспорт (синтетические данные)', NULL, NULL, 1, $SEQ;
	UPDATE documents SET status = 'draft', seq = $SEQ WHERE id = 6"
check "the watcher publishes the changes" published "$n"
check "... on the prepared generation" test "$(gen)" = $((n + 1))
check "a full build of the changed database" build "$TMP/site.db" "$TMP/full" --full
check "the watcher's site and the full build are byte-identical" diff -r "$TMP/out/current/" "$TMP/full/current/"
check "the withdrawn document is gone" test ! -e "$TMP/out/current/ru/doc/0/6.html"
check "an unchanged page is the previous generation's file" sh -c \
	"[ \"\$(stat -L -c %i '$TMP/out/current/kk/doc/0/8.html')\" = \"\$(stat -L -c %i '$TMP/out/gen/$n/kk/doc/0/8.html')\" ]"
n=$(gen)
change "$TMP/site.db" "UPDATE documents SET status = 'draft', seq = $SEQ WHERE id IN (1, 3, 4, 5, 7, 8, 9, 10, 11)"
check "the watcher publishes a site with one document left" published "$n"
rm -rf "$TMP/full"
check "a full build of that database" build "$TMP/site.db" "$TMP/full" --full
check "... is byte-identical to the watcher's" diff -r "$TMP/out/current/" "$TMP/full/current/"
n=$(gen)
i=0
while [ ! -e "$TMP/out/gen/$((n + 1))" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
kill "$pid"
wait "$pid"
check "the watcher stops cleanly on SIGTERM" test $? -eq 0
check "... and removes the generation it prepared" test ! -e "$TMP/out/gen/$((n + 1))"

# A watcher started on a site already published prepares from it.
OBGEN_PROFILE=1 "$OBGEN" --db "$TMP/site.db" --out "$TMP/out" --synthetic --quiet --watch 2>"$TMP/profile" &
pid=$!
i=0
while [ ! -L "$TMP/out/gen/$((n + 1))/static" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
check "a watcher started on a published site prepares generation $((n + 1))" test -L "$TMP/out/gen/$((n + 1))/static"
change "$TMP/site.db" "UPDATE documents SET title_ru = 'После перезапуска (синтетические данные)', seq = $SEQ WHERE id = 2"
check "... having read the index, the compliance record and the plan while it waited" \
	grep -q 'warmed up in .* ms, the plan kept' "$TMP/profile"
check "... and publishes the next change on it" published "$n"
check "... with the compliance record read once, before the change" \
	test "$(grep -c 'compliance record read' "$TMP/profile")" -eq 1
check "... as generation $((n + 1))" test "$(gen)" = $((n + 1))
check "... with the change" grep -q 'После перезапуска' "$TMP/out/current/ru/doc/0/2.html"
rm -rf "$TMP/full"
check "a full build of that database" build "$TMP/site.db" "$TMP/full" --full
check "... is byte-identical to the watcher's, which rebuilt the changed units' buckets only" \
	diff -r "$TMP/out/current/" "$TMP/full/current/"
check "... (the watcher mapped only the changed units to their buckets)" \
	grep -q 'changed units mapped' "$TMP/profile"

# The compliance record (P-5, P-7, P-10, G) is kept between builds while
# nothing it reads changed (schema/012_compliance_seq.sql): a title is not
# among its inputs, a status and a posting date are.
n=$(gen)
change "$TMP/site.db" "UPDATE documents SET title_kk = 'Қайта өзгертілді (синтетикалық)', seq = $SEQ WHERE id = 2"
check "a changed title is published" published "$n"
check "... with the change (the plan compared unit by unit with the kept one)" \
	grep -q 'Қайта өзгертілді' "$TMP/out/current/kk/doc/0/2.html"
check "... with the compliance record kept" grep -q 'compliance record kept' "$TMP/profile"
n=$(gen)
before=$(md5sum <"$TMP/out/current/ru/compliance/p-5.html")
change "$TMP/site.db" "UPDATE documents SET status = 'published', posted = '2026-07-20', seq = $SEQ WHERE id = 8"
check "statements posted again are published" published "$n"
check "... with the compliance record read again" test "$(grep -c 'compliance record read' "$TMP/profile")" -eq 2
check "... and the P-5 page changed" test "$(md5sum <"$TMP/out/current/ru/compliance/p-5.html")" != "$before"
rm -rf "$TMP/full"
check "a full build of that database" build "$TMP/site.db" "$TMP/full" --full
check "... is byte-identical to the watcher's" diff -r "$TMP/out/current/" "$TMP/full/current/"
kill "$pid"
wait "$pid"
finish
