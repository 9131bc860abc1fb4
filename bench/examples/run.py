#!/usr/bin/env python3
"""How many of SystemTap's example scripts stapvm elaborates (-p2) and compiles (-p4).

Each example of /usr/share/systemtap/examples is run with the options and arguments of its own
.meta `test_installcheck:` line (the first one; the script named there, -c/-x kept: they do not run
at -p2/-p4), plus `-pN -r KVER` for the guest's kernel (runtime-native/guest/kver.sh). Prints one
line per example that fails with its first error line, then the totals.
Usage: run.py [-p 2|4|both] [--runtime kernel|user] [--list] [--jobs N] [--write-guard FILE] [EXAMPLES_DIR]
(without --runtime stapvm picks one as it does for a user: kernel when /dev/stapvm exists)
"""
import argparse
import os
import shlex
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
STAPVM = os.path.join(ROOT, "bin", "stapvm")


def installcheck_args(meta, script):
    """The arguments of the meta file's test_installcheck line, the script given by its full path."""
    line = None
    for text in open(meta, errors="replace"):
        if text.startswith("test_installcheck:"):
            line = text.split(":", 1)[1].strip()
            break
    if line is None:
        return [script]
    try:
        words = shlex.split(line)
    except ValueError:
        return [script]
    if words and words[0] == "stap":
        words = words[1:]
    name = os.path.basename(script)
    # the stage is the count's own -pN: a -pN of the line itself is left out
    return [script if w == name else w for w in words if not (len(w) == 3 and w.startswith("-p") and w[2].isdigit())]


def examples(root):
    for d, _, files in sorted(os.walk(root)):
        for f in sorted(files):
            if f.endswith(".stp"):
                script = os.path.join(d, f)
                meta = script[:-4] + ".meta"
                yield script, (installcheck_args(meta, script) if os.path.exists(meta) else [script])


def first_error(text):
    for line in text.splitlines():
        if "error" in line.lower() or line.startswith("ERROR"):
            return line.strip()
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[0].strip() if lines else "(no output)"


def run(args, stage, kver, runtime):
    cmd = [STAPVM] + ([f"--runtime={runtime}"] if runtime else []) + [a for a in args] + ["-p" + stage, "-r", kver]
    try:
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                           timeout=120, cwd=os.path.dirname(args[0]) if os.path.isabs(args[0]) else None)
    except subprocess.TimeoutExpired:
        return False, "timeout (120 s)"
    return p.returncode == 0, first_error(p.stderr) if p.returncode else ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-p", default="both", choices=["2", "4", "both"])
    ap.add_argument("--runtime", choices=["kernel", "user"])
    ap.add_argument("--list", action="store_true", help="also list the examples that pass")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--write-guard", metavar="FILE",
                    help="write the -p4 passes to FILE for cli's ExamplesGuardTest: one a line, the example's path "
                         "then its arguments, tab-separated, {script} for the script")
    ap.add_argument("root", nargs="?", default="/usr/share/systemtap/examples")
    o = ap.parse_args()
    kver = subprocess.run([os.path.join(ROOT, "runtime-native/guest/kver.sh")], capture_output=True,
                          text=True, check=True).stdout.strip()
    subprocess.run([STAPVM, "-p1", "-e", "probe begin {}"], capture_output=True)  # build outside the count
    stages = ["2", "4"] if o.p == "both" else [o.p]
    todo = list(examples(o.root))
    for stage in stages:
        with ThreadPoolExecutor(o.jobs) as pool:
            results = list(pool.map(lambda e: run(e[1], stage, kver, o.runtime), todo))
        ok = 0
        guard = []
        for (script, args), (passed, err) in zip(todo, results):
            rel = os.path.relpath(script, o.root)
            if passed:
                ok += 1
                guard.append("\t".join([rel] + ["{script}" if a == script else a for a in args]))
                if o.list:
                    print(f"-p{stage} ok   {rel}")
            else:
                print(f"-p{stage} FAIL {rel}: {err}")
        rt = f" --runtime={o.runtime}" if o.runtime else ""
        if o.write_guard and stage == "4":
            with open(o.write_guard, "w") as f:
                f.write("".join(line + "\n" for line in guard))
        print(f"-p{stage}: {ok} of {len(todo)} examples pass (stapvm{rt} -p{stage} -r {kver})")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
