# Shared helpers of the shell end-to-end tests: one line per assertion.
BUILD=${BUILD:-build}
OBCTL="$BUILD/obctl"
OBGEN="$BUILD/obgen"
FAILS=0
TMP=$(mktemp -d /tmp/ob-e2e.XXXXXX)
trap 'cleanup' EXIT
# Killed (a timeout, ^C): exit, so that the EXIT trap still cleans up.
trap 'exit 143' TERM
trap 'exit 130' INT
# Stops what a test started: nginx, obfcgi and obgen --watch whose pid
# files are in NGINX_RUN or in a directory of RUN_DIRS (scripts/nginx-start
# and scripts/api-start write them there).
cleanup() {
	local pids="" p i
	for d in ${NGINX_RUN:-} ${RUN_DIRS:-}; do
		for p in nginx obfcgi obgen; do
			if [ -f "$d/$p.pid" ]; then
				p=$(cat "$d/$p.pid" 2>/dev/null)
				kill "$p" 2>/dev/null && pids="$pids $p"
			fi
		done
	done
	# Until they are gone (at most 5 s): obgen may be writing into $TMP.
	for p in $pids; do
		i=0
		while kill -0 "$p" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	done
	rm -rf "$TMP"
}
ok() { echo "ok: $1"; }
bad() { echo "not ok: $1"; FAILS=$((FAILS + 1)); }
# check "description" command...: passes when the command succeeds.
# On failure the command's output is shown, indented, under the line.
check() {
	d=$1
	shift
	if "$@" >"$TMP/check.out" 2>&1; then ok "$d"; else bad "$d"; sed 's/^/#   /' "$TMP/check.out" | tail -n 8; fi
}
# check_eq "description" expected actual
check_eq() { if [ "$2" = "$3" ]; then ok "$1"; else bad "$1 (expected '$2', got '$3')"; fi; }
# finish: the exit status.  A test that ran obfcgi ($RUN/obfcgi.log) also
# asserts that no handler left a read open (store_idle logs it): that
# thread would have gone on reading an old snapshot.
finish() {
	if [ -n "${RUN:-}" ] && [ -f "$RUN/obfcgi.log" ]; then
		check "obfcgi left no read open between requests" sh -c "! grep -q 'a read was left open' '$RUN/obfcgi.log'"
	fi
	[ "$FAILS" -eq 0 ]
}
# A free TCP port on loopback, below the kernel's ephemeral range: a port
# in that range can be the local end of any client's connection (curl's,
# obfcgi's) at the moment nginx binds it, which no listener check sees.
# A port some socket holds in any state is skipped.
free_port() {
	local lo p
	lo=$(awk '{ print $1 }' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null)
	[ "${lo:-0}" -gt 12000 ] || lo=32768
	p=$(( ($$ * 7) % (lo - 10000) + 10000 ))
	while ss -tanH 2>/dev/null | awk '{ print $4 }' | grep -q ":$p\$"; do
		p=$(( p + 1 < lo ? p + 1 : 10000 ))
	done
	echo "$p"
}

# ---- requests to the API (api.sh, oversight.sh) ----------------------------
# post ENDPOINT MAKER...: POST MAKER's output to /api/ENDPOINT as $CT
# (application/xml by default); prints the status, the answer is in $RESP.
post() {
	local ep=$1
	shift
	"$@" >"$TMP/body"
	curl -s -o "$RESP" -w '%{http_code}' -H "Content-Type: ${CT:-application/xml}" \
		--data-binary @"$TMP/body" "$URL/api/$ep"
}
get() { curl -s -o "$RESP" -w '%{http_code}' "$URL$1"; }
# attr NAME: an attribute of the answer's root element.
attr() { sed -n "s/.* $1=\"\([^\"]*\)\".*/\1/p" "$RESP" | head -n 1; }
detail() { sed -n 's/.*<detail>\(.*\)<\/detail>.*/\1/p' "$RESP"; }
# receipt ID: the status GET /api/receipts/ID tells.
receipt() { [ "$(get "/api/receipts/$1")" = 200 ] && attr status; }
fresh_nonce() { curl -s "$URL/api/challenge" | sed -n 's/.* nonce="\([0-9a-f]*\)".*/\1/p'; }
# signed WHO MAKER...: MAKER's output signed as NCALayer signs
# (tests/pki/sign.sh, whose knobs come from the environment) with
# PKI/users/WHO's key and certificate.
signed() {
	local who=$1 f
	shift
	f=$(mktemp "$TMP/unsigned.XXXXXX")
	"$@" >"$f"
	sh tests/pki/sign.sh "$f" "$PKI/users/$who.key" "$PKI/users/$who.pem" 2>>"$TMP/sign.log"
}

