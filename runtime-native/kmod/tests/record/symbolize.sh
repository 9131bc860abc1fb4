#!/bin/bash
# symbolize.sh PROG < OUT > EXPECTED: each address of one of PROG's own data objects (nm's d/D/b/B
# symbols) in a recorded output becomes @SYMBOL@, as bare hex digits, so the expectation holds for any
# build of PROG (run.sh fills them in again from nm).
set -euo pipefail
sedargs=()
while read -r addr _ sym; do
    hex=$(echo "$addr" | sed 's/^0*//')
    sedargs+=(-e "s/\\b0x$hex\\b/0x@$sym@/g" -e "s/\\b$hex\\b/@$sym@/g")
done < <(nm "$1" | awk '$2 ~ /^[bBdD]$/ && $3 !~ /^_|\./ && $3 ~ /^[a-z]/ { print }' |
         grep -w -E "$(sed -n 's/^static [^=;(]*[ *]\([a-z_]*\)\(\[[0-9]*\]\)\{0,1\}\( =.*\)\{0,1\};.*/\1/p' \
                        "$(dirname "$0")/../progs/$(basename "$1").c" | paste -sd'|')")
sed "${sedargs[@]}"
