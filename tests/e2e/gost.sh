# GOST signatures and the external verifier (issue 4.3), end to end:
#   1. obctl trust gost-verifier: shows, refuses addresses that are not
#      local http, https or a unix socket, stores one, removes it;
#   2. obfcgi reads the setting at start-up and sends GOST-signed votes to
#      the fake NCANode of tests/fake/ncanode.c (built here with $CC) from
#      inside its sandbox, over 127.0.0.1 or a unix socket; spoken to over
#      FastCGI with cgi-fcgi, so the answers are obfcgi's own.  A vote for a
#      document that does not exist gets 404 document-unknown once its
#      signature, schema and nonce have passed: that is how a test tells a
#      signature accepted from one refused (401) or not checkable (500).
#      Nothing is ever stored.
. tests/e2e/lib.sh
CC=${CC:-cc}
DB=$TMP/portal.db
PKI=$TMP/pki
RUN=$TMP/run
RUN_DIRS=$RUN
SOCK=$RUN/obfcgi.sock
NCANODE=$TMP/ncanode
NCA_LOG=$TMP/ncanode-request.json
mkdir -p "$RUN"
ctl() { "$OBCTL" --db "$DB" "$@"; }
FAKE_PID=
NCA_DIR=
trap 'stop_fake; [ -z "$NCA_DIR" ] || rm -rf "$NCA_DIR"; cleanup' EXIT
stop_fake() { if [ -n "$FAKE_PID" ]; then kill "$FAKE_PID" 2>/dev/null; wait "$FAKE_PID" 2>/dev/null; FAKE_PID=; fi; }

# shellcheck disable=SC2086 # CC may carry flags, as make's does
check "the fake NCANode builds with \$CC" $CC -std=c11 -D_GNU_SOURCE -O1 -o "$NCANODE" tests/fake/ncanode.c -lcrypto
check "obctl init" ctl init
check "a test PKI" sh tests/pki/make-ca.sh "$PKI"

# ---- 1. obctl trust gost-verifier -----------------------------------------

OFF="off (GOST signatures are refused: unsupported-algorithm)"
check_eq "no verifier in a new database" "$OFF" "$(ctl trust gost-verifier 2>&1)"
for u in http://10.0.0.5:14579 http://nca.example.kz 'http://127.0.0.1@evil.example/' \
	'http://user:pw@localhost/' ftp://127.0.0.1/ unix:run/nca.sock 'http://127.0.0.1/?x=1' \
	'http://127.0.0.1.evil.example/' "http://127.0.0.1/$(printf 'a\tb')"; do
	out=$(ctl trust gost-verifier "$u" 2>&1)
	check_eq "refused: $u" "1 url-invalid" "$? $(echo "$out" | grep -o url-invalid | head -n 1)"
done
check_eq "nothing stored by the refusals" "$OFF" "$(ctl trust gost-verifier 2>&1)"
ctl trust gost-verifier a b >/dev/null 2>&1
check_eq "two arguments: usage, exit 2" 2 $?
ctl trust gost-verifier --of >/dev/null 2>&1
check_eq "an unknown option: usage, exit 2" 2 $?
check "https stored" ctl trust gost-verifier https://nca.example.kz/ncanode
check_eq "and shown" https://nca.example.kz/ncanode "$(ctl trust gost-verifier)"
check "replaced by http on loopback" ctl trust gost-verifier http://127.0.0.1:14579
check_eq "and shown" http://127.0.0.1:14579 "$(ctl trust gost-verifier)"
check_eq "--off removes it" "GOST verifier removed; restart obfcgi to apply" "$(ctl trust gost-verifier --off)"
check_eq "--off again" "GOST verifier was not set; restart obfcgi to apply" "$(ctl trust gost-verifier --off)"
check_eq "and none is shown" "$OFF" "$(ctl trust gost-verifier)"

# ---- 2. obfcgi --------------------------------------------------------------

