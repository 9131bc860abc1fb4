#!/bin/bash
# signing.sh: stapvm.ko's signature checks end to end (require_signed, the .stapvm keyring). On the
# host: throw-away keys (bin/stapvm-genkey), one module compiled and signed by bin/stapvm --sign, its
# tampered copies; then one guest boot runs signing_guest.sh. Ends with "N passed, F failed".
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kmod=$(dirname "$here")
root=$(cd "$kmod/../.." && pwd)
out=$kmod/build/tests/signing
guest=$root/runtime-native/guest

# shellcheck source=in_guest.sh
. "$here/in_guest.sh"
guest_ready; case $? in 1) exit 1 ;; 2) exit 0 ;; esac
fail() { echo "kmod signing: $1"; echo "0 passed, 1 failed"; exit 1; }

rm -rf "$out"; mkdir -p "$out"
gcc -std=gnu11 -O2 -Wall -Werror -o "$out/add_key" "$here/progs/add_key.c" || fail "cannot build add_key"
"$root/bin/stapvm-genkey" "$out/trusted" "stapvm guest test key" >/dev/null || fail "stapvm-genkey"
"$root/bin/stapvm-genkey" "$out/stranger" "stapvm stranger" >/dev/null || fail "stapvm-genkey"
(cd "$out" && "$root/bin/stapvm" -p4 -m unsigned -e 'probe begin { print("ran\n"); exit() }' >/dev/null) || fail "cannot compile"
(cd "$out" && "$root/bin/stapvm" -p4 -m signed --sign trusted.pem -e 'probe begin { print("ran\n"); exit() }' >/dev/null) || fail "cannot compile --sign"
# a signed uprobe module: the loader gives stapvm.ko its file offsets, read from the signed file's module bytes
gcc -std=gnu11 -O2 -Wall -Werror -o "$out/calls_n" "$here/progs/calls_n.c" || fail "cannot build calls_n"
(cd "$out" && "$root/bin/stapvm" -p4 -m uprobe --sign trusted.pem -e "global n probe process(\"$out/calls_n\").function(\"work\") { if (pid() == target()) n++ } probe end { printf(\"calls=%d\\n\", n) }" >/dev/null) ||
    fail "cannot compile the uprobe module"
# bundles (docs/bundles.md) for the guest's kernel: one signed (each module and the whole), one not
kver=$("$guest/kver.sh")
printf 'probe begin { print("bundled\\n"); exit() }\n' > "$out/hello.stp"
printf 'global n probe process("%s/calls_n").function("work") { if (pid() == target()) n++ } probe end { printf("calls=%%d\\n", n) }\n' "$out" > "$out/calls.stp"
(cd "$out" && "$root/bin/stapvm" --bundle ops.stpbundle --bundle-version 1.0 --sign trusted.pem -r "$kver" hello.stp calls.stp >/dev/null) ||
    fail "cannot build the signed bundle"
(cd "$out" && "$root/bin/stapvm" --bundle plain.stpbundle --bundle-version 1.0 -r "$kver" hello.stp >/dev/null) || fail "cannot build the bundle"
cp "$out/unsigned.stpb" "$out/stranger.stpb"
(cd "$out" && "$root/bin/stapvm" --sign stranger.pem --sign-module stranger.stpb >/dev/null) || fail "cannot --sign-module"
python3 - "$out" <<'PY'
import sys
d = sys.argv[1]
b = open(d + '/signed.stpb', 'rb').read()
f = bytearray(b); f[40] ^= 1                      # one bit of the module bytes
open(d + '/flipped.stpb', 'wb').write(f)
open(d + '/truncated.stpb', 'wb').write(b[:-40 - 16] + b[-40:])   # the PKCS#7 cut short, trailer kept
PY

in_guest "$out/guest.log" --timeout "${KMOD_GUEST_TIMEOUT:-1200}" --env "SIG_OUT=$out" --env "KMOD=$kmod" --env "ROOT=$root" \
    -- bash "$here/signing_guest.sh"
