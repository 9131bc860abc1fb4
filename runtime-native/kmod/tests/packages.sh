#!/bin/bash
# packages.sh: the Debian packages in the guest. On the host: bin/package builds the .debs and
# bin/stapvm compiles a module; one guest boot (packages_guest.sh) installs stapvm-run and
# stapvm-dkms with dpkg, DKMS builds stapvm.ko for the guest's kernel, and the packaged stapvm-run
# runs the module on it. Ends with "N passed, F failed".
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kmod=$(dirname "$here")
root=$(cd "$kmod/../.." && pwd)
out=$kmod/build/tests/packages
guest=$root/runtime-native/guest

# shellcheck source=in_guest.sh
. "$here/in_guest.sh"
guest_ready; case $? in 1) exit 1 ;; 2) exit 0 ;; esac
fail() { echo "kmod packages: $1"; echo "0 passed, 1 failed"; exit 1; }
command -v dkms >/dev/null || fail "no dkms on this root (bin/test installs it: apt-get install dkms)"

rm -rf "$out"; mkdir -p "$out"
"$root/bin/package" "$out" > "$out/debs" || fail "bin/package failed"
# compiled here, run there: stapvm-run is all the guest's side uses
(cd "$out" && "$root/bin/stapvm" --disable-cache -p4 -m hello -e 'global n
probe begin { println("hello from stapvm.ko") } probe timer.ms(10) { if (++n == 5) exit() } probe end { printf("n=%d\n", n) }' >/dev/null) ||
    fail "cannot compile the module"
# a bundle for the guest's kernel, run there by the packaged stapvm-run alone (docs/bundles.md)
printf 'probe begin { println("bundled on stapvm.ko") exit() }\n' > "$out/hello.stp"
(cd "$out" && "$root/bin/stapvm" --bundle tools.stpbundle --bundle-version 1.0 -r "$("$root/runtime-native/guest/kver.sh")" hello.stp >/dev/null) ||
    fail "cannot build the bundle"

in_guest "$out/guest.log" --timeout "${KMOD_GUEST_TIMEOUT:-1500}" --env "PKG_OUT=$out" \
    -- bash "$here/packages_guest.sh"
