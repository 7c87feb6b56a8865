# Signed submissions end to end (issue 4.7), through nginx to obfcgi, with
# a test CA made now (tests/pki/make-ca.sh) and signatures made the way
# NCALayer makes them (tests/pki/sign.sh):
#   1. the happy paths: challenge, votes (one replaced), proposals (P-13,
#      P-14), moderation (P-15), an answer (P-16), a document posted that
#      opens its discussion (P-9, P-10), receipts;
#   2. a table of bad inputs, one line each: the status, the error code,
#      the message in kk and ru, and nothing stored (obctl stats unchanged);
#   3. the process: the sandbox self-test; SIGTERM stops obfcgi with exit 0
#      and loses nothing;
#   4. the crash test: kill -9 during a stream of signed votes, restart,
#      every vote that got a 201 is there.
. tests/e2e/lib.sh
# A Sunday; the demo's passports posted on 2026-11-27 are in discussion.
export OB_TODAY=2026-11-29
NS=urn:obkz:doc:1
B=$TMP/b
DB=$B/demo/portal.db
PKI=$B/demo/pki
TRUST=$B/demo/trust
RUN=$TMP/run
NGINX_RUN=$RUN
RUN_DIRS=$TMP/run-limit
mkdir -p "$B" && cp "$OBCTL" "$OBGEN" "$BUILD/obfcgi" "$B/"
ctl() { "$B/obctl" --db "$DB" "$@"; }

SITE=$(scripts/demo-site "$B" 2>/dev/null | tail -n 1)
check "demo site built" test -f "$SITE/kk/index.html"
# The administrator whose role demo-pki granted (users/admin-CODE, BIN in OU).
ADMIN_CODE=$(scripts/demo-pki "$B" 2>/dev/null | tail -n 1 | cut -d ' ' -f 1)
ADMIN=admin-$ADMIN_CODE
check "demo PKI made" test -f "$PKI/users/$ADMIN.pem"

# ---- documents and people ---------------------------------------------------

