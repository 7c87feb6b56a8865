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
# The working-day calendar in the database (issue 5.1): init loaded
# data/calendar/*.xml.
n=$("$OBCTL" --db "$DB" calendar list | awk -F'\t' '$1 ~ /^20/ { print $1 ":" $2 }' | tr '\n' ' ')
check_eq "init loaded the 2025 and 2026 calendars" "2025:246 2026:246 " "$n"
check "calendar list YEAR shows Nauryz" sh -c "'$OBCTL' --db '$DB' calendar list 2026 | grep -q '^2026-03-21	Sat	holiday'"
check "calendar add: a day off by order" "$OBCTL" --db "$DB" calendar add 2026-12-31 dayoff --kk "Демалыс күні" --ru "Выходной день"
n=$("$OBCTL" --db "$DB" calendar list | awk -F'\t' '$1 == 2026 { print $2 "/" $4 }')
check_eq "one working day fewer, the day marked as added" "245/1" "$n"
out=$("$OBCTL" --db "$DB" calendar add 2027-05-26 holiday --kk "Құрбан айт" --ru "Курбан айт" 2>&1); rc=$?
check_eq "calendar add to a year not loaded fails" 1 "$rc"
case "$out" in *"calendar-missing: no working-day calendar is loaded for 2027"*) ok "calendar-missing named" ;; *) bad "calendar-missing named: $out" ;; esac
sed 's/date="2026-03-09"/date="2026-03-10"/' data/calendar/2026.xml > "$TMP/2026.xml"
out=$("$OBCTL" --db "$DB" calendar import "$TMP/2026.xml" 2>&1); rc=$?
check_eq "a calendar breaking art. 85 is refused" 1 "$rc"
case "$out" in *"$TMP/2026.xml:47: calendar-invalid:"*) ok "calendar error names file:line and code" ;; *) bad "calendar error names file:line and code: $out" ;; esac
check "calendar import replaces the year" "$OBCTL" --db "$DB" calendar import data/calendar/2026.xml
n=$("$OBCTL" --db "$DB" calendar list | awk -F'\t' '$1 == 2026 { print $2 "/" $4 }')
check_eq "the file's year back, nothing added" "246/0" "$n"
# Compliance (issue 5.3): the report of 2025 was posted 2026-03-20, due 2026-04-01.
out=$("$OBCTL" --db "$DB" compliance --today 2026-11-29)
case "$out" in *"225	P-10	IR-2025-225-001	2025 program 001	2026-04-01	2026-03-20	on-time"*) ok "compliance: P-10 on time" ;; *) bad "compliance: P-10 on time: $out" ;; esac
# In 2027 the passport of 2026 expects its report and the statements, due
# in a year with no calendar: said so, never guessed.
out=$("$OBCTL" --db "$DB" compliance --today 2027-05-01)
case "$out" in *"225	P-10	-	2026 program 001	-	-	calendar-missing"*) ok "compliance: calendar-missing, not a guess" ;; *) bad "compliance: calendar-missing, not a guess: $out" ;; esac
out=$("$OBCTL" --db "$DB" compliance --today 2026-02-30 2>&1); rc=$?
check_eq "compliance refuses a bad --today" 2 "$rc"
finish
