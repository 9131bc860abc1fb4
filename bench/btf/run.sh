#!/bin/bash
# bench/btf/run.sh: what a kernel $var costs pass 2 (BTF read and lookup), side by side in one run:
# the same kernel.function one-liner with one $var and without it, stapvm -v -p3's own "Pass 2" line,
# median of N runs (default 10) of cpu (usr+sys) and real ms. Optional -r KVER: BTF from /boot/vmlinuz
# (cached after the first run). Run on demand, not in CI.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
n=${N:-10}
release=()
[ "${1:-}" = "-r" ] && release=(-r "$2")
with='probe kernel.function("vfs_read") { println($file->f_pos) }'
without='probe kernel.function("vfs_read") { println(1) }'
"$root/bin/stapvm" -p2 "${release[@]}" -e "$with" >/dev/null   # build if stale, warm the BTF cache
# prints "CPU REAL" (ms) of pass 2 for script $1
pass2() {
    "$root/bin/stapvm" -v -p3 "${release[@]}" -e "$1" 2>&1 >/dev/null |
        sed -n 's/^Pass 2: .* in \([0-9]*\)usr\/\([0-9]*\)sys\/\([0-9]*\)real ms\./\1 \2 \3/p' |
        awk '{ print $1 + $2, $3 }'
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
: > /tmp/btf-bench.$$
for i in $(seq "$n"); do
    echo "with $(pass2 "$with")" >> /tmp/btf-bench.$$
    echo "without $(pass2 "$without")" >> /tmp/btf-bench.$$
done
for k in with without; do
    cpu=$(awk -v k=$k '$1 == k { print $2 }' /tmp/btf-bench.$$ | median)
    real=$(awk -v k=$k '$1 == k { print $3 }' /tmp/btf-bench.$$ | median)
    printf '%-8s $var: pass 2 median cpu %s ms, real %s ms (%d runs)\n' "$k" "$cpu" "$real" "$n"
done
rm -f /tmp/btf-bench.$$
