# in_guest.sh (sourced by run.sh and signing.sh, which set guest and kmod).
# guest_ready: 0 when the guest can boot stapvm.ko; else its result line printed, and 2 (no QEMU or
# guest kernel outside CI: a skip; deps.sh installs them) or 1 (in CI, or no build/stapvm.ko).
guest_ready() {
    if ! command -v qemu-system-x86_64 >/dev/null || ! "$guest/kver.sh" >/dev/null 2>&1; then
        if [ -n "${CI:-}" ]; then echo "kmod: the guest cannot boot (run runtime-native/guest/deps.sh)"; echo "0 passed, 1 failed"; return 1; fi
        echo "kmod: skipped: no QEMU or guest kernel; runtime-native/guest/deps.sh installs them"
        echo "0 passed, 0 failed"; return 2
    fi
    [ -f "$kmod/build/stapvm.ko" ] || { echo "kmod: build/stapvm.ko missing (no kernel headers?)"; echo "0 passed, 1 failed"; return 1; }
}

# in_guest LOG ARGS... boots the guest with
# run-in-guest.sh ARGS, keeps its output in LOG, and prints the guest's "N passed, F failed" line,
# a failure when the guest went wrong (oops, timeout, no status); returns non-zero on any failure.
in_guest() {
    local log=$1 rc line p
    shift
    "$guest/run-in-guest.sh" "$@" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)
    if [ "$rc" -ne 0 ] || [ -z "$line" ]; then
        p=$(echo "${line:-0 passed}" | sed -E 's/ passed.*//')
        echo "kmod: guest exit $rc (99: oops/BUG/WARNING in dmesg, 124: timeout, 125: no status)"
        echo "$p passed, 1 failed"
        return 1
    fi
    echo "$line"
    [[ "$line" == *" 0 failed" ]]
}
