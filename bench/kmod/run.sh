#!/bin/bash
# bench/kmod/run.sh: per-hit cost of a kprobe whose handler does count++ on __x64_sys_getpid, in one
# guest boot: no probe vs stapvm.ko vs SystemTap 4.8 (module built in the guest with its runtime fixed
# for this kernel: task_work_cancel -> task_work_cancel_func) vs bpftrace. TCG: only ratios mean anything.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$root/bench/kmod/build
mkdir -p "$out"
make -s -C "$root/runtime-native/kmod" all && make -s -C "$root/runtime-native/user" all
gcc -std=gnu11 -O2 -o "$out/getpid_bench" "$here/getpid_bench.c"
(cd "$out" && "$root/bin/stapvm" -p4 -m count "$here/count.stp" >/dev/null)
# the fixed SystemTap runtime (Debian's 4.8 cannot build for its own 6.1 kernel without it)
rm -rf "$out/stapR"; cp -r /usr/share/systemtap/runtime "$out/stapR"
sed -i 's/twork = task_work_cancel(task, func);/twork = task_work_cancel_func(task, func);/' "$out/stapR/stp_task_work.c"
"$root/runtime-native/guest/run-in-guest.sh" --timeout 900 --share "$out" --env "OUT=$out" --env "ROOT=$root" \
    -- bash "$here/guest-bench.sh" 2>&1 | tee "$out/bench.log"
