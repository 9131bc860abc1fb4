#!/bin/bash
# Runs one command inside a throw-away QEMU (TCG) guest booted on the Debian kernel, with the
# host root shared read-only over 9p (plus a tmpfs overlay), and exits with its exit code.
#
# Usage: run-in-guest.sh [--timeout S] [--mem MiB] [--smp N] [--keep-dmesg FILE]
#                        [--console] [--time] [--env NAME=VALUE]... [--share DIR]...
#                        [--qemu ARG]... -- COMMAND [ARG]...
# Exit: COMMAND's code; 99 kernel trouble in the guest dmesg (Oops, BUG:, WARNING:, Call Trace,
# general protection); 124 hard timeout (QEMU killed); 125 no exit status came back (the
# guest failed to boot or panicked; the console tail is printed) or bad usage.
#
# I/O: a second, writable 9p share ("guestio", a host temp dir) carries cmd.sh in and the
# command's stdout, stderr, exit status and dmesg out. Writes there are uncached, so the host
# streams stdout/stderr with tail -f while the guest runs; the serial console (ttyS0) only
# carries kernel messages and goes to a log shown on failure (or live with --console).
# Everything else the guest writes lands in a tmpfs overlay and is discarded; --share DIR makes
# host directory DIR writable in the guest (same path), for results that must outlive the run.
# --qemu ARG passes ARG on to QEMU (e.g. --qemu -icount --qemu shift=0,sleep=off for the benchmarks'
# instruction-counted clock).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
timeout_s=300 mem=2048 smp=2 keep_dmesg="" console=0 show_time=0
envs=() shares=() qemu_args=()

usage() { sed -n '/^# Usage:/,/^#$/p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 125; }
while [ $# -gt 0 ]; do
    case "$1" in --timeout|--mem|--smp|--keep-dmesg|--env|--share|--qemu) [ $# -ge 2 ] || usage ;; esac
    case "$1" in
        --timeout)    timeout_s=$2; shift 2 ;;
        --mem)        mem=$2; shift 2 ;;
        --smp)        smp=$2; shift 2 ;;
        --keep-dmesg) keep_dmesg=$2; shift 2 ;;
        --env)        envs+=("$2"); shift 2 ;;
        --share)      shares+=("$(realpath -e "$2")"); shift 2 ;;
        --qemu)       qemu_args+=("$2"); shift 2 ;;
        --console)    console=1; shift ;;
        --time)       show_time=1; shift ;;
        --)           shift; break ;;
        *)            usage ;;
    esac
