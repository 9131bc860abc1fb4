#!/bin/bash
# record_guest.sh KO PROG OUT: in the guest, stap's module KO run with staprun -c PROG; stdout to OUT.
set -uo pipefail
staprun -c "$2" "$1" > "$3" 2> "$3.err"
echo "staprun exit $? ($(wc -l < "$3") lines, stderr: $(head -c 300 "$3.err"))"
