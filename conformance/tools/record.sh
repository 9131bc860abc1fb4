#!/bin/bash
# Records the expected behaviour of real SystemTap 4.8 for conformance/cases/*.stp.
#
# Usage: conformance/tools/record.sh [-j N] [CASE.stp|NAME]...   (default: every case)
#
# For each case NAME.stp it writes, next to the script:
#   NAME.out  stdout of the run          NAME.err  stderr of the run
#   NAME.rc   exit code of the run
# Pipeline:
#   1. host: `stap -R RUNTIME -r KVER -p4 -m conf_NAME [opts] NAME.stp [args]` builds conf_NAME.ko
#      (run from inside conformance/cases, so locations in messages read `NAME.stp:L:C`).
#      KVER is the guest kernel's release (runtime-native/guest/kver.sh: $KVER, else the newest
#      installed linux-image-amd64), so the modules match the kernel the guest boots.
#      RUNTIME is a copy of /usr/share/systemtap/runtime with the one fix Debian 12's 6.1 kernels
#      need (task_work_cancel -> task_work_cancel_func in stp_task_work.c), made by this tool.
#      If pass 1-4 fails, the case's expectation IS that failure: stap's stderr and exit code
#      (stdout is stap's stdout, normally empty).
#      If it builds, the warnings stap printed while building (pass 2) are the start of the
#      case's stderr, as a full `stap NAME.stp` run prints them before running; stap's closing
#      "Number of similar warning messages suppressed" lines come after the run's own stderr.
#   2. guest: ONE QEMU boot (runtime-native/guest/run-in-guest.sh) runs every built module as
#      `timeout -s TERM T staprun conf_NAME.ko`, capturing stdout/stderr/exit code.
#      T is `# timeout: N` from the script (default 15 s; TCG is slow). A case whose run hit the
#      timeout gets rc 124 from timeout(1) — such a case is a bug in the case, fix it.
# Environment: CONF_WORK=DIR work directory (default /tmp/conf-record); RUN_ONLY=1 skips pass 4
#   and runs the modules already in DIR/ko; BUILD_DEADLINE=EPOCH skips builds started after it.
# Header lines a case may start with (comment lines, before any code):
#   # args: A B C          script arguments ($1 @1 $#), passed to stap at -p4 time
#   # stap-opts: -D X=1    extra stap options (pass-4 time)
#   # timeout: N           per-case run timeout in seconds
# Normalisation rules (the only ones; everything else is recorded byte for byte):
#   R1. compile-failure stderr: the host-only line
#       `WARNING: Kernel function symbol table missing [man warning::symbols]` is deleted
#       (it comes from -r KVER cross-compiling on a host without that kernel's System.map
#       readable, and is not part of the script's behaviour).
#   R2. The module name is conf_NAME (NAME with non-alnum chars as _); any occurrence of it in
#       recorded output is left as is: stapvm must print `conf_NAME` where stap would print the
#       module name, or the test harness substitutes its own module name for `conf_NAME`.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
conf=$(dirname "$here")
cases=$conf/cases
root=$(cd "$conf/.." && pwd)
KVER=$("$root/runtime-native/guest/kver.sh") || exit 1
jobs=2
[ "${1:-}" = -j ] && { jobs=$2; shift 2; }

work=${CONF_WORK:-/tmp/conf-record}
rt=$work/runtime
mkdir -p "$work/ko"
if [ ! -f "$rt/stp_task_work.c" ]; then
    rm -rf "$rt"; cp -r /usr/share/systemtap/runtime "$rt"
    sed -i 's/task_work_cancel(task, func)/task_work_cancel_func(task, func)/' "$rt/stp_task_work.c"
fi

