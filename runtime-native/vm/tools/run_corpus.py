#!/usr/bin/env python3
"""run_corpus.py: runs tests/ok (expected output / errors) and tests/ko (exact rejection) through a stapvm-exec binary."""
import glob
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import importlib.machinery  # noqa: E402
import importlib.util  # noqa: E402

here = os.path.dirname(os.path.abspath(__file__))
loader = importlib.machinery.SourceFileLoader("stapvm_as", os.path.join(here, "stapvm-as"))
spec = importlib.util.spec_from_loader("stapvm_as", loader)
asm = importlib.util.module_from_spec(spec)
loader.exec_module(asm)


def directives(text, key):
    out = []
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("; " + key + ":"):
            v = s[len(key) + 3:]
            out.append(v[1:] if v.startswith(" ") else v)
    return out


def run_one(exe, path, ok):
    text = open(path).read()
    data = asm.assemble(text)
    with tempfile.NamedTemporaryFile(suffix=".stvm", delete=False) as t:
        t.write(data)
    try:
        p = subprocess.run([exe, t.name], capture_output=True, text=True, timeout=60)
    finally:
        os.unlink(t.name)
    if p.returncode not in (0, 1, 3):
        return f"crashed (exit {p.returncode}): {p.stderr[-2000:]}"
    for flag, key in (("--locks", "expect-locks"), ("--iters", "expect-iters")):
        want = directives(text, key)
        if not (ok and want):
            continue
        with open(t.name, "wb") as f:
            f.write(data)
        try:
            q = subprocess.run([exe, flag, t.name], capture_output=True, text=True, timeout=60)
        finally:
            os.unlink(t.name)
        got = q.stdout.splitlines()
        if got != want:
            return f"{flag[2:]} {got!r} != expected {want!r}"
    if ok:
        want_out = "".join(x + "\n" for x in directives(text, "expect"))
        want_err = "".join(x + "\n" for x in directives(text, "expect-error"))
        if p.returncode == 3:
            return f"rejected: {p.stdout.strip()}"
        if p.stdout != want_out:
            return f"stdout {p.stdout!r} != expected {want_out!r}"
        if p.stderr != want_err:
            return f"stderr {p.stderr!r} != expected {want_err!r}"
    else:
        want = directives(text, "expect-reject")
        if len(want) != 1:
            return "ko case needs exactly one '; expect-reject:' line"
        got = p.stdout.strip()
        if got != "REJECT: " + want[0]:
            return f"got {got!r}, expected 'REJECT: {want[0]}'"
    return None


def main():
    exe, root = sys.argv[1], sys.argv[2]
    passed = failed = 0
    for kind in ("ok", "ko"):
        for path in sorted(glob.glob(os.path.join(root, kind, "*.s"))):
            try:
                why = run_one(exe, path, kind == "ok")
            except Exception as e:  # an assembler failure is a test failure, never a crash of the runner
                why = f"assembler: {e}"
            name = os.path.relpath(path, root)
            if why:
                failed += 1
                print(f"FAIL {name}: {why}")
            else:
                passed += 1
    print(f"corpus ({os.path.basename(exe)}): {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
