#!/bin/bash
# Guest side of the self-test: several checks in ONE boot (booting is the slow part).
# Prints "name: value" lines that selftest.sh checks on the host; ends with echo "written in the guest" >"$3/from-guest"
exit 3 so the host
# can check exit-code propagation. Usage: in-guest.sh MODULE_DIR ARG_WITH_SPACES SHARED_DIR
set -uo pipefail   # no -e: every step reports, even after a failure

moddir=$1
echo "uname: $(uname -r)"
echo "version: $(cat /proc/version)"
echo "cwd: $PWD"
echo "arg: $2"
echo "env: ${SELFTEST_ENV:-unset}"
echo "to-stderr marker" >&2
echo "java: $(java -version 2>&1 | head -n1)"
insmod "$moddir/hello.ko" && echo "insmod: ok"
grep -q '^hello ' /proc/modules && echo "lsmod: ok"
rmmod hello && echo "rmmod: ok"
echo "written in the guest" >"$3/from-guest"
exit 3
