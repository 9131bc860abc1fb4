#!/usr/bin/env python3
"""Writes the function table of tapsets/README.md from the man pages of systemtap-doc.

Every documented function::NAME (man3) gets one row: implemented (the tapset file that defines it,
or "native" for a helper of runtime-native/vm/helpers.def lowered by the compiler), or refused /
not yet with the reason given in function-status.txt, and the conformance cases that call it
(expected output recorded from real stap 4.8). Usage: function_table.py [--check]
"""
import fnmatch
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TAPSETS = os.path.dirname(HERE)
ROOT = os.path.dirname(TAPSETS)
sys.path.insert(0, os.path.join(ROOT, "runtime-native/vm/tools"))
import defs  # noqa: E402  (helpers.def, as the generator reads it)
MAN3 = "/usr/share/man/man3"
README = os.path.join(TAPSETS, "README.md")
BEGIN, END = "<!-- function-table:begin -->", "<!-- function-table:end -->"


def documented():
    names = set()
    for f in os.listdir(MAN3):
        m = re.match(r"function::(.+)\.3stap", f)
        if m:
            names.add(m.group(1))
    return sorted(names, key=lambda n: (n.lower(), n))


def tapset_definitions():
    defs = {}
    for d, _, files in os.walk(TAPSETS):
        for f in sorted(files):
            if f.endswith(".stp"):
                path = os.path.join(d, f)
                for name in re.findall(r"^function\s+([A-Za-z_][A-Za-z0-9_]*)", open(path).read(), re.M):
                    defs.setdefault(name, os.path.relpath(path, TAPSETS))
    return defs


def natives():
    """Names of the compiler's native functions (sema/Builtins.java) that the runtime implements:
    Builtins' own entries that are helpers or lowered by the compiler, and every implemented
    non-variadic helper of helpers.def, which Builtins types from its row."""
    src = open(os.path.join(ROOT, "compiler/src/main/java/org/stapvm/compiler/sema/Builtins.java")).read()
    listed = set(re.findall(r'(?:fixed|shaped)\("([^"]+)"', src))
    helpers = {h.name: h for h in defs.helpers()}
    lowered = set(re.findall(r'case ((?:"[a-z_]+",?\s*)+)->', open(os.path.join(ROOT, "compiler/src/main/java/org/stapvm/compiler/lower/CallLowering.java")).read()))
    lowered = {n for group in lowered for n in re.findall(r'"([a-z_]+)"', group)}
    typed = {n for n, h in helpers.items() if h.implemented and not h.variadic}
    return {b for b in listed if (b in helpers and helpers[b].implemented) or b in lowered} | typed


def statuses():
    """function-status.txt: 'PATTERN refused|not-yet REASON' lines (fnmatch patterns)."""
    rows = []
    for line in open(os.path.join(HERE, "function-status.txt")):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        pattern, status, reason = line.split(None, 2)
        rows.append((pattern, status, reason))
    return rows


def tested_by():
    cases = {}
    cdir = os.path.join(ROOT, "conformance/cases")
    for f in sorted(os.listdir(cdir)):
        if f.endswith(".stp"):
            text = open(os.path.join(cdir, f)).read()
            for name in set(re.findall(r"\b([A-Za-z_][A-Za-z0-9_]*)\s*\(", text)):
                cases.setdefault(name, []).append(f[:-4])
    return cases


def table():
    defs, native, status, tests = tapset_definitions(), natives(), statuses(), tested_by()
    lines = ["| function | status | where / why | conformance cases |", "|---|---|---|---|"]
    counts = {}
    for name in documented():
        if name in defs:
            st, where = "implemented", "`" + defs[name] + "`"
        elif name in native:
            st, where = "implemented", "native (compiler + `runtime-native/vm`)"
        else:
            st, where = "not yet", "not written yet"
            for pattern, s, reason in status:
                if fnmatch.fnmatchcase(name, pattern):
                    st, where = s.replace("-", " "), reason
                    break
        counts[st] = counts.get(st, 0) + 1
        t = tests.get(name, [])
        shown = ", ".join(t[:3]) + (" (+%d)" % (len(t) - 3) if len(t) > 3 else "")
        lines.append("| `%s` | %s | %s | %s |" % (name.replace("|", "\\|"), st, where, shown or "—"))
    summary = ", ".join("%d %s" % (counts[k], k) for k in sorted(counts))
    return "%d documented functions: %s.\n\n" % (sum(counts.values()), summary) + "\n".join(lines) + "\n"


def main():
    text = open(README).read()
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    new = text[:start] + "\n" + table() + text[end:]
    if "--check" in sys.argv:
        if new != text:
            print("DRIFT: tapsets/README.md: run tapsets/tools/function_table.py")
            return 1
        return 0
    open(README, "w").write(new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