in_discussion() { ctl list | awk -F'\t' '$3 == "passport" && $7 == "in-discussion" { print $2 }'; }
# The administrator's passport in discussion (a republican one: no region
# in its number), and other documents.
DOC=$(ctl list | awk -F'\t' -v c="$ADMIN_CODE" '$3 == "passport" && $7 == "in-discussion" && $5 == c &&
	$2 !~ /^[A-Z]+-[0-9]+-[0-9]+-[0-9]+-/ { print $2; exit }')
OTHER_DOC=$(in_discussion | grep -v "^$DOC\$" | head -n 1)
CLOSED_DOC=$(ctl list | awk -F'\t' '$7 == "discussion-closed" { print $2; exit }')
PUBLISHED_DOC=$(ctl list | awk -F'\t' '$3 == "budget-report" && $7 == "published" { print $2; exit }')
part_of() { ctl show "$1" | sed -n "s/^ *\[\([0-9]*\)\] $2 .*/\1/p"; }
PART=$(part_of "$DOC" goal)
OTHER_PART=$(part_of "$OTHER_DOC" goal)
check "documents for the tests" test -n "$DOC" -a -n "$OTHER_DOC" -a -n "$CLOSED_DOC" -a \
	-n "$PUBLISHED_DOC" -a -n "$PART" -a -n "$OTHER_PART"
ctl export "$DOC" >"$TMP/template.xml"

# A passport imported "in-discussion" with an end that has passed; obfcgi
# closes it at start-up (below).
D=BP-2026-$ADMIN_CODE    # numbers of the documents the tests post
PAST_DOC=$D-950
perl -pe "s/ number=\"[^\"]*\"/ number=\"$PAST_DOC\"/; s/ posted=\"[^\"]*\"/ posted=\"2026-11-06\"/;
	s/ discussion-end=\"[^\"]*\"/ discussion-end=\"2026-11-20\"/" "$TMP/template.xml" >"$TMP/past.xml"
check "a passport whose discussion ended on 2026-11-20 is imported" ctl import "$TMP/past.xml"
PAST_PART=$(part_of "$PAST_DOC" goal)

# iin 11DIGITS: the whole IIN with its control digit, or nothing.
iin() { sh tests/pki/iin.sh "$1"; }
check_eq "IIN control digit, first pass (the test CA's citizen)" 900101300017 "$(iin 90010130001)"
check_eq "IIN control digit, second pass (the test CA's citizen-ec)" 900101300811 "$(iin 90010130081)"
check_eq "no IIN when both passes give 10" "" "$(iin 00000000281)"

# issue NAME SUBJECT: one more certificate from the test intermediate CA.
issue() { tests/pki/issue.sh "$PKI" "$@" 2>/dev/null; }
# Another republican administrator, with its own BIN and role; and the demo
# administrator's own person with a personal certificate (no BIN).
REF=$B/demo/xml/reference.xml
OTHER_CODE=$(xmllint --xpath "string((//*[local-name()='administrator'][not(@region)][@code!='$ADMIN_CODE'])[1]/@code)" "$REF")
OTHER_BIN=$(xmllint --xpath "string(//*[local-name()='administrator'][not(@region)][@code='$OTHER_CODE']/@bin)" "$REF")
issue other-admin "/CN=БАСҚА ӘКІМШІ/serialNumber=IIN$(iin 87041230001)/C=KZ/O=SYNTHETIC BODY $OTHER_CODE/OU=BIN$OTHER_BIN"
issue admin-person "/CN=ДЕМО ӘКІМШІ/serialNumber=IIN780305500031/C=KZ"
check "another administrator ($OTHER_CODE) gets its role" ctl role grant administrator --bin "$OTHER_BIN" --admin-code "$OTHER_CODE"

# ---- the servers ------------------------------------------------------------

PORT=$(free_port)
URL=http://127.0.0.1:$PORT
check "obfcgi and obgen start" scripts/api-start "$B" "$RUN" "$DB" "$TRUST" "$B/site"
# The tests send far more than a person would: no rate limit here (its own
# nginx below).
API_RATE=100000r/s check "nginx starts" scripts/nginx-start "$RUN" "$SITE" "$PORT"
# obfcgi's lifecycle thread closes, at start-up, the discussions whose end
# has passed (P-17): votes on them are then refused as not open.
status_of() { ctl list | awk -F'\t' -v n="$1" '$2 == n { print $7 }'; }
i=0
while [ "$(status_of "$PAST_DOC")" != discussion-closed ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
check_eq "the passport whose discussion ended is closed at start-up" discussion-closed "$(status_of "$PAST_DOC")"
check "... its final report is delivered to its administrator (obctl reports, P-17)" \
	sh -c "'$B/obctl' --db '$DB' reports --admin-code '$ADMIN_CODE' | grep -q '^$PAST_DOC	passport	1	2026-11-20	2026-11-29'"
check "... and can be exported as its stored XML" sh -c "'$B/obctl' --db '$DB' reports export '$PAST_DOC' | grep -q '<final-report '"
check_eq "... but not another administrator's" "" "$(ctl reports --admin-code "$OTHER_CODE" | grep "^$PAST_DOC	")"

# ---- requests ---------------------------------------------------------------

RESP=$TMP/resp
# ---- makers of request bodies (standard output) -----------------------------

# A fresh nonce attribute; $NONCE instead when set ("-": none).
nonce_attr() {
	local n=${NONCE:-$(fresh_nonce)}
	[ "$n" = - ] || printf ' nonce="%s"' "$n"
}
# Each starts with an XML declaration naming UTF-8, as NCALayer's output
# does (without one, xmlsec1 would write the signed text as character
# references).  $ATTRS is added to every root: for the rows about attributes.
XMLDECL='<?xml version="1.0" encoding="UTF-8"?>'
vote_xml() { # DOCUMENT CHOICE [PROPOSAL]
	local p=''
	[ -z "${3:-}" ] || p=" proposal=\"$3\""
	printf '%s\n<vote xmlns="%s"%s document="%s" choice="%s"%s%s></vote>\n' \
		"$XMLDECL" "$NS" "$(nonce_attr)" "$1" "$2" "$p" "${ATTRS:-}"
}
proposal_xml() { # DOCUMENT PART LANG TEXT
	printf '%s\n<proposal xmlns="%s"%s document="%s" part="%s" lang="%s"%s><text>%s</text></proposal>\n' \
		"$XMLDECL" "$NS" "$(nonce_attr)" "$1" "$2" "$3" "${ATTRS:-}" "$4"
}
moderation_xml() { # PROPOSAL DECISION REASON JUSTIFICATION ("-": left out)
	local r='' j=''
	[ "$3" = - ] || r=" reason=\"$3\""
	[ "$4" = - ] || j="<justification>$4</justification>"
	printf '%s\n<moderation xmlns="%s"%s proposal="%s" decision="%s"%s%s>%s</moderation>\n' \
		"$XMLDECL" "$NS" "$(nonce_attr)" "$1" "$2" "$r" "${ATTRS:-}" "$j"
}
answer_xml() { # PROPOSAL DECISION LANG JUSTIFICATION ("-": left out)
	local j=''
	[ "$4" = - ] || j="<justification>$4</justification>"
	printf '%s\n<answer xmlns="%s"%s proposal="%s" decision="%s" lang="%s"%s>%s</answer>\n' \
		"$XMLDECL" "$NS" "$(nonce_attr)" "$1" "$2" "$3" "${ATTRS:-}" "$j"
}
# The administrator's passport under a new NUMBER, with discussion-end END
# or none; $EDIT is one more perl substitution on every line.
document_xml() { # NUMBER [END]
	local n end=''
	n=$(nonce_attr)
	[ -z "${2:-}" ] || end=" discussion-end=\"$2\""
	perl -pe "if (/^<[a-z]/ && !\$root++) { s/ discussion-end=\"[^\"]*\"//; s/ number=\"[^\"]*\"/ number=\"$1\"$n$end/ }
		${EDIT:-}" "$TMP/template.xml"
}
# altered PERL MAKER...: MAKER's output (signed) changed afterwards.
altered() { local e=$1; shift; "$@" | perl -0pe "$e"; }
# n_chars N UNIT10: N characters (N a multiple of 10) from a 10-character unit.
n_chars() { local i=0; while [ $i -lt "$1" ]; do printf '%s' "$2"; i=$((i + 10)); done; }
KK10='Жол сапасы'   # 10 characters, 19 bytes
RU10='Предложени'   # 10 characters, 20 bytes
# A nonce made as obfcgi makes them (core/nonce.h), issued AGE seconds ago:
# hex(time, 16) + 32 random hex + the first 16 bytes of the HMAC-SHA256
# of those 48 characters under the server's secret.
KEY=$(sqlite3 "$DB" "SELECT lower(hex(value)) FROM secrets WHERE name = 'nonce'")
mint_nonce() { # AGE [KEY]
	local head
	head=$(printf '%016x%s' $(( $(date +%s) - $1 )) "$(openssl rand -hex 16)")
	printf '%s%s\n' "$head" "$(printf '%s' "$head" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:${2:-$KEY}" |
		sed 's/.*= //' | cut -c 1-32)"
}
# raw TEXT: TEXT with @N@ replaced by the nonce attribute.
raw() { local n; n=$(nonce_attr); printf '%s\n%s\n' "$XMLDECL" "${1//@N@/$n}"; }
# A good nonce with its last digit changed.
altered_nonce() { local n; n=$(fresh_nonce); case $n in *0) echo "${n%?}1" ;; *) echo "${n%?}0" ;; esac; }
rows_of() { ctl stats | awk -v t="$1" '$1 == t { print $2 }'; }

