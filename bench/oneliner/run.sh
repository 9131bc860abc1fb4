#!/usr/bin/env bash
# run.sh: wall time of the hello one-liner, stapvm (userspace runtime) side by side with bpftrace;
# RUNS runs each, interleaved so machine noise hits both alike; prints medians and their ratio.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
stapvm=$here/../../bin/stapvm
RUNS=${RUNS:-10}
command -v bpftrace >/dev/null || { echo "bpftrace is not installed (apt-get install -y bpftrace)" >&2; exit 1; }

"$stapvm" -e 'probe begin { println("hi") exit() }' >/dev/null   # build and CDS archive outside the timing

ms() { # wall milliseconds of one run of the command, its output checked
  local t0 t1 out
  t0=$(date +%s%N); out=$("$@" 2>/dev/null); t1=$(date +%s%N)
  [ "$out" = hi ] || { echo "unexpected output from $1: $out" >&2; exit 1; }
  echo $(( (t1 - t0) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

s=(); b=()
for _ in $(seq "$RUNS"); do
  s+=("$(ms "$stapvm" -e 'probe begin { println("hi") exit() }')")
  b+=("$(ms bpftrace -q -e 'BEGIN { printf("hi\n"); exit(); }')")
done
sm=$(printf '%s\n' "${s[@]}" | median); bm=$(printf '%s\n' "${b[@]}" | median)
printf '%-10s %8s  %s\n' tool "median" "runs (ms)"
printf '%-10s %6s ms  %s\n' stapvm "$sm" "${s[*]}" bpftrace "$bm" "${b[*]}"
python3 -c "print(f'stapvm / bpftrace = {$sm / $bm:.2f}')"