# accept DESCRIPTION STATUS REQUEST...: answered 201 with a receipt whose
# status is STATUS; its id is left in $RID.
accept() {
	local desc=$1 want=$2 got
	shift 2
	got=$("$@" </dev/null)
	RID=$(attr id)
	if [ "$got" = 201 ] && [ "$(attr status)" = "$want" ] && [ ${#RID} = 32 ]; then
		ok "201 $want: $desc"
	else
		bad "201 $want: $desc (got $got $(attr code): $(detail))"
	fi
}

# refuse STATUS CODE DESCRIPTION REQUEST...: the request is answered STATUS
# with <error code="CODE"> and its message in Kazakh and in Russian, and
# nothing was stored (the suite's own "stored" prints what it compares).
# Counts the rows of the table in ROWS.
refuse() {
	local want=$1 code=$2 desc=$3 before after got why=
	shift 3
	ROWS=$((ROWS + 1))
	before=$(stored)
	got=$("$@" </dev/null)
	after=$(stored)
	[ "$got" = "$want" ] || why="$why status $got;"
	[ "$(attr code)" = "$code" ] || why="$why code '$(attr code)';"
	grep -q '<message xml:lang="kk">[^<]' "$RESP" && grep -q '<message xml:lang="ru">[^<]' "$RESP" ||
		why="$why no kk and ru messages;"
	[ "$before" = "$after" ] || why="$why something was stored;"
	if [ -z "$why" ]; then ok "$want $code: $desc"; else bad "$want $code: $desc ($why $(detail))"; fi
}

# demo_stack: the demo database and site, the demo's test PKI and staff
# (scripts/demo-pki) and the servers (obfcgi, obgen --watch, nginx without
# a rate limit) on a free port, all in $TMP.  Sets B, DB, PKI, SITE, URL
# and ADMIN_CODE (the demo administrator); one assertion per step.
demo_stack() {
	B=$TMP/b
	DB=$B/demo/portal.db
	PKI=$B/demo/pki
	RUN=$TMP/run
	NGINX_RUN=$RUN
	mkdir -p "$B" && cp "$OBCTL" "$OBGEN" "$BUILD/obfcgi" "$B/"
	SITE=$(scripts/demo-site "$B" 2>/dev/null | tail -n 1)
	ADMIN_CODE=$(scripts/demo-pki "$B" 2>/dev/null | tail -n 1 | cut -d ' ' -f 1)
	check "demo site and PKI" test -f "$SITE/kk/index.html" -a -f "$PKI/users/admin-$ADMIN_CODE-auth.pem"
	URL=http://127.0.0.1:$(free_port)
	check "obfcgi and obgen start" scripts/api-start "$B" "$RUN" "$DB" "$B/demo/trust" "$B/site"
	API_RATE=100000r/s check "nginx starts" scripts/nginx-start "$RUN" "$SITE" "${URL##*:}"
}

# signed_post ENDPOINT KEY XML: " NONCE" in XML becomes a fresh nonce; the
# document is signed as NCALayer signs (tests/pki/sign.sh) with
# PKI/users/KEY and the intermediate CA, and posted to /api/ENDPOINT.
# Prints the status; the answer is in $TMP/resp, the headers in $TMP/headers.
signed_post() {
	local n
	n=$(curl -s "$URL/api/challenge" | sed -n 's/.* nonce="\([0-9a-f]*\)".*/\1/p')
	printf '<?xml version="1.0" encoding="UTF-8"?>\n%s\n' "$3" | sed "s/ NONCE/ nonce=\"$n\"/" >"$TMP/s.xml"
	echo "$n" >"$TMP/last-nonce"
	sh tests/pki/sign.sh "$TMP/s.xml" "$PKI/users/$2.key" "$PKI/users/$2.pem" "$PKI/inter/cert.pem" >"$TMP/s.signed"
	curl -s -D "$TMP/headers" -o "$TMP/resp" -w '%{http_code}' -H 'Content-Type: application/xml' \
		--data-binary @"$TMP/s.signed" "$URL/api/$1"
}
