#!/usr/bin/env python3
"""check_all.py: runs every vm test step, sums their 'N passed, M failed' lines and prints one closing line."""
import re
import subprocess
import sys

make = sys.argv[1] if len(sys.argv) > 1 else "make"
STEPS = [
    ["python3", "tools/gen_bytecode.py", "--check"],
    ["bash", "tests/drift_test.sh"],
    ["python3", "tests/helper_cases.py"],
    [make, "--no-print-directory", "-s", "kernel-style"],
    ["python3", "tools/run_corpus.py", "build/stapvm-exec", "tests"],
    ["python3", "tools/run_corpus.py", "build/stapvm-exec-switch", "tests"],
    [make, "--no-print-directory", "-s", "build/stapvm-exec-asan"],
    ["python3", "tools/run_corpus.py", "build/stapvm-exec-asan", "tests"],
    ["build/api_test"],
    ["python3", "tests/locks_random.py"],
    ["python3", "tests/helper_cases.py"],
    [make, "--no-print-directory", "-s", "build/fuzz"],
    ["build/fuzz", "build/corpus", "25"],
]
passed = failed = 0
for cmd in STEPS:
    try:
        p = subprocess.run(cmd, capture_output=True, text=True)
    except OSError as e:
        print(f"step {' '.join(cmd)}: {e}")
        failed += 1
        continue
    out = p.stdout + p.stderr
    sys.stdout.write(out)
    counted = False
    for m in re.finditer(r"(\d+) passed, (\d+) failed", out):
        passed += int(m.group(1))
        failed += int(m.group(2))
        counted = True
    if p.returncode != 0:
        print(f"step {' '.join(cmd)} exited {p.returncode}")
        if not counted or failed == 0:
            failed += 1
    elif not counted and cmd[0] == "python3" and "--check" in cmd:
        passed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
