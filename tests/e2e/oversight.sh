# Oversight bodies end to end (issue 7; Order No. 270, A-6..A-15), through
# nginx to obfcgi, with a test CA made now (tests/pki/make-ca.sh) and
# legal-entity certificates of the bodies (OU=BIN..., tests/pki/issue.sh):
#   1. the operator registers two bodies (obctl oversight body add, A-6);
#   2. a body asks access for an employee (POST /api/oversight/requests,
#      A-8), signed with its legal-entity certificate (A-11); bad requests
#      (missing fields, a bad IIN, unsigned, untrusted, not a body) are
#      refused and store nothing;
#   3. the operator approves, refuses with a justification and grants
#      (POST /api/oversight/decisions, A-9); anyone else gets 403;
#   4. one person, one account (A-15); the body blocks an account at once
#      (POST /api/oversight/blocks, A-9); obctl oversight requests/accounts
#      show the deadlines and states.
. tests/e2e/lib.sh
NS=urn:obkz:doc:1
B=$TMP/b
DB=$B/portal.db
PKI=$B/pki
TRUST=$B/trust
RUN=$TMP/run
NGINX_RUN=$RUN
mkdir -p "$B" "$TMP/site" && cp "$OBCTL" "$OBGEN" "$BUILD/obfcgi" "$B/"
echo '<!doctype html><title>oversight</title>' >"$TMP/site/index.html"
chmod 755 "$TMP" "$TMP/site" && chmod 644 "$TMP/site/index.html"
ctl() { "$B/obctl" --db "$DB" "$@"; }

# ---- 1. the database, the PKI, the bodies ---------------------------------------

check "obctl init" ctl init
tests/pki/make-ca.sh "$PKI" >/dev/null 2>&1
check "the test CA is trusted" env OB_TRUST="$TRUST" "$B/obctl" --db "$DB" trust add \
	"$PKI/root/cert.pem" "$PKI/inter/cert.pem" "$PKI/root/crl.pem" "$PKI/inter/crl.pem"
# The operator: the test PKI's staff member (IIN 851202400023).
check "the operator's role" ctl role grant operator --iin 851202400023
iin() { sh tests/pki/iin.sh "$1"; }
BIN_M=$(iin 12345678901)      # the maslikhat of the Almaty oblast
BIN_C=$(iin 21098765432)      # the Supreme Audit Chamber
BIN_X=$(iin 05054000023)      # a body nobody registered
PERSON=$(iin 90010130001)     # employees the bodies ask access for
PERSON2=$(iin 87041230001)
PERSON3=$(iin 88050340002)
check "a maslikhat is registered (A-6)" ctl oversight body add --kind maslikhat --bin "$BIN_M" \
	--region 190000000 --name-kk "Алматы облыстық мәслихаты (синтетикалық)" \
	--name-ru "Алматинский областной маслихат (синтетические данные)"
check "the Supreme Audit Chamber is registered" ctl oversight body add --kind audit-chamber \
	--bin "$BIN_C" --name-kk "Жоғары аудиторлық палата (синтетикалық)" \
	--name-ru "Высшая аудиторская палата (синтетические данные)"
check "a maslikhat without a region is refused" sh -c "! '$B/obctl' --db '$DB' oversight body add \
	--kind maslikhat --bin '$BIN_X' --name-kk А --name-ru А 2>/dev/null"
check_eq "obctl oversight body list" 2 "$(ctl oversight body list | tail -n +2 | wc -l)"
issue() { tests/pki/issue.sh "$PKI" "$@" 2>/dev/null; }
HEAD=780305500031
issue maslikhat "/CN=МӘСЛИХАТ ХАТШЫСЫ/serialNumber=IIN$HEAD/C=KZ/O=SYNTHETIC MASLIKHAT/OU=BIN$BIN_M"
issue chamber "/CN=ПАЛАТА ТӨРАҒАСЫ/serialNumber=IIN$(iin 91060450003)/C=KZ/O=SYNTHETIC CHAMBER/OU=BIN$BIN_C"
issue stranger "/CN=БЕЙТАНЫС/serialNumber=IIN$(iin 92070560004)/C=KZ/O=SYNTHETIC BODY/OU=BIN$BIN_X"

# ---- the servers ----------------------------------------------------------------

PORT=$(free_port)
URL=http://127.0.0.1:$PORT
check "obfcgi and obgen start" scripts/api-start "$B" "$RUN" "$DB" "$TRUST" "$B/site"
API_RATE=100000r/s check "nginx starts" scripts/nginx-start "$RUN" "$TMP/site" "$PORT"

# ---- requests and answers (as in tests/e2e/api.sh) ------------------------------