# ---- 1. the happy paths -----------------------------------------------------

check_eq "GET /api/challenge" 200 "$(get /api/challenge)"
check "a nonce of 80 hex digits and its expiry" grep -Eq ' nonce="[0-9a-f]{80}" expires="[0-9-]{10}T' "$RESP"
votes0=$(rows_of votes) subs0=$(rows_of submissions)
accept "a citizen votes for a passport in discussion (P-11)" counted post votes signed citizen vote_xml "$DOC" for
V1=$RID
cp "$TMP/body" "$TMP/vote1.xml"
accept "the same person votes again, against" counted post votes signed citizen vote_xml "$DOC" against
V2=$RID
check_eq "the first vote's receipt turns replaced" replaced "$(receipt "$V1")"
check_eq "the second vote's receipt stays counted" counted "$(receipt "$V2")"
check_eq "one vote row per person and target" $((votes0 + 1)) "$(rows_of votes)"
check_eq "both signed votes kept as evidence" $((subs0 + 2)) "$(rows_of submissions)"
SIG_ALG=ecdsa-sha256 C14N_ALG=incl accept "an EC P-256 key, ECDSA-SHA256, inclusive C14N" counted \
	post votes signed citizen-ec vote_xml "$DOC" for
SIG_ALG=rsa-sha512 DIGEST_ALG=sha512 accept "RSA-SHA512, SHA-512 digests (the operator votes as a person)" counted \
	post votes signed staff vote_xml "$DOC" against
NONCE=$(mint_nonce 250) accept "a nonce minted with the server's key, 250 s old" counted \
	post votes signed citizen vote_xml "$OTHER_DOC" for
N=$(fresh_nonce)
check_eq "a vote on an unknown document is refused" 404 "$(NONCE=$N post votes signed citizen vote_xml "$D-999" for)"
NONCE=$N accept "... and its nonce stays good: a refusal does not use it" counted \
	post votes signed citizen vote_xml "$OTHER_DOC" against

KK1000=$(n_chars 1000 "$KK10")
check_eq "the Kazakh text has 1000 characters" 1000 "$(printf %s "$KK1000" | perl -CI -0777 -ne 'print length')"
accept "a proposal of 1000 Kazakh characters enters moderation (P-14)" pending \
	post proposals signed citizen proposal_xml "$DOC" "$PART" kk "$KK1000"
PR1=$RID P1=$(attr proposal)
check_eq "... stored with its 1000 characters" 1000 "$(sqlite3 "$DB" "SELECT length(text) FROM proposals WHERE id = $P1")"
accept "a proposal in Russian" pending post proposals signed citizen proposal_xml "$DOC" "$PART" ru "Добавить показатель."
PR2=$RID P2=$(attr proposal)
SIG_ALG=ecdsa-sha256 accept "a proposal left pending" pending post proposals signed citizen-ec proposal_xml "$DOC" "$PART" ru "Третье."
P3=$(attr proposal)
accept "a proposal published and left unanswered" pending post proposals signed staff proposal_xml "$DOC" "$PART" kk "Төртінші."
P4=$(attr proposal)
check_eq "GET /api/receipts/ID of a new proposal" pending "$(receipt "$PR1")"
accept "the operator publishes a proposal (P-15)" accepted post moderation signed staff moderation_xml "$P1" publish - -
check_eq "... its receipt says published" published "$(receipt "$PR1")"
accept "the operator refuses one with a reason and a justification (P-15)" accepted \
	post moderation signed staff moderation_xml "$P2" refuse advertising "Жарнама. Реклама."
