package org.stapvm.compiler.module;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import java.util.BitSet;
import org.stapvm.compiler.regex.CaptureProgram;
import org.stapvm.compiler.regex.Dfa;

/** Writes a Module in the exact binary format of docs/bytecode.md (little-endian, ModuleFormat's sections; no signature). */
public final class ModuleWriter {
    private ModuleWriter() {}

    public static byte[] write(Module m) {
        Out body = new Out();
        int sections = 0;
        Out s = new Out();
        s.u32(m.strings().size());
        for (String str : m.strings()) {
            byte[] b = bytes(str);
            s.u32(b.length);
            s.bytes(b);
        }
        body.section(ModuleFormat.Section.STRINGS.id, s);
        sections++;
        if (!m.constants().isEmpty()) {
            Out k = new Out();
            k.u32(m.constants().size());
            for (long v : m.constants()) {
                k.u64(v);
            }
            body.section(ModuleFormat.Section.CONSTS.id, k);
            sections++;
        }
        if (!m.globals().isEmpty()) {
            Out g = new Out();
            g.u32(m.globals().size());
            for (Module.Global gl : m.globals()) {
                g.u8(gl.valueType());
                g.u8(gl.keyTypes().size());
                g.u8(gl.flags());
                g.u8(gl.histogram());
                g.u32(gl.size());
                g.u32(gl.name());
                for (int i = 0; i < 9; i++) {
                    g.u8(i < gl.keyTypes().size() ? gl.keyTypes().get(i) : 0);
                }
                g.u8(0);
                g.u8(0);
                g.u8(0);
                g.u32(gl.lo());
                g.u32(gl.hi());
                g.u32(gl.step());
            }
            body.section(ModuleFormat.Section.GLOBALS.id, g);
            sections++;
        }
        Out f = new Out();
        f.u32(m.functions().size());
        for (Module.Function fn : m.functions()) {
            f.u32(fn.name());
            f.u8(fn.intRegs());
            f.u8(fn.strRegs());
            f.u8(fn.intArgs());
            f.u8(fn.strArgs());
            f.u8(fn.ret());
            f.u8(fn.iterators());
            f.u8(0);
            f.u8(0);
            f.u32(fn.code().length);
            for (long insn : fn.code()) {
                f.u64(insn);
            }
        }
        body.section(ModuleFormat.Section.FUNCS.id, f);
        sections++;
        if (!m.probes().isEmpty()) {
            Out p = new Out();
            p.u32(m.probes().size());
            for (Module.Probe pr : m.probes()) {
                p.u16(pr.kind());
                p.u16(pr.flags());
                p.u32(pr.handler());
                p.u32(pr.pp());
                p.u32(pr.symbol());
                p.u32(pr.module());
                p.u32(pr.path());
                p.u64(pr.address());
                p.u64(pr.period());
                p.u64(pr.jitter());
                p.u64(pr.semaphore());
            }
            body.section(ModuleFormat.Section.PROBES.id, p);
            sections++;
        }
        if (m.limits() != null) {
            Module.Limits l = m.limits();
            Out o = new Out();
            ModuleFormat.Limit[] rows = ModuleFormat.Limit.values();
            java.util.List<Long> values = l.values();
            for (int i = 0; i < rows.length; i++) {
                long v = values.get(i);
                if (rows[i].bits == 64) {
                    o.u64(v);
                } else {
                    o.u32((int) v);
                }
            }
            body.section(ModuleFormat.Section.LIMITS.id, o);
            sections++;
        }
        if (!m.sourceMap().isEmpty()) {
            Out o = new Out();
            o.u32(m.sourceMap().size());
            for (Module.SourceLoc sl : m.sourceMap()) {
                o.u32(sl.function());
                o.u32(sl.pc());
                o.u32(sl.text());
            }
            body.section(ModuleFormat.Section.SRCMAP.id, o);
            sections++;
        }
        if (!m.regexes().isEmpty()) {
            body.section(ModuleFormat.Section.REGEX.id, regexes(m));
            sections++;
        }
        if (!m.regexes().isEmpty() && m.regexes().get(0).groups() != null) {
            body.section(ModuleFormat.Section.RXGROUPS.id, regexGroups(m));
            sections++;
        }
        if (!m.entries().isEmpty()) {
            Out o = new Out();
            o.u32(m.entries().size());
            for (Module.EntryProgram e : m.entries()) {
                o.u32(e.probe());
                o.u32(e.function());
                o.u32(e.dataSize());
            }
            body.section(ModuleFormat.Section.ENTRY.id, o);
            sections++;
        }
        if (!m.probeNames().isEmpty()) {
            Out o = new Out();
            o.u32(m.probeNames().size());
            m.probeNames().forEach(o::u32);
            body.section(ModuleFormat.Section.PROBENAMES.id, o);
            sections++;
        }
        if (!m.timing().isEmpty()) {
            Out o = new Out();
            o.u32(m.timing().size());
            for (Module.Timing t : m.timing()) {
                o.u32(t.location());
                o.u32(t.derivation());
            }
            body.section(ModuleFormat.Section.TIMING.id, o);
            sections++;
        }
        Out head = new Out();
        head.bytes("STVM".getBytes(StandardCharsets.US_ASCII));
        head.u16(ModuleFormat.VERSION);
        head.u16(0);
        head.u32(sections);
        head.bytes(body.toByteArray());
        return head.toByteArray();
    }

