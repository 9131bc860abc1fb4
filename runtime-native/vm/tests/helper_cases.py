#!/usr/bin/env python3
"""helper_cases.py: every helper helpers.def marks implemented has its case in the interpreter's helper
switches (helpers*.c), and none marked later has one; prints "helper-cases: P passed, F failed"."""
import glob
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tools"))
import defs  # noqa: E402

cases = set()
for path in glob.glob(os.path.join(defs.VM_DIR, "helpers*.c")):
    cases |= set(re.findall(r"\bcase\s+H_(\w+)\s*:", open(path).read()))
passed = failed = 0
for h in defs.helpers():
    if (h.name in cases) == h.implemented:
        passed += 1
    else:
        failed += 1
        print(f"FAIL helper {h.name} ({h.id}): " + ("implemented in helpers.def but no 'case H_" + h.name + ":' in helpers*.c"
                                                   if h.implemented else "marked later in helpers.def but has a case"))
print(f"helper-cases: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
