#!/bin/sh
# PID 1 of the test guest (busybox sh, inside the initramfs).
# Loads the 9p stack, mounts the host root read-only with a tmpfs overlay on top, runs the
# host-written /run/guestio/cmd.sh chrooted into it, and leaves the results (stdout, stderr,
# status, dmesg) in the writable "guestio" 9p share, then powers off.
# PID 1 must never exit (that panics the kernel), so there is no `set -e`: errors go to fail().
export PATH=/bin
IO=/newroot/run/guestio

fail() {
    echo "guest-init: FAILED: $*" >/dev/console
    [ -d "$IO" ] && echo "guest-init: $*" >"$IO/init-error" 2>/dev/null
    poweroff -f
    sleep 60   # poweroff -f does not return; never fall off the end of PID 1
}

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev

# Order matters: busybox insmod does not resolve dependencies (list is fixed at build time).
for m in $(cat /modules.list); do
    insmod "/modules/$m.ko" || fail "insmod $m"
done

mkdir -p /lower /rw /newroot
# cache=loose: the host root does not change under a test run, and caching makes the JVM usable.
mount -t 9p -o ro,trans=virtio,version=9p2000.L,msize=512000,cache=loose hostroot /lower \
    || fail "mount hostroot (9p)"
mount -t tmpfs -o mode=0755 tmpfs /rw
mkdir -p /rw/upper /rw/work
mount -t overlay -o lowerdir=/lower,upperdir=/rw/upper,workdir=/rw/work overlay /newroot \
    || fail "mount overlay"

# Fresh kernel filesystems over the host's directories of the same names.
mount -t proc proc /newroot/proc
mount -t sysfs sysfs /newroot/sys
mount -t devtmpfs devtmpfs /newroot/dev
mkdir -p /newroot/dev/pts /newroot/dev/shm
mount -t devpts devpts /newroot/dev/pts
mount -t tmpfs tmpfs /newroot/dev/shm
mount -t debugfs debugfs /newroot/sys/kernel/debug 2>/dev/null
mount -t tracefs tracefs /newroot/sys/kernel/tracing 2>/dev/null
mount -t tmpfs -o mode=0755 tmpfs /newroot/run
mkdir -p "$IO"
# cache=none: every write reaches the host file at once, so the host can stream it.
mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000,cache=none guestio "$IO" \
    || fail "mount guestio (9p)"
hostname stapvm-guest

[ -f "$IO/cmd.sh" ] || fail "no cmd.sh in the guestio share"
echo "guest-init: running command" >/dev/console
cat /proc/uptime >"$IO/uptime-start"
chroot /newroot /bin/bash /run/guestio/cmd.sh </dev/null >"$IO/stdout" 2>"$IO/stderr"
rc=$?
cat /proc/uptime >"$IO/uptime-end"
dmesg >"$IO/dmesg"
echo $rc >"$IO/status.tmp" && mv "$IO/status.tmp" "$IO/status"
sync
echo "guest-init: done" >/dev/console
poweroff -f
sleep 60