names=()
if [ $# -eq 0 ]; then
    for f in "$cases"/*.stp; do names+=("$(basename "$f" .stp)"); done
else
    for a in "$@"; do a=$(basename "$a"); names+=("${a%.stp}"); done
fi

hdr() {  # hdr FILE KEY -> value of the leading `# KEY: value` line
    awk -v k="$2" '!/^#/ {exit} { if (index($0, "# " k ":") == 1) { sub("^# " k ": *", ""); print; exit } }' "$1"
}
modname() { echo "conf_$(echo "$1" | tr -c 'A-Za-z0-9_\n' '_')"; }

build_one() {  # build_one NAME: pass 4 on the host
    local n=$1 m; m=$(modname "$n")
    if [ -n "${BUILD_DEADLINE:-}" ] && [ "$(date +%s)" -ge "$BUILD_DEADLINE" ]; then
        echo "skipped (BUILD_DEADLINE): $n" >&2; return 0
    fi
    local opts args
    opts=$(hdr "$cases/$n.stp" stap-opts); args=$(hdr "$cases/$n.stp" args)
    rm -f "$work/ko/$m.ko" "$work/ko/$n.compile-failed"
    # opts/args are shell words: split as the shell would, quotes included (-E 'probe end {...}')
    (cd "$cases" && eval "stap -R \"\$rt\" -r \"\$KVER\" -p4 -m \"\$m\" $opts \"\$n.stp\" $args" \
        >"$work/ko/$n.cout" 2>"$work/ko/$n.cerr"); local rc=$?
    if [ $rc -ne 0 ] || [ ! -f "$cases/$m.ko" ]; then
        cp "$work/ko/$n.cout" "$cases/$n.out"
        grep -v '^WARNING: Kernel function symbol table missing \[man warning::symbols\]$' \
            "$work/ko/$n.cerr" >"$cases/$n.err"      # rule R1
        echo "$rc" >"$cases/$n.rc"
        touch "$work/ko/$n.compile-failed"
        echo "compile-failed rc=$rc: $n" >&2
    else
        mv "$cases/$m.ko" "$work/ko/$m.ko"
        echo "built: $n" >&2
    fi
}
export -f build_one hdr modname
export cases work rt KVER BUILD_DEADLINE

[ -n "${RUN_ONLY:-}" ] || printf '%s\n' "${names[@]}" | xargs -P "$jobs" -I{} bash -c 'build_one "$@"' _ {}

# One guest boot for every module that built.
out=$work/guest; rm -rf "$out"; mkdir -p "$out"
{
    echo 'cd '"$work/ko"
    for n in "${names[@]}"; do
        m=$(modname "$n")
        [ -f "$work/ko/$m.ko" ] || continue
        t=$(hdr "$cases/$n.stp" timeout); t=${t:-15}
        printf 'timeout -s TERM %s staprun %s.ko >%s/%s.out 2>%s/%s.err; echo $? >%s/%s.rc\n' \
            "$t" "$m" "$out" "$n" "$out" "$n" "$out" "$n"
    done
} >"$out/run.sh"
cnt=$(grep -c staprun "$out/run.sh")
echo "running $cnt modules in one guest boot" >&2
if [ "$cnt" -gt 0 ]; then
    "$root/runtime-native/guest/run-in-guest.sh" --timeout 3000 --share "$out" --share "$work/ko" -- bash "$out/run.sh"
    echo "guest exit: $?" >&2
fi
for n in "${names[@]}"; do
    [ -f "$out/$n.rc" ] || continue
    cp "$out/$n.out" "$out/$n.rc" "$cases/"
    cerr=$work/ko/$n.cerr tail='^(Number of similar warning messages suppressed: [0-9]+\.|Rerun with -v to see them\.)$'
    {   grep -v '^WARNING: Kernel function symbol table missing \[man warning::symbols\]$' "$cerr" \
            | grep -Ev "$tail"                                 # rule R1; pass-2 warnings first
        cat "$out/$n.err"
        grep -E "$tail" "$cerr"
    } >"$cases/$n.err"
    echo "recorded: $n rc=$(cat "$out/$n.rc")" >&2
done
