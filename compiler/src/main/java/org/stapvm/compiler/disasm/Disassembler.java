package org.stapvm.compiler.disasm;

import java.util.HashMap;
import java.util.Map;
import org.stapvm.compiler.bytecode.Opcode;
import org.stapvm.compiler.module.Module;
import org.stapvm.probes.ProbeKind;

/** Readable text of a module (what `stapvm -p3` prints), in the syntax of runtime-native's stapvm-as. */
public final class Disassembler {
    private Disassembler() {}

    private static final Map<Integer, Opcode> BY_NUMBER = new HashMap<>();
    private static final Map<Integer, Opcode.Helper> HELPERS = new HashMap<>();

    static {
        for (Opcode o : Opcode.values()) {
            BY_NUMBER.put(o.number, o);
        }
        for (Opcode.Helper h : Opcode.Helper.values()) {
            HELPERS.put(h.id, h);
        }
    }

    public static String text(Module m) {
        StringBuilder sb = new StringBuilder();
        if (m.limits() != null) {
            Module.Limits l = m.limits();
            sb.append("; limits MAXACTION=").append(l.maxAction()).append(" MAXSTRINGLEN=").append(l.maxStringLen())
                    .append(" MAXMAPENTRIES=").append(l.maxMapEntries()).append(" MAXNESTING=").append(l.maxNesting())
                    .append(" MAXERRORS=").append(l.maxErrors()).append(" MAXSKIPPED=").append(l.maxSkipped());
            for (org.stapvm.compiler.sema.Privilege p : org.stapvm.compiler.sema.Privilege.values()) {
                if (p != org.stapvm.compiler.sema.Privilege.STAPDEV && (l.flags() & Module.Limits.privilegeFlag(p)) != 0) {
                    sb.append(" PRIVILEGE=").append(p.word());   // the level the module was compiled for, stapdev unsaid
                }
            }
            sb.append('\n');
        }
        for (Module.Global g : m.globals()) {
            sb.append(".global ").append(str(m, g.name())).append(' ')
                    .append(g.valueType() == 0 ? "int" : g.valueType() == 1 ? "str" : "stat");
            if (!g.keyTypes().isEmpty()) {
                sb.append(" keys=");
                for (int k : g.keyTypes()) {
                    sb.append(k == 0 ? 'i' : 's');
                }
            }
            if (g.size() != 0) {
                sb.append(" size=").append(g.size());
            }
            if ((g.flags() & 1) != 0) {
                sb.append(" wrap");
            }
            sb.append('\n');
        }
        for (int fi = 0; fi < m.functions().size(); fi++) {
            Module.Function f = m.functions().get(fi);
            sb.append(".func ").append(str(m, f.name())).append(" ret=")
                    .append(f.ret() == 0 ? "void" : f.ret() == 1 ? "int" : "str")
                    .append(" iregs=").append(f.intRegs()).append(" sregs=").append(f.strRegs());
            if (f.intArgs() > 0) {
                sb.append(" iargs=").append(f.intArgs());
            }
            if (f.strArgs() > 0) {
                sb.append(" sargs=").append(f.strArgs());
            }
            if (f.iterators() > 0) {
                sb.append(" iters=").append(f.iterators());
            }
            sb.append('\n');
            for (int pc = 0; pc < f.code().length; pc++) {
                for (Module.SourceLoc l : m.sourceMap()) {
                    if (l.function() == fi && l.pc() == pc) {
                        sb.append(".loc ").append(quote(str(m, l.text()))).append('\n');
                    }
                }
                sb.append(String.format("%4d  ", pc)).append(insn(m, f.code()[pc], pc)).append('\n');
            }
            sb.append(".end\n");
        }
        for (Module.Probe p : m.probes()) {
            sb.append(probe(m, p)).append('\n');
        }
        for (Module.EntryProgram e : m.entries()) {
            sb.append(".entry ").append(e.probe()).append(' ')
                    .append(e.function() < m.functions().size() ? str(m, m.functions().get(e.function()).name())
                            : "#" + e.function())
                    .append(' ').append(e.dataSize()).append('\n');
        }
        return sb.toString();
    }

