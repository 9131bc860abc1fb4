#!/bin/bash
# Builds build/initramfs-KVER.cpio.gz: static busybox, /init (init.sh) and the 9p + overlay
# modules of the guest kernel KVER (see kver.sh), decompressed because busybox insmod may not
# read .ko.xz/.ko.zst. Usage: mkinitramfs.sh [OUTPUT]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
"$here/deps.sh"
kver=$("$here/kver.sh")
out=${1:-$here/build/initramfs-$kver.cpio.gz}
moddir=/lib/modules/$kver
# Load order: each module after everything it depends on (checked below with modinfo).
modules="virtio_ring virtio virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci
         9pnet 9pnet_virtio netfs fscache 9p overlay"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage"/{bin,dev,proc,sys,modules}
cp /bin/busybox "$stage/bin/busybox"
for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] || ln -s busybox "$stage/bin/$applet"
done
ln -s bin "$stage/sbin"
install -m 0755 "$here/init.sh" "$stage/init"

loaded=" "
for m in $modules; do
    ko=$(find "$moddir/kernel" -name "$m.ko" -o -name "$m.ko.xz" -o -name "$m.ko.zst" -o -name "$m.ko.gz" | head -n1)
    [ -n "$ko" ] || { echo "mkinitramfs: $m not found under $moddir" >&2; exit 1; }
    case "$ko" in
        *.xz)  xz -dc "$ko" ;;
        *.zst) zstd -qdc "$ko" ;;
        *.gz)  gzip -dc "$ko" ;;
        *)     cat "$ko" ;;
    esac >"$stage/modules/$m.ko"
    for dep in $(modinfo -F depends "$stage/modules/$m.ko" | tr , ' '); do
        case "$loaded" in *" $dep "*) ;; *)
            echo "mkinitramfs: $m needs $dep, which is not loaded before it" >&2; exit 1 ;;
        esac
    done
    loaded="$loaded$m "
    echo "$m" >>"$stage/modules.list"
done

mkdir -p "$(dirname "$out")"
tmp=$out.tmp.$$
(cd "$stage" && find . -print0 | cpio --null -o -H newc --quiet | gzip -6) >"$tmp"
mv "$tmp" "$out"   # atomic: a concurrent run never sees half an initramfs
echo "mkinitramfs: wrote $out ($(du -k "$out" | cut -f1) KiB, kernel $kver)"
