#!/bin/sh
# Builds the throw-away test PKI for core/sig.c into directory $1, at test
# time, with the openssl CLI only.  Nothing here is ever committed: keys are
# made fresh in each new directory.  Running it again on a finished directory
# does nothing (stamp file), on a half-built one it starts over.
#
#   $1/trust/            root + intermediate CA certificates and both CRLs
#   $1/trust-rootonly/   root + both CRLs: the intermediate must come from
#                        the signature's X509Data
#   $1/trust-nocrl/      root + intermediate + root CRL only: no CRL for the
#                        intermediate, so revocation status is unknown
#   $1/users/NAME.key, NAME.pem   end-entity keys and certificates:
#     citizen      IIN 900101300017, signing EKU 1.3.6.1.5.5.7.3.4
#     citizen-auth same person, authentication EKU 1.3.6.1.5.5.7.3.2
#     citizen-ec   IIN 900101300811 (control digit from the second pass), P-256
#     staff        IIN 851202400023 + OU=BIN080140001233 (legal entity)
#     staff-auth   the same, authentication EKU: signing in to a console (issue 6.2)
#     expired      IIN 780305500031, valid 2020-06-01 .. 2021-06-01
#     revoked      IIN 010203600044, listed in the intermediate's CRL
#     wrongeku     IIN 990701400051, EKU serverAuth only
#     wrongku      IIN 990701400051, KU keyEncipherment only
#     selfsigned   IIN 880506300002, its own issuer
#     untrusted    IIN 880506300002, issued by a CA outside the trust dirs
#     badiin       IIN 900101300018 (wrong control digit)
#     noiin        no serialNumber at all
#
# Dates are fixed so that tests can move "now": CAs 2020..2050, CRLs
# 2020..2049, end entities 2024..2044.  RSA 2048 keeps it under a few seconds.
set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 DIR" >&2
	exit 2
fi
PKI=$1
STAMP="$PKI/.pki-v2"
[ -f "$STAMP" ] && exit 0

mkdir -p "$PKI"
PKI=$(cd "$PKI" && pwd)
export PKI
rm -rf "$PKI/root" "$PKI/inter" "$PKI/other" "$PKI/users" "$PKI/trust" \
       "$PKI/trust-rootonly" "$PKI/trust-nocrl" "$PKI/ca.cnf"
umask 077
mkdir -p "$PKI/users" "$PKI/trust" "$PKI/trust-rootonly" "$PKI/trust-nocrl"

CNF="$PKI/ca.cnf"
cat >"$CNF" <<'EOF'
[ req ]
distinguished_name = req_dn
string_mask        = utf8only
utf8               = yes
prompt             = no
[ req_dn ]
CN = unused

[ CA_root ]
dir              = $ENV::PKI/root
database         = $dir/index.txt
serial           = $dir/serial
crlnumber        = $dir/crlnumber
new_certs_dir    = $dir/new
certificate      = $dir/cert.pem
private_key      = $dir/key.pem
default_md       = sha256
default_crl_days = 30
policy           = pol_any
unique_subject   = no
preserve         = yes
email_in_dn      = no

[ CA_inter ]
dir              = $ENV::PKI/inter
database         = $dir/index.txt
serial           = $dir/serial
crlnumber        = $dir/crlnumber
new_certs_dir    = $dir/new
certificate      = $dir/cert.pem
private_key      = $dir/key.pem
default_md       = sha256
default_crl_days = 30
policy           = pol_any
unique_subject   = no
preserve         = yes
email_in_dn      = no

[ pol_any ]
commonName = supplied

[ v3_root ]
basicConstraints       = critical, CA:true
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ v3_inter ]
basicConstraints       = critical, CA:true, pathlen:0
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

# What NCA issues for signing: digitalSignature + nonRepudiation, emailProtection.
[ v3_sign ]
basicConstraints       = CA:false
keyUsage               = critical, digitalSignature, nonRepudiation
extendedKeyUsage       = 1.3.6.1.5.5.7.3.4
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid

[ v3_auth ]
basicConstraints       = CA:false
keyUsage               = critical, digitalSignature, keyEncipherment
extendedKeyUsage       = 1.3.6.1.5.5.7.3.2
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid

