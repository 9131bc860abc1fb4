#!/bin/bash
# Installs the Debian packages the guest harness needs, only when one is missing,
# so a fresh machine works without a manual setup step.
set -euo pipefail

need=()
command -v qemu-system-x86_64 >/dev/null || need+=(qemu-system-x86)
# the initramfs needs a static busybox (the dynamic one would need its libc copied in)
dpkg -s busybox-static >/dev/null 2>&1 || need+=(busybox-static)
ls /boot/vmlinuz-*-amd64 >/dev/null 2>&1 || need+=(linux-image-amd64)
ls -d /lib/modules/*-amd64/build >/dev/null 2>&1 || need+=(linux-headers-amd64)
command -v cpio >/dev/null || need+=(cpio)

if [ ${#need[@]} -gt 0 ]; then
    echo "guest: installing ${need[*]}" >&2
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${need[@]}"
fi