RESP=$TMP/resp
XMLDECL='<?xml version="1.0" encoding="UTF-8"?>'
# request_xml IIN [QR] ($OMIT: an element left out)
request_xml() {
	local qr=${2-EQYZMET:2026:000123:SYNTHETIC}
	{
		printf '%s\n<oversight-request xmlns="%s" nonce="%s">' "$XMLDECL" "$NS" "$(fresh_nonce)"
		printf '<full-name>Сейтқали Айгерім Болатқызы</full-name><iin>%s</iin>' "$1"
		printf '<position>бас маман</position><unit>бюджет бөлімі</unit>'
		printf '<qr>%s</qr><phone>+7 727 000 00 00</phone><email>a.seitkali@example.kz</email>' "$qr"
		printf '<purpose>Жергілікті бюджеттің атқарылуын талдау</purpose></oversight-request>\n'
	} | if [ -n "${OMIT:-}" ]; then perl -pe "s{<$OMIT>[^<]*</$OMIT>}{}"; else cat; fi
}
decision_xml() { # REQUEST DECISION [JUSTIFICATION]
	local j=''
	[ -z "${3:-}" ] || j="<justification>$3</justification>"
	printf '%s\n<oversight-decision xmlns="%s" nonce="%s" request="%s" decision="%s">%s</oversight-decision>\n' \
		"$XMLDECL" "$NS" "$(fresh_nonce)" "$1" "$2" "$j"
}
block_xml() { # IIN LEFT REASON
	printf '%s\n<oversight-block xmlns="%s" nonce="%s" iin="%s" left="%s" reason="%s"></oversight-block>\n' \
		"$XMLDECL" "$NS" "$(fresh_nonce)" "$1" "$2" "$3"
}
stored() {
	sqlite3 "$DB" "SELECT count(*) FROM submissions; SELECT count(*) FROM nonces_used;
		SELECT count(*) FROM oversight_requests; SELECT count(*) FROM oversight_reviews;
		SELECT count(*) FROM oversight_accounts; SELECT count(*) FROM oversight_blocks;
		SELECT count(*) FROM oversight_accounts WHERE blocked IS NOT NULL"
}
ROWS=0
TODAY=$(date -u -d '+5 hours' +%F)   # the Almaty day obfcgi records

# ---- 2. requests (A-8, A-11) ------------------------------------------------------

accept "the maslikhat asks access for an employee (A-8)" pending \
	post oversight/requests signed maslikhat request_xml "$PERSON"
R1=$(attr request) RR1=$RID
check "... the receipt names the request" test -n "$R1"
check_eq "... its kind" oversight-request "$(attr kind)"
check_eq "GET /api/receipts/ID says pending" pending "$(receipt "$RR1")"
check "obctl oversight requests: due in 2 working days, not overdue (A-9)" \
	sh -c "'$B/obctl' --db '$DB' oversight requests | grep -q '^$R1	$TODAY	pending	[0-9-]*	-	on-time	$BIN_M	maslikhat	$PERSON	'"
OMIT=qr refuse 400 schema          "a request without the QR code element"  post oversight/requests signed maslikhat request_xml "$PERSON2"
OMIT=purpose refuse 400 schema     "a request without a purpose"            post oversight/requests signed maslikhat request_xml "$PERSON2"
refuse 422 field-missing           "a blank QR code"                        post oversight/requests signed maslikhat request_xml "$PERSON2" "  "
OMIT=email accept "a request with a phone and no e-mail" pending            post oversight/requests signed maslikhat request_xml "$PERSON2"
R2=$(attr request)
refuse 422 iin-invalid             "an IIN with a wrong control digit"      post oversight/requests signed maslikhat request_xml 900101300018
refuse 422 iin-invalid             "an IIN of 11 digits"                    post oversight/requests signed maslikhat request_xml 90010130001
refuse 401 signature-missing       "an unsigned request"                    post oversight/requests request_xml "$PERSON3"
refuse 401 certificate-untrusted   "a certificate of an untrusted CA"       post oversight/requests signed untrusted request_xml "$PERSON3"
refuse 403 role-missing            "a person's own certificate, no BIN (A-11)" post oversight/requests signed citizen request_xml "$PERSON3"
refuse 403 role-missing            "a BIN that is no registered body"       post oversight/requests signed stranger request_xml "$PERSON3"
refuse 400 schema                  "a decision posted as a request"         post oversight/requests signed maslikhat decision_xml "$R1" approve
refuse 405 method                  "GET on the endpoint"                    get /api/oversight/requests

# ---- 3. decisions (A-9) ------------------------------------------------------------

