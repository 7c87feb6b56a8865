#!/bin/sh
# iin.sh 11DIGITS: the whole 12-digit IIN (or BIN) with its control digit,
# for test and demo certificates; nothing when the number has none (both
# passes of the Kazakh algorithm give 10).  Weights 1..11, and when that
# gives 10, 3..11,1,2; core/sig.c iin_valid() is the same rule in C.
[ $# -eq 1 ] || { echo "usage: $0 11DIGITS" >&2; exit 2; }
awk -v d="$1" 'BEGIN {
	for (i = 1; i <= 11; i++) { a += i * substr(d, i, 1); b += ((i + 1) % 11 + 1) * substr(d, i, 1) }
	c = a % 11; if (c == 10) c = b % 11
	if (c != 10) print d c }'
