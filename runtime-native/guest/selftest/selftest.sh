#!/bin/bash
# Self-test of the guest harness (make check): builds the hello module on the host, then
# boots the guest four times: one boot running selftest/in-guest.sh (uname, /proc/version,
# cwd, argument quoting, stderr, java -version, insmod/rmmod, exit code 3), one loading the
# module with warn=1 (the dmesg check must fail the run with 99), one with a 2 s timeout
# (must end with 124, not hang), one panicking the guest kernel (must end with 125).
# Prints "N passed, M failed"; exits 1 if anything failed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
guest=$(dirname "$here")
run=$guest/run-in-guest.sh
kver=$("$guest/kver.sh")
out=$guest/build/selftest
pass=0 fail=0
t0=$(date +%s)

check() {  # check NAME COMMAND...: one test result; a failure shows the command's output
    if "${@:2}" >"$out/check.log" 2>&1; then pass=$((pass + 1)); echo "ok   $1"
    else fail=$((fail + 1)); echo "FAIL $1"; tail -n 20 "$out/check.log" | sed 's/^/     /'; fi
}
has() { grep -qF -- "$2" "$1"; }   # has FILE TEXT

# Build out of the source tree so selftest/hello stays clean.
rm -rf "$out"; mkdir -p "$out/hello"
cp "$here/hello/hello.c" "$here/hello/Kbuild" "$out/hello/"
check "hello module builds against /lib/modules/$kver/build" \
    make -C "/lib/modules/$kver/build" M="$out/hello" modules
[ -f "$out/hello/hello.ko" ] || { echo "$pass passed, $fail failed"; exit 1; }

# Boot 1: many checks in one boot, run from the guest dir to check the cwd is preserved.
cd "$guest"
rc=0
mkdir -p "$out/shared"
"$run" --time --keep-dmesg "$out/dmesg" --env "SELFTEST_ENV=a \$b" --share "$out/shared" -- bash selftest/in-guest.sh "$out/hello" "two words" "$out/shared" \
    >"$out/stdout" 2>"$out/stderr" || rc=$?
check "exit code 3 is propagated (got $rc)" test "$rc" = 3
check "uname -r is $kver"                  has "$out/stdout" "uname: $kver"
check "/proc/version names $kver"          has "$out/stdout" "version: Linux version $kver"
check "working directory is preserved"     has "$out/stdout" "cwd: $guest"
check "arguments keep their spaces"        has "$out/stdout" "arg: two words"
check "--env passes a variable verbatim"   has "$out/stdout" 'env: a $b'
check "stderr reaches the host's stderr"   has "$out/stderr" "to-stderr marker"
check "stderr stays out of stdout"         bash -c "! grep -q to-stderr '$out/stdout'"
check "java -version runs in the guest"    has "$out/stdout" "java: openjdk version"
check "insmod of the host-built module"    has "$out/stdout" "insmod: ok"
check "module listed in /proc/modules"     has "$out/stdout" "lsmod: ok"
check "rmmod"                              has "$out/stdout" "rmmod: ok"
check "dmesg shows the module's hello"     has "$out/dmesg" "stapvm-guest-selftest: hello"
check "dmesg shows the module's goodbye"   has "$out/dmesg" "stapvm-guest-selftest: goodbye"
check "no kernel warnings in dmesg"        bash -c "! grep -Eq 'Oops|BUG:|WARNING:|Call Trace|general protection' '$out/dmesg'"
check "--share: a file written in the guest stays" has "$out/shared/from-guest" "written in the guest"
timing=$(grep '^run-in-guest: boot' "$out/stderr" || echo "run-in-guest: (no timing)")

# Boot 2: a WARN_ON in the guest kernel must fail the run with 99 and show the line.
rc=0
"$run" -- insmod "$out/hello/hello.ko" warn=1 >"$out/warn.stdout" 2>"$out/warn.stderr" || rc=$?
check "guest WARNING fails the run with 99 (got $rc)" test "$rc" = 99
check "the offending dmesg line is printed" has "$out/warn.stderr" "WARNING:"

# Boot 3: the hard timeout kills QEMU instead of hanging.
rc=0; t=$(date +%s)
"$run" --timeout 2 -- sleep 600 >/dev/null 2>"$out/timeout.stderr" || rc=$?
check "hard timeout ends the run with 124 (got $rc)" test "$rc" = 124
check "timeout took under 20 s ($(( $(date +%s) - t )) s)" test $(( $(date +%s) - t )) -lt 20

# Boot 4: a guest kernel panic ends QEMU at once (panic=-1, -no-reboot) and fails with 125.
rc=0
"$run" -- bash -c 'echo c >/proc/sysrq-trigger' >/dev/null 2>"$out/panic.stderr" || rc=$?
check "guest panic fails the run with 125 (got $rc)" test "$rc" = 125
check "the panic shows in the console excerpt" has "$out/panic.stderr" "Kernel panic"

echo "${timing#run-in-guest: }"
echo "self-test total $(( $(date +%s) - t0 )) s"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
