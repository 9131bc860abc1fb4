# guest_rows.sh: sourced by the benches' guest scripts (bench/syscall, bench/tracepoint): rows of one load,
# each timed while one tracer is attached. The caller sets w (the load program: prints ns/call) and N.
# t[ROW] collects each row's figures; each is also printed as measured, so a run cut short shows what it got.
declare -A t
wait_for() { for _ in $(seq 1 1200); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done; return 1; }
add() { t[$1]="${t[$1]:-} $2"; echo "  $1 $2 ns/call"; }
attached() {  # attached ROW LOG READY CMD...: time the load while CMD runs (started, ready, stopped by SIGINT)
    local row=$1 log=$2 ready=$3; shift 3
    "$@" > "$log" 2>&1 & local k=$!
    if ! wait_for "$log" "$ready"; then echo "$row: not ready: $(head -c 300 "$log")"; kill -INT $k; wait $k; return; fi
    add "$row" "$($w $N)"; kill -INT $k; wait $k
    echo "$row: $(grep -E '^n=|^@n' "$log" | tr -d '\n')"
}
# the median of the figures on stdin (any count; the lower middle of an even count)
med() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
