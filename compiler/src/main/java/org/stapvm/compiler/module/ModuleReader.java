package org.stapvm.compiler.module;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.stapvm.compiler.regex.CaptureProgram;
import org.stapvm.compiler.regex.Dfa;

/** Reads a module file back into a Module (for -p3 on a .stpb and for tests); trusts nothing. */
public final class ModuleReader {
    private ModuleReader() {}

    public static Module read(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[4];
        b.get(magic);
        if (!new String(magic, StandardCharsets.US_ASCII).equals("STVM")) {
            throw new IllegalArgumentException("not a stapvm module (bad magic)");
        }
        int version = b.getShort() & 0xffff;
        if (version != ModuleFormat.VERSION) {
            throw new IllegalArgumentException("unsupported module version " + version);
        }
        b.getShort();
        int n = b.getInt();
        List<String> strings = new ArrayList<>();
        List<Long> constants = new ArrayList<>();
        List<Module.Global> globals = new ArrayList<>();
        List<Module.Function> functions = new ArrayList<>();
        List<Module.Probe> probes = new ArrayList<>();
        List<Module.SourceLoc> map = new ArrayList<>();
        List<Dfa> regexes = new ArrayList<>();
        List<CaptureProgram> groups = new ArrayList<>();
        List<Module.EntryProgram> entries = new ArrayList<>();
        List<Integer> probeNames = new ArrayList<>();
        List<Module.Timing> timing = new ArrayList<>();
        Module.Limits limits = null;
        for (int i = 0; i < n; i++) {
            int id = b.getInt();
            int len = b.getInt();
            ByteBuffer s = b.slice().order(ByteOrder.LITTLE_ENDIAN);
            s.limit(len);
            b.position(b.position() + len);
            ModuleFormat.Section sec = ModuleFormat.Section.byId(id);
            if (sec == null) {
                throw new IllegalArgumentException("unknown section id " + id);
            }
            int count = sec == ModuleFormat.Section.LIMITS || sec == ModuleFormat.Section.SIGNATURE
                    || sec == ModuleFormat.Section.JAVA ? 0 : s.getInt();   // the java section is the loader's
            for (int j = 0; j < count; j++) {
                switch (sec) {
                    case STRINGS -> {
                        byte[] t = new byte[s.getInt()];
                        s.get(t);
                        strings.add(new String(t, StandardCharsets.ISO_8859_1)); // see ModuleWriter.bytes
                    }
                    case CONSTS -> constants.add(s.getLong());
                    case GLOBALS -> {
                        int vt = s.get() & 0xff, kc = s.get() & 0xff, fl = s.get() & 0xff, h = s.get() & 0xff;
                        int size = s.getInt(), name = s.getInt();
                        List<Integer> keys = new ArrayList<>();
                        for (int k = 0; k < 9; k++) {
                            int kt = s.get() & 0xff;
                            if (k < kc) {
                                keys.add(kt);
                            }
                        }
                        s.position(s.position() + 3);
                        globals.add(new Module.Global(vt, keys, fl, h, size, name, s.getInt(), s.getInt(), s.getInt()));
                    }
                    case FUNCS -> {
                        int name = s.getInt();
                        int ir = s.get() & 0xff, sr = s.get() & 0xff, ia = s.get() & 0xff, sa = s.get() & 0xff;
                        int ret = s.get() & 0xff, it = s.get() & 0xff;
                        s.getShort();
                        long[] code = new long[s.getInt()];
                        for (int k = 0; k < code.length; k++) {
                            code[k] = s.getLong();
                        }
                        functions.add(new Module.Function(name, ir, sr, ia, sa, ret, it, code));
                    }
                    case PROBES -> probes.add(new Module.Probe(s.getShort() & 0xffff, s.getShort() & 0xffff, s.getInt(),
                            s.getInt(), s.getInt(), s.getInt(), s.getInt(), s.getLong(), s.getLong(), s.getLong(), s.getLong()));
                    case SRCMAP -> map.add(new Module.SourceLoc(s.getInt(), s.getInt(), s.getInt()));
                    case REGEX -> regexes.add(readDfa(s));
                    case ENTRY -> entries.add(new Module.EntryProgram(s.getInt(), s.getInt(), s.getInt()));
                    case RXGROUPS -> groups.add(readGroups(s));
                    case PROBENAMES -> probeNames.add(s.getInt());
                    case TIMING -> timing.add(new Module.Timing(s.getInt(), s.getInt()));
                    default -> throw new IllegalArgumentException("unknown section id " + id);
                }
            }
            if (sec == ModuleFormat.Section.LIMITS) {
                limits = readLimits(s);
            }
        }
        for (int i = 0; i < groups.size() && i < regexes.size(); i++) {
            regexes.set(i, regexes.get(i).withGroups(groups.get(i)));
        }
        return new Module(strings, constants, globals, functions, probes, limits, map, regexes, entries, probeNames, timing);
    }

    /** The limits section: each ModuleFormat.Limit in order, a u32 or a u64 (u32s bit for bit as Java ints). */
    private static Module.Limits readLimits(ByteBuffer s) {
        List<Long> values = new ArrayList<>();
        for (ModuleFormat.Limit l : ModuleFormat.Limit.values()) {
            values.add(l.bits == 64 ? s.getLong() : (long) s.getInt());
        }
        return Module.Limits.fromValues(values);
    }

    /** One capture program of the regex groups section (ModuleWriter.regexGroups). */
    private static CaptureProgram readGroups(ByteBuffer s) {
        int slots = s.getInt(), n = s.getInt(), nsets = s.getInt();
        List<BitSet> sets = new ArrayList<>();
        for (int i = 0; i < nsets; i++) {
            byte[] bits = new byte[32];
            s.get(bits);
            sets.add(BitSet.valueOf(bits));
        }
        byte[] op = new byte[n];
        int[] slot = new int[n], set = new int[n], n1 = new int[n], n2 = new int[n];
        for (int i = 0; i < n; i++) {
            op[i] = s.get();
            slot[i] = s.get() & 0xff;
            set[i] = s.getShort() & 0xffff;
            n1[i] = s.getShort() & 0xffff;
            n2[i] = s.getShort() & 0xffff;
        }
        return new CaptureProgram(slots, op, slot, set, n1, n2, sets);
    }

    private static Dfa readDfa(ByteBuffer s) {
        int classes = s.getInt(), states = s.getInt();
        int classWidth = s.get() & 0xff, nextWidth = s.get() & 0xff;
        s.getShort();
        int[] byteClass = new int[256];
        for (int c = 0; c < 256; c++) {
            byteClass[c] = classWidth == 1 ? s.get() & 0xff : s.getShort() & 0xffff;
        }
        int[] next = new int[Math.multiplyExact(classes, states)];
        for (int k = 0; k < next.length; k++) {
            next[k] = nextWidth == 2 ? s.getShort() & 0xffff : s.getInt();
        }
        byte[] flags = new byte[states];
        s.get(flags);
        return new Dfa(byteClass, classes, next, flags);
    }
}