refuse 403 role-missing            "a citizen approves"                     post oversight/decisions signed citizen decision_xml "$R1" approve
refuse 403 role-missing            "the body approves its own request"      post oversight/decisions signed maslikhat decision_xml "$R1" approve
refuse 422 justification-missing   "a refusal without a justification"      post oversight/decisions signed staff decision_xml "$R1" refuse
refuse 409 not-approved            "a grant before the review"              post oversight/decisions signed staff decision_xml "$R1" grant
refuse 404 request-unknown         "an unknown request"                     post oversight/decisions signed staff decision_xml 999999 approve
refuse 400 schema                  "decision=\"maybe\""                      post oversight/decisions signed staff decision_xml "$R1" maybe
accept "the operator approves (A-9)" accepted post oversight/decisions signed staff decision_xml "$R1" approve
check_eq "... the receipt names the request" "$R1" "$(attr request)"
check_eq "the request's receipt says approved" approved "$(receipt "$RR1")"
refuse 409 already-decided         "a second decision"                      post oversight/decisions signed staff decision_xml "$R1" refuse "Қайта қарау."
refuse 403 role-missing            "a citizen grants"                       post oversight/decisions signed citizen decision_xml "$R1" grant
accept "the operator grants access (A-9)" accepted post oversight/decisions signed staff decision_xml "$R1" grant
check_eq "the request's receipt says granted" granted "$(receipt "$RR1")"
refuse 409 already-granted         "a second grant"                         post oversight/decisions signed staff decision_xml "$R1" grant
EXPIRES=$(date -u -d "$TODAY + 1 year" +%F)
check "obctl oversight accounts: active until the same date next year (A-9)" \
	sh -c "'$B/obctl' --db '$DB' oversight accounts | grep -q '	$PERSON	$BIN_M	maslikhat 190000000	$TODAY	$EXPIRES	active	'"
check "... and expired on that date, with no job run" \
	sh -c "'$B/obctl' --db '$DB' oversight accounts --today '$EXPIRES' | grep -q '	$PERSON	.*	expired	'"
accept "the operator refuses the second request, with a justification" accepted \
	post oversight/decisions signed staff decision_xml "$R2" refuse "QR-код E-Qyzmet жүйесінде табылмады."
check_eq "... stored with its justification" "QR-код E-Qyzmet жүйесінде табылмады." \
	"$(sqlite3 "$DB" "SELECT justification FROM oversight_reviews WHERE request_id = $R2")"

# ---- 4. one account per person (A-15), blocks (A-9) --------------------------------

accept "the Chamber asks access for the same person" pending post oversight/requests signed chamber request_xml "$PERSON"
R3=$(attr request)
accept "... approved" accepted post oversight/decisions signed staff decision_xml "$R3" approve
refuse 409 account-exists          "... but not granted: an active account elsewhere (A-15)" \
	post oversight/decisions signed staff decision_xml "$R3" grant
refuse 404 account-unknown         "the Chamber blocks the maslikhat's employee" \
	post oversight/blocks signed chamber block_xml "$PERSON" "$TODAY" dismissed
refuse 422 date-invalid            "a block with a malformed date"          post oversight/blocks signed maslikhat block_xml "$PERSON" 2026-13-01 dismissed
refuse 422 date-invalid            "a block for a day still to come"        post oversight/blocks signed maslikhat block_xml "$PERSON" 2099-01-01 dismissed
refuse 422 iin-invalid             "a block of a bad IIN"                   post oversight/blocks signed maslikhat block_xml 900101300018 "$TODAY" dismissed
refuse 400 schema                  "reason=\"retired\""                      post oversight/blocks signed maslikhat block_xml "$PERSON" "$TODAY" retired
refuse 401 signature-missing       "an unsigned block"                      post oversight/blocks block_xml "$PERSON" "$TODAY" dismissed
accept "the maslikhat blocks its employee's account (A-9)" accepted \
	post oversight/blocks signed maslikhat block_xml "$PERSON" "$TODAY" transferred
check "... at once: obctl oversight accounts says blocked" \
	sh -c "'$B/obctl' --db '$DB' oversight accounts | grep -q '	$PERSON	$BIN_M	.*	blocked	$TODAY	[0-9-]*	on-time	'"
refuse 404 account-unknown         "a second block"                         post oversight/blocks signed maslikhat block_xml "$PERSON" "$TODAY" other
accept "now the Chamber's grant goes through (A-15)" accepted post oversight/decisions signed staff decision_xml "$R3" grant
check_eq "one current account for the person" 1 \
	"$(sqlite3 "$DB" "SELECT count(*) FROM oversight_accounts WHERE iin = '$PERSON' AND blocked IS NULL AND superseded IS NULL")"
check_eq "the signed requests, decisions and blocks are evidence" 9 \
	"$(sqlite3 "$DB" "SELECT count(*) FROM submissions WHERE kind LIKE 'oversight-%'")"
check "obctl oversight audit --csv has its header" sh -c "'$B/obctl' --db '$DB' oversight audit --csv | grep -q '^id,at,iin,bin,scope,action,object'"

echo "oversight: $ROWS refusals in the table"
finish
