#!/usr/bin/env bash
# Scaling benchmark (issue 17): pass 1 over a long '+' chain and passes 1-2 over many one-line
# probes, at N, 2N and 4N (N=${N:-5000}); a 4N/N ratio near 4 is linear, near 16 quadratic.
# For comparison, stap -p1 on the 4N chain and stap -p2 on the 4N probes, timed the same way.
set -euo pipefail
home=$(cd "$(dirname "$0")/../.." && pwd)
n=${N:-5000}
kver=$(ls /lib/modules | grep -- '-amd64$' | sort -V | tail -1)
out=$home/bench/out; mkdir -p "$out"
"$home"/bin/stapvm -V >/dev/null   # builds if needed
cp="$home/compiler/target/classes:$home/lang/target/classes:$home/probes/target/classes:$home/cli/target/lib/*"
java -XX:+UseSerialGC -Xss512m -cp "$cp" "$home/bench/parse/ScaleBench.java" "$n" "$home/tapsets" "$kver"
python3 - "$out" "$((4 * n))" <<'PY'
import sys
out, n = sys.argv[1], int(sys.argv[2])
open(f"{out}/chain.stp", "w").write("probe begin { x = " + " + ".join(["1"] * n) + "; print(x) exit() }\n")
open(f"{out}/probes.stp", "w").write("".join(f"probe begin {{ x{i} = {i} }}\n" for i in range(n)))
PY
for w in "chain -p1" "probes -p2"; do
    set -- $w
    start=$(date +%s%N)
    stap -r "$kver" "$2" "$out/$1.stp" >/dev/null 2>&1 || true
    echo "stap $2 $1 $((4 * n)) $(( ($(date +%s%N) - start) / 1000000 )) ms (wall, whole command)"
done
