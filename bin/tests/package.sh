#!/usr/bin/env bash
# package.sh: the Debian packages bin/package builds (docs/packages.md): lintian has nothing to say
# (its overrides carry their reasons), each .deb holds what it should, stapvm-run needs no JVM and
# runs a module the tree's compiler wrote once unpacked into a scratch root, and its postinst makes
# the stapusr group. Ends with "N passed, F failed"; exit 1 on a failure.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
expect() {
    if [ "$2" == "$3" ]; then ok "$1"; return; fi
    bad "$1"; diff <(echo "$2") <(echo "$3") | sed 's/^/    /'
}
# has NAME DEB PATH...: each PATH (as dpkg-deb --contents prints it, without ./) is in DEB
has() {
    local name=$1 deb=$2 p missing=()
    shift 2
    for p in "$@"; do grep -qxF "$p" "$tmp/$deb.list" || missing+=("$p"); done
    expect "$name" "" "${missing[*]}"
}

if ! "$root/bin/package" "$tmp/deb" > "$tmp/built" 2> "$tmp/err"; then
    bad "bin/package"; sed 's/^/    /' "$tmp/err"; echo "$pass passed, $fail failed"; exit 1
fi
version=$(sed -n 's|.*/stapvm-run_\(.*\)_amd64\.deb$|\1|p' "$tmp/built")
expect "bin/package prints the three .deb files" \
    "$tmp/deb/stapvm-run_${version}_amd64.deb|$tmp/deb/stapvm_${version}_amd64.deb|$tmp/deb/stapvm-dkms_${version}_all.deb" \
    "$(paste -sd'|' "$tmp/built")"
for p in stapvm stapvm-run stapvm-dkms; do
    f=$(ls "$tmp/deb/${p}_"*.deb)
    ln -s "$f" "$tmp/$p.deb"
    dpkg-deb --contents "$f" | awk '{ print $6 }' | sed 's|^\./||; s|/$||' > "$tmp/$p.list"
done

