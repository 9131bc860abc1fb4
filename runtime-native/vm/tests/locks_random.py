#!/usr/bin/env python3
"""locks_random.py: random call graphs (cycles, recursion, shared callees) checked against the lock lists stapvm-exec --locks prints."""
import importlib.machinery
import importlib.util
import os
import random
import subprocess
import tempfile

loader = importlib.machinery.SourceFileLoader("stapvm_as", "tools/stapvm-as")
spec = importlib.util.spec_from_loader("stapvm_as", loader)
asm = importlib.util.module_from_spec(spec)
loader.exec_module(asm)
tmp = tempfile.mkdtemp()
mod = os.path.join(tmp, "m.stvm")
bad = 0
N = 200
for seed in range(N):
    r = random.Random(seed)
    nf, ng = r.randint(1, 12), r.randint(1, 70)
    own = []; calls = []
    lines = [f".global g{i} int" for i in range(ng)]
    for f in range(nf):
        o = {}; c = []
        body = []
        for _ in range(r.randint(0, 6)):
            k = r.random()
            if k < 0.4:
                g = r.randrange(ng); w = r.random() < 0.4
                body.append(f"  {'gset' if w else 'gget'} r0, g{g}"); o[g] = o.get(g, False) or w
            else:
                t = r.randrange(nf); c.append(t); body.append(f"  call r0, r0, s0, f{t}")
        own.append(o); calls.append(c)
        lines += [f".func f{f} ret=void iregs=1", "  ldi r0, 0"] + body + ["  retv", ".end"]
    for f in range(nf): lines.append(f'.probe timer f{f} period={f+1}000000000 pp=timer.s({f+1})')
    data = asm.assemble("\n".join(lines) + "\n")
    open(mod, "wb").write(data)
    out = subprocess.run(["build/stapvm-exec", "--locks", mod], capture_output=True, text=True).stdout.splitlines()
    for f in range(nf):
        seen = {f}; todo = [f]; acc = {}
        while todo:
            x = todo.pop()
            for g, w in own[x].items(): acc[g] = acc.get(g, False) or w
            for t in calls[x]:
                if t not in seen: seen.add(t); todo.append(t)
        want = f"probe {f} timer.s({f+1}):" + "".join(f" {g}{'w' if acc[g] else 'r'}" for g in sorted(acc))
        if f >= len(out) or out[f] != want:
            bad += 1
            print(f"FAIL seed {seed}: {out[f] if f < len(out) else out!r} != {want}")
            break
os.unlink(mod)
os.rmdir(tmp)
# the expected sets: each function's own reads/writes joined over everything it reaches by calls
print(f"locks-random: {N - bad} passed, {bad} failed")