check_eq "... its receipt says refused" refused "$(receipt "$PR2")"
accept "the operator publishes another" accepted post moderation signed staff moderation_xml "$P4" publish - -
accept "a citizen votes on the published proposal (P-17 tallies)" counted post votes signed citizen vote_xml "$DOC" for "$P1"
accept "the administrator answers the proposal (P-16)" accepted \
	post answers signed "$ADMIN" answer_xml "$P1" accepted kk "Ұсыныс қабылданды."
check_eq "... the proposal's receipt says answered" answered "$(receipt "$PR1")"

# The static site (obgen --watch, issue 4.5): the published proposal, its
# answer and the tallies appear on the document's page; the pending and the
# refused texts never do.  Polled, not slept: the time it took is printed.
DOC_ID=$(ctl show "$DOC" | sed -n 's/^id: //p')
PAGE=$URL/ru/doc/$((DOC_ID / 100))/$DOC_ID.html
t0=$(date +%s%N)
i=0
until curl -s "$PAGE" | grep -q "Ұсыныс қабылданды" || [ $i -ge 400 ]; do sleep 0.05; i=$((i + 1)); done
echo "# the answer reached the static page in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
curl -s "$PAGE" >"$TMP/page.html"
check "the static page shows the answer of the published proposal" grep -q "Ұсыныс қабылданды" "$TMP/page.html"
check "... and the published proposal's text" grep -q "Төртінші" "$TMP/page.html"
check "... and its tally for the document" grep -q 'class="num votes-for"' "$TMP/page.html"
check "... but not the refused proposal's text" sh -c "! grep -q 'Добавить показатель' '$TMP/page.html'"
check "... nor the pending one's" sh -c "! grep -q 'Третье' '$TMP/page.html'"

NEW_DOC=$D-901
accept "the administrator posts a passport (POST /api/documents)" accepted \
	post documents signed "$ADMIN" document_xml "$NEW_DOC"
ctl export "$NEW_DOC" >"$TMP/new.xml" 2>/dev/null
root_attr() { xmllint --xpath "string(/*/@$1)" "$TMP/new.xml" 2>/dev/null; }
check_eq "... posted today" 2026-11-29 "$(root_attr posted)"
check_eq "... its discussion open" in-discussion "$(root_attr status)"
# Sunday 29 November: 30 Nov, 1-4 Dec, 7-10 Dec are nine, 11 Dec the tenth.
check_eq "... for 10 working days (P-9)" 2026-12-11 "$(root_attr discussion-end)"
check_eq "... stored without its nonce" "" "$(root_attr nonce)"
accept "a citizen votes on the new passport" counted post votes signed citizen vote_xml "$NEW_DOC" for
accept "a later discussion-end may be asked for" accepted \
	post documents signed "$ADMIN" document_xml "$D-902" 2026-12-25
ctl export "$D-902" >"$TMP/new.xml" 2>/dev/null
check_eq "... and is kept" 2026-12-25 "$(root_attr discussion-end)"

# ---- 2. the table of bad inputs ---------------------------------------------

# What a refusal must leave as it was: the rows obctl stats counts, the
# nonces used, the change sequence of the pages.
stored() {
	ctl stats
	sqlite3 "$DB" "SELECT count(*) FROM nonces_used; SELECT value FROM meta WHERE key = 'seq'"
}
ROWS=0
# A body of 10 MB, and one just over the 64 KiB of /api/.
{ printf '<vote xmlns="%s">' "$NS"; head -c 10485760 /dev/zero | tr '\0' ' '; printf '</vote>\n'; } >"$TMP/10mb.xml"
{ printf '<vote xmlns="%s">' "$NS"; head -c 66000 /dev/zero | tr '\0' ' '; printf '</vote>\n'; } >"$TMP/65k.xml"
V1_NONCE=$(sed -n 's/.* nonce="\([0-9a-f]*\)".*/\1/p' "$TMP/vote1.xml")
SIG='(<ds:Signature.*</ds:Signature>)'
XXE='<!DOCTYPE vote [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
LOL='<!DOCTYPE vote [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'

