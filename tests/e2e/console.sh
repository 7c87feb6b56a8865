# Staff sign-in and the consoles through nginx (issue 6.2-6.5), with curl:
# who may open a session (an authentication key, a role), what the cookie
# is, which console each role sees, the CSRF token on everything a session
# itself changes, the document check before signing, logout, and a role
# revoked taking effect at once.  The browser half (NCALayer, signing the
# decisions) is tests/browser/.
. tests/e2e/lib.sh
export OB_TODAY=2026-11-29
demo_stack
ctl() { "$B/obctl" --db "$DB" "$@"; }

RESP=$TMP/resp
HDR=$TMP/headers
# login KEY [NONCE]: signs <login> with PKI/users/KEY (a fresh nonce, or
# NONCE) and posts it; prints the status; the answer in $RESP, the headers
# in $HDR, the cookie in $TMP/cookie.
login() {
	local n=${2:+ nonce=\"$2\"}
	signed_post session "$1" "<login xmlns=\"urn:obkz:doc:1\"${n:- NONCE}></login>"
	sed -n 's/^Set-Cookie: ob_session=\([0-9a-f]*\);.*/\1/p' "$HDR" | tr -d '\r' >"$TMP/cookie"
}
code() { sed -n 's/.* code="\([^"]*\)".*/\1/p' "$RESP" | head -n 1; }
# page PATH [COOKIE]: GET with the cookie; the status; the page in $RESP.
page() { curl -s -o "$RESP" -w '%{http_code}' ${2:+-b "ob_session=$2"} "$URL$1"; }
sessions() { sqlite3 "$DB" "SELECT count(*) FROM sessions WHERE ended IS NULL"; }

# ---- who may sign in ------------------------------------------------------
check_eq "a signing key cannot sign in (EKU 1.3.6.1.5.5.7.3.2 needed): 401" 401 "$(login staff)"
check_eq "... code certificate-usage" certificate-usage "$(code)"
check_eq "a citizen's authentication key without any role: 403" 403 "$(login citizen-auth)"
check_eq "... code role-missing, in kk and ru" "role-missing 2" "$(code) $(grep -c '<message xml:lang="\(kk\|ru\)">' "$RESP")"
check_eq "an untrusted key: 401" 401 "$(login untrusted)"
check_eq "... and no session was stored for any of them" 0 "$(sessions)"
check_eq "the operator signs in with the authentication key: 201" 201 "$(login staff-auth)"
OP=$(cat "$TMP/cookie")
check "... a <session> with its end" grep -q '<session xmlns="urn:obkz:doc:1" expires="' "$RESP"
check "... the cookie is HttpOnly, SameSite=Strict, on /" grep -q '^Set-Cookie: ob_session=[0-9a-f]\{64\}; Path=/; Max-Age=[0-9]*; HttpOnly; SameSite=Strict' "$HDR"
check "... and not Secure on plain http" sh -c "! grep -q Secure '$HDR'"
check_eq "... only the token's SHA-256 is stored" 1 \
	"$(sqlite3 "$DB" "SELECT count(*) FROM sessions WHERE token_hash != '$OP' AND length(token_hash) = 64 AND ended IS NULL")"
check_eq "the same signed login again (nonce used): 409" 409 "$(login staff-auth "$(cat "$TMP/last-nonce")")"
check_eq "... nonce-reused" nonce-reused "$(code)"

# ---- a proposal waiting for the operator, one for the administrator --------
signed() { signed_post "$@"; }
DOC=$(ctl list | awk -F'\t' -v c="$ADMIN_CODE" '$3 == "passport" && $7 == "in-discussion" && $5 == c &&
	$2 !~ /^[A-Z]+-[0-9]+-[0-9]+-[0-9]+-/ { print $2; exit }')
PART=$(ctl show "$DOC" | sed -n 's/^ *\[\([0-9]*\)\] goal .*/\1/p')
proposal() { signed proposals citizen "<proposal xmlns=\"urn:obkz:doc:1\" NONCE document=\"$DOC\" part=\"$PART\" lang=\"ru\"><text>$1</text></proposal>"; }
check_eq "a citizen's proposal to $DOC (pending)" 201 "$(proposal 'Предлагаю публиковать отчёт ежеквартально (синтетика).')"
P1=$(sed -n 's/.* proposal="\([0-9]*\)".*/\1/p' "$RESP")
check_eq "another, published by the operator's signed decision" "201 201" \
	"$(proposal 'Предлагаю добавить показатель охвата (синтетика).') $(P2=$(sed -n 's/.* proposal="\([0-9]*\)".*/\1/p' "$RESP"); echo "$P2" >"$TMP/p2"; signed moderation staff "<moderation xmlns=\"urn:obkz:doc:1\" NONCE proposal=\"$P2\" decision=\"publish\"></moderation>")"
P2=$(cat "$TMP/p2")

# ---- which console ---------------------------------------------------------
check_eq "no cookie: the operator console is the sign-in page, 401" 401 "$(page /console/kk/operator)"
check "... with the login form for an authentication key" grep -q 'data-kind="login" data-key="AUTHENTICATION"' "$RESP"
check_eq "a forged cookie: 401" 401 "$(page /console/kk/operator "$(printf '%064d' 0)")"
check_eq "the operator's queue (kk): 200" 200 "$(page /console/kk/operator "$OP")"
check "... with the pending proposal, its document and part" grep -q "<li class=\"queued\" id=\"p$P1\">" "$RESP"
DUE=$(ctl queue | awk -F'\t' -v p="$P1" '$1 == p { print $2 }')
check "... its due date as obctl queue has it (P-15, $DUE) and the working days left" \
	grep -q "class=\"due\"><time datetime=\"$DUE\">[0-9.]*</time> — қалған жұмыс күндері: [0-9]" "$RESP"
check "... the published one is not in the queue" sh -c "! grep -q 'id=\"p$P2\"' '$RESP'"
check "... each with publish and refuse forms signed in NCALayer" grep -q 'data-kind="moderation" action="/api/moderation"' "$RESP"
check "... the page is in Kazakh and links to the Russian one" grep -q '<html xmlns="http://www.w3.org/1999/xhtml" lang="kk"' "$RESP"
check "... the signing script is loaded, no inline script" sh -c "grep -q 'script src=\"/static/portal.js\"' '$RESP' && ! grep -q '<script>' '$RESP'"
check "... the security headers are nginx's" sh -c "curl -s -D - -o /dev/null -b 'ob_session=$OP' '$URL/console/ru/operator' | grep -q \"frame-ancestors 'none'\""
check_eq "the queue in Russian: 200" 200 "$(page /console/ru/operator "$OP")"
check "... in Russian" grep -q 'Очередь модерации' "$RESP"
check_eq "the operator is not an administrator: 403" 403 "$(page /console/kk/admin "$OP")"
check_eq "an unknown console page: 404" 404 "$(page /console/kk/secrets "$OP")"
check "... an HTML page in Kazakh with the message of not-found" sh -c \
	"grep -q '<html[^>]* lang=\"kk\"' '$RESP' && grep -q 'Бет көрсетілмеді' '$RESP' && grep -q 'role=\"alert\"' '$RESP'"
check_eq "an unknown language: 404" 404 "$(page /console/en/operator "$OP")"
check_eq "POST to a console page: 405" 405 "$(curl -s -o /dev/null -w '%{http_code}' -b "ob_session=$OP" --data x "$URL/console/kk/operator")"

check_eq "the administrator signs in (body certificate, BIN): 201" 201 "$(login "admin-$ADMIN_CODE-auth")"
AD=$(cat "$TMP/cookie")
check_eq "the administrator's console: 200" 200 "$(page /console/ru/admin "$AD")"
check "... their documents" grep -q 'class="documents"' "$RESP"
check "... a closed discussion's final report to download (P-17)" grep -q -- '-report.csv">CSV</a>' "$RESP"
check "... the published proposal awaiting an answer, with the signed answer form (P-16)" \
	sh -c "grep -q 'id=\"p$P2\"' '$RESP' && grep -q 'data-kind=\"answer\" action=\"/api/answers\"' '$RESP'"
check "... the upload form with the session's CSRF token" grep -q 'data-kind="document" action="/api/documents"' "$RESP"
CSRF=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$RESP" | head -n 1)
check_eq "the administrator is not the operator: 403" 403 "$(page /console/kk/operator "$AD")"

# ---- the document check before signing (issue 6.4) --------------------------
DOC=$(ctl list | awk -F'\t' -v c="$ADMIN_CODE" '$3 == "passport" && $5 == c && $2 !~ /^[A-Z]+-[0-9]+-[0-9]+-[0-9]+-/ { print $2; exit }')
ctl export "$DOC" | perl -pe "s/ number=\"[^\"]*\"/ number=\"BP-2026-$ADMIN_CODE-977\"/" >"$TMP/new.xml"
chk() { curl -s -o "$RESP" -w '%{http_code}' ${1:+-b "ob_session=$1"} ${2:+-H "X-CSRF-Token: $2"} \
	-H 'Content-Type: application/xml' --data-binary @"$3" "$URL/api/documents/check"; }
before=$(ctl stats | md5sum)
check_eq "a good new passport checks: 200 ok=yes" "200" "$(chk "$AD" "$CSRF" "$TMP/new.xml")"
check "... ok=\"yes\" with its kind and number" grep -q "ok=\"yes\" kind=\"passport\" number=\"BP-2026-$ADMIN_CODE-977\"\|kind=\"passport\" number=\"BP-2026-$ADMIN_CODE-977\" ok=\"yes\"" "$RESP"
# Two schema violations on two lines: both are listed, with their lines.
perl -0pe 's/ year="[0-9]*"/ year="20x6"/; s/<title>/<title bogus="1">/' "$TMP/new.xml" >"$TMP/bad.xml"
check_eq "a passport with two schema errors: 422" 422 "$(chk "$AD" "$CSRF" "$TMP/bad.xml")"
check_eq "... both problems listed" 2 "$(grep -c '<problem line="[0-9]*" code="schema">' "$RESP")"
check "... each with its kk and ru message" sh -c "[ \$(grep -c '<message xml:lang=\"kk\">' '$RESP') -eq 2 ] && [ \$(grep -c '<message xml:lang=\"ru\">' '$RESP') -eq 2 ]"
check_eq "the number of a document that exists: 422 document-exists" "422 document-exists" \
	"$(ctl export "$DOC" >"$TMP/dup.xml"; chk "$AD" "$CSRF" "$TMP/dup.xml") $(sed -n 's/.*<problem[^>]* code="\([^"]*\)".*/\1/p' "$RESP" | head -n 1)"
printf '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><passport xmlns="urn:obkz:doc:1">&e;</passport>' >"$TMP/xxe.xml"
check_eq "a DOCTYPE is refused before parsing: 422 doctype" "422 doctype" \
	"$(chk "$AD" "$CSRF" "$TMP/xxe.xml") $(sed -n 's/.*<problem[^>]* code="\([^"]*\)".*/\1/p' "$RESP" | head -n 1)"
check_eq "without the CSRF header: 403 csrf-invalid" "403 csrf-invalid" "$(chk "$AD" "" "$TMP/new.xml") $(code)"
check_eq "without a session: 401 session-required" "401 session-required" "$(chk "" "$CSRF" "$TMP/new.xml") $(code)"
check_eq "the operator (no administrator role): 403" 403 \
	"$(chk "$OP" "$(page /console/kk/operator "$OP" >/dev/null; sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$RESP" | head -n 1)" "$TMP/new.xml")"
check_eq "the check stored nothing" "$before" "$(ctl stats | md5sum)"
# After checks, every thread sees the database as it is now: a lookup left
# on its row kept the thread's read connection on an old snapshot, so a new
# session (or grant, or block) was invisible to that thread.
for i in $(seq 1 40); do chk "$AD" "$CSRF" "$TMP/dup.xml" >/dev/null; done
check_eq "a new session after 40 checks: 201" 201 "$(login "admin-$ADMIN_CODE-auth")"
AD2=$(cat "$TMP/cookie")
seen=0
for i in $(seq 1 48); do [ "$(page /console/kk/admin "$AD2")" = 200 ] && seen=$((seen + 1)); done
check_eq "... seen by every thread: 48 of 48 pages" 48 "$seen"

# ---- logout and revocation ---------------------------------------------------
check_eq "logout with another session's token: 403" 403 \
	"$(curl -s -o "$RESP" -w '%{http_code}' -b "ob_session=$OP" --data "csrf=$CSRF&lang=ru" "$URL/console/logout")"
check_eq "... the operator is still signed in" 200 "$(page /console/kk/operator "$OP")"
check_eq "logout with the session's own token: 303 to the sign-in page" "303" \
	"$(curl -s -D "$HDR" -o /dev/null -w '%{http_code}' -b "ob_session=$AD" --data "csrf=$CSRF&lang=ru" "$URL/console/logout")"
check "... Location /console/ru/ and the cookie cleared" sh -c "grep -q '^Location: /console/ru/' '$HDR' && grep -q '^Set-Cookie: ob_session=; Path=/; Max-Age=0' '$HDR'"
check_eq "... the old cookie opens nothing" 401 "$(page /console/ru/admin "$AD")"
check "the operator's role is revoked" ctl role revoke operator --iin 851202400023
check_eq "... the open session shows the sign-in page at the next request" 401 "$(page /console/kk/operator "$OP")"
finish
