# Oversight readers through nginx (issue 7.2-7.5, A-6, A-11, A-15): on the
# demo data, a maslikhat's employee and an audit chamber's are granted
# access (signed requests and decisions, as tests/e2e/oversight.sh does
# them), sign in with a legal-entity authentication certificate (the
# body's BIN, the person's IIN) and read exactly their scope: the console,
# one document, the CSV and XML exports.  Every page and export is in the
# audit log, which the operator reads and exports.  Nothing a reader can
# send changes anything; a block closes the session at the next request.
. tests/e2e/lib.sh
export OB_TODAY=2026-11-29
NS=urn:obkz:doc:1
demo_stack
ctl() { "$B/obctl" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }
iin() { sh tests/pki/iin.sh "$1"; }
issue() { tests/pki/issue.sh "$PKI" "$@" 2>/dev/null; }

# The region with the most local documents: the maslikhat's (A-6).
REGION=$(q "SELECT a.region FROM documents d JOIN administrators a ON a.id = d.admin_id
	WHERE a.region IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
IN_SCOPE=$(q "SELECT count(*) FROM documents d JOIN administrators a ON a.id = d.admin_id
	WHERE a.level != 'republican' AND substr(a.region, 1, 2) = substr('$REGION', 1, 2)")
ALL=$(q "SELECT count(*) FROM documents")
IN_DOC=$(q "SELECT d.id FROM documents d JOIN administrators a ON a.id = d.admin_id
	WHERE a.level != 'republican' AND substr(a.region, 1, 2) = substr('$REGION', 1, 2) ORDER BY d.id LIMIT 1")
OUT_DOC=$(q "SELECT d.id FROM documents d JOIN administrators a ON a.id = d.admin_id
	WHERE a.region IS NULL ORDER BY d.id LIMIT 1")
check "documents in and out of the maslikhat's scope ($IN_SCOPE of $ALL)" \
	test -n "$IN_DOC" -a -n "$OUT_DOC" -a "$IN_SCOPE" -gt 0 -a "$IN_SCOPE" -lt "$ALL"

BIN_M=$(iin 12345678901)
BIN_C=$(iin 21098765432)
READER=$(iin 90010130001)
AUDITOR=$(iin 87041230001)
check "a maslikhat of region $REGION is registered" ctl oversight body add --kind maslikhat --bin "$BIN_M" \
	--region "$REGION" --name-kk "Облыстық мәслихат (синтетикалық)" --name-ru "Областной маслихат (синтетические данные)"
check "the Supreme Audit Chamber is registered" ctl oversight body add --kind audit-chamber --bin "$BIN_C" \
	--name-kk "Жоғары аудиторлық палата (синтетикалық)" --name-ru "Высшая аудиторская палата (синтетические данные)"
# The bodies sign with their certificates; their employees sign in with the
# body's authentication certificate issued to them (A-11).
issue maslikhat "/CN=МӘСЛИХАТ ХАТШЫСЫ/serialNumber=IIN780305500031/C=KZ/O=SYNTHETIC MASLIKHAT/OU=BIN$BIN_M"
issue chamber "/CN=ПАЛАТА ТӨРАҒАСЫ/serialNumber=IIN$(iin 91060450003)/C=KZ/O=SYNTHETIC CHAMBER/OU=BIN$BIN_C"
issue reader-auth "/CN=СЕЙТҚАЛИ АЙГЕРІМ/serialNumber=IIN$READER/C=KZ/O=SYNTHETIC MASLIKHAT/OU=BIN$BIN_M" auth
issue reader-sign "/CN=СЕЙТҚАЛИ АЙГЕРІМ/serialNumber=IIN$READER/C=KZ/O=SYNTHETIC MASLIKHAT/OU=BIN$BIN_M"
issue auditor-auth "/CN=ОМАРОВА ДИНА/serialNumber=IIN$AUDITOR/C=KZ/O=SYNTHETIC CHAMBER/OU=BIN$BIN_C" auth

RESP=$TMP/resp
HDR=$TMP/headers
# signed ENDPOINT KEY XML (tests/e2e/lib.sh).
signed() { signed_post "$@"; }
attr() { sed -n "s/.* $1=\"\([^\"]*\)\".*/\1/p" "$RESP" | head -n 1; }
request() { # BODY-KEY IIN
	signed oversight/requests "$1" "<oversight-request xmlns=\"$NS\" NONCE><full-name>Синтетикалық қызметкер</full-name><iin>$2</iin><position>бас маман</position><unit>бюджет бөлімі</unit><qr>EQYZMET:SYNTHETIC:$2</qr><phone>+7 700 000 00 00</phone><purpose>Бюджеттің атқарылуын талдау</purpose></oversight-request>"
}
decide() { signed oversight/decisions staff "<oversight-decision xmlns=\"$NS\" NONCE request=\"$1\" decision=\"$2\"></oversight-decision>"; }
grant() { # BODY-KEY IIN
	local id
	[ "$(request "$1" "$2")" = 201 ] || return 1
	id=$(attr request)
	[ "$(decide "$id" approve)" = 201 ] && [ "$(decide "$id" grant)" = 201 ]
}
login() { # KEY: the status; the cookie in $TMP/cookie
	signed session "$1" "<login xmlns=\"$NS\" NONCE></login>" >"$TMP/login.status"
	sed -n 's/^Set-Cookie: ob_session=\([0-9a-f]*\);.*/\1/p' "$HDR" | tr -d '\r' >"$TMP/cookie"
	cat "$TMP/login.status"
}
page() { curl -s -o "$RESP" -w '%{http_code}' ${2:+-b "ob_session=$2"} "$URL$1"; }
audits() { q "SELECT count(*) FROM oversight_audit"; }

check_eq "the reader signs in before any grant: 403" 403 "$(login reader-auth)"
check "the maslikhat's employee is granted access (request, approval, grant)" grant maslikhat "$READER"
check "the chamber's employee too" grant chamber "$AUDITOR"
check_eq "a signing certificate cannot sign in: 401" 401 "$(login reader-sign)"
a0=$(audits)
check_eq "the reader signs in with the body's authentication certificate: 201" 201 "$(login reader-auth)"
R=$(cat "$TMP/cookie")
check_eq "... the sign-in is in the audit log" "$((a0 + 1)) sign-in" \
	"$(audits) $(q "SELECT action FROM oversight_audit ORDER BY id DESC LIMIT 1")"

# ---- exactly the scope (A-6) ------------------------------------------------
a0=$(audits)
check_eq "the oversight console: 200" 200 "$(page /console/kk/oversight "$R")"
check "... the body and its scope" grep -q 'Облыстық мәслихат (синтетикалық)' "$RESP"
check_eq "... one row per document in scope (drafts included)" "$IN_SCOPE" "$(grep -o '<a href="/console/kk/oversight/doc/' "$RESP" | wc -l)"
check "... the compliance record" grep -q 'rows-compliance' "$RESP"
check "... dates as on the site (DD.MM.YYYY in <time>), not ISO" sh -c \
	"grep -q '<td><time datetime=\"[0-9-]*\">[0-9][0-9]\.[0-9][0-9]\.[0-9]\{4\}</time></td>' '$RESP' &&
	 ! grep -q '<td>20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]</td>' '$RESP'"
check_eq "... and the visit is in the audit log" $((a0 + 1)) "$(audits)"
check_eq "a document in scope: 200" 200 "$(page "/console/ru/oversight/doc/$IN_DOC" "$R")"
check "... its proposals and votes by day" sh -c "grep -q 'Все предложения' '$RESP' && grep -q 'Голоса по дням' '$RESP'"
check_eq "a republican document, outside the maslikhat's scope: 404" 404 "$(page "/console/ru/oversight/doc/$OUT_DOC" "$R")"
check_eq "... logged as refused" refused "$(q "SELECT action FROM oversight_audit ORDER BY id DESC LIMIT 1")"
check "... an HTML page in the console's layout, in Russian, with the way back" sh -c \
	"grep -q '<html[^>]* lang=\"ru\"' '$RESP' && grep -q 'Страница не показана' '$RESP' && grep -q 'href=\"/console/ru/\"' '$RESP'"
check "... that says the document is unknown, as if it did not exist" grep -q 'role="alert">Такой документ не найден' "$RESP"
check "... and does not say why" sh -c "! grep -q 'scope' '$RESP'"
check_eq "a document that does not exist: 404" 404 "$(page /console/ru/oversight/doc/99999999 "$R")"
check_eq "export documents.csv: 200" 200 "$(page /console/oversight/export/documents.csv "$R")"
check_eq "... a header and one line per document in scope" $((IN_SCOPE + 1)) "$(grep -c $'\r$' "$RESP")"
check_eq "... none outside it" 0 "$(grep -c ',republican,' "$RESP")"
check_eq "export proposals.xml: 200" 200 "$(page /console/oversight/export/proposals.xml "$R")"
check_eq "export votes.csv and compliance.xml: 200 200" "200 200" \
	"$(page /console/oversight/export/votes.csv "$R") $(page /console/oversight/export/compliance.xml "$R")"
check_eq "an unknown export: 404" 404 "$(page /console/oversight/export/secrets.csv "$R")"
check_eq "the sign-in and every page and export above are logged (who, when, scope, what)" 9 \
	"$(q "SELECT count(*) FROM oversight_audit WHERE iin = '$READER' AND bin = '$BIN_M' AND scope LIKE 'maslikhat%' AND at != ''")"
check_eq "the chamber's reader sees every document" 201 "$(login auditor-auth)"
C=$(cat "$TMP/cookie")
page /console/oversight/export/documents.csv "$C" >/dev/null
check_eq "... $ALL of them" $((ALL + 1)) "$(grep -c $'\r$' "$RESP")"

# ---- read-only (issue 7.2) ---------------------------------------------------
before=$(ctl stats | md5sum)
check_eq "POST to the console: 405" 405 "$(curl -s -o /dev/null -w '%{http_code}' -b "ob_session=$R" --data x "$URL/console/kk/oversight")"
check_eq "POST to an export: 405" 405 "$(curl -s -o /dev/null -w '%{http_code}' -b "ob_session=$R" --data x "$URL/console/oversight/export/documents.csv")"
P=$(q "SELECT id FROM proposals WHERE status = 'pending' LIMIT 1")
check_eq "the reader's signed moderation: 403" 403 \
	"$(signed moderation reader-sign "<moderation xmlns=\"$NS\" NONCE proposal=\"${P:-1}\" decision=\"publish\"></moderation>")"
check_eq "the reader's operator and administrator consoles: 403 403" "403 403" \
	"$(page /console/kk/operator "$R") $(page /console/kk/admin "$R")"
check_eq "the reader's audit log: 403" 403 "$(page /console/audit.csv "$R")"
check_eq "nothing changed (obctl stats)" "$before" "$(ctl stats | md5sum)"

# ---- the operator reads the log (issue 7.5) -------------------------------------
check_eq "the operator signs in" 201 "$(login staff-auth)"
O=$(cat "$TMP/cookie")
check_eq "the operator's audit page: 200" 200 "$(page /console/ru/audit "$O")"
check "... lists the reader's visits" grep -q "$READER" "$RESP"
check "... each action in words: sign-in, page, refused, export" sh -c "grep -q '<td>Вход в систему</td>' '$RESP' &&
	grep -q '<td>Открыта страница</td>' '$RESP' && grep -q '<td>В доступе отказано</td>' '$RESP' &&
	grep -q '<td>Выгрузка</td>' '$RESP' && ! grep -q '<td>page</td>' '$RESP'"
check "... each time in Astana's zone, DD.MM.YYYY HH:MM:SS (UTC+5)" sh -c "grep -q 'Время (Астана, UTC+5)' '$RESP' &&
	grep -Eq '<td><time datetime=\"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}\\+05:00\">[0-9]{2}\\.[0-9]{2}\\.[0-9]{4} [0-9:]{8}</time></td>' '$RESP'"
check_eq "the operator's audit.csv: 200" 200 "$(page /console/audit.csv "$O")"
check_eq "... a header and every logged line" $(( $(audits) + 1 )) "$(grep -c $'\r$' "$RESP")"
check "... its times in Astana's zone too" grep -Eq ',[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}\+05:00,' "$RESP"
check_eq "the operator has no oversight console: 403" 403 "$(page /console/kk/oversight "$O")"
check_eq "... nor exports: 403" 403 "$(page /console/oversight/export/documents.csv "$O")"
check_eq "the requests with their deadlines (A-9): 200" 200 "$(page /console/kk/requests "$O")"
check "... each with its review due date" grep -q 'class="due">' "$RESP"

# ---- public pages, block ----------------------------------------------------
check_eq "the instructions (A-12) in kk and ru, without signing in: 200 200" "200 200" \
	"$(page /console/kk/instructions) $(page /console/ru/instructions)"
check "... in Russian" grep -q 'Один человек — одна учётная запись' "$RESP"
check_eq "the request form (A-8): 200" 200 "$(page /console/ru/request)"
check "... signed with the body's EDS" grep -q 'data-kind="oversight-request" action="/api/oversight/requests"' "$RESP"
check_eq "the maslikhat blocks its employee (A-9): 201" 201 \
	"$(signed oversight/blocks maslikhat "<oversight-block xmlns=\"$NS\" NONCE iin=\"$READER\" left=\"2026-11-27\" reason=\"dismissed\"></oversight-block>")"
check_eq "... the open session shows the sign-in page at once" 401 "$(page /console/kk/oversight "$R")"
check_eq "... exports are refused" 403 "$(page /console/oversight/export/documents.csv "$R")"
check_eq "... and a new sign-in is refused" 403 "$(login reader-auth)"
finish
