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
finish() { [ "$FAILS" -eq 0 ]; }
# A free TCP port on loopback.
free_port() { p=$(( (($$ * 7) % 20000) + 20000 )); while ss -ltn 2>/dev/null | grep -q ":$p "; do p=$((p + 1)); done; echo $p; }
