#!/bin/bash
# guest.sh: runs in run.sh's guest: each tracer attached in turn to the same load, 3 rounds, medians.
set -uo pipefail
N=${N:-50000}
w=$OUT/getppid_ns run=$ROOT/runtime-native/user/build/stapvm-run
. "$ROOT/bench/guest_rows.sh"
insmod "$ROOT/runtime-native/kmod/build/stapvm.ko" || exit 1
for r in 1 2 3; do
    echo "round $r"
    add none "$($w $N)"
    attached stapvm-count $OUT/c.log ready "$run" --runtime=kernel "$OUT/svm_count.stpb"
    attached stapvm-id $OUT/i.log ready "$run" --runtime=kernel "$OUT/svm_id.stpb"
    attached stap-count $OUT/sc.log ready staprun "$OUT/tp_count.ko"
    attached stap-id $OUT/si.log ready staprun "$OUT/tp_id.ko"
    attached bpftrace-count $OUT/bc.log Attaching bpftrace -e 'tracepoint:raw_syscalls:sys_enter { @n++ }'
    attached bpftrace-id $OUT/bi.log Attaching bpftrace -e 'tracepoint:raw_syscalls:sys_enter { @n += args->id }'
done
printf '%-16s %-24s %10s %12s\n' row "ns/call (3 runs)" median "per hit"
b=$(echo "${t[none]}" | med)
for row in none stapvm-count stapvm-id stap-count stap-id bpftrace-count bpftrace-id; do
    m=$(echo "${t[$row]:-}" | med)
    printf '%-16s %-24s %10s %12s\n' "$row" "${t[$row]:-}" "${m:--}" "$([ -n "$m" ] && echo "+$((m - b))" || echo -)"
done
