#!/usr/bin/env bash
# priv_test.sh BUILD: stapvm-run as a user other than root (docs/privilege.md): a stapusr module runs on
# the userspace runtime, a stapdev one is refused, and so is -x of another uid's process. Needs root
# and setpriv to become that user; else it skips. Prints "priv: P passed, F failed".
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
if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null; then
	echo "priv: skipped (needs root and setpriv)"; echo "priv: 0 passed, 0 failed"; exit 0
fi
nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }

python3 "$as" "$here/run/timer_exit.s" "$tmp/dev.stpb" || bad "assemble timer_exit.s"
{ echo ".limits flags=8"; cat "$here/run/timer_exit.s"; } > "$tmp/usr.s"   # PRIV_STAPUSR (format.def)
python3 "$as" "$tmp/usr.s" "$tmp/usr.stpb" || bad "assemble the stapusr module"
chmod 755 "$tmp"; chmod 644 "$tmp"/*.stpb

r=$(nobody "$run" --runtime=user "$tmp/usr.stpb" 2>&1); rc=$?
expect "a stapusr module runs" "n=10 rc=0" "$r rc=$rc"
r=$(nobody "$run" --runtime=user "$tmp/dev.stpb" 2>&1); rc=$?
expect "a stapdev module is refused" "ERROR: module $tmp/dev.stpb rejected: privilege: a user other than root may run only modules compiled --privilege=stapusr (stapvm --privilege=stapusr -p4) rc=1" "$r rc=$rc"
sleep 100 & p=$!
r=$(nobody "$run" --runtime=user -x $p "$tmp/usr.stpb" 2>&1); rc=$?
expect "another uid's process is refused" "ERROR: process $p belongs to uid 0: a user other than root may trace only their own processes rc=1" "$r rc=$rc"
kill $p; wait $p 2>/dev/null
r=$("$run" --runtime=user "$tmp/dev.stpb" 2>&1); rc=$?
expect "root runs a stapdev module" "n=10 rc=0" "$r rc=$rc"
echo "priv: $pass passed, $fail failed"