[ v3_wrongeku ]
basicConstraints       = CA:false
keyUsage               = critical, digitalSignature, nonRepudiation
extendedKeyUsage       = serverAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid

[ v3_wrongku ]
basicConstraints       = CA:false
keyUsage               = critical, keyEncipherment
extendedKeyUsage       = 1.3.6.1.5.5.7.3.4
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid

[ v3_selfsigned ]
basicConstraints       = CA:false
keyUsage               = critical, digitalSignature, nonRepudiation
extendedKeyUsage       = 1.3.6.1.5.5.7.3.4
subjectKeyIdentifier   = hash
EOF

ossl() { openssl "$@" 2>"$PKI/.last-error" || { cat "$PKI/.last-error" >&2; exit 1; }; }

ca_dirs() {
	mkdir -p "$PKI/$1/new"
	: >"$PKI/$1/index.txt"
	echo 'unique_subject = no' >"$PKI/$1/index.txt.attr"
	echo 1000 >"$PKI/$1/serial"
	echo 1000 >"$PKI/$1/crlnumber"
}

# newreq NAME SUBJECT [KEYALG]: key and request in users/ (or a CA dir).
newreq() {
	case "${3:-rsa}" in
	ec) ossl req -new -config "$CNF" -utf8 -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
	        -nodes -keyout "$1.key" -out "$1.csr" -subj "$2" ;;
	*)  ossl req -new -config "$CNF" -utf8 -newkey rsa:2048 \
	        -nodes -keyout "$1.key" -out "$1.csr" -subj "$2" ;;
	esac
}

# issue CA NAME EXT START END
issue() {
	ossl ca -batch -notext -utf8 -preserveDN -config "$CNF" -name "CA_$1" \
		-in "$PKI/users/$2.csr" -out "$PKI/users/$2.pem" -extensions "$3" \
		-startdate "$4" -enddate "$5"
	rm -f "$PKI/users/$2.csr"
}

# Root and intermediate, both with fixed dates (openssl ca, not req -x509).
ca_dirs root
ca_dirs inter
newreq "$PKI/root/key" "/CN=OB Test Root CA/O=Open Budgets Test/C=KZ"
mv "$PKI/root/key.key" "$PKI/root/key.pem"
ossl ca -batch -notext -utf8 -preserveDN -config "$CNF" -name CA_root -selfsign \
	-keyfile "$PKI/root/key.pem" -in "$PKI/root/key.csr" -out "$PKI/root/cert.pem" \
	-extensions v3_root -startdate 20200101000000Z -enddate 20500101000000Z
newreq "$PKI/inter/key" "/CN=OB Test Intermediate CA/O=Open Budgets Test/C=KZ"
mv "$PKI/inter/key.key" "$PKI/inter/key.pem"
ossl ca -batch -notext -utf8 -preserveDN -config "$CNF" -name CA_root \
	-in "$PKI/inter/key.csr" -out "$PKI/inter/cert.pem" \
	-extensions v3_inter -startdate 20200101000000Z -enddate 20500101000000Z
rm -f "$PKI/root/key.csr" "$PKI/inter/key.csr"