    /** Narrowest widths that hold the tables: classes in u8 when < 256, next states in u16 when < 65536. */
    /**
     * A string's bytes as the script wrote them: sources are read as ISO-8859-1, one char per
     * byte (so "\xc3" stays the one byte 0xC3); a char above 0xFF (from a command-line
     * argument) goes as its UTF-8 bytes.
     */
    static byte[] bytes(String str) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(str.length());
        for (int i = 0; i < str.length(); ) {
            int c = str.codePointAt(i);
            byte[] b = c <= 0xFF ? new byte[] {(byte) c} : Character.toString(c).getBytes(StandardCharsets.UTF_8);
            out.writeBytes(b);
            i += Character.charCount(c);
        }
        return out.toByteArray();
    }

    /** The capture programs, one per regex (module_load.c dec_rxgroups). */
    private static Out regexGroups(Module m) {
        Out r = new Out();
        r.u32(m.regexes().size());
        for (Dfa d : m.regexes()) {
            CaptureProgram p = d.groups();
            r.u32(p.slots());
            r.u32(p.size());
            r.u32(p.sets().size());
            for (BitSet set : p.sets()) {
                byte[] bits = new byte[32];
                for (int b = set.nextSetBit(0); b >= 0 && b < 256; b = set.nextSetBit(b + 1)) {
                    bits[b >> 3] |= (byte) (1 << (b & 7));
                }
                r.bytes(bits);
            }
            for (int i = 0; i < p.size(); i++) {
                r.u8(p.op()[i]);
                r.u8(p.slot()[i]);
                r.u16(p.set()[i]);
                r.u16(p.n1()[i]);
                r.u16(p.n2()[i]);
            }
        }
        return r;
    }

    private static Out regexes(Module m) {
        Out r = new Out();
        r.u32(m.regexes().size());
        for (Dfa d : m.regexes()) {
            boolean narrowClass = d.classCount() <= 256;
            boolean narrowNext = d.stateCount() <= 65536;
            r.u32(d.classCount());
            r.u32(d.stateCount());
            r.u8(narrowClass ? 1 : 2);
            r.u8(narrowNext ? 2 : 4);
            r.u16(0);
            for (int c : d.byteClass()) {
                if (narrowClass) {
                    r.u8(c);
                } else {
                    r.u16(c);
                }
            }
            for (int n : d.next()) {
                if (narrowNext) {
                    r.u16(n);
                } else {
                    r.u32(n);
                }
            }
            r.bytes(d.flags());
        }
        return r;
    }

    private static final class Out extends ByteArrayOutputStream {
        void u8(int v) {
            write(v & 0xff);
        }

        void u16(int v) {
            u8(v);
            u8(v >> 8);
        }

        void u32(int v) {
            u16(v);
            u16(v >>> 16);
        }

        void u64(long v) {
            u32((int) v);
            u32((int) (v >>> 32));
        }

        void bytes(byte[] b) {
            write(b, 0, b.length);
        }

        void section(int id, Out payload) {
            u32(id);
            u32(payload.size());
            bytes(payload.toByteArray());
        }
    }
}
