#!/bin/bash
# signing_guest.sh: runs inside the QEMU guest (signing.sh boots it): stapvm.ko with require_signed=1
# loads the module signed by a key enrolled in its .stapvm keyring, refuses the unsigned, flipped,
# untrusted and truncated ones with their reason, and counts each verdict; a signed bundle's
# scripts load, an unsigned bundle's do not.
set -uo pipefail
d=$SIG_OUT krun="$ROOT/runtime-native/user/build/stapvm-run --runtime=kernel"
params=/sys/module/stapvm/parameters
pass=0 fail=0
ok() { echo "PASS $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
expect() {   # NAME EXPECTED ACTUAL
    if [ "$2" == "$3" ]; then ok "$1"; else bad "$1"; echo "    expected: $2"; echo "    actual:   $3"; fi
}

insmod "$KMOD/build/stapvm.ko" keyring=1 2>/dev/null && { bad "insmod keyring=1 refused"; rmmod stapvm; } || ok "insmod keyring=1 refused"
insmod "$KMOD/build/stapvm.ko" require_signed=1 && ok "insmod require_signed=1" || { bad "insmod"; echo "$pass passed, $fail failed"; exit 1; }
expect "require_signed reads Y" "Y" "$(cat $params/require_signed)"

# enroll the throw-away key as an administrator would: keyctl where keyutils is installed
ring=$(cat $params/keyring)
if command -v keyctl >/dev/null; then
    echo "enrolling with keyctl"
    keyctl padd asymmetric "" "$ring" < "$d/trusted.x509" >/dev/null && ok "keyctl padd" || bad "keyctl padd"
else
    echo "no keyctl on this root (package keyutils): enrolling with add_key(2) (progs/add_key.c)"
    "$d/add_key" "$ring" < "$d/trusted.x509" >/dev/null && ok "add_key" || bad "add_key"
fi
grep -q 'stapvm guest test key' /proc/keys && ok "key listed in /proc/keys" || bad "key listed in /proc/keys"

r=$($krun "$d/signed.stpb" 2>&1); rc=$?
expect "signed loads" "ran rc=0" "$r rc=$rc"
r=$($krun -c "$d/calls_n 100" "$d/uprobe.stpb" 2>&1); rc=$?
expect "signed uprobe module loads and counts" "calls=100 rc=0" "$r rc=$rc"
# the JVM loader: pass 5 with --sign hands stapvm.ko the signed module (20-90 s in this guest)
r=$(cd "$d" && timeout 240 "$ROOT/bin/stapvm" --runtime=kernel --sign trusted.pem -e 'probe begin { print("ran\n"); exit() }' 2>&1); rc=$?
expect "bin/stapvm --sign loads" "ran rc=0" "$r rc=$rc"
r=$($krun "$d/unsigned.stpb" 2>&1); rc=$?
expect "unsigned refused" "ERROR: stapvm.ko rejected the module: unsigned: the module carries no signature and require_signed is set rc=1" "$r rc=$rc"
r=$($krun "$d/flipped.stpb" 2>&1); rc=$?
expect "flipped byte refused" "ERROR: stapvm.ko rejected the module: bad signature: the signature does not match the module's bytes rc=1" "$r rc=$rc"
r=$($krun "$d/stranger.stpb" 2>&1); rc=$?
expect "untrusted key refused" "ERROR: stapvm.ko rejected the module: unknown key: no key in the kernel's keyrings or .stapvm matches the signer rc=1" "$r rc=$rc"
r=$($krun "$d/truncated.stpb" 2>&1); rc=$?
expect "truncated signature refused" "ERROR: stapvm.ko rejected the module: corrupt signature: the PKCS#7 message cannot be parsed rc=1" "$r rc=$rc"
expect "verdicts counted" "signed: 3|unsigned: 1|bad signature: 1|unknown key: 1|corrupt signature: 1" "$(tr '\n' '|' < $params/signatures | sed 's/|$//')"
n=$(dmesg | grep -c 'stapvm: module refused')
expect "refusals logged" "4" "$n"
dmesg | grep 'stapvm: module refused' | sed 's/^/    /'
# a signed bundle's scripts: stapvm-run hands stapvm.ko the entry's own signed module
r=$($krun "$d/ops.stpbundle" hello 2>&1); rc=$?
expect "signed bundle's script loads" "bundled rc=0" "$r rc=$rc"
r=$($krun "$d/ops.stpbundle" calls -c "$d/calls_n 100" 2>&1); rc=$?
expect "signed bundle's uprobe script counts" "calls=100 rc=0" "$r rc=$rc"
r=$($krun "$d/plain.stpbundle" hello 2>&1); rc=$?
expect "unsigned bundle's script refused" "ERROR: stapvm.ko rejected the module: unsigned: the module carries no signature and require_signed is set rc=1" "$r rc=$rc"

# the kernel does not enforce module signatures here: root may turn the requirement off
echo 0 > $params/require_signed && ok "require_signed=0 accepted" || bad "require_signed=0 accepted"
r=$($krun "$d/unsigned.stpb" 2>&1); rc=$?
expect "unsigned loads when not required" "ran rc=0" "$r rc=$rc"
r=$($krun "$d/flipped.stpb" 2>&1); rc=$?
expect "a present signature must still verify" "ERROR: stapvm.ko rejected the module: bad signature: the signature does not match the module's bytes rc=1" "$r rc=$rc"

rmmod stapvm && ok "rmmod" || bad "rmmod"
# the keyring is cleared at rmmod: its key, unreferenced, is collected (asynchronously)
for _ in 1 2 3 4 5 6 7 8 9 10; do grep -q 'stapvm guest test key' /proc/keys || break; sleep 0.5; done
grep -q 'stapvm guest test key' /proc/keys && bad "key gone with the keyring" || ok "key gone with the keyring"
insmod "$KMOD/build/stapvm.ko" && ok "insmod" || bad "insmod"
expect "require_signed default off (no lockdown, no sig_enforce)" "N" "$(cat $params/require_signed)"
enroll() {   # CERT: as above, keyctl where there is one; the command's status
    if command -v keyctl >/dev/null; then keyctl padd asymmetric "" "$(cat $params/keyring)" < "$1" >/dev/null 2>&1
    else "$d/add_key" "$(cat $params/keyring)" < "$1" >/dev/null 2>&1; fi
}
enroll "$d/trusted.x509" && ok "enroll in the new keyring" || bad "enroll in the new keyring"
r=$($krun "$d/unsigned.stpb" 2>&1); rc=$?
expect "unsigned loads by default" "ran rc=0" "$r rc=$rc"

# lockdown raised at run time (last: no insmod is possible after it): signatures become required
# and root cannot turn that off
sec=/sys/kernel/security
[ -e $sec/lockdown ] || mount -t securityfs securityfs $sec 2>/dev/null
if [ -w $sec/lockdown ] && grep -q integrity $sec/lockdown; then
    echo integrity > $sec/lockdown && ok "lockdown=integrity" || bad "lockdown=integrity"
    expect "require_signed reads Y under lockdown" "Y" "$(cat $params/require_signed)"
    echo 0 > $params/require_signed 2>/dev/null && bad "require_signed=0 refused under lockdown" || ok "require_signed=0 refused under lockdown"
    r=$($krun "$d/unsigned.stpb" 2>&1); rc=$?
    expect "unsigned refused under lockdown" "ERROR: stapvm.ko rejected the module: unsigned: the module carries no signature and require_signed is set rc=1" "$r rc=$rc"
    r=$($krun "$d/signed.stpb" 2>&1); rc=$?
    expect "signed loads under lockdown" "ran rc=0" "$r rc=$rc"
    # as the secondary keyring: a self-signed key is not signed by a builtin or secondary key
    enroll "$d/stranger.x509" && bad "a new key refused under lockdown" || ok "a new key refused under lockdown"
    r=$($krun "$d/stranger.stpb" 2>&1); rc=$?
    expect "its module still refused" "ERROR: stapvm.ko rejected the module: unknown key: no key in the kernel's keyrings or .stapvm matches the signer rc=1" "$r rc=$rc"
else
    echo "SKIP lockdown: no lockdown LSM in this kernel ($(cat $sec/lockdown 2>&1))"
fi
rmmod stapvm && ok "rmmod" || bad "rmmod"
echo "$pass passed, $fail failed"
