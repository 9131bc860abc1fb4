#!/usr/bin/env bash
# trust_test.sh BUILD: stapvm-run --trust DIR / --require-signed on modules signed in the kernel's
# module-signature form (openssl cms as scripts/sign-file calls it, the trailer appended here):
# a signed module runs; unsigned, flipped, untrusted, truncated and attribute-carrying signatures
# are refused with their reason. Prints "trust: P passed, F failed".
set -u
build=$(cd "${1:-build}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
run=$build/stapvm-run
as=$here/../../vm/tools/stapvm-as
genkey=$here/../../../bin/stapvm-genkey
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/    /'; }
expect() {   # NAME EXPECTED ACTUAL
	if [ "$2" == "$3" ]; then ok; else bad "$1" "expected: $2"$'\n'"actual:   $3"; fi
}

# sign MODULE KEY OUT [openssl cms options]: OUT = MODULE || PKCS#7 || struct module_signature || magic
sign() {
	local m=$1 key=$2 out=$3
	shift 3
	openssl cms -sign -binary -nocerts -nosmimecap -md sha256 -outform DER -in "$m" -signer "$key" \
		-inkey "$key" -out "$tmp/sig.der" "$@" || return 1
	python3 - "$m" "$tmp/sig.der" "$out" <<'PY'
import struct, sys
m, c = open(sys.argv[1], 'rb').read(), open(sys.argv[2], 'rb').read()
open(sys.argv[3], 'wb').write(m + c + bytes([0, 0, 2, 0, 0, 0, 0, 0]) + struct.pack('>I', len(c)) + b'~Module signature appended~\n')
PY
}

python3 "$as" "$here/run/timer_exit.s" "$tmp/m.stpb" || bad "assemble timer_exit.s"
"$genkey" "$tmp/trusted" "stapvm trusted test key" && "$genkey" "$tmp/stranger" "stapvm stranger" || bad "stapvm-genkey"
mkdir -p "$tmp/trust.d" "$tmp/pem.d"
cp "$tmp/trusted.x509" "$tmp/trust.d/"                             # DER, as keyctl takes it
openssl x509 -in "$tmp/trusted.pem" -out "$tmp/pem.d/trusted.crt"   # PEM
sign "$tmp/m.stpb" "$tmp/trusted.pem" "$tmp/signed.stpb" -noattr || bad "openssl cms -sign"

out=$("$run" --trust "$tmp/trust.d" --require-signed "$tmp/signed.stpb" 2>&1); rc=$?
expect "signed, DER certificate" "n=10 rc=0" "$out rc=$rc"
out=$("$run" --trust "$tmp/pem.d" "$tmp/signed.stpb" 2>&1); rc=$?
expect "signed, PEM certificate" "n=10 rc=0" "$out rc=$rc"

out=$("$run" --trust "$tmp/trust.d" --require-signed "$tmp/m.stpb" 2>&1); rc=$?
expect "unsigned refused" "ERROR: module $tmp/m.stpb rejected: unsigned: --require-signed and the module carries no signature (stapvm --sign) rc=1" "$out rc=$rc"
out=$("$run" --trust "$tmp/trust.d" "$tmp/m.stpb" 2>&1); rc=$?
expect "unsigned runs without --require-signed" "n=10 rc=0" "$out rc=$rc"

# one bit of the module's bytes flipped (byte 40: inside the first section)
python3 -c "import sys; b=bytearray(open(sys.argv[1],'rb').read()); b[40]^=1; open(sys.argv[2],'wb').write(b)" \
	"$tmp/signed.stpb" "$tmp/flipped.stpb"
out=$("$run" --trust "$tmp/trust.d" "$tmp/flipped.stpb" 2>&1); rc=$?
expect "flipped byte" "ERROR: module $tmp/flipped.stpb rejected: bad signature: the signature does not match the module's bytes rc=1" "$out rc=$rc"

sign "$tmp/m.stpb" "$tmp/stranger.pem" "$tmp/stranger.stpb" -noattr
serial=$(openssl x509 -in "$tmp/stranger.pem" -noout -serial | sed 's/serial=//')
out=$("$run" --trust "$tmp/trust.d" "$tmp/stranger.stpb" 2>&1); rc=$?
expect "untrusted key" "ERROR: module $tmp/stranger.stpb rejected: unknown key: the signer (issuer /CN=stapvm stranger, serial $serial) is not among the certificates of $tmp/trust.d rc=1" "$out rc=$rc"

# the PKCS#7 cut short by 16 bytes, the trailer kept: sig_len now reaches into the module bytes
python3 - "$tmp/signed.stpb" "$tmp/truncated.stpb" <<'PY'
import sys
b = open(sys.argv[1], 'rb').read()
open(sys.argv[2], 'wb').write(b[:-40 - 16] + b[-40:])
PY
out=$("$run" --trust "$tmp/trust.d" "$tmp/truncated.stpb" 2>&1); rc=$?
expect "truncated signature" "ERROR: module $tmp/truncated.stpb rejected: corrupt signature: the signature is not a PKCS#7 SignedData in DER rc=1" "$out rc=$rc"
# unchecked (no trust directory), the module is what the trailer leaves of the file: cut short
out=$("$run" --runtime=user "$tmp/truncated.stpb" 2>&1); rc=$?
expect "truncated signature, unchecked" "ERROR: module $tmp/truncated.stpb rejected: section 3: length 116 exceeds file (100 bytes left) rc=1" "$out rc=$rc"
# a sig_len larger than the file is refused on any runtime, with or without a trust directory
python3 - "$tmp/signed.stpb" "$tmp/long.stpb" <<'PY'
import sys
b = bytearray(open(sys.argv[1], 'rb').read())
b[-32:-28] = (len(b) * 2).to_bytes(4, 'big')
open(sys.argv[2], 'wb').write(b)
PY
out=$("$run" "$tmp/long.stpb" 2>&1); rc=$?
expect "signature length past the file" "ERROR: module $tmp/long.stpb rejected: corrupt signature: the signature's length exceeds the file rc=1" "$out rc=$rc"

# signed attributes: a valid CMS signature, but not one the kernel takes for a module
sign "$tmp/m.stpb" "$tmp/trusted.pem" "$tmp/attrs.stpb"
out=$("$run" --trust "$tmp/trust.d" "$tmp/attrs.stpb" 2>&1); rc=$?
expect "signed attributes" "ERROR: module $tmp/attrs.stpb rejected: bad signature: the signature has signed attributes, which module signatures may not rc=1" "$out rc=$rc"

out=$("$run" --trust "$tmp/nosuch" "$tmp/signed.stpb" 2>&1); rc=$?
expect "missing trust directory" "ERROR: cannot read trust directory $tmp/nosuch: No such file or directory rc=1" "$out rc=$rc"

echo "not a certificate" >"$tmp/trust.d/README"
mkdir "$tmp/trust.d/old"   # a subdirectory is not read
out=$("$run" --trust "$tmp/trust.d" "$tmp/signed.stpb" 2>&1); rc=$?
expect "a file that is no certificate" "WARNING: $tmp/trust.d/README holds no X.509 certificate (PEM or DER): ignored|n=10 rc=0" "$(tr '\n' '|' <<<"$out" | sed 's/|$//') rc=$rc"

# no trust directory at all (and none given): the signature is not checked, the module runs
if [ ! -e /etc/stapvm/trusted.d ]; then
	out=$("$run" --runtime=user "$tmp/stranger.stpb" 2>&1); rc=$?
	expect "no trust set up" "n=10 rc=0" "$out rc=$rc"
	out=$("$run" --runtime=user --require-signed "$tmp/signed.stpb" 2>&1); rc=$?
	expect "--require-signed without the default directory" "ERROR: cannot read trust directory /etc/stapvm/trusted.d: No such file or directory rc=1" "$out rc=$rc"
fi

echo "trust: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