done
[ $# -gt 0 ] || usage

"$here/deps.sh" >&2
kver=$("$here/kver.sh")
initrd=$here/build/initramfs-$kver.cpio.gz
if [ ! -f "$initrd" ] || [ "$here/init.sh" -nt "$initrd" ] || [ "$here/mkinitramfs.sh" -nt "$initrd" ]; then
    "$here/mkinitramfs.sh" >&2
fi

# Boot the uncompressed ELF kernel (PVH entry, ~3 s faster under TCG) when it can be extracted;
# GUEST_KERNEL=/boot/vmlinuz-KVER forces the ordinary bzImage path.
kernel=${GUEST_KERNEL:-}
[ -n "$kernel" ] || kernel=$("$here/extract-vmlinux.sh" "$kver") || kernel=/boot/vmlinuz-$kver

io=$(mktemp -d "${TMPDIR:-/tmp}/guestio.XXXXXX")
bg=()
cleanup() {
    for p in "${bg[@]}"; do kill "$p" 2>/dev/null || true; done
    rm -rf "$io"
}
trap cleanup EXIT
trap 'exit 125' INT TERM

# The command as a bash script: same PATH and working directory as here, arguments quoted.
{
    echo "# written by run-in-guest.sh"
    printf 'export PATH=%q HOME=/root TERM=dumb LANG=%q\n' "$PATH" "${LANG:-C.UTF-8}"
    [ -z "${JAVA_HOME:-}" ] || printf 'export JAVA_HOME=%q\n' "$JAVA_HOME"
    for e in "${envs[@]}"; do printf 'export %s=%q\n' "${e%%=*}" "${e#*=}"; done
    for i in "${!shares[@]}"; do
        printf 'mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000,cache=none share%d %q || exit 125\n' \
            "$i" "${shares[$i]}"
    done
    printf 'cd -- %q || exit 125\n' "$PWD"
    printf '%q ' "$@"; echo
} >"$io/cmd.sh"
: >"$io/stdout"; : >"$io/stderr"; : >"$io/console.log"

share_opts=()
for i in "${!shares[@]}"; do
    share_opts+=(-virtfs "local,path=${shares[$i]},mount_tag=share$i,security_model=none,multidevs=remap")
done

# One TCG thread for all vCPUs (GUEST_ACCEL overrides): QEMU 7.2's multi-threaded TCG can keep running a
# translation of code another vCPU has since rewritten. The kernel rewrites code live (ftrace call sites
# and kprobes, through text_poke_bp's temporary int3), so a vCPU went on taking an int3 that memory no
# longer held: the kernel, finding a nop there, resumed at the same place (both vCPUs stuck at
# __kmalloc+0x0, soft lockup), or, with an ftrace-based kprobe at that address, "single-stepped" it
# through its NULL instruction slot (RIP 0 on both vCPUs: issue 17's oops; kmod's alloc-probes-churn test).
accel=${GUEST_ACCEL:-tcg,thread=single}
start=$(date +%s.%N)
# -nodefaults: no NIC/VGA to probe. -no-reboot + panic=-1: a guest panic ends QEMU at once.
# Lockup/stall detectors get their longest thresholds: TCG on a busy host is slow, not stuck.
timeout -k 5 "$timeout_s" qemu-system-x86_64 \
    -accel "$accel" -nodefaults -nographic -no-reboot -monitor none \
    -m "$mem" -smp "$smp" \
    -kernel "$kernel" -initrd "$initrd" \
    -append "console=ttyS0 loglevel=5 panic=-1 rdinit=/init watchdog_thresh=60 rcupdate.rcu_cpu_stall_timeout=300" \
    -chardev "file,id=con,path=$io/console.log" -serial chardev:con \
    -virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap \
    -virtfs "local,path=$io,mount_tag=guestio,security_model=none,multidevs=remap" \
    "${share_opts[@]}" "${qemu_args[@]}" </dev/null >"$io/qemu.log" 2>&1 &
qpid=$!
bg+=("$qpid")
tail -n +1 -s 0.1 -f --pid="$qpid" "$io/stdout" & bg+=($!)
tail -n +1 -s 0.1 -f --pid="$qpid" "$io/stderr" >&2 & bg+=($!)
[ "$console" = 0 ] || { tail -n +1 -s 0.1 -f --pid="$qpid" "$io/console.log" >&2 & bg+=($!); }

qrc=0
wait "$qpid" || qrc=$?
wait "${bg[@]:1}" 2>/dev/null || true   # the tails end by themselves once QEMU is gone
end=$(date +%s.%N)

show_console() {   # the console has SeaBIOS's terminal escapes: strip them
    # the reason first: a long call trace can push it out of the tail
    grep -a -E 'Kernel panic|BUG:|Oops|general protection' "$io/console.log" 2>/dev/null | head -n 5 |
        sed 's/^/run-in-guest: /' >&2 || true
    echo "run-in-guest: last guest console lines:" >&2
    tail -n 40 "$io/console.log" "$io/qemu.log" | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g' >&2
    # no dmesg file without a finished command: keep the console, the nearest thing to it
    [ -z "$keep_dmesg" ] || cp "$io/console.log" "$keep_dmesg"
}
if [ "$qrc" = 124 ] || [ "$qrc" = 137 ]; then
    echo "run-in-guest: TIMEOUT after ${timeout_s}s, QEMU killed" >&2
    show_console; exit 124
fi
if [ ! -f "$io/status" ]; then
    echo "run-in-guest: no exit status from the guest: boot failure or kernel panic (QEMU exit $qrc)" >&2
    [ ! -f "$io/init-error" ] || cat "$io/init-error" >&2
    show_console; exit 125
fi
status=$(cat "$io/status")

[ -z "$keep_dmesg" ] || cp "$io/dmesg" "$keep_dmesg"
if [ "$show_time" = 1 ]; then
    read -r boot _ <"$io/uptime-start"; read -r done _ <"$io/uptime-end"
    awk -v b="$boot" -v d="$done" -v s="$start" -v e="$end" 'BEGIN {
        printf "run-in-guest: boot %.1fs (guest uptime at command start), command %.1fs, total %.1fs\n",
               b, d - b, e - s }' >&2
fi
pattern='Oops|BUG:|WARNING:|Call Trace|general protection'
if grep -Eq "$pattern" "$io/dmesg"; then
    echo "run-in-guest: kernel problems in the guest dmesg (command exit was $status):" >&2
    grep -E "$pattern" "$io/dmesg" >&2
    exit 99
fi
exit "$status"
