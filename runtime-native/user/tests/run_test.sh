#!/usr/bin/env bash
# run_test.sh BUILD: the runner through stapvm-run: timers, exit(), -T, -c, -x, -o (strftime names), -S rotation, -F, --format=json,
# runtime errors, rejected modules and probe points. Prints "run: P passed, F failed".
set -u
build=$(cd "${1:-build}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
run=$build/stapvm-run
as=$here/../../vm/tools/stapvm-as
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/    /'; }
expect() {   # NAME EXPECTED ACTUAL
	if [ "$2" == "$3" ]; then ok; else bad "$1" "expected: $2"$'\n'"actual:   $3"; fi
}

for s in "$here"/run/*.s; do
	python3 "$as" "$s" "$tmp/$(basename "$s" .s).stpb" || bad "assemble $s"
done

# exit() from a randomized timer probe; end probes see the globals
out=$("$run" "$tmp/timer_exit.stpb" 2>&1); rc=$?
expect timer_exit "n=10 rc=0" "$out rc=$rc"

# -T: timer.ms(100) for one second fires 9 or 10 times (8 on a loaded machine), then end runs
out=$("$run" -T 1 "$tmp/count_until_end.stpb" 2>&1); rc=$?
n=$(sed -n 's/^end n=\([0-9]*\) .*/\1/p' <<<"$out")
if [ "$rc" = 0 ] && [ -n "$n" ] && [ "$n" -ge 8 ] && [ "$n" -le 10 ] && [ "$(head -1 <<<"$out")" = ready ]; then ok; else bad "-T 1" "$out rc=$rc"; fi

# -o FILE: the script's output goes to the file, nothing to stdout
out=$("$run" -o "$tmp/out.txt" "$tmp/timer_exit.stpb" 2>&1); rc=$?
expect "-o FILE" "|n=10|0" "$out|$(cat "$tmp/out.txt")|$rc"

# -c: target() in begin is the command's pid; the command runs after begin; the run ends with it
out=$("$run" -c "sh -c 'echo cmd=\$\$'" "$tmp/target_begin.stpb" 2>&1); rc=$?
t=$(sed -n 's/^begin target=//p' <<<"$out")
expect "-c CMD" "begin target=$t|cmd=$t|end|0" "$(tr '\n' '|' <<<"$out")$rc"
[ "${t:-0}" -gt 0 ] && ok || bad "-c target() is a pid" "$out"

# -c with shell syntax runs through /bin/sh -c, as staprun does (target() is the shell, which dash
# replaces by the last command); staprun's messages for what wordexp cannot split
out=$("$run" -c "echo piped | tr i I; echo cmd=\$\$" "$tmp/target_begin.stpb" 2>&1); rc=$?
t=$(sed -n 's/^begin target=//p' <<<"$out")
expect "-c shell syntax" "begin target=$t|pIped|cmd=$t|end|0" "$(tr '\n' '|' <<<"$out")$rc"
out=$("$run" -c "echo 'open" "$tmp/target_begin.stpb" 2>&1); rc=$?
expect "-c unmatched quote" "ERROR: wordexp: syntax error (unmatched quotes?) in -c COMMAND|1" "$(tr '\n' '|' <<<"$out")$rc"
out=$("$run" -c "  " "$tmp/target_begin.stpb" 2>&1); rc=$?
expect "-c empty" "ERROR: empty -c COMMAND|1" "$(tr '\n' '|' <<<"$out")$rc"

# -c: the command's exit ends a run that would otherwise go on (timer.ms(100) forever)
start=$(date +%s%N)
out=$("$run" -c 'sleep 0.3' "$tmp/count_until_end.stpb" 2>&1); rc=$?
ms=$((($(date +%s%N) - start) / 1000000))
if [ "$rc" = 0 ] && [ "$ms" -lt 2000 ] && grep -q '^end n=' <<<"$out"; then ok; else bad "-c ends the run" "$out rc=$rc ms=$ms"; fi

# -x PID: target() is PID and the run ends when PID exits
sleep 0.5 & pid=$!
out=$("$run" -x "$pid" "$tmp/count_until_end.stpb" 2>&1); rc=$?
expect "-x PID" "target=$pid rc=0" "$(sed -n 's/^end n=[0-9]* //p' <<<"$out") rc=$rc"
wait "$pid" 2>/dev/null

# SIGINT and SIGTERM run the end probes and exit 0
for sig in INT TERM HUP; do
	"$run" -o "$tmp/sig.txt" "$tmp/count_until_end.stpb" 2>"$tmp/sig.err" & pid=$!
	for _ in $(seq 100); do grep -q ready "$tmp/sig.txt" 2>/dev/null && break; sleep 0.05; done
	sleep 0.25
	kill -$sig $pid; wait $pid; rc=$?
	if [ "$rc" = 0 ] && grep -q '^end n=[1-9]' "$tmp/sig.txt" && [ ! -s "$tmp/sig.err" ]; then ok; else bad "SIG$sig runs end" "$(cat "$tmp/sig.txt" "$tmp/sig.err") rc=$rc"; fi
done

# a runtime error: reported, the run aborts (MAXERRORS 0), the closing warning, exit code 1
out=$("$run" "$tmp/divzero_timer.stpb" 2>&1); rc=$?
expect "runtime errors" "ERROR: division by 0|WARNING: Number of errors: 1, skipped probes: 0|rc=1" \
	"$(tr '\n' '|' <<<"$out")rc=$rc"

# a kernel probe point names what it needs; corrupt bytes are rejected with the verifier's reason
out=$("$run" "$tmp/kernel_probe.stpb" 2>&1); rc=$?
expect "kernel probe point" "ERROR: module $tmp/kernel_probe.stpb rejected: probe point 'kernel.function(\"vfs_read\")' is not available on the userspace runtime: it needs the kernel runtime (the stapvm.ko module, /dev/stapvm) rc=1" "$out rc=$rc"
out=$("$run" "$tmp/profile_probe.stpb" 2>&1); rc=$?
expect "timer.profile" "ERROR: module $tmp/profile_probe.stpb rejected: probe point 'timer.profile' is not available on the userspace runtime: it needs the kernel runtime (the stapvm.ko module, /dev/stapvm) rc=1" "$out rc=$rc"
head -c 100 /dev/urandom >"$tmp/junk.stpb"
out=$("$run" "$tmp/junk.stpb" 2>&1); rc=$?
if [ "$rc" = 1 ] && grep -q "^ERROR: module $tmp/junk.stpb rejected: " <<<"$out"; then ok; else bad "junk module" "$out rc=$rc"; fi
out=$("$run" "$tmp/missing.stpb" 2>&1); rc=$?
expect "missing module" "ERROR: cannot open module $tmp/missing.stpb: No such file or directory rc=1" "$out rc=$rc"

# a closed output pipe is reported as lost output, not a silent kill
out=$("$run" -c 'sleep 0.2' "$tmp/target_begin.stpb" 2>&1 >/dev/full); rc=$?
if [ "$rc" = 1 ] && grep -q 'bytes of output were lost (No space left on device)' <<<"$out"; then ok; else bad "lost output" "$out rc=$rc"; fi

# -S SIZE[,N] as staprun: FILE.0, FILE.1, ... each once the one before holds more than SIZE MB (the
# switch comes before the write after that, so a file ends a little over: 17 hits of 64128 bytes);
# with N only the newest N are kept
mkdir "$tmp/rot" && (cd "$tmp/rot" && "$run" -o out -S 1 "$tmp/bulk_output.stpb"); rc=$?
expect "-S 1" "out.0:1090176 out.1:1090176 out.2:384768 rc=0" "$(cd "$tmp/rot" && for f in *; do printf '%s:%s ' "$f" "$(stat -c %s "$f")"; done)rc=$rc"
rm -f "$tmp"/rot/* && "$run" -o "$tmp/rot/out" -S 1,2 "$tmp/bulk_output.stpb"; rc=$?
expect "-S 1,2" "out.1 out.2 rc=0" "$(cd "$tmp/rot" && echo *) rc=$rc"
out=$("$run" -S 1 "$tmp/timer_exit.stpb" 2>&1); rc=$?
expect "-S without -o" "You have to specify output FILE with '-S' option.|Usage: stapvm-run [-o FILE [-S SIZE[,N]] [-F]] [-T SECONDS] [-c CMD | -x PID] [--format=text|json]|rc=1" \
	"$(head -2 <<<"$out" | tr '\n' '|')rc=$rc"
# -h and --help: the usage on stdout, exit 0 (the man page is stapvm-run(8), packaging/man/)
out=$("$run" --help 2>/dev/null); rc=$?
expect "--help" "Usage: stapvm-run [-o FILE [-S SIZE[,N]] [-F]] [-T SECONDS] [-c CMD | -x PID] [--format=text|json]|rc=0" \
	"$(head -1 <<<"$out" | tr '\n' '|')rc=$rc"
expect "-h is --help" "$out" "$("$run" -h 2>/dev/null)"
out=$("$run" -S 1x -o "$tmp/x" "$tmp/timer_exit.stpb" 2>&1); rc=$?
expect "-S invalid" "Invalid file size option '1x'.|rc=1" "$(head -1 <<<"$out" | tr '\n' '|')rc=$rc"

# -o FILE with strftime formats, expanded as staprun does when it opens the file
rm -f "$tmp"/rot/* && day=$(date +%Y%m%d) && "$run" -o "$tmp/rot/log-%Y%m%d.txt" "$tmp/timer_exit.stpb"; rc=$?
expect "-o strftime" "log-$day.txt n=10 rc=0" "$(cd "$tmp/rot" && echo * "$(cat ./*)") rc=$rc"
out=$("$run" -o "$tmp/nodir/x" "$tmp/timer_exit.stpb" 2>&1); rc=$?
expect "-o unwritable" "ERROR: Couldn't open output file $tmp/nodir/x: No such file or directory rc=1" "$out rc=$rc"

# -F -o: staprun -D: the loader returns at once, printing the daemon's pid, which writes the file (stapvm-run, named stapio once it runs the session, as staprun -D's daemon is)
out=$("$run" -F -o "$tmp/rot/daemon.out" -T 1 "$tmp/count_until_end.stpb" 2>&1); rc=$?
if [ "$rc" = 0 ] && [[ "$out" =~ ^[0-9]+$ ]] && [[ "$(ps -o comm= -p "$out")" =~ ^(stapvm-run|stapio)$ ]]; then ok; else bad "-F -o prints the daemon's pid" "$out rc=$rc"; fi
for _ in $(seq 50); do kill -0 "$out" 2>/dev/null || break; sleep 0.1; done
if grep -q '^end n=' "$tmp/rot/daemon.out" && ! kill -0 "$out" 2>/dev/null; then ok; else bad "-F daemon ran to its end" "$(cat "$tmp/rot/daemon.out")"; fi
out=$("$run" -F "$tmp/timer_exit.stpb" 2>&1); rc=$?
expect "-F without -o" "ERROR: -F without -o is not available: stap keeps the output in the kernel's buffer for a later 'staprun -A', but a stapvm session ends when its loader exits, on either runtime; use -F -o FILE rc=1" "$out rc=$rc"
out=$("$run" -F -o "$tmp/x" -c true "$tmp/timer_exit.stpb" 2>&1); rc=$?
expect "-F with -c" "You can't specify the '-D' and '-c' options together.|rc=1" "$(head -1 <<<"$out" | tr '\n' '|')rc=$rc"

# --format=json: each line a record, JSON-escaped; the unended last line too (docs/json-output.md)
out=$("$run" --format=json "$tmp/json_lines.stpb" 2>&1); rc=$?
expect "--format=json" '{"type":"print","data":"a"}|{"type":"print","data":"b \"q\" \\ \t\u0001 é"}|{"type":"print","data":"tail"}|rc=0' "$(tr '\n' '|' <<<"$out")rc=$rc"
out=$("$run" --format=xml "$tmp/json_lines.stpb" 2>&1); rc=$?
expect "--format=xml" "ERROR: invalid --format 'xml' (text or json) rc=1" "$out rc=$rc"

echo "run: $pass passed, $fail failed"
[ "$fail" = 0 ]
