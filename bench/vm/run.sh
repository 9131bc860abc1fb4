#!/usr/bin/env bash
# run.sh: callgrind host instructions per bytecode instruction (goto, switch, retpoline variants) vs C -O2, plus wall-clock ns.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
vm=$here/../../runtime-native/vm
out=$here/../out/vm
mkdir -p "$out"
CC=${CC:-gcc}
SRC="$vm/opinfo.c $vm/text.c $vm/module_load.c $vm/verify.c $vm/maps.c $vm/interp.c $vm/helpers.c $vm/stapvm.c $vm/host_user.c"
BODY=7                       # bytecode instructions per loop iteration (mul shr xor add addi lt jnz)
N1=${N1:-100000}; N2=${N2:-200000}; NT=${NT:-50000000}

for n in $N1 $N2 $NT; do
  sed "s/@N@/$n/" "$here/loop.s.in" > "$out/loop$n.s"
  python3 "$vm/tools/stapvm-as" "$out/loop$n.s" "$out/loop$n.stvm"
done
declare -A FLAGS=(
  [goto]=""
  [switch]="-DSTAPVM_DISPATCH_SWITCH"
  [goto-retpoline]="-mindirect-branch=thunk -mindirect-branch-register"
  [switch-retpoline]="-DSTAPVM_DISPATCH_SWITCH -mindirect-branch=thunk -mindirect-branch-register"
)
$CC -O2 -o "$out/loop_native" "$here/loop_native.c"

ir() { # total Ir of a command under callgrind
  valgrind --tool=callgrind --callgrind-out-file="$out/cg.out" "$@" >/dev/null 2>"$out/cg.err"
  grep -m1 '^summary:' "$out/cg.out" | awk '{print $2}'
}

c1=$(ir "$out/loop_native" $N1); c2=$(ir "$out/loop_native" $N2)
cper=$(python3 -c "print(f'{($c2-$c1)/($N2-$N1):.2f}')")
printf '%-18s %14s %14s %12s %12s\n' variant "Ir/iteration" "Ir/bytecode" "x C -O2" "ns/bytecode"
printf '%-18s %14s %14s %12s %12s\n' "C -O2" "$cper" "-" "1.00" "-"
for v in goto switch goto-retpoline switch-retpoline; do
  $CC -std=gnu11 -O2 -fno-gcse -fno-crossjumping ${FLAGS[$v]} -I"$vm" -o "$out/bench_$v" "$here/bench_vm.c" $SRC
  i1=$(ir "$out/bench_$v" "$out/loop$N1.stvm"); i2=$(ir "$out/bench_$v" "$out/loop$N2.stvm")
  ns=$("$out/bench_$v" "$out/loop$NT.stvm" | sed 's/.*ns=//')
  python3 - "$v" "$i1" "$i2" "$N1" "$N2" "$BODY" "$cper" "$ns" "$NT" <<'PY'
import sys
v, i1, i2, n1, n2, body, cper, ns, nt = sys.argv[1:]
it = (int(i2) - int(i1)) / (int(n2) - int(n1))
print(f"{v:<18} {it:14.2f} {it / int(body):14.2f} {it / float(cper):12.2f} {int(ns) / (int(nt) * int(body)):12.3f}")
PY
done
