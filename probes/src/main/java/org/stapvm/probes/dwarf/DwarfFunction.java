package org.stapvm.probes.dwarf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.stapvm.probes.btf.Btf;
import org.stapvm.probes.btf.BtfFormatException;
import org.stapvm.probes.nativebridge.DwarfReader;

/**
 * A symbol source: one function of a userspace ELF file as its DWARF describes it at one place (after
 * the prologue, where stap places a .function probe, or at the first instruction, where a .return
 * probe's @entry values are read): the parameters and locals in scope with their locations there, the
 * frame base and the CFA rule there, the variables of its compilation unit, and their C types re-encoded
 * as BTF, so that the target lowering that reads the kernel's BTF reads these too; {@code inlined}: one
 * inlined instance of the function at its entry pc (lowPc and pc are that pc, the frame base the caller's). Read through libdw (runtime-native/dwarf).
 */
public record DwarfFunction(String path, String name, long lowPc, long pc, int returnType, int declLine,
                            String declFile, String cuName, long dieOffset, List<Variable> variables, List<Op> frameBase,
                            List<Op> cfa, Btf types, boolean inlined) {

    /** One DWARF expression operation (libdw's Dwarf_Op). */
    public record Op(int atom, long number, long number2) {}

    /**
     * A parameter or local ({@code nested}: of a block inside the function that covers pc), or
     * ({@code global}) a variable of the function's compilation unit; {@code location} null where it is
     * optimized out at pc.
     */
    public record Variable(boolean parameter, boolean nested, String name, int type, List<Op> location, boolean global) {}

    public static final int AFTER_PROLOGUE = 0;
    public static final int AT_ENTRY = 1;
    public static final int AT_PC = 2;
    /** At the entry pc of one inlined instance of the function (stapvm_dwarf.h's SVM_DWARF_INLINED). */
    public static final int INLINED = 3;

    private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();

    /** {@code function} of {@code path} at {@code mode}; the reason as a Failure when DWARF has no answer. */
    public static DwarfFunction read(String path, String function, int mode) throws DwarfReader.Failure {
        return read(path, function, mode, 0);
    }

    /** As above; with AT_PC, at link-time address {@code pc} (a statement probe's). */
    public static DwarfFunction read(String path, String function, int mode, long pc) throws DwarfReader.Failure {
        Object o = CACHE.computeIfAbsent(path + "\0" + function + "\0" + mode + "\0" + pc, k -> {
            try {
                return decode(path, function, DwarfReader.function(path, function, mode, pc), mode == INLINED);
            } catch (DwarfReader.Failure e) {
                return e;
            } catch (BtfFormatException | RuntimeException e) {
                return new DwarfReader.Failure.Wrapped("cannot decode the DWARF of " + function + " in " + path + ": " + e.getMessage());
            }
        });
        if (o instanceof DwarfReader.Failure f) {
            throw f;
        }
        return (DwarfFunction) o;
    }

    private static DwarfFunction decode(String path, String function, byte[] blob, boolean inlined) throws BtfFormatException {
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt() != 0x444d5653 || b.getInt() != 1) {
            throw new BtfFormatException("not a stapvm DWARF description");
        }
        long lowPc = b.getLong();
        long pc = b.getLong();
        int ret = b.getInt();
        int line = b.getInt();
        String file = str(b);
        String cu = str(b);
        long die = b.getLong();
        int n = b.getInt();
        List<Variable> vars = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int kind = b.get();
            String name = str(b);
            int type = b.getInt();
            vars.add(new Variable(kind == 1, kind == 3, name, type, ops(b), kind == 4));
        }
        List<Op> fb = ops(b);
        List<Op> cfa = ops(b);
        byte[] btf = new byte[b.getInt()];
        b.get(btf);
        return new DwarfFunction(path, function, lowPc, pc, ret, line, file, cu, die, List.copyOf(vars),
                fb == null ? List.of() : fb, cfa == null ? List.of() : cfa, Btf.parse(btf, null), inlined);
    }

    private static List<Op> ops(ByteBuffer b) {
        int n = b.getInt();
        if (n == -1) {
            return null;
        }
        List<Op> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Op(Byte.toUnsignedInt(b.get()), b.getLong(), b.getLong()));
        }
        return List.copyOf(out);
    }

    private static String str(ByteBuffer b) {
        byte[] s = new byte[b.getInt()];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    /** The parameters, in order. */
    public List<Variable> parameters() {
        return variables.stream().filter(Variable::parameter).toList();
    }

    /** The locals of the function's own scope ($$locals, -L; stap leaves out those of inner blocks). */
    public List<Variable> locals() {
        return variables.stream().filter(v -> !v.parameter() && !v.nested() && !v.global()).toList();
    }

    /** The parameters and the locals of the function's own scope ($$vars, -L). */
    public List<Variable> outerVariables() {
        return variables.stream().filter(v -> !v.nested() && !v.global()).toList();
    }

    /** The parameters and every local in scope at pc, without the compilation unit's variables. */
    public List<Variable> scoped() {
        return variables.stream().filter(v -> !v.global()).toList();
    }

    /** The variables of the function's compilation unit (globals and file statics: @var). */
    public List<Variable> globals() {
        return variables.stream().filter(Variable::global).toList();
    }
}