# lintian: nothing but its note about running as root
out=$(lintian "$tmp"/deb/*.deb 2>&1 | grep -v '^running with root privileges is not recommended!$')
expect "lintian: no errors or warnings" "" "$out"

# the control fields
field() { dpkg-deb -f "$tmp/$1.deb" "$2"; }
expect "architectures" "amd64 amd64 all" "$(field stapvm Architecture) $(field stapvm-run Architecture) $(field stapvm-dkms Architecture)"
case "$(field stapvm Depends)" in
    "default-jre-headless (>= 2:1.17) | java17-runtime-headless, stapvm-run (= $version), libc6"*libdw1*) ok "stapvm depends on a JRE and stapvm-run" ;;
    *) bad "stapvm depends on a JRE and stapvm-run: $(field stapvm Depends)" ;;
esac
case "$(field stapvm-run Depends)" in
    *jre*|*java*|*jdk*) bad "stapvm-run needs no JVM: $(field stapvm-run Depends)" ;;
    "adduser, libc6"*libssl3*) ok "stapvm-run needs no JVM (adduser, libc6, libssl3)" ;;
    *) bad "stapvm-run's Depends: $(field stapvm-run Depends)" ;;
esac
expect "stapvm-dkms depends on dkms" "dkms (>= 2.1.0.0)" "$(field stapvm-dkms Depends)"

# the files
has "stapvm: launcher, jars, native libraries, tapsets, man page" stapvm \
    usr/bin/stapvm usr/share/stapvm/cli/target/stapvm-cli.jar usr/share/stapvm/cli/target/lib/stapvm-compiler.jar \
    usr/share/stapvm/cli/target/lib/picocli.jar usr/lib/stapvm/cli/target/native/jni/x86_64-Linux/libjffi-1.2.so \
    usr/lib/stapvm/runtime-native/user/build/libstapvm.so usr/lib/stapvm/runtime-native/dwarf/build/libstapvm-dwarf.so \
    usr/lib/stapvm/bin/compile-cache.bash usr/lib/stapvm/tapsets/syscall/aux_fs.stp \
    usr/lib/stapvm/tapsets/runtime-user usr/share/man/man1/stapvm.1.gz usr/share/doc/stapvm/copyright
expect "stapvm: every tapset file" "$(cd "$root" && find tapsets -name '*.stp' -o -name '*.stpm' | wc -l)" \
    "$(grep -c '^usr/lib/stapvm/tapsets/.*\.stpm\?$' "$tmp/stapvm.list")"
expect "stapvm: the link STAPVM_HOME resolves" \
    "./usr/lib/stapvm/runtime-native/user/build/stapvm-run -> ../../../../../bin/stapvm-run" \
    "$(dpkg-deb --contents "$tmp/stapvm.deb" | grep -o '\./[^ ]* -> .*' | paste -sd'|')"
has "stapvm-run: loader, java() agent and hook, man page" stapvm-run \
    usr/bin/stapvm-run usr/share/stapvm/agent/target/stapvm-agent.jar \
    usr/lib/stapvm/runtime-native/java/build/libstapvm-java.so usr/share/man/man8/stapvm-run.8.gz
expect "stapvm-run: no compiler jars" "" "$(grep 'cli/target\|tapsets' "$tmp/stapvm-run.list")"
src=usr/src/stapvm-$version
has "stapvm-dkms: dkms.conf, Kbuild, kmod/ and vm/ side by side" stapvm-dkms \
    "$src/dkms.conf" "$src/kmod/build/Kbuild" "$src/kmod/build/kdev.c" "$src/kmod/build/svm_api.c" \
    "$src/kmod/build/interp.c" "$src/kmod/ksession.h" "$src/vm/core.mk" "$src/vm/opcodes.def" "$src/vm/stapvm.h"
# kmod's own .c files and the VM core's (vm/stapvm.c as svm_api.c), as kmod/Makefile links them into build/
core=$(make -s --no-print-directory -C "$root/runtime-native/vm" -f - n <<<$'include core.mk\nn:\n\t@echo $(VM_CORE_NAMES)')
want=$( (cd "$root/runtime-native/kmod" && ls ./*.c | sed 's|^\./||'; tr ' ' '\n' <<<"$core" | sed 's/^stapvm\.c$/svm_api.c/') | sort)
expect "stapvm-dkms: every .c file kmod's Makefile links into build/" "$want" \
    "$(sed -n "s|^$src/kmod/build/\(.*\.c\)$|\1|p" "$tmp/stapvm-dkms.list" | sort)"
mkdir "$tmp/dkms" && dpkg-deb -x "$tmp/stapvm-dkms.deb" "$tmp/dkms"
expect "dkms.conf names this version" "PACKAGE_VERSION=\"$version\"" "$(grep '^PACKAGE_VERSION=' "$tmp/dkms/$src/dkms.conf")"

# the maintainer scripts
dpkg-deb -e "$tmp/stapvm-run.deb" "$tmp/run-ctl"
expect "stapvm-run's postinst makes the system group stapusr" "addgroup --quiet --system stapusr" \
    "$(grep -o 'addgroup.*' "$tmp/run-ctl/postinst")"
sh -n "$tmp/run-ctl/postinst" && ok "the postinst is sh" || bad "the postinst is sh"

# the man pages render without a warning
for m in "$tmp/stapvm.deb:usr/share/man/man1/stapvm.1.gz" "$tmp/stapvm-run.deb:usr/share/man/man8/stapvm-run.8.gz"; do
    mkdir -p "$tmp/man" && dpkg-deb -x "${m%%:*}" "$tmp/man"
    w=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$tmp/man/${m#*:}" 2>&1 >/dev/null)
    expect "man $(basename "${m#*:}" .gz): no warnings" "" "$w"
done

# stapvm-run unpacked into a scratch root: --help, and a module written by the tree's compiler
mkdir "$tmp/root" && dpkg-deb -x "$tmp/stapvm-run.deb" "$tmp/root"
out=$("$tmp/root/usr/bin/stapvm-run" --help); rc=$?
expect "stapvm-run --help from the package" "Usage: stapvm-run [-o FILE [-S SIZE[,N]] [-F]] [-T SECONDS] [-c CMD | -x PID] [--format=text|json]|0" \
    "$(head -1 <<<"$out")|$rc"
(cd "$tmp" && "$root/bin/stapvm" --disable-cache -p4 -m hello -e 'probe begin { println("hello from the package") exit() }' >/dev/null 2>&1)
out=$("$tmp/root/usr/bin/stapvm-run" --runtime=user "$tmp/hello.stpb" 2>&1); rc=$?
expect "the packaged stapvm-run runs a module compiled by stapvm -p4" "hello from the package|0" "$out|$rc"

# the packaged compiler unpacked beside it, its launcher pointed at the scratch root: the tapsets are
# read (ctime is a tapset function, syscall.read a tapset alias) and the module runs through the
# packaged stapvm-run from the compile cache the second time
dpkg-deb -x "$tmp/stapvm.deb" "$tmp/root"
sed -e "s|^home=.*|home=$tmp/root/usr/lib/stapvm|" -e "s|^share=.*|share=$tmp/root/usr/share/stapvm|" \
    "$tmp/root/usr/bin/stapvm" > "$tmp/stapvm"
chmod +x "$tmp/stapvm"
export SYSTEMTAP_DIR=$tmp/systemtap STAPVM_NO_CDS=1 STAPVM_CACHE_REPORT=1
for i in miss hit; do
    out=$(cd "$tmp" && "$tmp/stapvm" -e 'probe begin { println(ctime(0)) exit() }' 2>&1); rc=$?
    expect "the packaged stapvm reads its tapsets (compile cache $i)" "stapvm: compile cache $i|Thu Jan  1 00:00:00 1970|0" \
        "$(sed "s|: $tmp/.*||" <<<"$out" | paste -sd'|')|$rc"
done
out=$("$tmp/stapvm" -l 'syscall.read' 2>/dev/null); rc=$?
expect "the packaged stapvm lists a tapset alias" "syscall.read|0" "$out|$rc"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
