#!/usr/bin/env python3
"""gen_bytecode.py: generates the Java Opcode, ProbeKind and ModuleFormat and docs/bytecode.md from the .def files; --check fails on drift."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import defs  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(defs.VM_DIR))
JAVA = os.path.join(ROOT, "compiler/src/main/java/org/stapvm/compiler/bytecode/Opcode.java")
FORMAT_JAVA = os.path.join(ROOT, "compiler/src/main/java/org/stapvm/compiler/module/ModuleFormat.java")
PROBE_JAVA = os.path.join(ROOT, "probes/src/main/java/org/stapvm/probes/ProbeKind.java")
DOC = os.path.join(ROOT, "docs/bytecode.md")
DOC_IN = os.path.join(defs.VM_DIR, "doc/bytecode.md.in")
KINDS = ["NONE", "IR", "SR", "IMM", "JMP", "KON", "STR", "GLB", "FN", "HLP", "IRW", "SRW", "AGW", "ITR", "SORT"]


def jstr(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def java(ops, hs):
    out = ["// GENERATED from runtime-native/vm/opcodes.def and helpers.def by tools/gen_bytecode.py: do not edit.",
           "package org.stapvm.compiler.bytecode;", "",
           "/** stapvm opcodes: numbers, operand kinds and docs, exactly as the C verifier and interpreter know them. */",
           "public enum Opcode {"]
    rows = []
    for o in ops:
        k = ", ".join("Kind." + x for x in o.kinds)
        rows.append(f"    {o.name}(0x{o.num:02x}, {jstr(o.fmt)}, {k}, {jstr(o.vclass)}, {jstr(o.doc)})")
    out.append(",\n".join(rows) + ";")
    out += ["",
            "    /** Operand kinds of the A, B, C (8-bit) and X (32-bit) fields. */",
            "    public enum Kind { " + ", ".join(KINDS) + " }",
            "",
            "    /**",
            "     * Builtin helpers with their stable ids and signatures: params has a letter a parameter in",
            "     * call order (L long, S string, a trailing * variadic); nint/nstr -1 means variadic.",
            "     */",
            "    public enum Helper {"]
    hrows = [f"        {h.name.upper()}({h.id}, {jstr(h.name)}, {jstr(h.ret)}, {jstr(h.params)}, {h.nint}, {h.nstr}, {str(h.implemented).lower()}, Privilege.{h.priv}, {jstr(h.doc)})" for h in hs]
    out.append(",\n".join(hrows) + ";")
    out += ["",
            "        /**",
            "         * helpers.def's privilege column: USR stapusr may call it; DEV stap refuses a script's call",
            "         * for stapusr; KMEM it reads kernel memory or state (the verifier refuses it in a stapusr module).",
            "         */",
            "        public enum Privilege { USR, DEV, KMEM }",
            "",
            "        public final int id, nint, nstr;",
            "        public final String mnemonic, ret, params, doc;",
            "        public final boolean implemented;",
            "        public final Privilege privilege;",
            "",
            "        Helper(int id, String mnemonic, String ret, String params, int nint, int nstr, boolean implemented,",
            "               Privilege privilege, String doc) {",
            "            this.id = id; this.mnemonic = mnemonic; this.ret = ret; this.params = params; this.nint = nint;",
            "            this.nstr = nstr; this.implemented = implemented; this.privilege = privilege; this.doc = doc;",
            "        }",
            "",
            "        /** Whether it takes a variable number of arguments after its fixed ones (the printf family). */",
            "        public boolean variadic() {",
            "            return params.endsWith(\"*\");",
            "        }",
            "    }",
            "",
            "    public final int number;",
            "    public final String format, verifierClass, doc;",
            "    public final Kind a, b, c, x;",
            "",
            "    Opcode(int number, String format, Kind a, Kind b, Kind c, Kind x, String verifierClass, String doc) {",
            "        this.number = number; this.format = format; this.a = a; this.b = b; this.c = c; this.x = x;",
            "        this.verifierClass = verifierClass; this.doc = doc;",
            "    }",
            "",
            "    /** Encodes one 64-bit instruction: opcode | A<<8 | B<<16 | C<<24 | X<<32. */",
            "    public long encode(int a, int b, int c, int x) {",
            "        return (number & 0xffL) | (a & 0xffL) << 8 | (b & 0xffL) << 16 | (c & 0xffL) << 24 | (x & 0xffffffffL) << 32;",
            "    }",
            "",
            "    /** Packs a helper operand: id | int argument count << 16 | string argument count << 24. */",
            "    public static int helperOperand(Helper h, int nint, int nstr) {",
            "        return h.id | nint << 16 | nstr << 24;",
            "    }",
            "}", ""]
    return "\n".join(out)


def probe_java(kinds, bits):
    def consts(prefix, what):
        rows = [f"        /** {jdoc(doc)} */\n        {n[len(prefix):]}({v})" for n, (v, doc) in bits.items() if n.startswith(prefix)]
        return [f"    /** {what} */", f"    public enum {what.split()[0]} {{", ",\n".join(rows) + ";", "",
                "        public final int bit;", "",
                f"        {what.split()[0]}(int bit) {{", "            this.bit = bit;", "        }", "    }", ""]

    def jdoc(t):
        return t.replace("*/", "*&#47;").replace("<", "&lt;").replace(">", "&gt;")
    out = ["// GENERATED from runtime-native/vm/probes.def by tools/gen_bytecode.py: do not edit.",
           "package org.stapvm.probes;", "",
           "/**",
           " * The probe kinds a module's probe record carries (runtime-native/vm/probes.def): the number the C",
           " * runtimes switch on, where each can be placed, the record fields it needs or may have, the flags it",
           " * may carry and what its hits have.",
           " */",
           "public enum ProbeKind {"]
    rows = []
    for k in kinds:
        rows.append(f"    /** {jdoc(k.doc)} */\n    {k.name}({k.num}, {k.runtimes}, {k.needs}, {k.may}, {k.flags}, {k.context}, {jstr(k.doc)})")
    out.append(",\n".join(rows) + ";")
    out.append("")
    out += consts("PF_", "Field of a probe record")
    out += consts("PFL_", "Flag of a probe record")
    out += ["    /** The kind's stable number (the record's u16 kind). */",
            "    public final int number;",
            "    /** One line from probes.def. */",
            "    public final String doc;",
            "    private final int runtimes, needs, may, flags, context;", "",
            "    ProbeKind(int number, int runtimes, int needs, int may, int flags, int context, String doc) {",
            "        this.number = number; this.runtimes = runtimes; this.needs = needs; this.may = may;",
            "        this.flags = flags; this.context = context; this.doc = doc;",
            "    }", "",
            f"    /** stapvm.ko places it. */",
            f"    public boolean kernel() {{ return (runtimes & {bits['PR_KERNEL'][0]}) != 0; }}", "",
            f"    /** The userspace runtime places it. */",
            f"    public boolean user() {{ return (runtimes & {bits['PR_USER'][0]}) != 0; }}", "",
            f"    /** A stapusr module (--privilege=stapusr) may carry it. */",
            f"    public boolean stapusr() {{ return (runtimes & {bits['PR_STAPUSR'][0]}) != 0; }}", "",
            "    /** A record of this kind must have field f. */",
            "    public boolean needs(Field f) { return (needs & f.bit) != 0; }", "",
            "    /** A record of this kind may have field f (needed or optional). */",
            "    public boolean allows(Field f) { return ((needs | may) & f.bit) != 0; }", "",
            "    /** A record of this kind may carry flag f. */",
            "    public boolean allows(Flag f) { return (flags & f.bit) != 0; }", "",
            f"    /** Its hits have the probed registers. */",
            f"    public boolean hasRegisters() {{ return (context & {bits['PC_REGS'][0]}) != 0; }}", "",
            f"    /** Its hits run for a user task. */",
            f"    public boolean hasUserTask() {{ return (context & {bits['PC_UTASK'][0]}) != 0; }}", "",
            f"    /** Its hits have a return value (a kind that allows {{@link Flag#RETURN}}: when the record has it). */",
            f"    public boolean hasReturnValue() {{ return (context & {bits['PC_RET'][0]}) != 0; }}", "",
            "    /** The kind numbered n, or null. */",
            "    public static ProbeKind byNumber(int n) {",
            "        for (ProbeKind k : values()) {",
            "            if (k.number == n) {",
            "                return k;",
            "            }",
            "        }",
            "        return null;",
            "    }",
            "}", ""]
    return "\n".join(out)


def format_java(f):
    out = ["// GENERATED from runtime-native/vm/format.def by tools/gen_bytecode.py: do not edit.",
           "package org.stapvm.compiler.module;", "",
           "/** The module file's contract as the C loader and verifier know it (runtime-native/vm/format.def). */",
           "public final class ModuleFormat {",
           "    private ModuleFormat() {}", "",
           "    /** The header's format version. */",
           f"    public static final int VERSION = {f.version};", ""]
    out.append("    /** Section ids. */")
    out.append("    public enum Section {")
    out.append(",\n".join(f"        {n}({i}, {jstr(t)})" for n, (i, t) in f.sections.items()) + ";")
    out += ["", "        public final int id;", "        public final String text;", "",
            "        Section(int id, String text) {", "            this.id = id;", "            this.text = text;", "        }", "",
            "        /** The section with this id, or null. */",
            "        public static Section byId(int id) {",
            "            for (Section s : values()) {",
            "                if (s.id == id) {",
            "                    return s;",
            "                }",
            "            }",
            "            return null;",
            "        }", "    }", ""]
    for n, (b, d) in f.records.items():
        out.append(f"    /** {d} */")
        out.append(f"    public static final int {n}_BYTES = {b};")
    out.append("")
    out.append("    /** The limits section's fields in order (u32 or u64): default when absent, and the range the verifier accepts. */")
    out.append("    public enum Limit {")
    out.append(",\n".join(f"        /** {lim.doc} */\n        {lim.name}({lim.bits}, {lim.default}L, {lim.lo}L, {lim.hi}L)" for lim in f.limits) + ";")
    out += ["", "        public final int bits;", "        public final long defaultValue, min, max;", "",
            "        Limit(int bits, long defaultValue, long min, long max) {",
            "            this.bits = bits;", "            this.defaultValue = defaultValue;", "            this.min = min;", "            this.max = max;", "        }", "",
            "        /** value is one the verifier accepts. */",
            "        public boolean accepts(long value) {", "            return value >= min && value <= max;", "        }", "    }", ""]
    out.append("    /** The bits of the limits' FLAGS field. */")
    out.append("    public enum LimitFlag {")
    out.append(",\n".join(f"        /** {d.replace('*/', '* /')} */\n        {n}({b})" for n, (b, d) in f.limit_flags.items()) + ";")
    out += ["", "        public final int bit;", "",
            "        LimitFlag(int bit) {", "            this.bit = bit;", "        }", "    }", "",
            "    /** A signed module file ends with the kernel's module signature: PKCS#7, struct module_signature, magic. */",
            f"    public static final int SIGNATURE_INFO_BYTES = {f.sig_info};",
            "    /** struct module_signature's id_type of a PKCS#7 signature. */",
            f"    public static final int SIGNATURE_PKEY_ID_PKCS7 = {f.sig_pkcs7};",
            "    /** The last bytes of a signed module file. */",
            f'    public static final String SIGNATURE_MAGIC = "{f.sig_magic}";',
            "    /** A bundle file's header: its magic and format version (BUNDLE_HEADER, BUNDLE_ENTRY records). */",
            f'    public static final String BUNDLE_MAGIC = "{f.bundle_magic}";',
            f"    public static final int BUNDLE_VERSION = {f.bundle_version};",
            "}", ""]
    return "\n".join(out)


def format_doc(f):
    t = ["| limit | field | default | verifier range | meaning |", "|---|---|---|---|---|"]
    for lim in f.limits:
        t.append(f"| `{lim.name}` | u{lim.bits} | {lim.default} | {lim.lo}..{lim.hi} | {lim.doc} |")
    t += ["", "| flag | bit | meaning |", "|---|---|---|"]
    for n, (b, d) in f.limit_flags.items():
        t.append(f"| `{n}` | {b} | {d} |")
    return "\n".join(t)


def probe_doc(kinds, bits):
    def words(text):
        return "" if text == "0" else ", ".join(w.strip().split("_", 1)[1].lower() for w in text.split("|"))
    t = ["| kind | number | runtimes | needs | may have | flags | a hit has | meaning |", "|---|---|---|---|---|---|---|---|"]
    for k in kinds:
        w = k.words
        t.append(f"| `{k.name.lower()}` | {k.num} | {words(w['runtimes'])} | {words(w['needs'])} | {words(w['may'])} | "
                 f"{words(w['flags'])} | {words(w['context'])} | {k.doc.replace('|', '&#124;')} |")
    b = ["| bit | value | meaning |", "|---|---|---|"]
    for n, (v, d) in bits.items():
        b.append(f"| `{n}` | {v} | {d} |")
    return "\n".join(t), "\n".join(b)


def doc(ops, hs, kinds, bits, fmt):
    t = ["| opcode | number | A | B | C | X | verifier class | meaning |", "|---|---|---|---|---|---|---|---|"]
    for o in ops:
        k = " | ".join("" if x == "NONE" else x for x in o.kinds)
        t.append(f"| `{o.name}` | 0x{o.num:02x} | {k} | {o.vclass} | {o.doc.replace('|', '&#124;')} |")
    h = ["| helper | id | returns | int args | string args | implemented | privilege | meaning |", "|---|---|---|---|---|---|---|---|"]
    for x in hs:
        ni = "variadic" if x.nint < 0 else str(x.nint)
        ns = "variadic" if x.nstr < 0 else str(x.nstr)
        h.append(f"| `{x.name}` | {x.id} | {x.ret} | {ni} | {ns} | {'yes' if x.implemented else 'later'} | {x.priv} | {x.doc} |")
    text = open(DOC_IN).read()
    pk, pb = probe_doc(kinds, bits)
    return (text.replace("@OPCODES@", "\n".join(t)).replace("@HELPERS@", "\n".join(h))
            .replace("@PROBE_KINDS@", pk).replace("@PROBE_BITS@", pb).replace("@LIMITS@", format_doc(fmt))
            .replace("@VERSION@", str(fmt.version)))


def main():
    ops, hs, kinds, bits, fmt = defs.opcodes(), defs.helpers(), defs.probe_kinds(), defs.probe_bits(), defs.module_format()
    want = {JAVA: java(ops, hs), PROBE_JAVA: probe_java(kinds, bits), FORMAT_JAVA: format_java(fmt),
            DOC: doc(ops, hs, kinds, bits, fmt)}
    check = "--check" in sys.argv
    bad = 0
    for path, text in want.items():
        have = open(path).read() if os.path.exists(path) else None
        if have == text:
            continue
        if check:
            print(f"DRIFT: {os.path.relpath(path, ROOT)} differs from the .def files; run tools/gen_bytecode.py")
            bad = 1
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            open(path, "w").write(text)
            print("wrote", os.path.relpath(path, ROOT))
    sys.exit(bad)


if __name__ == "__main__":
    main()
