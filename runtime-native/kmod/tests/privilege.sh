#!/bin/bash
# privilege.sh: stapvm.ko's privilege levels end to end (docs/privilege.md). On the host: a throw-away
# key, stapusr and stapdev modules compiled by bin/stapvm (signed and not), the programs they probe;
# then one guest boot runs privilege_guest.sh. Ends with "N passed, F failed".
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kmod=$(dirname "$here")
root=$(cd "$kmod/../.." && pwd)
out=$kmod/build/tests/privilege
guest=$root/runtime-native/guest

# shellcheck source=in_guest.sh
. "$here/in_guest.sh"
guest_ready; case $? in 1) exit 1 ;; 2) exit 0 ;; esac
fail() { echo "kmod privilege: $1"; echo "0 passed, 1 failed"; exit 1; }

rm -rf "$out"; mkdir -p "$out"
gcc -std=gnu11 -O2 -Wall -Werror -o "$out/add_key" "$here/progs/add_key.c" || fail "cannot build add_key"
gcc -std=gnu11 -O2 -Wall -Werror -o "$out/calls_n" "$here/progs/calls_n.c" || fail "cannot build calls_n"
"$root/bin/stapvm-genkey" "$out/trusted" "stapvm privilege test key" >/dev/null || fail "stapvm-genkey"
compile() {   # NAME STAPVM-OPTIONS... SCRIPT
    local name=$1; shift
    (cd "$out" && "$root/bin/stapvm" -p4 -m "$name" "$@" >/dev/null) || fail "cannot compile $name"
}
# every hit counted by the uid of the task it ran in; begin says the probes are placed
uprobe="global n probe begin { println(\"begin\") } probe process(\"$out/calls_n\").function(\"work\") { n[uid()]++ }
probe end { foreach (u+ in n) printf(\"uid %d calls %d\\n\", u, n[u]) }"
compile usr --privilege=stapusr --sign trusted.pem -e "$uprobe"
compile usr_unsigned --privilege=stapusr -e "$uprobe"
compile dev_uprobe --sign trusted.pem -e "$uprobe"
compile dev_kprobe --sign trusted.pem -e 'probe kernel.function("do_sys_openat2") { exit() } probe timer.s(1) { exit() }'
compile usr_timer --unprivileged --sign trusted.pem -e 'probe timer.ms(10) { println("timer"); exit() }'
chmod -R a+rX "$out"

in_guest "$out/guest.log" --timeout "${KMOD_GUEST_TIMEOUT:-900}" --env "PRIV_OUT=$out" --env "KMOD=$kmod" --env "ROOT=$root" \
    -- bash "$here/privilege_guest.sh"
