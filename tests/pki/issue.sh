#!/bin/sh
# issue.sh PKI NAME SUBJECT [sign|auth]: one more end-entity certificate from
# the test intermediate of make-ca.sh (run it first), for a person the
# tests or the demo need (e.g. the staff of a demo administrator, whose BIN
# comes from the database).  Writes PKI/users/NAME.key and NAME.pem; does
# nothing when they exist.  Test keys only, made at test time.
set -eu
[ $# -ge 3 ] || { echo "usage: $0 PKI NAME SUBJECT [sign|auth]" >&2; exit 2; }
PKI=$(cd "$1" && pwd) NAME=$2 SUBJECT=$3 EXT=v3_${4:-sign}
export PKI
U=$PKI/users
[ -f "$U/$NAME.pem" ] && exit 0
umask 077
openssl req -new -config "$PKI/ca.cnf" -utf8 -newkey rsa:2048 -nodes \
	-keyout "$U/$NAME.key" -out "$U/$NAME.csr" -subj "$SUBJECT" 2>/dev/null
openssl ca -batch -notext -utf8 -preserveDN -config "$PKI/ca.cnf" -name CA_inter \
	-in "$U/$NAME.csr" -out "$U/$NAME.pem" -extensions "$EXT" \
	-startdate 20240101000000Z -enddate 20440101000000Z 2>/dev/null
rm -f "$U/$NAME.csr"
