"""defs.py: reads opcodes.def and helpers.def (the single source of truth) for the generator and the assembler."""
import os
import re

VM_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _rows(path, macro, nfields):
    rows = []
    for line in open(path):
        line = line.strip()
        if not line.startswith(macro + "("):
            continue
        body = line[len(macro) + 1:line.rindex(")")]
        parts = [p.strip() for p in body.split(",", nfields - 1)]
        doc = parts[-1]
        assert doc.startswith('"') and doc.endswith('"'), line
        parts[-1] = doc[1:-1].replace('\\"', '"')
        rows.append(parts)
    return rows


class Op:
    def __init__(self, r):
        self.name, num, self.fmt, a, b, c, x, self.vclass, self.doc = r
        self.num = int(num, 0)
        self.kinds = [a, b, c, x]


class Helper:
    def __init__(self, r):
        self.name, hid, self.ret, ni, ns, impl, self.doc = r
        self.id, self.nint, self.nstr, self.implemented = int(hid), int(ni), int(ns), impl == "1"


def opcodes():
    ops = [Op(r) for r in _rows(os.path.join(VM_DIR, "opcodes.def"), "OP", 9)]
    nums = [o.num for o in ops]
    assert len(set(nums)) == len(nums), "duplicate opcode number"
    return ops


def helpers():
    hs = [Helper(r) for r in _rows(os.path.join(VM_DIR, "helpers.def"), "HELPER", 7)]
    ids = [h.id for h in hs]
    assert len(set(ids)) == len(ids) and max(ids) < 180, "bad helper ids (SVM_MAX_HELPER is 180)"
    return hs
