#!/bin/sh
# The same database gives a byte-identical site (issue 3.7); an incremental
# build after changes gives the same site as a full build of the new
# database (issue 3.8), and reuses what did not change.
. "$(dirname "$0")/lib.sh"

make_db "$TMP/site.db" || { not_ok "create the fixture database"; finish; }
check "first build" build "$TMP/site.db" "$TMP/a"
check "second build into another directory" build "$TMP/site.db" "$TMP/b"
check "the two sites are byte-identical" diff -r "$TMP/a/current/" "$TMP/b/current/"
build "$TMP/site.db" "$TMP/a"
check "a build with nothing changed publishes nothing new" test "$(readlink "$TMP/a/current")" = gen/1

# One document changes, one is added, one is withdrawn to draft.
change "$TMP/site.db" "UPDATE documents SET title_ru = 'Новое название (синтетические данные)', seq = $SEQ WHERE id = 2;
	INSERT INTO documents SELECT 11, 'BP-2026-225-002', 'passport', 2026, 1, 1, '2025-11-28', 'in-discussion', '2025-12-12', NULL, NULL, NULL,
	  'Жаңа паспорт (синтетикалық)', 'Новый паспорт (синтетические данные)', NULL, NULL, 1, $SEQ;
	UPDATE documents SET status = 'draft', seq = $SEQ WHERE id = 6"
check "incremental build after the change" build "$TMP/site.db" "$TMP/a"
check "full build of the changed database" build "$TMP/site.db" "$TMP/c" --full
check "incremental and full builds are byte-identical" diff -r "$TMP/a/current/" "$TMP/c/current/"
check "the changed title is published" grep -q 'Новое название' "$TMP/a/current/ru/doc/0/2.html"
check "the withdrawn document is gone" test ! -e "$TMP/a/current/ru/doc/0/6.html"
# Unchanged pages are the previous generation's files (hard links), not copies.
check "unchanged files are reused as hard links" sh -c \
	"[ \"\$(stat -L -c %i '$TMP/a/current/kk/doc/0/8.html')\" = \"\$(stat -L -c %i '$TMP/a/gen/1/kk/doc/0/8.html')\" ]"
check "changed files are new" sh -c \
	"[ \"\$(stat -L -c %i '$TMP/a/current/kk/doc/0/2.html')\" != \"\$(stat -L -c %i '$TMP/a/gen/1/kk/doc/0/2.html')\" ]"
# An unchanged directory is the previous generation's symlink, hard-linked
# (no new inode), and still leads to the same pool directory.
check "unchanged directories are the previous symlinks, hard-linked" sh -c \
	"[ \"\$(stat -c %i '$TMP/a/gen/2/static')\" = \"\$(stat -c %i '$TMP/a/gen/1/static')\" ] &&
	 [ -L '$TMP/a/gen/2/static' ] && [ \"\$(readlink '$TMP/a/current')\" = gen/2 ]"
check "the hard-linked symlink serves the same files" cmp "$TMP/a/gen/1/static/site.css" "$TMP/a/current/static/site.css"
# Old generations are collected: only the current and the previous remain.
change "$TMP/site.db" "UPDATE documents SET title_kk = 'Үшінші (синтетикалық)', seq = $SEQ WHERE id = 1"
check "third build" build "$TMP/site.db" "$TMP/a"
check "only two generations are kept" sh -c "[ \"\$(ls '$TMP/a/gen' | grep -vc state)\" = 2 ]"
check "the site is still complete after collection" diff -r "$TMP/a/current/kk/kind" "$TMP/a/gen/3/kk/kind"
finish
