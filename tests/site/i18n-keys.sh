#!/bin/sh
# Every UI string a template asks for exists (make i18n checks that kk.xml
# and ru.xml have the same keys; this checks the templates against them).
. "$(dirname "$0")/lib.sh"

# By the template "t" or by the function ob:t($lang, 'KEY') (which returns ''
# for a key that does not exist).
keys=$({ grep -oh "name=\"k\" select=\"'[^']*'\"" "$ROOT"/templates/*.xsl | sed "s/.*select=\"'//; s/'\"//"
	grep -oh "ob:t(\$lang, '[^']*')" "$ROOT"/templates/*.xsl | sed "s/.*, '//; s/')//"; } | sort -u)
prefixes=$(grep -oh "concat('[a-z-]*\.', " "$ROOT"/templates/*.xsl | sed "s/concat('//; s/', //" | sort -u)
missing=0
for k in $keys; do
	grep -q "<s key=\"$k\">" "$ROOT/templates/i18n/kk.xml" || { echo "# missing: $k"; missing=$((missing + 1)); }
done
[ $missing = 0 ] && ok "$(echo "$keys" | wc -l) string keys used by templates exist" || not_ok "$missing string keys missing"
for p in $prefixes; do
	grep -q "<s key=\"$p" "$ROOT/templates/i18n/kk.xml" && ok "strings $p* exist" || not_ok "no strings $p*"
done
for v in budget-report financial-statements citizen-budget audit-result passport implementation-report grant-report; do
	grep -q "<s key=\"kind.$v\">" "$ROOT/templates/i18n/ru.xml" || not_ok "no name for kind $v"
done
ok "every document kind has a name"
finish
