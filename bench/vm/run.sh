#!/usr/bin/env bash
# run.sh: callgrind host instructions per bytecode instruction for the int, array and string
# workloads (goto, switch and retpoline builds of the interpreter) against the same algorithm in
# C at -O2, plus wall-clock ns. WORKLOADS="int array string" and VARIANTS select what runs;
# BASE=REV also builds each variant from the interpreter sources of git revision REV (shown as
# VARIANT@base), so a change is measured against its base side by side in one run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
vm=$here/../../runtime-native/vm
out=$here/../out/vm
mkdir -p "$out"
CC=${CC:-gcc}
# the interpreter core and userspace host of vm directory $1, as its core.mk lists them
srcs() { for k in VM_CORE_NAMES VM_HOST_USER; do sed -n "s/^$k *:= *//p" "$1/core.mk"; done |
  sed 's/\$(VM_DIR)//g; s|[^ ]*|'"$1"'/&|g'; }
declare -A BODY=([int]=7 [array]=7 [string]=6)   # bytecode instructions per loop iteration
N1=${N1:-100000}; N2=${N2:-200000}; NT=${NT:-20000000}; NSRUNS=${NSRUNS:-5}   # wall time: best of NSRUNS
WORKLOADS=${WORKLOADS:-"int array string"}
VARIANTS=${VARIANTS:-"goto switch goto-retpoline switch-retpoline"}
declare -A FLAGS=(
  [goto]=""
  [switch]="-DSTAPVM_DISPATCH_SWITCH"
  [goto-retpoline]="-mindirect-branch=thunk -mindirect-branch-register"
  [switch-retpoline]="-DSTAPVM_DISPATCH_SWITCH -mindirect-branch=thunk -mindirect-branch-register"
)

ir() { # total Ir of a command under callgrind
  valgrind --tool=callgrind --callgrind-out-file="$out/cg.out" "$@" >/dev/null 2>"$out/cg.err"
  grep -m1 '^summary:' "$out/cg.out" | awk '{print $2}'
}
per() { python3 -c "print(($2 - $1) / ($N2 - $N1))"; }   # per-iteration cost from two sizes

build() { # build VARIANT NAME VMDIR
  $CC -std=gnu11 -O2 -fno-gcse -fno-crossjumping ${FLAGS[$1]} -I"$3" -o "$out/bench_$2" "$here/bench_vm.c" $(srcs "$3")
}
$CC -O2 -o "$out/loop_native" "$here/loop_native.c"
if [ -n "${BASE:-}" ]; then
  rm -rf "$out/base" && mkdir -p "$out/base"
  git -C "$here/../.." archive "$BASE" runtime-native/vm runtime-native/user | tar -x -C "$out/base"
fi
RUN=""
for v in $VARIANTS; do
  if [ -n "${BASE:-}" ]; then build "$v" "$v@base" "$out/base/runtime-native/vm"; RUN+=" $v@base"; fi
  build "$v" "$v" "$vm"; RUN+=" $v"
done

printf '%-8s %-22s %14s %14s %12s %12s\n' workload variant "Ir/iteration" "Ir/bytecode" "x C -O2" "ns/bytecode"
for w in $WORKLOADS; do
  for n in $N1 $N2 $NT; do
    sed "s/@N@/$n/" "$here/loop_$w.s.in" > "$out/$w$n.s"
    python3 "$vm/tools/stapvm-as" "$out/$w$n.s" "$out/$w$n.stvm"
  done
  cper=$(per "$(ir "$out/loop_native" "$w" $N1)" "$(ir "$out/loop_native" "$w" $N2)")
  printf '%-8s %-22s %14.2f %14s %12s %12s\n' "$w" "C -O2" "$cper" - 1.00 -
  for v in $RUN; do
    it=$(per "$(ir "$out/bench_$v" "$out/$w$N1.stvm")" "$(ir "$out/bench_$v" "$out/$w$N2.stvm")")
    ns=$(for r in $(seq "$NSRUNS"); do "$out/bench_$v" "$out/$w$NT.stvm" | sed 's/.*ns=//'; done | sort -n | head -1)
    python3 -c "
b = ${BODY[$w]}; it = $it; c = $cper; ns = $ns; nt = $NT
print(f'{\"$w\":<8} {\"$v\":<22} {it:14.2f} {it / b:14.2f} {it / c:12.2f} {ns / (nt * b):12.3f}')"
  done
done
