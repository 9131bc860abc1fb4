#!/usr/bin/env python3
"""triage.py: runs every conformance case through bin/stapvm -p4 + stapvm-exec and classifies it.

Classes: pass, compile-mismatch (stap failed in pass 1-3 and our diagnostics differ, or we
fail/succeed where stap did the opposite), output-mismatch (stdout/stderr/rc of the run differ),
needs-runner (timers or other pass-5 runner features that stapvm-exec does not provide).

usage: conformance/tools/triage.py [-j N] [-v] [-d] [NAME ...]
  -v  print each case's class;  -d  print a diff for each failure.
"""
import argparse
import concurrent.futures as cf
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CASES = os.path.join(ROOT, "conformance", "cases")
STAPVM = os.path.join(ROOT, "bin", "stapvm")
EXEC = os.path.join(ROOT, "runtime-native", "vm", "build", "stapvm-exec")
RUNNER_ONLY = re.compile(r"\btimer\.|\bprocfs\b|\bnever\b")


def headers(src):
    args, opts = [], []
    for line in src.splitlines():
        if not line.startswith("#"):
            break
        m = re.match(r"#\s*(args|stap-opts):\s*(.*)", line)
        if m:
            (args if m.group(1) == "args" else opts).extend(m.group(2).split())
    return args, opts


def norm_compile_err(text):
    """Drops Debian's Tip line and the installation-dependent similar: lists."""
    lines = [l for l in text.splitlines() if not l.startswith("Tip: /usr/share/doc/systemtap")]
    return "\n".join(re.sub(r" \(similar: [^)]*\)", "", l) for l in lines)


def norm_run_err(text):
    """Drops the closing error-count line: printing it is the runner's job."""
    return "\n".join(l for l in text.splitlines() if not l.startswith("WARNING: Number of errors:"))


def read(name, ext):
    with open(os.path.join(CASES, name + "." + ext), errors="replace") as f:
        return f.read()


def run_case(name, work):
    src = read(name, "stp")
    args, opts = headers(src)
    exp_out, exp_err, exp_rc = read(name, "out"), read(name, "err"), int(read(name, "rc").strip())
    mod = "conf_" + name
    stap_compile_failed = exp_rc != 0 and re.search(r"^Pass [1-4]: .*failed", exp_err, re.M)
    c = subprocess.run([STAPVM, "-p4", "-m", mod] + opts + [name + ".stp"] + args,
                       cwd=work, capture_output=True, text=True, errors="replace", timeout=120)
    if stap_compile_failed:
        if c.returncode == 0:
            return "compile-mismatch", "stap failed to compile, we compiled", exp_err, c.stderr
        if norm_compile_err(c.stderr) != norm_compile_err(exp_err) or c.stdout != exp_out:
            return "compile-mismatch", "diagnostics differ", norm_compile_err(exp_err), norm_compile_err(c.stderr)
        return "pass", "", "", ""
    if c.returncode != 0:
        return "compile-mismatch", "stap compiled, we failed", exp_err, c.stderr
    if RUNNER_ONLY.search(src):
        return "needs-runner", "timer/runner probe", "", ""
    r = subprocess.run([EXEC, mod + ".stpb"], cwd=work, capture_output=True, text=True,
                       errors="replace", timeout=60)
    got = "--- stdout\n" + r.stdout + "--- stderr\n" + norm_run_err(r.stderr) + "\n--- rc %d\n" % r.returncode
    want = "--- stdout\n" + exp_out + "--- stderr\n" + norm_run_err(exp_err) + "\n--- rc %d\n" % exp_rc
    if got != want:
        return "output-mismatch", "run differs", want, got
    return "pass", "", "", ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("-v", action="store_true")
    ap.add_argument("-d", action="store_true")
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()
    names = a.names or sorted(f[:-4] for f in os.listdir(CASES) if f.endswith(".stp"))
    work = tempfile.mkdtemp(prefix="triage.")
    for f in os.listdir(CASES):
        shutil.copy(os.path.join(CASES, f), work)
    counts = {}
    try:
        with cf.ThreadPoolExecutor(a.j) as ex:
            results = list(ex.map(lambda n: (n,) + run_case(n, work), names))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for name, cls, why, want, got in results:
        counts[cls] = counts.get(cls, 0) + 1
        if a.v or (a.d and cls != "pass"):
            print("%-16s %-32s %s" % (cls, name, why))
        if a.d and cls not in ("pass", "needs-runner"):
            sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                                       "expected", "stapvm", n=2))
            print()
    print(" ".join("%s=%d" % (k, counts[k]) for k in sorted(counts)), "total=%d" % len(names))


if __name__ == "__main__":
    main()
