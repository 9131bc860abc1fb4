#!/usr/bin/env python3
"""helper_cases.py: ties helpers.def to its users. Every implemented helper has its `case H_name`
in the interpreter's helper dispatch (vm/helpers*.c) and no case serves a reserved or unknown id;
every row is used by the compiler: typed from its row as the script function of its name
(sema/Builtins.java), or, when Builtins lists that name itself with a shape (print, printf, ...) or
the row is variadic, named as Opcode.Helper.NAME by the lowering; and Builtins retypes no helper
by hand. Prints 'helper_cases: N passed, M failed'."""
import glob
import os
import re
import sys

VM = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(os.path.dirname(VM))
sys.path.insert(0, os.path.join(VM, "tools"))
import defs  # noqa: E402

BUILTINS = os.path.join(ROOT, "compiler/src/main/java/org/stapvm/compiler/sema/Builtins.java")
LOWER = os.path.join(ROOT, "compiler/src/main/java/org/stapvm/compiler/lower")


def main():
    helpers = {h.name: h for h in defs.helpers()}
    cases = {}
    for path in sorted(glob.glob(os.path.join(VM, "helpers*.c"))):
        for m in re.finditer(r"\bcase H_(\w+)\s*:", open(path).read()):
            cases.setdefault(m.group(1), []).append(os.path.basename(path))
    src = open(BUILTINS).read()
    hand_fixed = set(re.findall(r'\bfixed\("(\w+)"', src))
    shaped = set(re.findall(r'\bshaped\("(\w+)"', src))
    lowering = "".join(open(p).read() for p in glob.glob(os.path.join(LOWER, "*.java")))
    named = set(re.findall(r"Opcode\.Helper\.(\w+)", lowering))

    problems = []
    checks = 0
    for name, h in helpers.items():
        checks += 1
        where = cases.get(name, [])
        if h.implemented and len(where) != 1:
            problems.append(f"helper {name} (id {h.id}) is implemented but has {len(where)} cases in vm/helpers*.c {where}")
        if not h.implemented and where:
            problems.append(f"helper {name} (id {h.id}) is reserved but has a case in {where}")
        checks += 1
        if name in hand_fixed:
            problems.append(f"Builtins.java types helper {name} by hand; its helpers.def row types it")
        checks += 1
        typed = h.implemented and not h.variadic and name not in shaped
        if h.implemented and not typed and name.upper() not in named:
            problems.append(f"helper {name} is neither typed as a script function nor named by the lowering (Opcode.Helper.{name.upper()})")
    for name, where in cases.items():
        checks += 1
        if name not in helpers:
            problems.append(f"case H_{name} in {where} names no helpers.def row")
    for p in problems:
        print("FAIL:", p)
    print(f"helper_cases: {checks - len(problems)} passed, {len(problems)} failed")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
