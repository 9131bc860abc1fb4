#!/bin/bash
# soak.sh: stapvm.ko soak, on demand (not in CI): SOAK_SECONDS (default 600) in the guest with four loops
# at once, each starting and stopping sessions: exact getpid counts on a kprobe+kretprobe (the program
# counts its own calls), exact uprobe counts on calls_n's work(), hot probes (vfs_read, schedule,
# kmem_cache_alloc) with timers, timer.profile. Fails on any count that does not match, a session that
# does not end, slab growth past SOAK_SLAB_KB (default 2048 kB) after the last session, or an
# oops/BUG/WARN in dmesg (the guest harness). Prints the figures. Needs `make -C runtime-native/kmod`.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kmod=$(dirname "$here")
root=$(cd "$kmod/../.." && pwd)
out=$kmod/build/soak
rm -rf "$out"; mkdir -p "$out"
gcc -std=gnu11 -O2 -Wall -Werror -o "$out/getpid_n" "$here/progs/getpid_n.c" || exit 1
gcc -std=gnu11 -O2 -Wall -Werror -o "$out/calls_n" "$here/progs/calls_n.c" || exit 1
# COMPILE NAME SCRIPT [FLAGS...]: the exact-count sessions run without the overload governor (a trip would end
# them before the program is done); the hot and profile ones keep it, and a trip there is counted apart
compile() { local n=$1 s=$2; shift 2; (cd "$out" && "$root/bin/stapvm" -p4 "$@" -m "$n" -e "$s" >/dev/null) || { echo "soak: cannot compile $n"; exit 1; }; }
compile exact 'global e, r probe kernel.function("__x64_sys_getpid") { if (pid() == target()) e++ }
probe kernel.function("__x64_sys_getpid").return { if (pid() == target()) r++ } probe end { printf("%d %d\n", e, r) }' -D STP_NO_OVERLOAD
compile uexact "global n probe process(\"$out/calls_n\").function(\"work\") { n++ } probe end { printf(\"%d\n\", n) }" -D STP_NO_OVERLOAD
compile hot 'global r, s, a probe kernel.function("vfs_read") { r++ } probe kernel.function("schedule") { s++ }
probe kprobe.function("kmem_cache_alloc") { a[cpu()]++ } probe timer.ms(50) { if (r < 0) println("never") }
probe end { printf("%d\n", r > 0 && s > 0) }'
compile prof 'global n, t probe timer.profile { n[cpu()]++; t++ } probe timer.s(1) { if (0 in n) println("tick") } probe end { printf("%d\n", t > 0) }'
cat > "$out/guest.sh" <<'EOF'
set -u
out=$SOAK_OUT krun="$ROOT/runtime-native/user/build/stapvm-run --runtime=kernel"
insmod "$KMOD/build/stapvm.ko" || exit 1
slab() { awk '/^Slab:/ { print $2 }' /proc/meminfo; }
echo 3 > /proc/sys/vm/drop_caches; slab0=$(slab)
end=$(( $(date +%s) + SOAK_SECONDS ))
# LOOP NAME CHECK-FUNCTION: sessions back to back until the end; "NAME runs fails" in $out/NAME.res
loop() {
	local name=$1 runs=0 fails=0
	while [ "$(date +%s)" -lt $end ]; do
		runs=$((runs + 1))
		"$2" || { fails=$((fails + 1)); echo "soak: $name run $runs failed" >&2; }
	done
	echo "$name $runs $fails" > "/tmp/$name.res"
}
# a hit that finds its session busy past the bounded lock wait is skipped and counted (stap's closing
# warning): counted + skipped must equal the calls the program made
skipped() { sed -n 's/^WARNING: Number of errors: 0, skipped probes: //p' "$1"; }
# RUN NAME ARGS...: one session, stdout in /tmp/NAME.out, stderr in /tmp/NAME.err; kept as NAME.fail.N when wrong
run() { local name=$1; shift; timeout 60 $krun "$@" > "/tmp/$name.out" 2> "/tmp/$name.err"; }
# a session the overload governor ended (tight syscall loops under a heavy TCG guest can spend more than half
# a CPU in handlers: stap's limit) is counted apart, not as a wrong count
keep() {
	if grep -q '^ERROR: probe overhead' "/tmp/$1.err"; then grep -m1 '^ERROR: probe overhead' "/tmp/$1.err" >> "/tmp/$1.overload"; return 0; fi
	cat "/tmp/$1.out" "/tmp/$1.err" > "/tmp/$1.fail.$RANDOM"; return 1
}
exact() {
	local n=$((RANDOM % 20000 + 1)) e r s
	run exact -c "$out/getpid_n $n" "$out/exact.stpb" || { keep exact; return; }
	read -r e r < /tmp/exact.out; s=$(skipped /tmp/exact.err)
	echo "$((2 * n)) $((e + r)) ${s:-0}" >> /tmp/exact.counts
	[ $((e + r + ${s:-0})) -eq $((2 * n)) ] && [ "$e" -le $n ] && [ "$r" -le $n ] || keep exact
}
uexact() {
	local n=$((RANDOM % 5000 + 1)) s
	run uexact -c "$out/calls_n $n" "$out/uexact.stpb" || { keep uexact; return; }
	s=$(skipped /tmp/uexact.err)
	echo "$n $(tail -1 /tmp/uexact.out) ${s:-0}" >> /tmp/uexact.counts
	[ $(( $(tail -1 /tmp/uexact.out) + ${s:-0} )) -eq $n ] || keep uexact
}
# (the end prints a too: stap prints the globals a script writes and never reads)
hot() { run hot -T $((RANDOM % 3 + 1)) "$out/hot.stpb" && [ "$(head -1 /tmp/hot.out)" = 1 ] || keep hot; }
prof() { run prof -T 2 "$out/prof.stpb" && [ "$(tail -1 /tmp/prof.out)" = 1 ] || keep prof; }
loop exact exact & loop uexact uexact & loop hot hot & loop prof prof &
wait
echo 3 > /proc/sys/vm/drop_caches; sleep 1; slab1=$(slab)
rmmod stapvm || echo "soak: rmmod failed"
echo 3 > /proc/sys/vm/drop_caches; slab2=$(slab)
fails=0
for r in /tmp/exact.res /tmp/uexact.res /tmp/hot.res /tmp/prof.res; do
	read -r name runs f < "$r"
	echo "soak: $name: $runs sessions, $f failed, $(cat "/tmp/$name.overload" 2>/dev/null | wc -l) ended by the overload governor"
	fails=$((fails + f))
