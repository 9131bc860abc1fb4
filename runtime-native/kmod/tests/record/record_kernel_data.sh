#!/bin/bash
# record_kernel_data.sh: records expected/NAME.stap.out, what real SystemTap 4.8 prints (stdout and
# stderr) for the kernel target-data tests scripts/NAME.stp.in (BTF $vars on the stapvm side, the kernel's
# DWARF on stap's: linux-image-KVER-dbg must be installed on this host) run with staprun -c on their
# target, in the guest the tests boot. guest.sh compares stapvm.ko's output with these files; the script's
# path is written @SCRIPT@ and the work directory's @OUT@.
# Usage: record_kernel_data.sh [NAME...]   (default: btf_openat btf_fault tp_fork tp_syscalls)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tests=$(dirname "$here")
root=$(cd "$tests/../../.." && pwd)
work=${REC_WORK:-/tmp/stapvm-record}
kver=$("$root/runtime-native/guest/kver.sh")
names=("$@"); [ ${#names[@]} -gt 0 ] || names=(btf_openat btf_fault tp_fork tp_syscalls)
declare -A target=([btf_openat]="opens_n" [btf_fault]="opens_n" [tp_fork]="forks_n 5" [tp_syscalls]="getpid_n 200")
mkdir -p "$work"
gcc -std=gnu11 -O2 -Wall -Werror -static -o "$work/opens_n" "$tests/progs/opens_n.c"
gcc -std=gnu11 -O2 -Wall -Werror -o "$work/forks_n" "$tests/progs/forks_n.c"
gcc -std=gnu11 -O2 -Wall -Werror -o "$work/getpid_n" "$tests/progs/getpid_n.c"
runs=
for n in "${names[@]}"; do
    sed -e "s|@KVER@|$kver|g" "$tests/scripts/$n.stp.in" > "$work/$n.stp"
    "$here/build_stap.sh" "$work/$n.stp" "$work/$n.ko"
    runs+="staprun -c '$work/${target[$n]}' '$work/$n.ko' > '$work/$n.out' 2>&1; echo \"$n: staprun exit \$?\"; "
done
"$root/runtime-native/guest/run-in-guest.sh" --timeout 900 --share "$work" -- bash -c "$runs"
for n in "${names[@]}"; do
    sed -e "s|$work/$n.stp|@SCRIPT@|g" -e "s|$work/|@OUT@/|g" "$work/$n.out" > "$tests/expected/$n.stap.out"
    echo "recorded $tests/expected/$n.stap.out ($kver)"
done
