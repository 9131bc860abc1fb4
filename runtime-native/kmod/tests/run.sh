#!/bin/bash
# run.sh: the kmod end-to-end tests. On the host: build the test programs, compile the scripts with
# bin/stapvm -p4 (exact kernel names need no symbols), assemble the verifier's ko corpus; then one
# guest boot runs guest.sh. Ends with "N passed, F failed"; the guest harness fails on any oops/BUG/WARNING.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kmod=$(dirname "$here")
root=$(cd "$kmod/../.." && pwd)
out=$kmod/build/tests
guest=$root/runtime-native/guest

# shellcheck source=in_guest.sh
. "$here/in_guest.sh"
guest_ready; case $? in 1) exit 1 ;; 2) exit 0 ;; esac

rm -rf "$out"; mkdir -p "$out/ko"
gcc -std=gnu11 -O2 -Wall -Werror -o "$out/getpid_n" "$here/progs/getpid_n.c" || exit 1
gcc -std=gnu11 -O2 -Wall -Werror -o "$out/calls_n" "$here/progs/calls_n.c" || exit 1
gcc -std=gnu11 -O2 -Wall -Werror -o "$out/writes_n" "$here/progs/writes_n.c" || exit 1
gcc -std=gnu11 -O2 -Wall -Werror -static -o "$out/opens_n" "$here/progs/opens_n.c" || exit 1
gcc -std=gnu11 -O2 -Wall -Werror -o "$out/forks_n" "$here/progs/forks_n.c" || exit 1
gcc -std=gnu11 -O2 -Wall -Werror -o "$out/net_n" "$here/progs/net_n.c" || exit 1
kver=$("$guest/kver.sh")   # kernel $var scripts are compiled for the guest's kernel (-r): its BTF, not the host's
gcc -std=gnu11 -O2 -Wall -Werror -o "$out/fuzz_load" "$here/fuzz_load.c" || exit 1
# static and non-PIE: no loader's calls before main, and its buffer's address is nm's
gcc -std=gnu11 -O2 -static -no-pie -Wall -Werror -o "$out/syscall_seq" "$here/progs/syscall_seq.c" || exit 1
sed "s|@BUF@|0x$(nm "$out/syscall_seq" | awk '$3 == "buf.0" { sub(/^0+/, "", $1); print $1 }')|" \
    "$here/expected/syscalls.out" > "$out/syscalls.expected"
# the second sequence: its recorded addresses of the program's statics are @SYMBOL@ (record/symbolize.sh)
gcc -std=gnu11 -O2 -static -no-pie -Wall -Werror -o "$out/syscall_more" "$here/progs/syscall_more.c" || exit 1
sed "$(nm "$out/syscall_more" | awk '{ a = $1; sub(/^0+/, "", a); printf "s|@%s@|%s|g\n", $3, a }' | grep -F -f <(grep -o '@[a-z_0-9]*@' "$here/expected/syscalls_more.out" | sort -u))" \
    "$here/expected/syscalls_more.out" > "$out/syscalls_more.expected"
# ubacktrace's frame-pointer chain, the user runtime's test program; non-PIE: nm's addresses are the run's
gcc -std=gnu11 -O0 -fno-omit-frame-pointer -no-pie -Wall -Werror -o "$out/chain" "$root/runtime-native/user/tests/fp/chain.c" || exit 1
# the same chain without frame pointers (as Debian builds), which only the module's CFI rows unwind
gcc -std=gnu11 -O2 -fomit-frame-pointer -no-pie -o "$out/nofp_chain" "$root/cli/src/test/resources/targets/nofp_chain.c" || exit 1
# DWARF line statements and $vars (process(...).statement("F@FILE:LINE")): the DWARF tests' program at -O0
gcc -std=gnu11 -O0 -g -Wall -Werror -o "$out/dwarf_O0" "$root/runtime-native/dwarf/tests/target.c" || exit 1
# java() probes (guest.sh): the known calls' program, and its script compiled here against a host JVM
# running it (the agent's query needs a live JVM; the guest's runs from stapvm-run). The marks name the
# hook library on a tmpfs (kernel uprobes refuse files on the guest's 9p/overlay root): this path on the
# host for the compile, the same path in the guest's own /dev/shm, where guest.sh copies the library.
java_hook_dir=/dev/shm/stapvm-kmod-java.$$
java_marks() {
    local jp rc=0
    make -s -C "$root/runtime-native/java" all >/dev/null && mkdir -p "$out/java" "$java_hook_dir" &&
        javac -d "$out/java" "$here/progs/java/JavaMarks.java" &&
        cp "$root/runtime-native/java/build/libstapvm-java.so" "$java_hook_dir/" || return 1
    java -cp "$out/java" JavaMarks "$out/java/never" 2> "$out/java/ready" & jp=$!
    for _ in $(seq 300); do grep -q '^ready$' "$out/java/ready" 2>/dev/null && break; sleep 0.1; done
    sed "s|@JPID@|$jp|g" "$here/scripts/java_marks.stp.jvm" > "$out/java_marks.stp"
    (cd "$out" && STAPVM_JAVA_HOOK="$java_hook_dir/libstapvm-java.so" "$root/bin/stapvm" -p4 -r "$kver" \
        -m java_marks java_marks.stp >/dev/null) || rc=1
    kill "$jp"; wait "$jp" 2>/dev/null
    rm -rf "$java_hook_dir"
    return $rc
}
# KMOD_ONLY=procfs: only the procfs probes' test (guest.sh), for a change to them alone
if [ "${KMOD_ONLY:-}" = procfs ]; then
    (cd "$out" && "$root/bin/stapvm" -p4 -m procfs "$here/scripts/procfs.stp" >/dev/null) || { echo "kmod: cannot compile procfs.stp"; echo "0 passed, 1 failed"; exit 1; }
