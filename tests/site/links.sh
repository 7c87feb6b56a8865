#!/bin/sh
# A link checker over the whole generated site: every internal href and src
# (absolute under the base URL) names an existing file, and every #fragment
# names an id on its page.
. "$(dirname "$0")/lib.sh"

make_db "$TMP/site.db" && build "$TMP/site.db" "$TMP/out" || { not_ok "build the fixture site"; finish; }
ok "build the fixture site"
site="$TMP/out/current"
(cd "$site" && find -L . -name '*.html' | sed 's|^\./||' | sort) > "$TMP/pages"
: > "$TMP/broken"
checked=0
while read -r p; do
	grep -o '\(href\|src\)="[^"]*"' "$site/$p" | sed 's/^[a-z]*="//; s/"$//' | sort -u > "$TMP/links"
	while read -r l; do
		case "$l" in
		http://*|https://*|mailto:*) continue ;;
		\#*) target="$p" frag=${l#\#} ;;
		/*) target=${l#/}; frag=""
		    case "$target" in *\#*) frag=${target#*\#}; target=${target%%\#*} ;; esac ;;
		*) echo "$p: relative link $l" >> "$TMP/broken"; continue ;;
		esac
		case "$target" in ''|*/) target="${target}index.html" ;; esac
		checked=$((checked + 1))
		if [ ! -f "$site/$target" ]; then
			echo "$p: $l" >> "$TMP/broken"
		elif [ -n "$frag" ] && ! grep -q "id=\"$frag\"" "$site/$target"; then
			echo "$p: $l (no id $frag)" >> "$TMP/broken"
		fi
	done < "$TMP/links"
done < "$TMP/pages"
if [ -s "$TMP/broken" ]; then
	not_ok "$(wc -l < "$TMP/broken") broken internal links of $checked"
	head -20 "$TMP/broken" | sed 's/^/#   /'
else
	ok "$checked internal links on $(wc -l < "$TMP/pages") pages, none broken"
fi
finish
