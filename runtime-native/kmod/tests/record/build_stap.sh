#!/bin/bash
# build_stap.sh SCRIPT KO [STAP-ARGS]: stap -p4 of SCRIPT for the guest's kernel as module KO, with
# stap's runtime fixed for Debian 12's 6.1 kernels (task_work_cancel became task_work_cancel_func); a
# KO newer than SCRIPT is kept. stap 4.8's translator also writes `pi->rp->data_size` for the values a
# .return probe saves at entry (@entry), and 6.1's kretprobe_instance has no `rp` (rethook): then the
# kept build directory's source is mended to get_kretprobe(pi) and built again with the same kbuild.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
script=$1 ko=$2; shift 2
[ -f "$ko" ] && [ "$ko" -nt "$script" ] && exit 0
kver=$("$root/runtime-native/guest/kver.sh")
dir=$(cd "$(dirname "$ko")" && pwd) mod=$(basename "$ko" .ko)
rt=$dir/stap-runtime
if [ ! -f "$rt/stp_task_work.c" ]; then
    rm -rf "$rt"; cp -r /usr/share/systemtap/runtime "$rt"
    sed -i 's/task_work_cancel(task, func)/task_work_cancel_func(task, func)/' "$rt/stp_task_work.c"
fi
log=$dir/$mod.stap.log
if (cd "$dir" && nice stap -k -R "$rt" -r "$kver" -p4 -m "$mod" "$@" "$script" > /dev/null 2> "$log"); then
    rm -rf "$(sed -n 's/^Keeping temporary directory "\(.*\)"$/\1/p' "$log")"; exit 0
fi
tmp=$(sed -n 's/^Keeping temporary directory "\(.*\)"$/\1/p' "$log")
if [ -z "$tmp" ] || ! grep -q 'kretprobe_instance.* has no member named .rp.' "$log"; then cat "$log" >&2; exit 1; fi
sed -i 's/pi->rp->data_size/get_kretprobe(pi)->data_size/' "$tmp/${mod}_src.c"
nice make -s -C "/lib/modules/$kver/build" M="$tmp" modules > "$log.kbuild" 2>&1 || { cat "$log.kbuild" >&2; exit 1; }
cp "$tmp/$mod.ko" "$ko"; rm -rf "$tmp"
