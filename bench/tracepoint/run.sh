#!/bin/bash
# run.sh: per-hit cost of a tracepoint probe in one guest boot (one vCPU, QEMU -icount shift=0,sleep=off:
# the guest's clock counts instructions, so rounds agree whatever the host's load). Load: N getppid calls
# timed by bench/syscall/getppid_ns.c; every call fires raw_syscalls:sys_enter once. Rows, 3 rounds each,
# median reported: no probe; stapvm.ko kernel.trace("raw_syscalls:sys_enter") { n++ } and { n += $id };
# SystemTap 4.8's module for the same two scripts (built on the host for the guest's kernel with the
# runtime fix of runtime-native/kmod/tests/record/build_stap.sh and -D STP_NO_OVERLOAD, so its overload
# governor cannot stop it mid-load); bpftrace's tracepoint:raw_syscalls:sys_enter { @n++ } and
# { @n += args->id }.
# Usage: bench/tracepoint/run.sh     (STAP_KO_DIR=DIR: take tp_count.ko / tp_id.ko from DIR, built as above)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$here/build
mkdir -p "$out"
command -v bpftrace >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y bpftrace >/dev/null
make -s -C "$root/runtime-native/kmod" all && make -s -C "$root/runtime-native/user" all
kver=$("$root/runtime-native/guest/kver.sh")
gcc -std=gnu11 -O2 -o "$out/getppid_ns" "$root/bench/syscall/getppid_ns.c"
for m in count id; do
    body='n++'; [ $m = id ] && body='n += $id'
    script='global n probe begin { println("ready") } probe kernel.trace("raw_syscalls:sys_enter") { '"$body"' } probe end { printf("n=%d\n", n) }'
    (cd "$out" && "$root/bin/stapvm" -r "$kver" -p4 -m "svm_$m" -e "$script" >/dev/null)
    echo "$script" > "$out/tp_$m.stp.new"
    cmp -s "$out/tp_$m.stp.new" "$out/tp_$m.stp" && rm "$out/tp_$m.stp.new" || mv "$out/tp_$m.stp.new" "$out/tp_$m.stp"
    ko=${STAP_KO_DIR:+$STAP_KO_DIR/tp_$m.ko}
    if [ -n "$ko" ] && [ -f "$ko" ]; then cp "$ko" "$out/tp_$m.ko"
    else "$root/runtime-native/kmod/tests/record/build_stap.sh" "$out/tp_$m.stp" "$out/tp_$m.ko" -D STP_NO_OVERLOAD; fi
done
"$root/runtime-native/guest/run-in-guest.sh" --timeout 1800 --smp 1 --qemu -icount --qemu shift=0,sleep=off \
    --share "$out" --env "OUT=$out" --env "ROOT=$root" -- bash "$here/guest.sh" 2>&1 | tee "$out/bench.log"
