#!/bin/bash
# bench/btf/run.sh: what a kernel $var costs pass 2 (BTF read and lookup), side by side in one run:
# the same kernel.function one-liner with one $var and without it, stapvm -v -p3's own "Pass 2" line,
# median of N runs (default 10) of cpu (usr+sys) and real ms. Optional -r KVER: BTF from /boot/vmlinuz
# (cached after the first run). With -r KVER and the kernel's DWARF installed (linux-image-KVER-dbg),
# stap -v -p2 of the same two scripts runs beside them (its own "Pass 2" line). Run on demand, not in CI.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
n=${N:-10}
release=()
[ "${1:-}" = "-r" ] && release=(-r "$2")
with='probe kernel.function("vfs_read") { println($file->f_pos) }'
without='probe kernel.function("vfs_read") { println(1) }'
"$root/bin/stapvm" -p2 "${release[@]}" -e "$with" >/dev/null   # build if stale, warm the BTF cache
stap=()
if [ ${#release[@]} -gt 0 ] && command -v stap >/dev/null && [ -f "/usr/lib/debug/boot/vmlinux-$2" ]; then
    stap=(stap -p2)
fi
# prints "CPU REAL" (ms) of pass 2 for script $1 (with the command after it: stap)
pass2() {
    local script=$1; shift
    local cmd=("$@"); [ ${#cmd[@]} -gt 0 ] || cmd=("$root/bin/stapvm" -p3)
    "${cmd[@]}" -v "${release[@]}" -e "$script" 2>&1 >/dev/null |
        sed -n 's/^Pass 2: .* in \([0-9]*\)usr\/\([0-9]*\)sys\/\([0-9]*\)real ms\./\1 \2 \3/p' |
        awk '{ print $1 + $2, $3 }'
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
: > /tmp/btf-bench.$$
for i in $(seq "$n"); do
    echo "with $(pass2 "$with")" >> /tmp/btf-bench.$$
    echo "without $(pass2 "$without")" >> /tmp/btf-bench.$$
    if [ ${#stap[@]} -gt 0 ]; then
        echo "stap-with $(pass2 "$with" "${stap[@]}")" >> /tmp/btf-bench.$$
        echo "stap-without $(pass2 "$without" "${stap[@]}")" >> /tmp/btf-bench.$$
    fi
done
rows=(with without); [ ${#stap[@]} -gt 0 ] && rows+=(stap-with stap-without)
for k in "${rows[@]}"; do
    cpu=$(awk -v k=$k '$1 == k { print $2 }' /tmp/btf-bench.$$ | median)
    real=$(awk -v k=$k '$1 == k { print $3 }' /tmp/btf-bench.$$ | median)
    printf '%-13s $var: pass 2 median cpu %s ms, real %s ms (%d runs)\n' "$k" "$cpu" "$real" "$n"
done
rm -f /tmp/btf-bench.$$
