# The real stack: demo data -> obctl -> obgen -> nginx, checked with curl
# (issue 3.3, 3.6): language redirect, both languages, security headers,
# open data, schemas, 404.
. tests/e2e/lib.sh
export OB_TODAY=2026-11-29
SITE=$(scripts/demo-site "$TMP/b" 2>/dev/null | tail -n 1)
# demo-site builds into its own folder: give it the binaries.
if [ ! -d "$SITE" ]; then
	mkdir -p "$TMP/b" && cp "$OBCTL" "$OBGEN" "$TMP/b/"
	SITE=$(scripts/demo-site "$TMP/b" | tail -n 1)
fi
check "demo site built" test -f "$SITE/kk/index.html"
PORT=$(free_port)
NGINX_RUN=$TMP/run
check "nginx starts" scripts/nginx-start "$NGINX_RUN" "$SITE" "$PORT"
URL=http://127.0.0.1:$PORT
get() { curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$@"; }
check_eq "/ goes to Kazakh by default" "302 $URL/kk/" "$(get "$URL/")"
check_eq "/ goes to Russian for a Russian browser" "302 $URL/ru/" "$(get -H 'Accept-Language: ru-RU,ru;q=0.9,en;q=0.5' "$URL/")"
check_eq "/ stays Kazakh for kk" "302 $URL/kk/" "$(get -H 'Accept-Language: kk-KZ,kk;q=0.9,ru;q=0.8' "$URL/")"
check_eq "Kazakh home" "200 " "$(get "$URL/kk/")"
check_eq "Russian home" "200 " "$(get "$URL/ru/")"
check "Kazakh home has lang=kk" sh -c "curl -s '$URL/kk/' | grep -q 'lang=\"kk\"'"
check "Russian home has lang=ru" sh -c "curl -s '$URL/ru/' | grep -q 'lang=\"ru\"'"
check "home says the data is synthetic" sh -c "curl -s '$URL/ru/' | grep -qi 'синтетическ'"
H=$(curl -s -D - -o /dev/null "$URL/kk/")
for h in "Content-Security-Policy: default-src 'self'" "X-Content-Type-Options: nosniff" \
         "Referrer-Policy: same-origin" "frame-ancestors 'none'"; do
	case "$H" in *"$h"*) ok "header $h" ;; *) bad "header $h" ;; esac
done
case "$H" in *"unsafe-inline"*) bad "CSP allows inline script" ;; *) ok "CSP without inline script" ;; esac
check_eq "passport XSD published" "200 " "$(get "$URL/schema/passport.xsd")"
check_eq "unknown page is 404" "404 " "$(get "$URL/kk/no-such-page/")"
check_eq "datapackage.json served" "200 " "$(get "$URL/data/fdp/datapackage.json")"
finish
