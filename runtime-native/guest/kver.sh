#!/bin/bash
# Prints the guest kernel release: $KVER if set, else the newest Debian amd64 kernel in /boot
# that has its modules installed (the guest loads its 9p stack from /lib/modules/KVER).
set -euo pipefail

if [ -n "${KVER:-}" ]; then
    [ -f "/boot/vmlinuz-$KVER" ] && [ -d "/lib/modules/$KVER" ] \
        || { echo "kver.sh: no /boot/vmlinuz-$KVER with /lib/modules/$KVER" >&2; exit 1; }
    echo "$KVER"; exit 0
fi
for k in $(ls /boot/vmlinuz-*-amd64 2>/dev/null | sed 's|^/boot/vmlinuz-||' | sort -rV); do
    [ -d "/lib/modules/$k" ] && { echo "$k"; exit 0; }
done
echo "kver.sh: no /boot/vmlinuz-*-amd64 with modules in /lib/modules" >&2
exit 1
