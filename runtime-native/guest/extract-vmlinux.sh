#!/bin/bash
# Writes build/vmlinux-KVER: the uncompressed ELF kernel inside /boot/vmlinuz-KVER.
# Why: QEMU boots an ELF kernel with a PVH entry note directly, skipping SeaBIOS's real-mode
# path and the in-guest decompression of the bzImage, which under TCG costs about 3 s a boot.
# Prints the path on success; exits 1 (printing nothing) when the image cannot be used,
# and run-in-guest.sh then boots the bzImage. Usage: extract-vmlinux.sh KVER
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
kver=$1
src=/boot/vmlinuz-$kver
out=$here/build/vmlinux-$kver
if [ -f "$out" ] && [ "$out" -nt "$src" ]; then echo "$out"; exit 0; fi

mkdir -p "$here/build"
tmp=$out.tmp.$$
trap 'rm -f "$tmp"' EXIT
# Find the payload by its magic bytes; the decompressor may complain about the trailing data.
for fmt in 'xz:\xfd7zXZ\x00' 'zstd:\x28\xb5\x2f\xfd' 'gzip:\x1f\x8b\x08'; do
    off=$(LC_ALL=C grep -aboP "${fmt#*:}" "$src" | head -n1 | cut -d: -f1) || true
    [ -n "$off" ] || continue
    case "${fmt%%:*}" in
        xz)   tail -c +$((off + 1)) "$src" | xz -dcq ;;
        zstd) tail -c +$((off + 1)) "$src" | zstd -dcq ;;
        gzip) tail -c +$((off + 1)) "$src" | gzip -dcq ;;
    esac >"$tmp" 2>/dev/null || true
    # Usable only if complete (section table inside the file) and PVH-bootable (note 0x12).
    hdr=$(readelf -h "$tmp" 2>/dev/null) || continue
    shoff=$(awk '/Start of section headers/ {print $5}' <<<"$hdr")
    shsize=$(awk '/Size of section headers/ {print $5}' <<<"$hdr")
    shnum=$(awk '/Number of section headers/ {print $5}' <<<"$hdr")
    [ $((shoff + shsize * shnum)) -le "$(stat -c %s "$tmp")" ] || continue
    readelf -n "$tmp" | grep -q 'Unknown note type: (0x00000012)' || continue
    mv "$tmp" "$out"
    echo "$out"
    exit 0
done
exit 1
