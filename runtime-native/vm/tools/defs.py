"""defs.py: reads opcodes.def, helpers.def, probes.def and format.def (the single source of truth) for the generator and the assembler."""
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
    """One HELPER row; nint/nstr count its L and S parameters, -1 for a variadic helper (as the assembler wants)."""
    def __init__(self, r):
        self.name, hid, self.ret, params, impl, self.priv, self.doc = r
        assert self.priv in ("USR", "DEV", "KMEM"), r
        assert params.startswith('"') and params.endswith('"'), r
        self.params = params[1:-1]
        assert all(c in "LS" for c in self.params.rstrip("*")) and self.params.count("*") <= 1, r
        self.variadic = self.params.endswith("*")
        self.id, self.implemented = int(hid), impl == "1"
        self.nint = -1 if self.variadic else self.params.count("L")
        self.nstr = -1 if self.variadic else self.params.count("S")


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


class ProbeKind:
    def __init__(self, r, bits):
        self.name, num, rt, needs, may, flags, ctx, self.doc = r
        self.num = int(num, 0)

        def bitset(text):
            return 0 if text == "0" else sum(bits[b.strip()] for b in text.split("|"))
        self.runtimes, self.needs, self.may = bitset(rt), bitset(needs), bitset(may)
        self.flags, self.context = bitset(flags), bitset(ctx)
        self.words = {"runtimes": rt, "needs": needs, "may": may, "flags": flags, "context": ctx}


def probe_bits():
    """PROBE_BIT rows: name -> (value, doc), in table order."""
    return {r[0]: (int(r[1], 0), r[2]) for r in _rows(os.path.join(VM_DIR, "probes.def"), "PROBE_BIT", 3)}


def probe_kinds():
    bits = {k: v for k, (v, _) in probe_bits().items()}
    ks = [ProbeKind(r, bits) for r in _rows(os.path.join(VM_DIR, "probes.def"), "PROBE", 8)]
    nums = [k.num for k in ks]
    assert len(set(nums)) == len(nums) and min(nums) > 0, "bad probe kind numbers"
    return ks


class Limit:
    def __init__(self, r):
        self.field, self.name, bits, d, lo, hi, self.doc = r
        self.bits, self.default, self.lo, self.hi = int(bits), int(d, 0), int(lo, 0), int(hi, 0)
        assert self.bits in (32, 64) and self.lo <= self.default <= self.hi, "bad limit " + self.name
        self.fmt = "I" if self.bits == 32 else "Q"


class Format:
    """format.def: version, sections (name -> (id, text)), records (name -> (bytes, doc)), limits in order."""
    def __init__(self):
        path = os.path.join(VM_DIR, "format.def")
        self.version = int(_rows_plain(path, "FORMAT_VERSION")[0][0], 0)
        self.sections = {r[0]: (int(r[1], 0), r[2]) for r in _rows(path, "SECTION", 3)}
        self.records = {r[0]: (int(r[1], 0), r[2]) for r in _rows(path, "RECORD", 3)}
        self.limits = [Limit(r) for r in _rows(path, "LIMIT", 7)]
        self.limit_flags = {r[0]: (int(r[1], 0), r[2]) for r in _rows(path, "LIMIT_FLAG", 3)}
        (info, pkcs7, magic), = _rows(path, "SIGNATURE_TRAILER", 3)
        # the magic as written in C (escapes kept), for the Java literal
        self.sig_info, self.sig_pkcs7, self.sig_magic = int(info, 0), int(pkcs7, 0), magic
        (bversion, bmagic), = _rows(path, "BUNDLE", 2)
        self.bundle_version, self.bundle_magic = int(bversion, 0), bmagic
        ids = [i for i, _ in self.sections.values()]
        assert len(set(ids)) == len(ids) and min(ids) > 0, "bad section ids"
        flags = [lim for lim in self.limits if lim.name == "FLAGS"]
        assert len(flags) == 1 and flags[0].hi == sum(b for b, _ in self.limit_flags.values()), \
            "FLAGS' max is not the sum of the LIMIT_FLAG bits"


def _rows_plain(path, macro):
    return [line.strip()[len(macro) + 1:line.strip().rindex(")")].split(",")
            for line in open(path) if line.strip().startswith(macro + "(")]


def module_format():
    return Format()
