# obctl from the command line: file:line messages, non-zero status, nothing
# stored on any error (issue 3.5).
. tests/e2e/lib.sh
export OB_TODAY=2026-11-29
DB=$TMP/t.db
FIX=tests/fixtures/import
check "obctl --help lists the commands" sh -c "'$OBCTL' --help | grep -q 'import'"
check "obctl init" "$OBCTL" --db "$DB" init
check "obctl reference" "$OBCTL" --db "$DB" reference "$FIX/reference.xml"
sed 's/admin="225"/admin="999"/' "$FIX/passport.xml" > "$TMP/bad.xml"
out=$("$OBCTL" --db "$DB" import "$FIX/report.xml" "$TMP/bad.xml" 2>&1); rc=$?
check_eq "a bad file fails the import" 1 "$rc"
case "$out" in
*"$TMP/bad.xml:4: unknown-administrator: unknown administrator \"999\""*) ok "message names file:line and code" ;;
*) bad "message names file:line and code: $out" ;;
esac
n=$("$OBCTL" --db "$DB" list | tail -n +2 | wc -l)
check_eq "nothing stored, not even the good file of the same batch" 0 "$n"
check "a good batch is stored" "$OBCTL" --db "$DB" import "$FIX/passport.xml" "$FIX/report.xml"
n=$("$OBCTL" --db "$DB" list | tail -n +2 | wc -l)
check_eq "two documents listed" 2 "$n"
check "show by number lists parts with stable ids" sh -c "'$OBCTL' --db '$DB' show BP-2026-225-001 | grep -q '\[2\] goal.1'"
"$OBCTL" --db "$DB" export IR-2025-225-001 > "$TMP/out.xml"
check "export gives back the imported bytes" cmp "$TMP/out.xml" "$FIX/report.xml"
printf '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<x>&e;</x>\n' > "$TMP/xxe.xml"
out=$("$OBCTL" --db "$DB" import "$TMP/xxe.xml" 2>&1)
case "$out" in *"xxe.xml:2: doctype:"*) ok "DOCTYPE refused with its line" ;; *) bad "DOCTYPE refused: $out" ;; esac
out=$("$OBCTL" --db "$DB" show NOPE 2>&1); rc=$?
check_eq "show of an unknown document fails" 1 "$rc"
finish