    /** A probe record as stapvm-as reads it: .probe KIND HANDLER pp="..." [sym=.. mod=.. path=..] [addr= period= jitter= sem=] FLAGS. */
    static String probe(Module m, Module.Probe p) {
        ProbeKind kind = ProbeKind.byNumber(p.kind());
        StringBuilder sb = new StringBuilder(".probe ").append(kind != null ? kind.name().toLowerCase() : "#" + p.kind())
                .append(' ').append(p.handler() < m.functions().size() ? str(m, m.functions().get(p.handler()).name())
                        : "#" + p.handler())
                .append(" pp=").append(quote(str(m, p.pp())));
        String[] names = {"sym", "mod", "path"};
        int[] strs = {p.symbol(), p.module(), p.path()};
        for (int i = 0; i < names.length; i++) {
            if (strs[i] != Module.NO_STRING) {
                sb.append(' ').append(names[i]).append('=').append(quote(str(m, strs[i])));
            }
        }
        if (p.address() != 0) {
            sb.append(" addr=0x").append(Long.toHexString(p.address()));
        }
        if (p.period() != 0) {
            sb.append(" period=").append(Long.toUnsignedString(p.period()));
        }
        if (p.jitter() != 0) {
            sb.append(" jitter=").append(Long.toUnsignedString(p.jitter()));
        }
        if (p.semaphore() != 0) {
            sb.append(" sem=0x").append(Long.toHexString(p.semaphore()));
        }
        int unknown = p.flags();
        for (ProbeKind.Flag f : ProbeKind.Flag.values()) {
            if ((p.flags() & f.bit) != 0) {
                sb.append(' ').append(f.name().toLowerCase());
                unknown &= ~f.bit;
            }
        }
        if (unknown != 0) {
            sb.append(" flags=0x").append(Integer.toHexString(unknown));
        }
        return sb.toString();
    }

    /** One instruction: mnemonic and operands named by their kinds. */
    public static String insn(Module m, long word, int pc) {
        Opcode op = BY_NUMBER.get((int) (word & 0xff));
        if (op == null) {
            return String.format(".word 0x%016x ; unknown opcode", word);
        }
        int[] f = {(int) (word >>> 8 & 0xff), (int) (word >>> 16 & 0xff), (int) (word >>> 24 & 0xff), (int) (word >>> 32)};
        Opcode.Kind[] kinds = {op.a, op.b, op.c, op.x};
        StringBuilder sb = new StringBuilder(op.name().toLowerCase());
        String sep = " ";
        for (int i = 0; i < 4; i++) {
            if (kinds[i] == Opcode.Kind.NONE) {
                continue;
            }
            sb.append(sep).append(operand(m, kinds[i], f[i], pc, word));
            sep = ", ";
        }
        return sb.toString();
    }

    private static String operand(Module m, Opcode.Kind k, int v, int pc, long word) {
        return switch (k) {
            case IR, IRW, AGW -> "r" + v;
            case SR, SRW -> "s" + v;
            case ITR -> "i" + v;
            case IMM, SORT -> Integer.toString(v);
            case JMP -> "@" + (pc + 1 + v);
            case KON -> v >= 0 && v < m.constants().size() ? Long.toString(m.constants().get(v)) : "k#" + v;
            case STR -> v >= 0 && v < m.strings().size() ? quote(m.strings().get(v)) : "str#" + v;
            case GLB -> v >= 0 && v < m.globals().size() ? str(m, m.globals().get(v).name()) : "g#" + v;
            case FN -> v >= 0 && v < m.functions().size() ? str(m, m.functions().get(v).name()) : "fn#" + v;
            case HLP -> {
                Opcode.Helper h = HELPERS.get(v & 0xffff);
                String name = h == null ? "helper#" + (v & 0xffff) : h.mnemonic;
                yield name + "/" + (v >>> 16 & 0xff) + "/" + (v >>> 24 & 0xff);
            }
            case NONE -> "";
        };
    }

    private static String str(Module m, int i) {
        return i >= 0 && i < m.strings().size() ? m.strings().get(i) : "str#" + i;
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