start_obfcgi() {
	stop_obfcgi
	rm -f "$SOCK"
	"$BUILD/obfcgi" --db "$DB" --trust "$PKI/trust" --socket "$SOCK" --threads 2 \
		</dev/null >>"$RUN/obfcgi.log" 2>&1 &
	echo $! >"$RUN/obfcgi.pid"
	i=0
	while [ ! -S "$SOCK" ] && [ $i -lt 200 ] && kill -0 "$(cat "$RUN/obfcgi.pid")" 2>/dev/null; do
		sleep 0.05; i=$((i + 1))
	done
	[ -S "$SOCK" ]
}
stop_obfcgi() {
	if [ -f "$RUN/obfcgi.pid" ]; then
		kill "$(cat "$RUN/obfcgi.pid")" 2>/dev/null
		wait "$(cat "$RUN/obfcgi.pid")" 2>/dev/null
		rm -f "$RUN/obfcgi.pid"
	fi
}
# start_fake MODE [--port N | --unix PATH]: the fake NCANode naming the
# citizen's certificate; PORT is where it listens.
start_fake() {
	stop_fake
	rm -f "$TMP/port" "$NCA_LOG"
	mode=$1; shift
	"$NCANODE" --mode "$mode" --cert "$PKI/users/citizen.pem" --log "$NCA_LOG" --port-file "$TMP/port" "$@" \
		2>>"$TMP/ncanode.log" &
	FAKE_PID=$!
	i=0
	while [ ! -s "$TMP/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	PORT=$(cat "$TMP/port")
}
# fcgi METHOD URI [BODY]: one request straight to obfcgi's socket.
fcgi() {
	if [ $# -gt 2 ]; then
		env -i REQUEST_METHOD="$1" DOCUMENT_URI="$2" CONTENT_TYPE=application/xml \
			CONTENT_LENGTH="$(wc -c <"$3")" cgi-fcgi -bind -connect "$SOCK" <"$3"
	else
		env -i REQUEST_METHOD="$1" DOCUMENT_URI="$2" cgi-fcgi -bind -connect "$SOCK" </dev/null
	fi
}
# vote gost|rsa: a citizen's signed vote with a fresh nonce, for a document
# that does not exist; prints "STATUS CODE" of the answer.
vote() {
	nonce=$(fcgi GET /api/challenge | sed -n 's/.* nonce="\([0-9a-f]*\)".*/\1/p')
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<vote xmlns="urn:obkz:doc:1" nonce="%s" document="BP-2026-999-001" choice="for"></vote>\n' \
		"$nonce" >"$TMP/vote.xml"
	sh tests/pki/sign.sh "$TMP/vote.xml" "$PKI/users/citizen.key" "$PKI/users/citizen.pem" >"$TMP/signed.xml"
	if [ "$1" = gost ]; then
		sed -i -e 's|http://www.w3.org/2001/04/xmldsig-more#rsa-sha256|urn:ietf:params:xml:ns:pkigovkz:xmlsec:algorithms:gostr34102015-gostr34112015-512|' \
			-e 's|http://www.w3.org/2001/04/xmlenc#sha256|urn:ietf:params:xml:ns:pkigovkz:xmlsec:algorithms:gostr34112015-512|' \
			"$TMP/signed.xml"
	fi
	out=$(fcgi POST /api/votes "$TMP/signed.xml")
	echo "$(printf '%s\n' "$out" | sed -n 's/^Status: \([0-9]*\).*/\1/p' | head -n 1)" \
		"$(printf '%s\n' "$out" | grep -o 'code="[^"]*"' | head -n 1 | cut -d'"' -f2)"
}

check "obfcgi starts without a verifier" start_obfcgi
check_eq "RSA vote: signature passes (404 document-unknown)" "404 document-unknown" "$(vote rsa)"
check_eq "GOST vote, no verifier: 401 unsupported-algorithm" "401 unsupported-algorithm" "$(vote gost)"

start_fake valid
check "the fake NCANode listens" test -n "$PORT"
check "verifier set to the fake" ctl trust gost-verifier "http://127.0.0.1:$PORT"
check "obfcgi starts with the verifier" start_obfcgi
check "obfcgi says where GOST signatures go" grep -q "GOST signatures go to the verifier at http://127.0.0.1:$PORT" "$RUN/obfcgi.log"
check_eq "GOST vote, verifier says valid: signature passes (404)" "404 document-unknown" "$(vote gost)"
check "the verifier got the document from inside obfcgi's sandbox" grep -q gostr34102015-gostr34112015-512 "$NCA_LOG"
rm -f "$NCA_LOG"
check_eq "RSA vote with a verifier: passes (404)" "404 document-unknown" "$(vote rsa)"
check "and the verifier was not asked" test ! -e "$NCA_LOG"
start_fake invalid --port "$PORT"
check_eq "verifier says invalid: 401 signature-invalid" "401 signature-invalid" "$(vote gost)"
start_fake revoked --port "$PORT"
check_eq "verifier says revoked: 401 certificate-revoked" "401 certificate-revoked" "$(vote gost)"
start_fake malformed --port "$PORT"
check_eq "verifier answers malformed JSON: 500 internal" "500 internal" "$(vote gost)"
start_fake slow --port "$PORT"
t0=$(date +%s%N)
check_eq "verifier too slow: 500 internal" "500 internal" "$(vote gost)"
t1=$(date +%s%N)
check "  within about 2 s (timeout), not 3 s" test $(((t1 - t0) / 1000000)) -lt 3000
stop_fake
check_eq "verifier down: 500 internal" "500 internal" "$(vote gost)"

# Where obfcgi, running as nobody once started as root, may connect.
NCA_DIR=$(mktemp -d /tmp/ob-e2e-nca.XXXXXX)
chmod 711 "$NCA_DIR"
start_fake valid --unix "$NCA_DIR/nca.sock"
chmod 666 "$NCA_DIR/nca.sock"
check "verifier set to a unix socket" ctl trust gost-verifier "unix:$NCA_DIR/nca.sock"
check "obfcgi restarts" start_obfcgi
check_eq "GOST vote over the unix socket: passes (404)" "404 document-unknown" "$(vote gost)"
stop_fake

check "verifier --off" ctl trust gost-verifier --off
check "obfcgi restarts" start_obfcgi
check_eq "GOST vote after --off: 401 unsupported-algorithm" "401 unsupported-algorithm" "$(vote gost)"
stop_obfcgi
check "obfcgi logged no sanitizer error" sh -c "! grep -q 'AddressSanitizer\|runtime error' '$RUN/obfcgi.log'"
check_eq "nothing was stored" 0 "$(ctl stats | awk '$1 == "submissions" { print $2 }')"
# (LeakSanitizer cannot run its exit check inside the seccomp filter.)
check "the sandbox self-test (inet allowed only with a verifier)" \
	env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" "$BUILD/obfcgi" --sandbox-selftest
finish
