#!/bin/bash
# run.sh: per-syscall cost of syscall.* probes on the userspace runtime (ptrace syscall stops) against
# strace -f -c on the same command, on this host: N getppid() calls, best of 3 wall-clock times;
# per-call cost = (time with the tracer - time without) / N. The scripts are compiled once with
# stapvm -p4 and run by stapvm-run (no JVM in the timing).
# Usage: bench/syscall/run.sh [N]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
n=${1:-20000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O2 -o "$work/getppid_n" "$here/getppid_n.c"
run=$root/runtime-native/user/build/stapvm-run

compile() {  # compile NAME SCRIPT
    (cd "$work" && "$root/bin/stapvm" --runtime=user -p4 -m "$1" -e "$2" >/dev/null)
}
compile one 'global n probe syscall.getppid { n++ } probe end { printf("%d\n", n) }'
compile all 'global n probe syscall.* { n++ } probe end { printf("%d\n", n) }'
compile args 'global n probe syscall.getppid { n += strlen(argstr) + 1 } probe end { printf("%d\n", n) }'
compile raw 'global n probe process.syscall { n++ } probe end { printf("%d\n", n) }'

best() {  # best CMD...: the best of 3 wall-clock times in ns
    local b=0 t0 t1
    for _ in 1 2 3; do
        t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
        if [ "$b" -eq 0 ] || [ $((t1 - t0)) -lt "$b" ]; then b=$((t1 - t0)); fi
    done
    echo "$b"
}
base=$(best "$work/getppid_n" "$n")
echo "N=$n getppid() calls; no tracer: $((base / n)) ns/call"
echo "| tracer | time | cost per call |"
echo "|---|---|---|"
row() {  # row LABEL CMD...
    local label=$1; shift
    local t; t=$(best "$@")
    printf '| %s | %d ns/call | +%d ns/call |\n' "$label" $((t / n)) $(((t - base) / n))
}
row 'strace -f -c' strace -f -c -o /dev/null "$work/getppid_n" "$n"
row 'stapvm process.syscall { n++ }' "$run" --runtime=user -c "$work/getppid_n $n" "$work/raw.stpb"
row 'stapvm syscall.getppid { n++ }' "$run" --runtime=user -c "$work/getppid_n $n" "$work/one.stpb"
row 'stapvm syscall.getppid with argstr' "$run" --runtime=user -c "$work/getppid_n $n" "$work/args.stpb"
row 'stapvm syscall.* { n++ }' "$run" --runtime=user -c "$work/getppid_n $n" "$work/all.stpb"