done
for c in exact uexact; do
	awk -v c=$c '{ want += $1; got += $2; skip += $3 } END { printf "soak: %s: %d calls made (the programs count them), %d counted by the probes, %d skipped\n", c, want, got, skip }' /tmp/$c.counts
done
cat /tmp/*.overload 2>/dev/null | tail -1 | sed 's/^/soak: an overload: /'
echo "soak: slab $slab0 kB before, $slab1 kB after the last session, $slab2 kB after rmmod"
growth=$((slab1 - slab0))
[ "$growth" -le "$SOAK_SLAB_KB" ] || { echo "soak: slab grew by $growth kB"; fails=$((fails + 1)); }
[ -e /sys/kernel/debug/kmemleak ] && { echo scan > /sys/kernel/debug/kmemleak; cat /sys/kernel/debug/kmemleak; } ||
	echo "soak: this kernel has no kmemleak (CONFIG_DEBUG_KMEMLEAK is not set)"
for f in /tmp/*.fail.*; do [ -e "$f" ] && { echo "soak: $f:"; head -5 "$f" | sed 's/^/    /'; }; done
[ $fails -eq 0 ] && echo "soak: passed" || echo "soak: FAILED ($fails)"
[ $fails -eq 0 ]
EOF
secs=${SOAK_SECONDS:-600}
time "$root/runtime-native/guest/run-in-guest.sh" --timeout $((secs + 300)) --env "SOAK_OUT=$out" --env "KMOD=$kmod" \
    --env "ROOT=$root" --env "SOAK_SECONDS=$secs" --env "SOAK_SLAB_KB=${SOAK_SLAB_KB:-2048}" -- bash "$out/guest.sh"
