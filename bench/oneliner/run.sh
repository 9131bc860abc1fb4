#!/usr/bin/env bash
# run.sh: wall time of two one-liners, stapvm (userspace runtime) side by side with bpftrace's
# equivalents, RUNS runs each, interleaved so machine noise hits all rows alike; prints medians and
# their ratio to bpftrace. Rows: the hello one-liner, and a probe on a program's main() with -c; for
# stapvm each first run (an empty compile cache: the JVM compiles) and repeated (a cache hit: the
# cached module runs through stapvm-run, no JVM).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
stapvm=$here/../../bin/stapvm
RUNS=${RUNS:-10}
command -v bpftrace >/dev/null || { echo "bpftrace is not installed (apt-get install -y bpftrace)" >&2; exit 1; }
ulimit -l unlimited 2>/dev/null || true   # bpftrace asks for more; where it may not, it warns and runs
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf 'int main(void) { return 0; }\n' > "$tmp/prog.c" && gcc -O0 -o "$tmp/prog" "$tmp/prog.c"

hello_s='probe begin { println("hi") exit() }'
hello_b='BEGIN { printf("hi\n"); exit(); }'
main_s="probe process(\"$tmp/prog\").function(\"main\") { println(\"hi\") }"
main_b="uprobe:$tmp/prog:main { printf(\"hi\n\"); }"
"$stapvm" -e "$hello_s" >/dev/null   # build and CDS archive outside the timing
export SYSTEMTAP_DIR=$tmp/warm
"$stapvm" -e "$hello_s" >/dev/null; "$stapvm" -c "$tmp/prog" -e "$main_s" >/dev/null   # the repeated rows' entries

ms() { # wall milliseconds of one run of the command, its output checked
  local t0 t1 out
  t0=$(date +%s%N); out=$("$@" 2>/dev/null); t1=$(date +%s%N)
  [ "$out" = hi ] || { echo "unexpected output from $*: $out" >&2; exit 1; }
  echo $(( (t1 - t0) / 1000000 ))
}
cold() { SYSTEMTAP_DIR=$tmp/cold.$RANDOM$RANDOM ms "$@"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

declare -A runs
for _ in $(seq "$RUNS"); do
  runs[hello_first]+="$(cold "$stapvm" -e "$hello_s") "
  runs[hello_repeat]+="$(ms "$stapvm" -e "$hello_s") "
  runs[hello_bpftrace]+="$(ms bpftrace -q -e "$hello_b") "
  runs[main_first]+="$(cold "$stapvm" -c "$tmp/prog" -e "$main_s") "
  runs[main_repeat]+="$(ms "$stapvm" -c "$tmp/prog" -e "$main_s") "
  runs[main_bpftrace]+="$(ms bpftrace -q -c "$tmp/prog" -e "$main_b") "
done
med() { printf '%s\n' ${runs[$1]} | median; }
printf '%-28s %9s %9s  %s\n' row median "/bpftrace" "runs (ms)"
for one in hello main; do
  b=$(med "${one}_bpftrace")
  for row in first repeat bpftrace; do
    m=$(med "${one}_$row")
    printf '%-28s %6s ms %9s  %s\n' "$one ${row/bpftrace/(bpftrace)}" "$m" "$(python3 -c "print(f'{$m / $b:.2f}x')")" "${runs[${one}_$row]}"
  done
done
