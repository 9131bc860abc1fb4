#!/bin/bash
# bench/java: per-call cost of a Java method probed by java() with an empty handler, against the same
# method unprobed, before and after the session, in one JVM (Bench.java). Each figure is the median of
# RUNS rounds; a round times CALLS calls (UNPROBED_CALLS without a session: a call costs ~1 ns there).
# The session runs on the userspace runtime (bin/stapvm -x): each hit is a ptrace round trip.
# Usage: bench/java/run.sh   (RUNS=5 CALLS=2000 UNPROBED_CALLS=20000000 METHOD=work; METHOD="work(int)"
# names the signature: the argument then passes as a number, without its toString())
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd) root=$(cd "$here/../.." && pwd)
runs=${RUNS:-5} calls=${CALLS:-2000} unprobed=${UNPROBED_CALLS:-20000000} method=${METHOD:-work}
tmp=$(mktemp -d)
trap 'kill "$jp" "${sp:-}" 2>/dev/null; rm -rf "$tmp"' EXIT
javac -d "$tmp" "$here/Bench.java"
coproc JVM { exec java -cp "$tmp" Bench; }
jp=$JVM_PID
read -r line <&"${JVM[0]}"; [ "$line" = ready ]
# RUNS rounds of N calls: their median ns per call
median() {
    local n=$1 out=()
    for _ in $(seq 3); do echo "$n" >&"${JVM[1]}"; read -r _ <&"${JVM[0]}"; done   # warm-up (JIT)
    for _ in $(seq "$runs"); do echo "$n" >&"${JVM[1]}"; read -r v <&"${JVM[0]}"; out+=("$v"); done
    printf '%s\n' "${out[@]}" | sort -g | sed -n "$(( (runs + 1) / 2 ))p"
}
before=$(median "$unprobed")
"$root/bin/stapvm" -x "$jp" -e "probe begin { printf(\"armed\\n\") } probe java($jp).class(\"Bench\").method(\"$method\") { }" \
    > "$tmp/stapvm.out" 2>&1 & sp=$!
for _ in $(seq 600); do grep -q '^armed$' "$tmp/stapvm.out" && break; kill -0 "$sp" || { cat "$tmp/stapvm.out"; exit 1; }; sleep 0.2; done
probed=$(median "$calls")
kill -TERM "$sp"; wait "$sp" || true; sp=   # (a background job ignores SIGINT)
after=$(median "$unprobed")
echo "quit" >&"${JVM[1]}"
echo "ns per call: unprobed before $before, probed (empty handler) $probed, unprobed after $after (median of $runs)"
