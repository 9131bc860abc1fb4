#!/usr/bin/env bash
# compile_cache.sh: the compile cache from the stapvm command (bin/compile-cache.bash, CompileCache.java).
# A repeated command runs its cached module without the JVM and prints what the compiled run printed;
# a change to anything the module depends on (the script, a tapset, a probed binary) is a new compile.
# Ends with "N passed, F failed"; exit 1 on a failure.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SYSTEMTAP_DIR=$tmp/systemtap STAPVM_CACHE_REPORT=1
pass=0 fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
expect() {
    if [ "$2" == "$3" ]; then ok "$1"; return; fi
    bad "$1"; diff <(echo "$2") <(echo "$3") | sed 's/^/    /'
}
# runs bin/stapvm ARGS; $out, $err (without the cache's report line), $rc and $report (hit/miss/none)
stapvm() {
    (cd "$tmp" && "$root/bin/stapvm" "$@") > "$tmp/out" 2> "$tmp/err"; rc=$?
    out=$(cat "$tmp/out")
    report=$(sed -n 's/^stapvm: compile cache \(hit\|miss\): .*/\1/p' "$tmp/err")
    [ -n "$report" ] || report=none
    err=$(grep -v '^stapvm: compile cache \(hit\|miss\): ' "$tmp/err")
}

hello='probe begin { println("hello") exit() }'
stapvm -e "$hello"
expect "first run compiles" "miss hello 0" "$report $out $rc"
stapvm -e "$hello"
expect "the same command again runs the cached module" "hit hello 0" "$report $out $rc"
entries=$(ls "$SYSTEMTAP_DIR/cache/stapvm" | wc -l)
expect "one entry in \$SYSTEMTAP_DIR/cache/stapvm" 1 "$entries"

# what the compile printed on stderr comes again on a hit; a failing run's exit code too
warn='probe begin { x = 1; error("boom") }'
stapvm -e "$warn"; first="$err|$rc"
stapvm -e "$warn"
expect "a hit prints the compile's warnings and the run's error, exit 1" "hit $first" "$report $err|$rc"
case "$first" in *"Eliding assignment to 'x'"*"ERROR: boom"*"|1") ok "the warning and the error are there" ;; *) bad "the warning and the error are there: $first" ;; esac

# a script file: editing it is a new compile
echo 'probe begin { println("one") exit() }' > "$tmp/s.stp"
stapvm s.stp; stapvm s.stp
expect "a script file's second run hits" "hit one" "$report $out"
echo 'probe begin { println("two") exit() }' > "$tmp/s.stp"
stapvm s.stp
expect "an edited script compiles again" "miss two" "$report $out"

# a tapset of -I: its edit, and a tapset file added to its folder, are new compiles
mkdir -p "$tmp/tap"
echo 'function level() { return 1 }' > "$tmp/tap/level.stp"
lv='probe begin { println(level()) exit() }'
stapvm -I tap -e "$lv"; stapvm -I tap -e "$lv"
expect "a -I tapset's second run hits" "hit 1" "$report $out"
echo 'function level() { return 2 }' > "$tmp/tap/level.stp"
stapvm -I tap -e "$lv"
expect "an edited tapset compiles again" "miss 2" "$report $out"
stapvm -I tap -e "$lv"
echo 'function other() { return 3 }' > "$tmp/tap/other.stp"
stapvm -I tap -e "$lv"
expect "a tapset file added to the folder compiles again" "miss 2" "$report $out"

# a probed binary: rebuilt, the cached module (its probe address) must not run
cat > "$tmp/prog.c" <<'C'
#include <stdio.h>
int work(int x) { return x * 2; }
int main(void) { printf("%d\n", work(21)); return 0; }
C
gcc -O0 -g -o "$tmp/prog" "$tmp/prog.c"
printf '#!/bin/sh\nexec %s\n' "$tmp/prog" > "$tmp/run.sh"; chmod +x "$tmp/run.sh"
probe="probe process(\"$tmp/prog\").function(\"work\") { printf(\"x=%d\\n\", \$x) }"
stapvm -c "$tmp/run.sh" -e "$probe"; stapvm -c "$tmp/run.sh" -e "$probe"
expect "a process probe's second run hits" "hit x=21
42" "$report $out"
cat > "$tmp/prog.c" <<'C'
#include <stdio.h>
static int pad(int y) { return y + 1; }
int work(int x) { return pad(x) * 3; }
int main(void) { printf("%d\n", work(7)); return 0; }
C
gcc -O0 -g -o "$tmp/prog" "$tmp/prog.c"
stapvm -c "$tmp/run.sh" -e "$probe"
expect "a rebuilt probed binary compiles again" "miss x=7
24" "$report $out"

# -o on a hit: the loader writes the file
stapvm -o o.txt -e "$hello"; stapvm -o o.txt -e "$hello"
expect "-o on a hit" "hit  hello" "$report $out $(cat "$tmp/o.txt")"

# --disable-cache neither reads nor writes; -v runs are not kept (their pass reports are the run's own)
before=$(ls "$SYSTEMTAP_DIR/cache/stapvm" | wc -l)
stapvm --disable-cache -e 'probe begin { println("d") exit() }'
expect "--disable-cache: no lookup" "none d" "$report $out"
stapvm -v -e "$hello"; stapvm -v -e "$hello"
expect "-v compiles every time" "miss hello" "$report $out"
expect "neither left an entry" "$before" "$(ls "$SYSTEMTAP_DIR/cache/stapvm" | wc -l)"

# --poison-cache compiles again and replaces the entry the plain command then hits
stapvm --poison-cache -e "$hello"
expect "--poison-cache compiles again" "miss hello" "$report $out"
stapvm -e "$hello"
expect "the plain command hits the replaced entry" "hit hello" "$report $out"

# --clean-cache: down to cache_mb_limit (stap's file, written with its default 256 when missing),
# least recently used first
stapvm --clean-cache
expect "--clean-cache alone: nothing printed, exit 0" "|| 0" "|$out|$err $rc"
expect "cache_mb_limit written with stap's default" 256 "$(cat "$SYSTEMTAP_DIR/cache/cache_mb_limit")"
echo 0 > "$SYSTEMTAP_DIR/cache/cache_mb_limit"
stapvm --clean-cache
expect "a limit of 0 MB leaves no entry" 0 "$(ls "$SYSTEMTAP_DIR/cache/stapvm" | wc -l)"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
