#!/bin/bash
# kernel.sh: per-syscall cost of syscall.* probes in one guest boot (one vCPU, QEMU -icount shift=0,sleep=off:
# the guest's clock counts instructions, so a time is a count of the work done, not of the host's load).
# Load: N getppid calls timed by the program itself (getppid_ns.c). Rows, each run 3 times, median reported:
#   no probe; stapvm.ko with syscall.* { n++ } and with argstr (n += strlen(argstr) + 1); SystemTap 4.8's
#   module for the same scripts (nd_syscall.*: its syscall.* needs the kernel's DWARF), built on the host
#   with the runtime fix of conformance/tools/record.sh and -D STP_NO_OVERLOAD (its overload governor would
#   unload it mid-load: a hit costs far more than the call); bpftrace tracepoint:raw_syscalls:sys_enter { @n++ };
#   and on the userspace runtime (ptrace stops of -c's command) stapvm-run -c with the same two scripts
#   against strace -f -c on the same command (NU calls: a ptrace stop costs ~100x a kprobe); and a probe on a
#   call the load never makes (syscall.openat: the seccomp filter lets getppid run unstopped) against
#   strace -f -c --seccomp-bpf -e trace=openat.
# Usage: bench/syscall/kernel.sh      (ROUNDS=N: rounds, 3 by default; STAP_KO_DIR=DIR: take bench_count.ko / bench_argstr.ko, built as above,
#                                     from DIR)
# Extra guest work in the same boot: GUEST_BEFORE="CMD" runs first (e.g. a recording).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$root/bench/syscall/build
rec=$root/runtime-native/kmod/tests/record
mkdir -p "$out"
# what the rows use, installed when missing (as root): the guest, the compilers, the other tracers
"$root/bin/ensure-packages" gcc make qemu-system-x86 busybox-static linux-image-amd64 linux-headers-amd64 \
    systemtap strace bpftrace
make -s -C "$root/runtime-native/kmod" all && make -s -C "$root/runtime-native/user" all
gcc -std=gnu11 -O2 -o "$out/getppid_ns" "$here/getppid_ns.c"
count='global bench_n probe begin { println("ready") } probe syscall.* { bench_n++ } probe end { printf("n=%d\n", bench_n) }'
argstr='global bench_n probe begin { println("ready") } probe syscall.* { bench_n += strlen(argstr) + 1 } probe end { printf("n=%d\n", bench_n) }'
# a probe on a call the load does not make: the cost of the stops that are not probed
other='global bench_n probe begin { println("ready") } probe syscall.openat { bench_n++ } probe end { printf("n=%d\n", bench_n) }'
(cd "$out" && "$root/bin/stapvm" --runtime=user -p4 -m other_user -e "$other" >/dev/null)
for rt in kernel user; do
    (cd "$out" && "$root/bin/stapvm" --runtime=$rt -p4 -m "count_$rt" -e "$count" >/dev/null)
    (cd "$out" && "$root/bin/stapvm" --runtime=$rt -p4 -m "argstr_$rt" -e "$argstr" >/dev/null)
done
# stap's modules: the same scripts with nd_syscall.* (its syscall.* wants vmlinux's DWARF)
for m in count argstr; do
    s=$count; [ $m = argstr ] && s=$argstr
    echo "${s//syscall.\*/nd_syscall.* ?}" > "$out/bench_$m.stp.new"
    cmp -s "$out/bench_$m.stp.new" "$out/bench_$m.stp" && rm "$out/bench_$m.stp.new" || mv "$out/bench_$m.stp.new" "$out/bench_$m.stp"
    ko=${STAP_KO_DIR:+$STAP_KO_DIR/bench_$m.ko}
    if [ -n "$ko" ] && [ -f "$ko" ]; then cp "$ko" "$out/bench_$m.ko"; else "$rec/build_stap.sh" "$out/bench_$m.stp" "$out/bench_$m.ko" -D STP_NO_OVERLOAD; fi
done
"$root/runtime-native/guest/run-in-guest.sh" --timeout 2400 --smp 1 --qemu -icount --qemu shift=0,sleep=off \
    --share "$out" --env "OUT=$out" --env "ROOT=$root" --env "ROUNDS=${ROUNDS:-3}" \
    -- bash -c "${GUEST_BEFORE:-true}; bash $here/guest.sh" 2>&1 | tee "$out/bench.log"
