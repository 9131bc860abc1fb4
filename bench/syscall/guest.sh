#!/bin/bash
# guest.sh: runs in kernel.sh's guest: each tracer attached in turn to the same load, ROUNDS rounds (3),
# medians; each figure is also printed as it is measured, so a run cut short still shows what it got.
set -uo pipefail
N=${N:-50000} NU=${NU:-2000} ROUNDS=${ROUNDS:-3}
w=$OUT/getppid_ns run=$ROOT/runtime-native/user/build/stapvm-run
. "$ROOT/bench/guest_rows.sh"
insmod "$ROOT/runtime-native/kmod/build/stapvm.ko" || exit 1
for r in $(seq 1 "$ROUNDS"); do
    echo "round $r"
    add none "$($w $N)"
    attached stapvm-count $OUT/c.log ready "$run" --runtime=kernel "$OUT/count_kernel.stpb"
    attached stapvm-argstr $OUT/a.log ready "$run" --runtime=kernel "$OUT/argstr_kernel.stpb"
    attached stap-count $OUT/sc.log ready staprun "$OUT/bench_count.ko"
    attached stap-argstr $OUT/sa.log ready staprun "$OUT/bench_argstr.ko"
    attached bpftrace $OUT/bt.log Attaching bpftrace -e 'tracepoint:raw_syscalls:sys_enter { @n++ }'
    add user-none "$($w $NU)"
    add user-stapvm-count "$("$run" --runtime=user -c "$w $NU" "$OUT/count_user.stpb" | grep -E "^[0-9]+$" | head -1)"
    add user-stapvm-argstr "$("$run" --runtime=user -c "$w $NU" "$OUT/argstr_user.stpb" | grep -E "^[0-9]+$" | head -1)"
    add user-strace "$(strace -f -c -o /dev/null "$w" "$NU")"
    add user-stapvm-openat "$("$run" --runtime=user -c "$w $NU" "$OUT/other_user.stpb" | grep -E "^[0-9]+$" | head -1)"
    add user-strace-openat "$(strace -f -c --seccomp-bpf -e trace=openat -o /dev/null "$w" "$NU")"
done
printf '%-20s %-24s %10s %12s\n' row "ns/call ($ROUNDS runs)" median "per call"
for row in none stapvm-count stapvm-argstr stap-count stap-argstr bpftrace user-none user-stapvm-count user-stapvm-argstr user-strace user-stapvm-openat user-strace-openat; do
    m=$(echo "${t[$row]:-}" | med); b=$(echo "${t[none]}" | med)
    case $row in user-*) b=$(echo "${t[user-none]}" | med) ;; esac
    printf '%-20s %-24s %10s %12s\n' "$row" "${t[$row]:-}" "${m:--}" "$([ -n "$m" ] && echo "+$((m - b))" || echo -)"
done
