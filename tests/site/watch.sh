#!/bin/sh
# obgen --watch polls the change sequence and publishes a change within 2
# seconds (issue 3.8).
. "$(dirname "$0")/lib.sh"

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
kill "$pid"
wait "$pid"
check "the watcher stops cleanly on SIGTERM" test $? -eq 0
finish
