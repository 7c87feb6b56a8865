#!/bin/sh
# sign.sh FILE KEY CERT [CHAIN_CERT...]: writes FILE signed the way NCALayer's
# signXml signs (enveloped ds:Signature as the last child of the root,
# Reference URI="", enveloped-signature + exc-c14n, rsa-sha256, signer's
# certificate in X509Data) to standard output, using `xmlsec1 --sign`.
# CHAIN_CERT files are added to X509Data after the signer's certificate.
#
# The root element of FILE must end with an end tag (not <root/>).
#
# Knobs (environment) to make the signatures the verifier must refuse; each
# still gives a cryptographically valid signature:
#   SIG_ALG      rsa-sha256 (default), rsa-sha1, rsa-sha512, ecdsa-sha256, or a URI
#   DIGEST_ALG   sha256 (default), sha1, sha512, or a URI
#   C14N_ALG     exc (default), incl, or a URI
#   REF_URI      Reference URI (default ""); with "#id" set REF_ID_NODE to the
#                name of the element that carries the id attribute
#   EXTRA_REF    1: a second Reference, also URI=""
#   XPATH        an XPath filter expression added as a third transform
#   KEYINFO      x509 (default), keyvalue (bare KeyValue), none (no KeyInfo)
set -eu

if [ $# -lt 3 ]; then
	echo "usage: $0 FILE KEY CERT [CHAIN_CERT...]" >&2
	exit 2
fi
file=$1
key=$2
shift 2
keyarg=$key
for c in "$@"; do keyarg="$keyarg,$c"; done

DS=http://www.w3.org/2000/09/xmldsig#
MORE=http://www.w3.org/2001/04/xmldsig-more#
alg() {
	case "$1" in
	rsa-sha1) echo "${DS}rsa-sha1" ;;
	rsa-sha256 | rsa-sha384 | rsa-sha512 | ecdsa-sha256 | ecdsa-sha384 | ecdsa-sha512)
		echo "$MORE$1" ;;
	sha1) echo "${DS}sha1" ;;
	sha256 | sha512) echo "http://www.w3.org/2001/04/xmlenc#$1" ;;
	sha384) echo "${MORE}sha384" ;;
	exc) echo "http://www.w3.org/2001/10/xml-exc-c14n#" ;;
	incl) echo "http://www.w3.org/TR/2001/REC-xml-c14n-20010315" ;;
	*) echo "$1" ;;
	esac
}
sig=$(alg "${SIG_ALG:-rsa-sha256}")
digest=$(alg "${DIGEST_ALG:-sha256}")
c14n=$(alg "${C14N_ALG:-exc}")
uri=${REF_URI:-}

xpath=
if [ -n "${XPATH:-}" ]; then
	xpath="<ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\"><ds:XPath>$XPATH</ds:XPath></ds:Transform>"
fi
ref() {
	printf '<ds:Reference URI="%s"><ds:Transforms>' "$1"
	printf '<ds:Transform Algorithm="%senveloped-signature"/>%s' "$DS" "$xpath"
	printf '<ds:Transform Algorithm="%s"/></ds:Transforms>' "$c14n"
	printf '<ds:DigestMethod Algorithm="%s"/><ds:DigestValue></ds:DigestValue></ds:Reference>' "$digest"
}
case "${KEYINFO:-x509}" in
x509) keyinfo='<ds:KeyInfo><ds:X509Data><ds:X509Certificate></ds:X509Certificate></ds:X509Data></ds:KeyInfo>' ;;
keyvalue) keyinfo='<ds:KeyInfo><ds:KeyValue/></ds:KeyInfo>' ;;
none) keyinfo= ;;
*) echo "sign.sh: KEYINFO is x509, keyvalue or none" >&2; exit 2 ;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
{
	printf '<ds:Signature xmlns:ds="%s"><ds:SignedInfo>' "$DS"
	printf '<ds:CanonicalizationMethod Algorithm="%s"/>' "$c14n"
	printf '<ds:SignatureMethod Algorithm="%s"/>' "$sig"
	ref "$uri"
	[ -n "${EXTRA_REF:-}" ] && ref ""
	printf '</ds:SignedInfo><ds:SignatureValue></ds:SignatureValue>%s</ds:Signature>' "$keyinfo"
} >"$tmp/sig"

# Insert the template just before the root's end tag, the last "</" of FILE.
awk -v sigfile="$tmp/sig" '
	{ doc = doc $0 "\n" }
	END {
		getline sigxml < sigfile
		n = 0
		for (i = 1; i < length(doc); i++)
			if (substr(doc, i, 2) == "</") n = i
		if (n == 0) { print "sign.sh: no end tag in input" > "/dev/stderr"; exit 1 }
		printf "%s%s%s", substr(doc, 1, n - 1), sigxml, substr(doc, n)
	}' "$file" >"$tmp/tmpl.xml"

idattr=
[ -n "${REF_ID_NODE:-}" ] && idattr="--id-attr:id $REF_ID_NODE"
# shellcheck disable=SC2086
xmlsec1 --sign $idattr --privkey-pem "$keyarg" "$tmp/tmpl.xml"
