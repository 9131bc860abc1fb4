#!/bin/bash
# guest.sh: runs in run.sh's guest: each tracer attached in turn to the same load, 3 rounds, medians.
set -uo pipefail
N=${N:-50000}
w=$OUT/getppid_ns run=$ROOT/runtime-native/user/build/stapvm-run
wait_for() { for _ in $(seq 1 1200); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done; return 1; }
declare -A t
add() { t[$1]="${t[$1]:-} $2"; }
attached() {  # attached ROW LOG READY CMD...: time the load while CMD runs (started, ready, stopped by SIGINT)
    local row=$1 log=$2 ready=$3; shift 3
    "$@" > "$log" 2>&1 & local k=$!
    if ! wait_for "$log" "$ready"; then echo "$row: not ready: $(head -c 300 "$log")"; kill -INT $k; wait $k; return; fi
    add "$row" "$($w $N)"; kill -INT $k; wait $k
    echo "$row: $(grep -E '^n=|^@n' "$log" | tr -d '\n')"
}
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
med() { tr ' ' '\n' | grep -v '^$' | sort -n | sed -n 2p; }
printf '%-16s %-24s %10s %12s\n' row "ns/call (3 runs)" median "per hit"
b=$(echo "${t[none]}" | med)
for row in none stapvm-count stapvm-id stap-count stap-id bpftrace-count bpftrace-id; do
    m=$(echo "${t[$row]:-}" | med)
    printf '%-16s %-24s %10s %12s\n' "$row" "${t[$row]:-}" "${m:--}" "$([ -n "$m" ] && echo "+$((m - b))" || echo -)"
done
