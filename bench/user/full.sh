#!/usr/bin/env bash
# full.sh: ns per hit of a whole process() probe (module handler n++ run by the interpreter through
# uprobes.c and the runner, build/stapvm-run) per --breakpoint mode, side by side with bpftrace's kernel uprobe
# (count()) on the same target. ns/hit = (traced - untraced wall time) / HITS, median of RUNS.
# Placement: tracer and tracee pinned together on CPU (taskset; the engine's children inherit it),
# the deliberate choice: each hit is a tracee -> tracer -> tracee round trip, and a cross-CPU
# wake-up costs ~5-10x a same-CPU switch (RESULTS.md). Usage: full.sh [HITS] [RUNS] [CPU]
set -eu
HITS=${1:-20000}; RUNS=${2:-5}; CPU=${3:-$(( $(nproc) - 1 ))}
here=$(cd "$(dirname "$0")" && pwd)
make -s -C "$here" all >/dev/null
make -s -C "$here/../../runtime-native/user" all >/dev/null
RUN=$here/../../runtime-native/user/build/stapvm-run
AS=$here/../../runtime-native/vm/tools/stapvm-as
LOOP=$here/build/loop
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
cat > "$T/m.s" <<EOF
.global n int
.func hit ret=void iregs=1 sregs=1
  gget r0, n
  addi r0, r0, 1
  gset r0, n
  retv
.end
.probe process_function hit path="$LOOP" sym="work" pp="process(\"$LOOP\").function(\"work\")"
EOF
python3 "$AS" "$T/m.s" "$T/m.stpb"

now() { date +%s%N; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
time_ns() { local t0; t0=$(now); "$@" > /dev/null 2>&1; echo $(( $(now) - t0 )); }

base=$(for i in $(seq "$RUNS"); do time_ns taskset -c "$CPU" "$LOOP" "$HITS"; done | median)
printf '%-28s %12s\n' "mode (CPU $CPU, $HITS hits)" "ns/hit"
for m in emulate xol auto step; do
	ns=$(for i in $(seq "$RUNS"); do time_ns taskset -c "$CPU" "$RUN" --breakpoint=$m -c "$LOOP $HITS" "$T/m.stpb"; done | median)
	printf '%-28s %12d\n' "stapvm $m" $(( (ns - base) / HITS ))
done
if command -v bpftrace > /dev/null; then
	# bpftrace's attach time is not per hit: measure it with 0 hits and subtract. -c needs a
	# full path (taskset is both /bin/taskset and /usr/bin/taskset here, which bpftrace refuses)
	bt() { time_ns bpftrace -q -e "uprobe:$LOOP:work { @n = count(); }" -c "$(command -v taskset) -c $CPU $LOOP $1"; }
	b0=$(for i in $(seq "$RUNS"); do bt 0; done | median)
	b1=$(for i in $(seq "$RUNS"); do bt "$HITS"; done | median)
	printf '%-28s %12d\n' "bpftrace uprobe count()" $(( (b1 - b0) / HITS ))
fi
