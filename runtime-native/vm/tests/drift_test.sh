#!/usr/bin/env bash
# drift_test.sh: proves gen-check fails when opcodes.def, probes.def or format.def changes without regenerating the Java enums and docs.
set -u
vm=$(cd "$(dirname "$0")/.." && pwd); root=$(cd "$vm/../.." && pwd)
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
mkdir -p "$t/runtime-native/vm" "$t/docs" "$t/compiler/src/main/java/org/stapvm/compiler/bytecode" "$t/probes/src/main/java/org/stapvm/probes" "$t/compiler/src/main/java/org/stapvm/compiler/module"
cp -r "$vm/tools" "$vm/doc" "$vm/opcodes.def" "$vm/helpers.def" "$vm/probes.def" "$vm/format.def" "$t/runtime-native/vm/"
cp "$root/docs/bytecode.md" "$t/docs/"
cp "$root/compiler/src/main/java/org/stapvm/compiler/bytecode/Opcode.java" "$t/compiler/src/main/java/org/stapvm/compiler/bytecode/"
cp "$root/probes/src/main/java/org/stapvm/probes/ProbeKind.java" "$t/probes/src/main/java/org/stapvm/probes/"
cp "$root/compiler/src/main/java/org/stapvm/compiler/module/ModuleFormat.java" "$t/compiler/src/main/java/org/stapvm/compiler/module/"
pass=0; fail=0
if python3 "$t/runtime-native/vm/tools/gen_bytecode.py" --check >/dev/null; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: clean copy reported drift"; fi
echo 'OP(FOO, 0x7f, N, NONE, NONE, NONE, NONE, PLAIN, "drift probe")' >> "$t/runtime-native/vm/opcodes.def"
out=$(python3 "$t/runtime-native/vm/tools/gen_bytecode.py" --check); rc=$?
if [ $rc -ne 0 ] && grep -q "DRIFT: compiler/src/main/java/org/stapvm/compiler/bytecode/Opcode.java" <<<"$out" && grep -q "DRIFT: docs/bytecode.md" <<<"$out"; then
  pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: drift not detected (rc=$rc): $out"; fi
cp "$vm/opcodes.def" "$t/runtime-native/vm/"
echo 'PROBE(FOO, 99, PR_USER, 0, 0, 0, 0, "drift probe")' >> "$t/runtime-native/vm/probes.def"
out=$(python3 "$t/runtime-native/vm/tools/gen_bytecode.py" --check); rc=$?
if [ $rc -ne 0 ] && grep -q "DRIFT: probes/src/main/java/org/stapvm/probes/ProbeKind.java" <<<"$out" && grep -q "DRIFT: docs/bytecode.md" <<<"$out" \
   && ! grep -q "Opcode.java" <<<"$out"; then
  pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: probes.def drift not detected (rc=$rc): $out"; fi
cp "$vm/probes.def" "$t/runtime-native/vm/"
sed -i -E 's/^(LIMIT\(maxaction, +MAXACTION, +32, +)1000,/\12000,/' "$t/runtime-native/vm/format.def"
grep -q '^LIMIT(maxaction, *MAXACTION, *32, *2000,' "$t/runtime-native/vm/format.def" || { fail=$((fail+1)); echo "FAIL: the drift edit did not apply"; }
out=$(python3 "$t/runtime-native/vm/tools/gen_bytecode.py" --check); rc=$?
if [ $rc -ne 0 ] && grep -q "DRIFT: compiler/src/main/java/org/stapvm/compiler/module/ModuleFormat.java" <<<"$out" && grep -q "DRIFT: docs/bytecode.md" <<<"$out"; then
  pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: format.def drift not detected (rc=$rc): $out"; fi
echo "drift: $pass passed, $fail failed"
[ $fail -eq 0 ]
