#!/bin/bash
# guest-bench.sh: runs in the guest (run.sh): one workload, measured with each tracer attached in turn.
set -uo pipefail
N=${N:-100000}
b=$OUT/getpid_bench
wait_for() { for i in $(seq 1 600); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done; return 1; }

base=$($b $N)
echo "no probe:  $base ns/call"

insmod "$ROOT/runtime-native/kmod/build/stapvm.ko"
"$ROOT/runtime-native/user/build/stapvm-run" --runtime=kernel "$OUT/count.stpb" > /tmp/svm.out 2>&1 &
k=$!; wait_for /tmp/svm.out ready
svm=$($b $N); kill -INT $k; wait $k
echo "stapvm:    $svm ns/call ($(grep count= /tmp/svm.out))"

# Debian ships a stub System.map, where stap looks up kprobe.function names: give it the guest's own
# symbols (the guest root is an overlay on a tmpfs: the host's /boot is untouched)
grep -v '\[' /proc/kallsyms > "/boot/System.map-$(uname -r)"
# stap -p4 takes ~5 min under TCG: its module is kept in OUT for this kernel and script and reused
script='global count probe begin { println("ready") } probe kprobe.function("__x64_sys_getpid") { count++ } probe end { printf("count=%d\n", count) }'
cached=$OUT/stapcount-$(uname -r)-$(printf '%s' "$script" | sha1sum | cut -c1-12).ko
if [ -f "$cached" ]; then
    cp "$cached" /tmp/stapcount.ko; echo "(stap module reused from $cached)"
else
    t0=$(date +%s)
    (cd /tmp && stap -R "$OUT/stapR" -p4 -m stapcount -e "$script" > /tmp/stap-build.log 2>&1) &&
        echo "(stap -p4 in the guest took $(( $(date +%s) - t0 )) s)" && cp /tmp/stapcount.ko "$cached"
fi
if [ -f /tmp/stapcount.ko ]; then
    staprun /tmp/stapcount.ko > /tmp/stap.out 2>&1 &
    k=$!; wait_for /tmp/stap.out ready
    stp=$($b $N); kill -INT $k; wait $k
    echo "systemtap: $stp ns/call ($(grep count= /tmp/stap.out))"
else
    stp=; echo "systemtap: module build failed:"; tail -5 /tmp/stap-build.log
fi

bpftrace -e 'kprobe:__x64_sys_getpid { @count++; }' > /tmp/bt.out 2>&1 &
k=$!; wait_for /tmp/bt.out Attaching
sleep 1
bt=$($b $N); kill -INT $k; wait $k
echo "bpftrace:  $bt ns/call ($(grep count /tmp/bt.out | tr -d '\n'))"

awk -v base=$base -v svm=$svm -v stp="$stp" -v bt=$bt 'BEGIN {
  s = svm - base; printf "per-hit cost: stapvm %d ns", s
  if (stp != "") printf ", systemtap %d ns", stp - base
  printf ", bpftrace %d ns\n", bt - base
  if (stp != "") printf "ratio stapvm/systemtap = %.2f\n", s / (stp - base)
  printf "ratio stapvm/bpftrace = %.2f\n", s / (bt - base)
  printf "ratio stapvm-with-probe/no-probe = %.2f\n", svm / base }'