# The request, the body, its transport.
refuse 405 method                 "GET on a POST endpoint"                     get /api/votes
refuse 405 method                 "POST to GET /api/challenge"                 post challenge signed citizen vote_xml "$DOC" for
refuse 405 method                 "POST to a receipt"                          post "receipts/$V1" signed citizen vote_xml "$DOC" for
refuse 404 not-found              "unknown path /api/nothing"                  get /api/nothing
refuse 404 receipt-unknown        "unknown receipt id"                         get /api/receipts/00000000000000000000000000000000
refuse 404 receipt-unknown        "receipt id that is not one"                 get /api/receipts/not-a-receipt
CT=text/plain refuse 415 content-type "Content-Type text/plain"             post votes signed citizen vote_xml "$DOC" for
CT=application/x-www-form-urlencoded refuse 415 content-type "a form"        post votes signed citizen vote_xml "$DOC" for
CT=application/xml-dtd refuse 415 content-type "application/xml-dtd"        post votes signed citizen vote_xml "$DOC" for
refuse 413 too-large              "10 MB body (nginx)"                         post votes cat "$TMP/10mb.xml"
refuse 413 too-large              "10 MB document (nginx; 8 MiB there)"        post documents cat "$TMP/10mb.xml"
refuse 413 too-large              "65 KB vote, over the 64 KiB of /api/"       post votes cat "$TMP/65k.xml"
refuse 400 malformed              "empty body"                                 post votes printf ''
refuse 400 malformed              "not XML at all"                             post votes echo 'for, please'
refuse 400 malformed              "XML cut short"                              post votes altered 's{</vote>\s*$}{}' signed citizen vote_xml "$DOC" for
refuse 400 encoding               "broken UTF-8 in signed text"                post proposals altered 's/Жол/\xd0\x28/' signed citizen proposal_xml "$DOC" "$PART" kk "$KK10"
refuse 400 doctype                "DOCTYPE"                                    post votes altered 's{^(<\?xml[^>]*>)}{$1<!DOCTYPE vote>}' signed citizen vote_xml "$DOC" for
refuse 400 doctype                "external entity (XXE)"                      post votes altered "s{^(<\\?xml[^>]*>)}{\$1$XXE}; s{</vote>}{&x;</vote>}" signed citizen vote_xml "$DOC" for
refuse 400 doctype                "entity expansion (billion laughs)"          post votes altered "s{^(<\\?xml[^>]*>)}{\$1$LOL}; s{</vote>}{&b;</vote>}" signed citizen vote_xml "$DOC" for
# The schema (schema/submission.xsd and the documents' own).
refuse 400 schema                 "wrong root element (a proposal to /api/votes)" post votes signed citizen proposal_xml "$DOC" "$PART" ru "Текст."
refuse 400 schema                 "unknown root element"                       post votes signed citizen raw "<ballot xmlns=\"$NS\"@N@ document=\"$DOC\" choice=\"for\"></ballot>"
refuse 400 schema                 "vote in another namespace"                  post votes signed citizen raw "<vote xmlns=\"urn:other\"@N@ document=\"$DOC\" choice=\"for\"></vote>"
refuse 400 schema                 "choice=\"maybe\""                           post votes signed citizen vote_xml "$DOC" maybe
ATTRS=' weight="2"' refuse 400 schema "unknown attribute"                    post votes signed citizen vote_xml "$DOC" for
refuse 400 schema                 "part is not a number"                       post proposals signed citizen proposal_xml "$DOC" abc ru "Текст."
refuse 400 schema                 "answer without justification element"       post answers signed "$ADMIN" answer_xml "$P4" accepted kk -
NONCE=- refuse 400 schema         "vote without nonce"                         post votes signed citizen vote_xml "$DOC" for
NONCE=abc123 refuse 400 schema    "nonce not 80 hex digits"                    post votes signed citizen vote_xml "$DOC" for
refuse 400 schema                 "a vote sent as a document"                  post documents signed "$ADMIN" vote_xml "$DOC" for
EDIT='s{(</?)title>}{${1}titel>}g' refuse 400 schema "document not valid by its XSD" post documents signed "$ADMIN" document_xml "$D-903"
# The signature (core/sig.c, docs/signatures.md).
refuse 401 signature-missing      "not signed"                                 post votes vote_xml "$DOC" for
refuse 401 signature-invalid      "text changed after signing"                 post proposals altered 's/Жол сапасы/Жол ақысы!/' signed citizen proposal_xml "$DOC" "$PART" kk "$KK10"
refuse 401 signature-invalid      "choice changed after signing"               post votes altered 's/choice="for"/choice="against"/' signed citizen vote_xml "$DOC" for
refuse 401 signature-invalid      "a second <text> added after signing"        post proposals altered 's{</text>}{</text><text>Другое.</text>}' signed citizen proposal_xml "$DOC" "$PART" kk "$KK10"
refuse 401 signature-invalid      "wrapped: signature moved into a child"      post votes altered "s{$SIG}{<w>\$1</w>}s" signed citizen vote_xml "$DOC" for
refuse 401 signature-invalid      "wrapped: signed content moved to ds:Object" post votes altered 's{choice="for"(.*)(</ds:Signature>)}{choice="against"$1<ds:Object><vote choice="for"/></ds:Object>$2}s' signed citizen vote_xml "$DOC" for
refuse 401 signature-multiple     "the signature twice"                        post votes altered "s{$SIG}{\$1\$1}s" signed citizen vote_xml "$DOC" for
refuse 401 signature-multiple     "a second signature by another signer"       post votes signed staff signed citizen vote_xml "$DOC" for
SIG_ALG=rsa-sha1 refuse 401 unsupported-algorithm "RSA-SHA1 signature"       post votes signed citizen vote_xml "$DOC" for
DIGEST_ALG=sha1 refuse 401 unsupported-algorithm "SHA-1 digest"              post votes signed citizen vote_xml "$DOC" for
XPATH='not(ancestor-or-self::x)' refuse 401 unsupported-algorithm "an XPath transform" post votes signed citizen vote_xml "$DOC" for
REF_URI='#v' REF_ID_NODE=$NS:vote ATTRS=' id="v"' refuse 401 reference-invalid 'Reference URI="#v", not ""' post votes signed citizen vote_xml "$DOC" for
EXTRA_REF=1 refuse 401 reference-invalid "two References"                    post votes signed citizen vote_xml "$DOC" for
KEYINFO=keyvalue refuse 401 certificate-missing "KeyValue without certificate" post votes signed citizen vote_xml "$DOC" for
KEYINFO=none refuse 401 certificate-missing "no KeyInfo"                     post votes signed citizen vote_xml "$DOC" for
refuse 401 certificate-expired    "expired certificate"                        post votes signed expired vote_xml "$DOC" for
refuse 401 certificate-revoked    "revoked certificate (CRL)"                  post votes signed revoked vote_xml "$DOC" for
refuse 401 certificate-usage      "wrong extended key usage"                   post votes signed wrongeku vote_xml "$DOC" for
refuse 401 certificate-usage      "wrong key usage"                            post votes signed wrongku vote_xml "$DOC" for
refuse 401 certificate-usage      "authentication certificate, not signing"    post votes signed citizen-auth vote_xml "$DOC" for
refuse 401 certificate-untrusted  "self-signed certificate"                    post votes signed selfsigned vote_xml "$DOC" for
refuse 401 certificate-untrusted  "certificate of an untrusted CA"             post votes signed untrusted vote_xml "$DOC" for
refuse 401 identity-invalid       "wrong IIN control digit"                    post votes signed badiin vote_xml "$DOC" for
refuse 401 identity-invalid       "no IIN in the certificate"                  post votes signed noiin vote_xml "$DOC" for
# The nonce (core/nonce.h).
refuse 409 nonce-reused           "the accepted vote replayed"                 post votes cat "$TMP/vote1.xml"
NONCE=$V1_NONCE refuse 409 nonce-reused "a used nonce in a new signed vote"  post votes signed citizen vote_xml "$DOC" against
NONCE=$(mint_nonce 301) refuse 409 nonce-expired "nonce issued 301 s ago (TTL 300)" post votes signed citizen vote_xml "$DOC" for
NONCE=$(mint_nonce -3600) refuse 409 nonce-expired "nonce issued an hour ahead" post votes signed citizen vote_xml "$DOC" for
NONCE=$(mint_nonce 0 "$(openssl rand -hex 32)") refuse 409 nonce-invalid "nonce forged with another key" post votes signed citizen vote_xml "$DOC" for
NONCE=$(altered_nonce) refuse 409 nonce-invalid "a digit of the MAC altered" post votes signed citizen vote_xml "$DOC" for
NONCE=- refuse 409 nonce-invalid  "document without nonce"                     post documents signed "$ADMIN" document_xml "$D-903"
# Proposals (P-13, P-14) and votes (P-11).
refuse 422 text-too-long          "1001 Cyrillic characters (P-14)"            post proposals signed citizen proposal_xml "$DOC" "$PART" ru "$(n_chars 1000 "$RU10")е"
refuse 422 text-empty             "empty text"                                 post proposals signed citizen proposal_xml "$DOC" "$PART" ru ""
refuse 422 text-empty             "blank text"                                 post proposals signed citizen proposal_xml "$DOC" "$PART" ru $'  \n\t  '
refuse 422 language-invalid       'lang "en"'                                  post proposals signed citizen proposal_xml "$DOC" "$PART" en "A proposal."
refuse 404 document-unknown       "vote on an unknown document"                post votes signed citizen vote_xml "$D-999" for
refuse 404 document-unknown       "proposal to an unknown document"            post proposals signed citizen proposal_xml "$D-999" "$PART" ru "Текст."
refuse 404 part-unknown           "unknown part id"                            post proposals signed citizen proposal_xml "$DOC" 999999999 ru "Текст."
refuse 404 part-unknown           "a part of another document"                 post proposals signed citizen proposal_xml "$DOC" "$OTHER_PART" ru "Текст."
refuse 409 discussion-not-open    "vote after the period (P-9)"                post votes signed citizen vote_xml "$PAST_DOC" for
refuse 409 discussion-not-open    "proposal after the period"                  post proposals signed citizen proposal_xml "$PAST_DOC" "$PAST_PART" ru "Текст."
refuse 409 discussion-not-open    "vote on a passport whose discussion closed" post votes signed citizen vote_xml "$CLOSED_DOC" for
refuse 409 discussion-not-open    "vote on a budget report"                    post votes signed citizen vote_xml "$PUBLISHED_DOC" for
refuse 409 proposal-not-published "vote on a pending proposal"                 post votes signed citizen vote_xml "$DOC" for "$P3"
refuse 409 proposal-not-published "vote on a refused proposal"                 post votes signed citizen vote_xml "$DOC" for "$P2"
refuse 404 proposal-unknown       "vote on a proposal of another document"     post votes signed citizen vote_xml "$OTHER_DOC" for "$P1"
refuse 404 proposal-unknown       "vote on an unknown proposal"                post votes signed citizen vote_xml "$DOC" for 999999
# Moderation (P-15).
refuse 403 role-missing           "operator action by a citizen"               post moderation signed citizen moderation_xml "$P3" publish - -
refuse 403 role-missing           "operator action by the administrator"       post moderation signed "$ADMIN" moderation_xml "$P3" publish - -
refuse 422 reason-invalid         "refusal without reason"                     post moderation signed staff moderation_xml "$P3" refuse - "Обоснование."
refuse 422 reason-invalid         "refusal with an unknown reason"             post moderation signed staff moderation_xml "$P3" refuse boring "Обоснование."
refuse 422 justification-missing  "refusal without justification"             post moderation signed staff moderation_xml "$P3" refuse spam -
refuse 422 justification-missing  "refusal with a blank justification"         post moderation signed staff moderation_xml "$P3" refuse spam "   "
refuse 409 already-moderated      "second moderation of a proposal"            post moderation signed staff moderation_xml "$P1" refuse spam "Ещё раз."
refuse 404 proposal-unknown       "moderation of an unknown proposal"          post moderation signed staff moderation_xml 999999 publish - -
# Answers (P-16).
refuse 403 role-missing           "answer by another administrator"            post answers signed other-admin answer_xml "$P4" accepted ru "Принято."
refuse 403 role-missing           "answer with a person's own certificate"     post answers signed admin-person answer_xml "$P4" accepted ru "Принято."
refuse 403 role-missing           "answer by the operator"                     post answers signed staff answer_xml "$P4" accepted ru "Принято."
refuse 409 already-answered       "second answer"                              post answers signed "$ADMIN" answer_xml "$P1" not-accepted ru "Передумали."
refuse 409 proposal-not-published "answer to a pending proposal"               post answers signed "$ADMIN" answer_xml "$P3" accepted ru "Принято."
refuse 409 proposal-not-published "answer to a refused proposal"               post answers signed "$ADMIN" answer_xml "$P2" accepted ru "Принято."
refuse 404 proposal-unknown       "answer to an unknown proposal"              post answers signed "$ADMIN" answer_xml 999999 accepted ru "Принято."
refuse 422 justification-missing  "answer with a blank justification"          post answers signed "$ADMIN" answer_xml "$P4" accepted ru "  "
refuse 422 language-invalid       'answer in lang "en"'                        post answers signed "$ADMIN" answer_xml "$P4" accepted en "Accepted."
# Documents (P-9, P-10).
refuse 422 discussion-too-short   "discussion-end 9 working days later"        post documents signed "$ADMIN" document_xml "$D-903" 2026-12-10
refuse 403 role-missing           "document posted by a citizen"               post documents signed citizen document_xml "$D-903"
refuse 403 role-missing           "document posted by another administrator"   post documents signed other-admin document_xml "$D-903"
refuse 403 role-missing           "document posted with a personal certificate" post documents signed admin-person document_xml "$D-903"
refuse 409 document-exists        "a document number that exists"              post documents signed "$ADMIN" document_xml "$DOC"
EDIT='s/ admin="[0-9]*"/ admin="999"/' refuse 422 document-invalid "document of an unknown administrator" post documents signed "$ADMIN" document_xml "$D-903"

