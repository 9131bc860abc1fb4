#!/bin/bash
# privilege_guest.sh: runs inside the QEMU guest (privilege.sh boots it). /dev/stapvm given to a stapusr
# group as udev would (60-stapvm.rules): a member loads a signed stapusr uprobe module whose probes fire
# only in their own processes; a stapdev module (kernel probes or not), an unsigned one, another user's
# process and a non-member are refused with their reason, counted and logged; root still loads anything.
set -uo pipefail
d=$PRIV_OUT run="$ROOT/runtime-native/user/build/stapvm-run" krun="$ROOT/runtime-native/user/build/stapvm-run --runtime=kernel"
params=/sys/module/stapvm/parameters
pass=0 fail=0
ok() { echo "PASS $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
expect() {   # NAME EXPECTED ACTUAL
    if [ "$2" == "$3" ]; then ok "$1"; else bad "$1"; echo "    expected: $2"; echo "    actual:   $3"; fi
}
# uids and gids by number: the group stapusr is 4242, its member 4001, a stranger 4002
usr() { setpriv --reuid=4001 --regid=4001 --groups=4242 "$@"; }
stranger() { setpriv --reuid=4002 --regid=4002 --clear-groups "$@"; }

insmod "$KMOD/build/stapvm.ko" && ok "insmod" || { bad "insmod"; echo "$pass passed, $fail failed"; exit 1; }
chgrp 4242 /dev/stapvm
expect "device mode and group" "crw-rw---- 0 4242" "$(stat -c '%A %u %g' /dev/stapvm)"
if command -v keyctl >/dev/null; then keyctl padd asymmetric "" "$(cat $params/keyring)" < "$d/trusted.x509" >/dev/null
else "$d/add_key" "$(cat $params/keyring)" < "$d/trusted.x509" >/dev/null; fi && ok "key enrolled" || bad "key enrolled"

# the member's session counts the calls of the member's process, not those of root's or the stranger's
usr $krun -T 30 "$d/usr.stpb" > /tmp/usr.out 2> /tmp/usr.err & sp=$!
for _ in $(seq 600); do grep -q '^begin$' /tmp/usr.out 2>/dev/null && break; kill -0 $sp 2>/dev/null || break; sleep 0.1; done
"$d/calls_n" 100; stranger "$d/calls_n" 30; usr "$d/calls_n" 7
kill -INT $sp; wait $sp; rc=$?
cat /tmp/usr.err | sed 's/^/    /'
expect "stapusr uprobes fire only in the member's processes" "begin|uid 4001 calls 7|rc=0" "$(tr '\n' '|' < /tmp/usr.out)rc=$rc"
r=$(usr $krun -c "$d/calls_n 5" "$d/usr.stpb" 2>&1); rc=$?
expect "stapusr module on the member's own -c command" "begin uid 4001 calls 5 rc=0" "$(echo $r) rc=$rc"
r=$(usr $krun "$d/usr_timer.stpb" 2>&1); rc=$?
expect "stapusr timer module" "timer rc=0" "$r rc=$rc"

r=$(usr $krun "$d/usr_unsigned.stpb" 2>&1); rc=$?
expect "unsigned stapusr module refused" "ERROR: stapvm.ko rejected the module: unsigned: a caller without CAP_SYS_ADMIN (a stapusr member) may load only signed modules rc=1" "$r rc=$rc"
r=$(usr $krun "$d/dev_kprobe.stpb" 2>&1); rc=$?
expect "kernel probe module refused" "ERROR: stapvm.ko rejected the module: privilege: the module was not compiled --privilege=stapusr, and a caller without CAP_SYS_ADMIN may load only those rc=1" "$r rc=$rc"
r=$(usr $krun "$d/dev_uprobe.stpb" 2>&1); rc=$?
expect "stapdev uprobe module refused" "ERROR: stapvm.ko rejected the module: privilege: the module was not compiled --privilege=stapusr, and a caller without CAP_SYS_ADMIN may load only those rc=1" "$r rc=$rc"
sleep 1000 & rp=$!
r=$(usr $krun -x $rp "$d/usr.stpb" 2>&1); rc=$?
expect "another user's process refused (kernel)" "ERROR: process $rp belongs to uid 0: a user other than root may trace only their own processes rc=1" "$r rc=$rc"
r=$(usr $run --runtime=user -x $rp "$d/usr.stpb" 2>&1); rc=$?
expect "another user's process refused (userspace runtime)" "ERROR: process $rp belongs to uid 0: a user other than root may trace only their own processes rc=1" "$r rc=$rc"
kill $rp; wait $rp 2>/dev/null
r=$(usr $run --runtime=user "$d/dev_uprobe.stpb" 2>&1); rc=$?
expect "stapdev module refused (userspace runtime)" "ERROR: module $d/dev_uprobe.stpb rejected: privilege: a user other than root may run only modules compiled --privilege=stapusr (stapvm --privilege=stapusr -p4) rc=1" "$r rc=$rc"
r=$(usr $run --runtime=user -c "$d/calls_n 3" "$d/usr.stpb" 2>&1); rc=$?
expect "stapusr module on the userspace runtime" "begin uid 4001 calls 3 rc=0" "$(echo $r) rc=$rc"
r=$(stranger $krun "$d/usr.stpb" 2>&1); rc=$?
expect "a non-member cannot open the device" "ERROR: cannot open /dev/stapvm: Permission denied (root and the device's group, stapusr, may open it; or use --runtime=user) rc=1" "$r rc=$rc"

expect "unprivileged loads counted" "loaded: 3|unsigned: 1|not stapusr: 2" "$(tr '\n' '|' < $params/unprivileged | sed 's/|$//')"
n=$(dmesg | grep -c 'stapvm: module refused')
expect "refusals logged" "3" "$n"
dmesg | grep 'stapvm: module refused' | sed 's/^/    /'

# root loads anything, and a stapusr module it loads sees every process
r=$($krun "$d/dev_kprobe.stpb" 2>&1); rc=$?
expect "root loads a kernel probe module" " rc=0" "$r rc=$rc"
r=$($krun -c "$d/calls_n 4" "$d/usr.stpb" 2>&1); rc=$?
expect "root loads a stapusr module" "begin uid 0 calls 4 rc=0" "$(echo $r) rc=$rc"
rmmod stapvm && ok "rmmod" || bad "rmmod"
echo "$pass passed, $fail failed"
