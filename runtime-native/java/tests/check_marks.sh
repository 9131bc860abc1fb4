#!/bin/sh
# The hook library's SDT notes: marks stapvm_java:method__0 .. method__63 (STAPVM_JAVA_NSLOTS), each
# with a semaphore and 11 arguments (STAPVM_JAVA_NARGS strings, then the return value's).
set -eu
lib=$1
notes=$(readelf -n "$lib")
fail=0
k=0
while [ $k -lt 64 ]; do
	site=$(printf '%s\n' "$notes" | grep -A3 "Name: method__$k\$" || true)
	if ! printf '%s\n' "$site" | grep -q 'Provider: stapvm_java' 2>/dev/null && \
	   ! printf '%s\n' "$notes" | grep -B1 "Name: method__$k\$" | grep -q 'Provider: stapvm_java'; then
		echo "FAIL: no mark stapvm_java:method__$k"; fail=1
	fi
	if printf '%s\n' "$site" | grep -q 'Semaphore: 0x0000000000000000'; then
		echo "FAIL: method__$k has no semaphore"; fail=1
	fi
	args=$(printf '%s\n' "$site" | sed -n 's/^ *Arguments: //p' | wc -w)
	if [ "$args" -ne 11 ]; then
		echo "FAIL: method__$k has $args arguments, not 11"; fail=1
	fi
	k=$((k + 1))
done
total=$(printf '%s\n' "$notes" | grep -c 'Provider: stapvm_java')
[ "$total" -eq 64 ] || { echo "FAIL: $total stapvm_java marks, not 64"; fail=1; }
[ $fail -eq 0 ] && echo "java hook: 64 marks, 1 passed, 0 failed" || { echo "java hook: 1 failed"; exit 1; }
