#!/bin/bash
# packages_guest.sh: runs inside the QEMU guest (packages.sh boots it): dpkg installs stapvm-run and
# stapvm-dkms (the guest's root is the host's under a tmpfs overlay, so nothing lasts), DKMS builds
# and installs stapvm.ko for the running kernel, modprobe loads it, the packaged stapvm-run runs a
# module compiled on the host on it and, with the JDK hidden, a bundle's script; then the compiler's package (stapvm) compiles and runs a script
# there, the second time from its compile cache; removing stapvm-dkms removes the module again.
set -uo pipefail
d=$PKG_OUT kver=$(uname -r)
pass=0 fail=0
ok() { echo "PASS $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
expect() {   # NAME EXPECTED ACTUAL
    if [ "$2" == "$3" ]; then ok "$1"; else bad "$1"; echo "    expected: $2"; echo "    actual:   $3"; fi
}
done_() { echo "$pass passed, $fail failed"; exit 0; }

# the guest's /dev is a bare devtmpfs: the links udev makes on a real machine, which dkms's <(...) needs
[ -e /dev/fd ] || ln -s /proc/self/fd /dev/fd
run=$(grep '/stapvm-run_' "$d/debs") dkms=$(grep '/stapvm-dkms_' "$d/debs") compiler=$(grep '/stapvm_' "$d/debs")
version=$(dpkg-deb -f "$dkms" Version)
# systemtap's packages on the host made stapusr already: without it here, the postinst must make it
# (and staprun's dpkg-statoverride names it: that goes first, or dpkg refuses to run)
if getent group stapusr >/dev/null; then
    dpkg-statoverride --list | awk '$2 == "stapusr" { print $4 }' | while read -r f; do dpkg-statoverride --remove "$f"; done
    groupdel stapusr && echo "(stapusr deleted from the guest's /etc/group and statoverrides)"
fi
start=$(date +%s)
DEBIAN_FRONTEND=noninteractive dpkg -i "$run" "$dkms" > "$d/dpkg.log" 2>&1; rc=$?
echo "dpkg -i: rc=$rc in $(( $(date +%s) - start )) s"
[ "$rc" = 0 ] && ok "dpkg -i stapvm-run stapvm-dkms" || { bad "dpkg -i"; tail -30 "$d/dpkg.log"; done_; }
expect "stapvm-run's postinst made the system group stapusr" "yes" \
    "$(gid=$(getent group stapusr | cut -d: -f3) && [ "$gid" -lt 1000 ] && echo yes)"
expect "dkms built and installed stapvm for $kver" "stapvm/$version, $kver, $(uname -m): installed" \
    "$(dkms status -m stapvm -v "$version" -k "$kver" | sed 's/ (.*)//')"
ko=$(modinfo -n stapvm 2>/dev/null)
case "$ko" in /lib/modules/"$kver"/updates/dkms/stapvm.ko*) ok "modinfo finds DKMS's stapvm.ko" ;; *) bad "modinfo -n stapvm: '$ko'" ;; esac
modprobe stapvm && ok "modprobe stapvm" || { bad "modprobe stapvm"; tail -20 "$d/dpkg.log"; done_; }
[ -c /dev/stapvm ] && ok "/dev/stapvm" || bad "/dev/stapvm"

r=$(/usr/bin/stapvm-run --runtime=kernel "$d/hello.stpb" 2>&1); rc=$?
expect "the packaged stapvm-run runs the host's module on stapvm.ko" "hello from stapvm.ko|n=5|0" "$(echo "$r" | paste -sd'|')|$rc"
r=$(/usr/bin/stapvm-run "$d/hello.stpb" 2>&1); rc=$?
expect "without --runtime it picks stapvm.ko (/dev/stapvm exists)" "hello from stapvm.ko|n=5|0" "$(echo "$r" | paste -sd'|')|$rc"

# a production machine has no JVM: the JDK hidden under an empty tmpfs, a bundle compiled on the
# host is listed and run by the packaged stapvm-run
mount -t tmpfs tmpfs /usr/lib/jvm && ok "the JDK hidden (/usr/lib/jvm empty)" || bad "mount a tmpfs over /usr/lib/jvm"
expect "no java runs" "no" "$(java -version >/dev/null 2>&1 && echo yes || echo no)"
expect "stapvm-run --list names the bundle and its script" "name: tools|version: 1.0|  hello  kernel $kver" \
    "$(/usr/bin/stapvm-run --list "$d/tools.stpbundle" 2>&1 | grep -E '^(name|version):|^  hello' | sed 's/  source sha256.*//' | paste -sd'|')"
r=$(/usr/bin/stapvm-run "$d/tools.stpbundle" hello 2>&1); rc=$?
expect "the packaged stapvm-run runs the bundle's script on stapvm.ko without a JVM" "bundled on stapvm.ko|0" "$(echo "$r" | paste -sd'|')|$rc"
umount /usr/lib/jvm && ok "the JDK back" || bad "umount /usr/lib/jvm"

# the compiler's package: its launcher, STAPVM_HOME=/usr/lib/stapvm (ctime: a tapset function), and
# the compile cache through stapvm-run
DEBIAN_FRONTEND=noninteractive dpkg -i "$compiler" > "$d/dpkg-c.log" 2>&1 && ok "dpkg -i stapvm" || { bad "dpkg -i stapvm"; tail -20 "$d/dpkg-c.log"; }
export SYSTEMTAP_DIR=/tmp/systemtap STAPVM_NO_CDS=1 STAPVM_CACHE_REPORT=1
script='probe begin { printf("%s compiled here %s\n", execname(), ctime(0)) exit() }'
r=$(cd /tmp && timeout 300 /usr/bin/stapvm --runtime=kernel -e "$script" 2>&1); rc=$?
expect "/usr/bin/stapvm compiles and runs a script on stapvm.ko" "stapvm: compile cache miss|stapio compiled here Thu Jan  1 00:00:00 1970|0" \
    "$(echo "$r" | sed 's/: \/tmp.*//' | paste -sd'|')|$rc"
r=$(cd /tmp && timeout 300 /usr/bin/stapvm --runtime=kernel -e "$script" 2>&1); rc=$?
expect "again: from the compile cache, through stapvm-run" "stapvm: compile cache hit|stapio compiled here Thu Jan  1 00:00:00 1970|0" \
    "$(echo "$r" | sed 's/: \/tmp.*//' | paste -sd'|')|$rc"

rmmod stapvm && ok "rmmod stapvm" || bad "rmmod stapvm"
DEBIAN_FRONTEND=noninteractive dpkg -r stapvm-dkms > "$d/dpkg-r.log" 2>&1 && ok "dpkg -r stapvm-dkms" || { bad "dpkg -r"; tail -20 "$d/dpkg-r.log"; }
expect "its prerm removed the module from $kver" "|" "$(dkms status -m stapvm)|$(ls /lib/modules/"$kver"/updates/dkms/stapvm.ko* 2>/dev/null)"
done_
