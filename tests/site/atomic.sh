#!/bin/sh
# Atomic publishing (issue 3.8): obgen killed with SIGKILL in the middle of
# a full build leaves DIR/current on the intact previous generation, and the
# next build recovers.
. "$(dirname "$0")/lib.sh"

make_db "$TMP/site.db" || { not_ok "create the fixture database"; finish; }
{ echo "CREATE TEMP TABLE scale (n INTEGER); INSERT INTO scale VALUES (1500);"; cat "$ROOT/tests/fixtures/site-scale.sql"; } |
	sqlite3 "$TMP/site.db" || { not_ok "add 1500 documents"; finish; }
check "first build of 1500 documents" build "$TMP/site.db" "$TMP/out"
prev=$(readlink "$TMP/out/current")
(cd "$TMP/out/current" && find -L . -type f | sort | xargs md5sum) > "$TMP/before"

killed=0
for delay in 0.3 0.6 1.0; do
	"$OBGEN" --db "$TMP/site.db" --out "$TMP/out" --synthetic --quiet --full &
	pid=$!
	sleep "$delay"
	if kill -9 "$pid" 2>/dev/null; then killed=1; wait "$pid" 2>/dev/null; break; fi
	wait "$pid"
	prev=$(readlink "$TMP/out/current")
	(cd "$TMP/out/current" && find -L . -type f | sort | xargs md5sum) > "$TMP/before"
done
[ $killed = 1 ] && ok "obgen killed with SIGKILL during a full build" || not_ok "the build finished before it could be killed"
check "current still points to the previous generation" test "$(readlink "$TMP/out/current")" = "$prev"
(cd "$TMP/out/current" && find -L . -type f | sort | xargs md5sum) > "$TMP/after"
check "the served site is intact, byte for byte" cmp "$TMP/before" "$TMP/after"
ls "$TMP/out/gen" | grep -q "^$(( ${prev#gen/} + 1 ))\$" && ok "the interrupted generation was left aside" ||
	ok "the interrupted build had not created its generation yet"
change "$TMP/site.db" "UPDATE documents SET title_ru = 'После сбоя (синтетические данные)', seq = $SEQ WHERE id = 2"
check "the next build succeeds" build "$TMP/site.db" "$TMP/out"
check "and publishes a new generation" test "$(readlink "$TMP/out/current")" != "$prev"
check "the interrupted generation is collected" sh -c "[ \"\$(ls '$TMP/out/gen' | grep -vc state)\" -le 2 ]"
finish
