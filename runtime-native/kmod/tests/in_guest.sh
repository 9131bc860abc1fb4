# in_guest.sh (sourced by run.sh and signing.sh): in_guest LOG ARGS... boots the guest with
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
