#!/usr/bin/env bash
# Parse benchmark: stapvm's front end against `stap -p1`, side by side in one run.
#
# Workload: the tapset library SystemTap itself parses for an x86_64 kernel script (the files of
# tapset/, tapset/linux/, tapset/linux/x86_64/, tapset/x86_64/). `stap -v -p1` reports how long
# its pass 1 took to parse them; stapvm parses the same files, first in a fresh JVM (what one run
# costs) and then warm. A second workload is every .stp/.stpm of the examples and tapsets.
# Prints medians of RUNS runs and the ratios.
set -euo pipefail
home=$(cd "$(dirname "$0")/../.." && pwd)
runs=${RUNS:-5}
root=/usr/share/systemtap
kver=$(ls /lib/modules | grep -- '-amd64$' | sort -V | tail -1)
out=$home/bench/out; mkdir -p "$out"

"$home"/bin/stapvm -V >/dev/null   # builds if needed
find "$root/tapset" -maxdepth 1 \( -name '*.stp' -o -name '*.stpm' \) > "$out/library.txt"
for d in linux linux/x86_64 x86_64; do
    find "$root/tapset/$d" -maxdepth 1 \( -name '*.stp' -o -name '*.stpm' \) >> "$out/library.txt"
done
find "$root/examples" "$root/tapset" \( -name '*.stp' -o -name '*.stpm' \) | sort > "$out/all.txt"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

stap_ms=()
for _ in $(seq "$runs"); do
    stap_ms+=("$(stap -r "$kver" -v -p1 -e 'probe never {}' 2>&1 >/dev/null \
        | sed -n "s/^Pass 1: parsed user script and .*\/\([0-9]*\)real ms.*/\1/p")")
done
stap_files=$(stap -r "$kver" -v -p1 -e 'probe never {}' 2>&1 >/dev/null | sed -n 's/^Pass 1: parsed user script and \([0-9]*\) library.*/\1/p')

cp="$home/lang/target/classes:$home/cli/target/lib/*"
cold=(); warm=()
for _ in $(seq "$runs"); do
    read -r c w < <(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$cp" "$home/bench/parse/ParseBench.java" "$out/library.txt" "$kver" | tail -1)
    cold+=("$c"); warm+=("$w")
done
read -r _ all_warm all_lines all_files < <(java -cp "$cp" "$home/bench/parse/ParseBench.java" "$out/all.txt" "$kver" --lines | tail -1)

lib_lines=$(xargs cat < "$out/library.txt" | wc -l)
s=$(printf '%s\n' "${stap_ms[@]}" | median)
c=$(printf '%s\n' "${cold[@]}" | median)
w=$(printf '%s\n' "${warm[@]}" | median)
echo "tapset library: $(wc -l < "$out/library.txt") files (stap: $stap_files), $lib_lines lines; medians of $runs runs"
printf '  stap -p1 pass 1            %7.1f ms  %9.0f lines/s\n' "$s" "$(echo "$lib_lines*1000/$s" | bc -l)"
printf '  stapvm, fresh JVM          %7.1f ms  %9.0f lines/s  ratio stap/stapvm %.2f\n' "$c" "$(echo "$lib_lines*1000/$c" | bc -l)" "$(echo "$s/$c" | bc -l)"
printf '  stapvm, warm JVM           %7.1f ms  %9.0f lines/s  ratio stap/stapvm %.2f\n' "$w" "$(echo "$lib_lines*1000/$w" | bc -l)" "$(echo "$s/$w" | bc -l)"
printf 'all examples and tapsets: %d files, %d lines: stapvm warm %.1f ms (%.0f lines/s)\n' "$all_files" "$all_lines" "$all_warm" "$(echo "$all_lines*1000/$all_warm" | bc -l)"