U="$PKI/users"
S=20240101000000Z
E=20440101000000Z
newreq "$U/citizen" "/CN=ТЕСТОВ АЙДАР/SN=ТЕСТОВ/serialNumber=IIN900101300017/C=KZ/GN=СЕРИКОВИЧ"
issue inter citizen v3_sign $S $E
newreq "$U/citizen-auth" "/CN=ТЕСТОВ АЙДАР/SN=ТЕСТОВ/serialNumber=IIN900101300017/C=KZ/GN=СЕРИКОВИЧ"
issue inter citizen-auth v3_auth $S $E
newreq "$U/citizen-ec" "/CN=ЖАНОВА АЙГУЛЬ/SN=ЖАНОВА/serialNumber=IIN900101300811/C=KZ" ec
issue inter citizen-ec v3_sign $S $E
newreq "$U/staff" "/CN=ОМАРОВ БОЛАТ/SN=ОМАРОВ/serialNumber=IIN851202400023/C=KZ/O=ГУ ТЕСТОВОЕ УПРАВЛЕНИЕ/OU=BIN080140001233/GN=ЕРЛАНОВИЧ"
issue inter staff v3_sign $S $E
newreq "$U/staff-auth" "/CN=ОМАРОВ БОЛАТ/SN=ОМАРОВ/serialNumber=IIN851202400023/C=KZ/O=ГУ ТЕСТОВОЕ УПРАВЛЕНИЕ/OU=BIN080140001233/GN=ЕРЛАНОВИЧ"
issue inter staff-auth v3_auth $S $E
newreq "$U/expired" "/CN=ИСТЕКШИЙ ТЕСТ/serialNumber=IIN780305500031/C=KZ"
issue inter expired v3_sign 20200601000000Z 20210601000000Z
newreq "$U/revoked" "/CN=ОТОЗВАННЫЙ ТЕСТ/serialNumber=IIN010203600044/C=KZ"
issue inter revoked v3_sign $S $E
newreq "$U/wrongeku" "/CN=ЧУЖОЙ EKU/serialNumber=IIN990701400051/C=KZ"
issue inter wrongeku v3_wrongeku $S $E
newreq "$U/wrongku" "/CN=ЧУЖОЙ KU/serialNumber=IIN990701400051/C=KZ"
issue inter wrongku v3_wrongku $S $E
newreq "$U/badiin" "/CN=ПЛОХОЙ ИИН/serialNumber=IIN900101300018/C=KZ"
issue inter badiin v3_sign $S $E
newreq "$U/noiin" "/CN=БЕЗ ИИН/C=KZ"
issue inter noiin v3_sign $S $E

# Self-signed end entity: a valid IIN, but nobody vouches for it.
ossl req -x509 -config "$CNF" -utf8 -newkey rsa:2048 -nodes -days 7300 \
	-keyout "$U/selfsigned.key" -out "$U/selfsigned.pem" \
	-subj "/CN=САМ СЕБЕ/serialNumber=IIN880506300002/C=KZ" -extensions v3_selfsigned

# A CA that no trust directory holds, and a citizen it vouches for.
mkdir -p "$PKI/other"
ossl req -x509 -config "$CNF" -utf8 -newkey rsa:2048 -nodes -days 7300 \
	-keyout "$PKI/other/key.pem" -out "$PKI/other/cert.pem" \
	-subj "/CN=Other Test CA/C=KZ" -extensions v3_root
newreq "$U/untrusted" "/CN=ЧУЖОЙ УЦ/serialNumber=IIN880506300002/C=KZ"
ossl x509 -req -in "$U/untrusted.csr" -CA "$PKI/other/cert.pem" -CAkey "$PKI/other/key.pem" \
	-set_serial 4242 -days 7300 -extfile "$CNF" -extensions v3_sign -out "$U/untrusted.pem"
rm -f "$U/untrusted.csr"

# CRLs: the intermediate lists "revoked"; the root's is empty but required.
ossl ca -config "$CNF" -name CA_inter -revoke "$U/revoked.pem" -crl_reason keyCompromise
for ca in root inter; do
	ossl ca -gencrl -config "$CNF" -name "CA_$ca" -out "$PKI/$ca/crl.pem" \
		-crl_lastupdate 20200101000000Z -crl_nextupdate 20490101000000Z
done

cp "$PKI/root/cert.pem" "$PKI/trust/root.pem"
cp "$PKI/inter/cert.pem" "$PKI/trust/inter.pem"
cp "$PKI/root/crl.pem" "$PKI/trust/root.crl.pem"
cp "$PKI/inter/crl.pem" "$PKI/trust/inter.crl.pem"
cp "$PKI/root/cert.pem" "$PKI/trust-rootonly/root.pem"
cp "$PKI/root/crl.pem" "$PKI/trust-rootonly/root.crl.pem"
cp "$PKI/inter/crl.pem" "$PKI/trust-rootonly/inter.crl.pem"
cp "$PKI/root/cert.pem" "$PKI/trust-nocrl/root.pem"
cp "$PKI/inter/cert.pem" "$PKI/trust-nocrl/inter.pem"
cp "$PKI/root/crl.pem" "$PKI/trust-nocrl/root.crl.pem"

rm -f "$PKI/.last-error"
: >"$STAMP"
