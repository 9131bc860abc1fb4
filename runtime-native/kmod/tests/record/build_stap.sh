#!/bin/bash
# build_stap.sh SCRIPT KO [STAP-ARGS]: stap -p4 of SCRIPT for the guest's kernel as module KO, with
# stap's runtime fixed for Debian 12's 6.1 kernels (task_work_cancel became task_work_cancel_func); a
# KO newer than SCRIPT is kept.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
script=$1 ko=$2; shift 2
[ -f "$ko" ] && [ "$ko" -nt "$script" ] && exit 0
kver=$("$root/runtime-native/guest/kver.sh")
dir=$(dirname "$ko") mod=$(basename "$ko" .ko)
rt=$dir/stap-runtime
if [ ! -f "$rt/stp_task_work.c" ]; then
    rm -rf "$rt"; cp -r /usr/share/systemtap/runtime "$rt"
    sed -i 's/task_work_cancel(task, func)/task_work_cancel_func(task, func)/' "$rt/stp_task_work.c"
fi
(cd "$dir" && nice stap -R "$rt" -r "$kver" -p4 -m "$mod" "$@" "$script" > /dev/null)