# ---- 3. the process ---------------------------------------------------------

check "obfcgi --sandbox-selftest: execve, fork and inet sockets refused" "$B/obfcgi" --sandbox-selftest
if [ "$(id -u)" = 0 ]; then
	check_eq "obfcgi started as root serves as nobody" nobody "$(ps -o user= -p "$(cat "$RUN/obfcgi.pid")" | tr -d ' ')"
fi

# Voters of the streams: 16 people (IINs with their control digit), each
# signing one vote on each of 16 passports, made before the streams start.
VOTERS=()
s=100
while [ ${#VOTERS[@]} -lt 16 ]; do
	i=$(iin "85061530$s")
	s=$((s + 1))
	[ -n "$i" ] || continue
	issue "voter-$i" "/CN=САЙЛАУШЫ $s/serialNumber=IIN$i/C=KZ"
	VOTERS+=("voter-$i")
done
check "16 voters' certificates issued" test "$(ls "$PKI"/users/voter-*.pem | wc -l)" -eq 16
# presign DIR DOCUMENT...: each voter's vote for each document in DIR/.
presign() {
	local dir=$1 v d
	shift
	mkdir -p "$dir"
	for v in "${VOTERS[@]}"; do
		for d in "$@"; do signed "$v" vote_xml "$d" for >"$dir/$v-$d.xml"; done &
	done
	wait
}
# stream DIR: POSTs every DIR/*.xml to /api/votes, 8 at a time; each
# answer in FILE.out, its status in FILE.code.
stream() {
	printf '%s\n' "$1"/*.xml | xargs -P 8 -I{} sh -c 'curl -s -o "$1.out" -w "%{http_code}\n" \
		-H "Content-Type: application/xml" --data-binary @"$1" "$2/api/votes" >"$1.code"' sh {} "$URL"
}
count_201() { cat "$1"/*.code 2>/dev/null | grep -c '^201$'; }
# until_201 DIR N PID: polls until N votes of DIR got 201 (or PID ended).
until_201() { while [ "$(count_201 "$1")" -lt "$2" ] && kill -0 "$3" 2>/dev/null; do sleep 0.01; done; }
# receipts DIR: the receipt ids of the votes of DIR that got 201.
receipts() { grep -l '^201$' "$1"/*.code | sed 's/\.code$/.out/' | xargs sed -n 's/.* id="\([0-9a-f]*\)".*/\1/p'; }
# all_counted DIR: how many receipts of DIR are not "counted" now.
not_counted() { local id n=0; for id in $(receipts "$1"); do [ "$(receipt "$id")" = counted ] || n=$((n + 1)); done; echo $n; }
# gone PID: polls until the process PID has ended.
# A zombie (an init that reaps late) counts as gone.
alive() { kill -0 "$1" 2>/dev/null && ! ps -o stat= -p "$1" | grep -q '^Z'; }
gone() { local i=0; while alive "$1" && [ $i -lt 600 ]; do sleep 0.05; i=$((i + 1)); done; ! alive "$1"; }

# SIGTERM (scripts/stop sends it): the requests in flight finish, the
# writer commits, exit 0.  obfcgi runs here as this shell's child, so that
# its exit status can be read.
mapfile -t docs < <(in_discussion | sed -n '14,16p')
presign "$TMP/term" "${docs[@]}"
check "48 votes signed for the SIGTERM stream" test "$(ls "$TMP"/term/*.xml | wc -l)" -eq 48
kill -TERM "$(cat "$RUN/obfcgi.pid")"
check "obfcgi of api-start stops on SIGTERM" gone "$(cat "$RUN/obfcgi.pid")"
rm -f "$RUN/obfcgi.sock"
"$B/obfcgi" --db "$DB" --trust "$TRUST" --socket "$RUN/obfcgi.sock" </dev/null >>"$RUN/obfcgi.log" 2>&1 &
OWN=$!
echo "$OWN" >"$RUN/obfcgi.pid"
i=0
while [ ! -S "$RUN/obfcgi.sock" ] && kill -0 "$OWN" 2>/dev/null && [ $i -lt 400 ]; do sleep 0.05; i=$((i + 1)); done
votes0=$(rows_of votes)
stream "$TMP/term" &
SENDER=$!
until_201 "$TMP/term" 20 "$SENDER"
kill -TERM "$OWN"
wait "$OWN"
check_eq "SIGTERM during a stream: obfcgi exits 0" 0 "$?"
wait "$SENDER"
n201=$(count_201 "$TMP/term")
check "obfcgi logs its stop" grep -q 'obfcgi: stopped' "$RUN/obfcgi.log"
check "obfcgi starts again" scripts/api-start "$B" "$RUN" "$DB" "$TRUST" "$B/site"
check_eq "every vote answered 201 before SIGTERM ($n201) is counted" 0 "$(not_counted "$TMP/term")"
check "as many new vote rows as 201s" test "$(rows_of votes)" -ge $((votes0 + n201))

# ---- 4. the crash test (issue 4.5, 4.7) -------------------------------------

# kill -9 in the middle of a stream of 208 signed votes (16 voters, 13
# passports: every vote a target of its own); after the restart every vote
# that got a 201 is counted.
mapfile -t docs < <(in_discussion | sed -n '1,13p')
presign "$TMP/crash" "${docs[@]}"
total=$(ls "$TMP"/crash/*.xml | wc -l)
check_eq "208 votes signed for the crash stream" 208 "$total"
votes0=$(rows_of votes)
stream "$TMP/crash" &
SENDER=$!
until_201 "$TMP/crash" 100 "$SENDER"
kill -9 "$(cat "$RUN/obfcgi.pid")"
wait "$SENDER"
n201=$(count_201 "$TMP/crash")
check "kill -9 came in the middle of the stream ($n201 of $total answered 201)" test "$n201" -ge 100 -a "$n201" -lt "$total"
check "obfcgi restarts after kill -9" scripts/api-start "$B" "$RUN" "$DB" "$TRUST" "$B/site"
check_eq "every vote answered 201 before kill -9 ($n201) is counted" 0 "$(not_counted "$TMP/crash")"
check "as many new vote rows as 201s at least" test "$(rows_of votes)" -ge $((votes0 + n201))
check_eq "the database is intact after kill -9" ok "$(sqlite3 "$DB" 'PRAGMA integrity_check')"
replay=$(grep -l '^201$' "$TMP"/crash/*.code | head -n 1)
refuse 409 nonce-reused           "a vote accepted before kill -9, replayed"   post votes cat "${replay%.code}"

# ---- the rate limit, last and in its own nginx ------------------------------

# 1 request a second with the burst of 20 of /api/: 40 quick challenges.
LIMIT_RUN=$TMP/run-limit
mkdir -p "$LIMIT_RUN"
ln -s "$RUN/obfcgi.sock" "$LIMIT_RUN/obfcgi.sock"
LIMIT_PORT=$(free_port)
while [ "$LIMIT_PORT" = "$PORT" ]; do LIMIT_PORT=$((LIMIT_PORT + 1)); done
API_RATE=1r/s check "a second nginx, rate limited, starts" scripts/nginx-start "$LIMIT_RUN" "$SITE" "$LIMIT_PORT"
burst() {
	local i=0 st
	while [ $i -lt 40 ]; do
		st=$(curl -s -o "$RESP" -w '%{http_code}' "http://127.0.0.1:$LIMIT_PORT/api/challenge")
		[ "$st" = 429 ] && break
		i=$((i + 1))
	done
	echo "$st"
}
refuse 429 rate-limited           "40 challenges at once (nginx)"              burst

echo "api: $ROWS bad inputs in the table"
finish