else
java_marks || { echo "kmod: cannot compile the java() probes' script"; echo "0 passed, 1 failed"; exit 1; }
fi
# KMOD_ONLY=java: only the java() probes' test in the guest (guest.sh), for a change to them alone
if [ "${KMOD_ONLY:-}" != java ] && [ "${KMOD_ONLY:-}" != procfs ]; then
# compiles script S as out/NAME.stpb; a script with "# build NAME: FLAGS" lines is compiled once per
# line instead (e.g. the same script with two -D MAXSKIPPED limits)
compile() {
    local s=$1 name=$2 builds
    builds=$(sed -n 's/^# build \([a-z0-9_]*\): /\1 /p' "$s")
    [ -n "$builds" ] || builds=$name
    while read -r name flags; do
        # shellcheck disable=SC2086   # flags are words
        (cd "$out" && "$root/bin/stapvm" -p4 $flags -m "$name" "$s" >/dev/null) || { echo "kmod: cannot compile $s as $name"; echo "0 passed, 1 failed"; exit 1; }
    done <<< "$builds"
}
# process probes name the program's path and work's link-time address: filled in here, compiled like the rest
work=0x$(nm "$out/calls_n" | awk '$3 == "work" { print $1 }')
for t in "$here"/scripts/*.stp.in; do
    b=$(basename "$t" .stp.in)
    # .exported asks the functions' ELF binding, which Debian's BTF lacks: only the debug vmlinux
    # (linux-image-KVER-dbg, never installed in CI) has it; guest.sh skips the case without it
    if [ "$b" = exported ] && [ ! -f "/usr/lib/debug/boot/vmlinux-$kver" ]; then continue; fi
    sed -e "s|@PROG@|$out/calls_n|g" -e "s|@KVER@|$kver|g" -e "s|@CHAIN@|$out/chain|g" -e "s|@NOFP@|$out/nofp_chain|g" -e "s|@WORK@|$work|g" -e "s|@DWARF@|$out/dwarf_O0|g" "$t" > "$out/$b.stp"
    compile "$out/$b.stp" "$b"
done
for s in "$here"/scripts/*.stp; do
    b=$(basename "$s" .stp)
    [ "$b" = wild ] && continue   # expanded from the guest's own /proc/kallsyms, compiled in the guest
    compile "$s" "$b"
done
# the one-liner suite (oneliners.sh): each compiled here as ol_NAME.stpb, run in the guest
one() {
    # shellcheck disable=SC2086   # flags are words; @KVER@ is the guest's kernel (BTF $vars, @cast)
    (cd "$out" && "$root/bin/stapvm" -p4 ${5//@KVER@/$kver} -m "ol_${1//-/_}" -e "$6" >/dev/null) ||
        { echo "kmod: cannot compile one-liner $1"; echo "0 passed, 1 failed"; exit 1; }
}
# shellcheck source=oneliners.sh
. "$here/oneliners.sh"
# every verifier rule's ko case, with the rejection text it must produce (also in the kernel)
for s in "$root"/runtime-native/vm/tests/ko/*.s; do
    b=$(basename "$s" .s)
    python3 "$root/runtime-native/vm/tools/stapvm-as" "$s" "$out/ko/$b.stvm" 2>/dev/null || continue
    sed -n 's/^; expect-reject: //p' "$s" > "$out/ko/$b.expect"
done

fi

# KMOD_GUEST_TIMEOUT: a longer bound for a loaded machine (TCG slows with the host)
in_guest "$out/guest.log" --timeout "${KMOD_GUEST_TIMEOUT:-1200}" --env "KMOD_OUT=$out" --env "KMOD=$kmod" --env "ROOT=$root" \
    --env "FUZZ_LOAD=${FUZZ_LOAD:-20000}" --env "ALLOC_CHURN=${ALLOC_CHURN:-3}" --env "ONELINERS_JVM=${ONELINERS_JVM:-}" \
    --env "KMOD_ONLY=${KMOD_ONLY:-}" --env "JAVA_HOOK_DIR=$java_hook_dir" \
    -- bash "$here/guest.sh"
