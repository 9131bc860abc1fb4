#!/bin/bash
# record_syscalls.sh: records expected/NAME.out, what real SystemTap 4.8 prints for expected/NAME.stap.stp
# (the test's script with nd_syscall.*) and its target progs/PROG.c, in the guest the tests boot.
# Usage: record_syscalls.sh NAME PROG      e.g. record_syscalls.sh syscalls_more syscall_more
# 1. host: stap -R RUNTIME -r KVER -p4 builds NAME.stap.stp (about 25 min on a shared 2-core host);
#    RUNTIME is stap's runtime with the one fix Debian 12's 6.1 kernels need (conformance/tools/record.sh).
#    The module is kept in $REC_WORK (default /tmp/stapvm-record) and reused while the script is unchanged.
# 2. guest: staprun -c PROG (record_guest.sh); its addresses of the program's static variables are
#    written back as @SYMBOL@ (bare hex digits), which run.sh fills in from nm of the program it builds.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tests=$(dirname "$here")
root=$(cd "$tests/../../.." && pwd)
name=$1 prog=$2
work=${REC_WORK:-/tmp/stapvm-record}
kver=$("$root/runtime-native/guest/kver.sh")
mkdir -p "$work"
"$here/build_stap.sh" "$tests/expected/$name.stap.stp" "$work/$name.ko"
gcc -std=gnu11 -O2 -static -no-pie -Wall -Werror -o "$work/$prog" "$tests/progs/$prog.c"
"$root/runtime-native/guest/run-in-guest.sh" --timeout 900 --share "$work" \
    -- bash "$here/record_guest.sh" "$work/$name.ko" "$work/$prog" "$work/$name.out"
"$here/symbolize.sh" "$work/$prog" < "$work/$name.out" > "$tests/expected/$name.out"
echo "recorded $tests/expected/$name.out ($kver)"
