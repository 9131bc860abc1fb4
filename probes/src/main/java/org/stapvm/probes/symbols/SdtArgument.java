package org.stapvm.probes.symbols;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One argument spec of an SDT marker ({@code <sys/sdt.h>}'s assembler operand with its size):
 * {@code [-]N@OPERAND}, N the size in bytes (1, 2, 4, 8), '-' for signed, OPERAND in AT&T
 * syntax: a register ({@code %rdi}, {@code %eax}, {@code %r12d}, {@code %ah}), an immediate
 * ({@code $5}) or memory ({@code -20(%rbp)}, {@code 8(%rax,%rcx,4)}). Registers are named as
 * the 64-bit register that holds them, with the bits of the part the spec names.
 */
public record SdtArgument(int size, boolean signed, Operand operand) {

    /** Where the value is. */
    public sealed interface Operand {}

    /** Bits [shift, shift+bits) of 64-bit register {@code reg} ("rax".."r15"). */
    public record Register(String reg, int shift, int bits) implements Operand {}

    /** A constant. */
    public record Immediate(long value) implements Operand {}

    /** User memory at base + index*scale + disp (base, index: 64-bit register names or null). */
    public record Memory(String base, String index, int scale, long disp) implements Operand {}

    /** Thrown for a spec stapvm cannot decode; the message says which and why. */
    public static final class BadSpec extends Exception {
        BadSpec(String message) {
            super(message);
        }
    }

    private static final Pattern SIZED = Pattern.compile("(-?)(\\d+)@(.*)");
    private static final Pattern MEMORY = Pattern.compile("([-+]?(?:0x[0-9a-fA-F]+|\\d+))?\\((%\\w+)?(?:,(%\\w+)(?:,(\\d))?)?\\)");
    private static final Map<String, Register> REGISTERS = registers();

    /** The spec {@code text} decoded. */
    public static SdtArgument parse(String text) throws BadSpec {
        Matcher m = SIZED.matcher(text);
        int size = 8;
        boolean signed = false;
        String operand = text;
        if (m.matches()) {
            size = Integer.parseInt(m.group(2));
            signed = !m.group(1).isEmpty();
            operand = m.group(3);
            if (size != 1 && size != 2 && size != 4 && size != 8) {
                throw new BadSpec("unsupported SDT argument size " + size + " in '" + text + "'");
            }
        }
        return new SdtArgument(size, signed, operand(operand, text));
    }

    private static Operand operand(String op, String text) throws BadSpec {
        if (op.startsWith("%")) {
            Register r = REGISTERS.get(op.substring(1));
            if (r == null) {
                throw new BadSpec("unknown register '" + op + "' in SDT argument '" + text + "'");
            }
            return r;
        }
        if (op.startsWith("$")) {
            try {
                return new Immediate(number(op.substring(1)));
            } catch (NumberFormatException e) {
                throw new BadSpec("cannot decode SDT argument '" + text + "' (a symbolic immediate)");
            }
        }
        Matcher m = MEMORY.matcher(op);
        if (!m.matches() || (m.group(2) == null && m.group(3) == null)) {
            throw new BadSpec("cannot decode SDT argument '" + text + "'");
        }
        String base = m.group(2) == null ? null : full(m.group(2), text);
        String index = m.group(3) == null ? null : full(m.group(3), text);
        if ("rip".equals(base)) {
            throw new BadSpec("cannot decode SDT argument '" + text + "' (a %rip-relative operand)");
        }
        int scale = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
        return new Memory(base, index, scale, m.group(1) == null ? 0 : number(m.group(1)));
    }

    /** A base or index register: only 64-bit ones address memory in x86-64 code. */
    private static String full(String reg, String text) throws BadSpec {
        Register r = REGISTERS.get(reg.substring(1));
        if (r == null || r.bits() != 64) {
            throw new BadSpec("unknown register '" + reg + "' in SDT argument '" + text + "'");
        }
        return r.reg();
    }

    private static long number(String s) {
        boolean negative = s.startsWith("-");
        String digits = negative || s.startsWith("+") ? s.substring(1) : s;
        long v = digits.startsWith("0x") || digits.startsWith("0X") ? Long.parseUnsignedLong(digits.substring(2), 16)
                : Long.parseLong(digits);
        return negative ? -v : v;
    }

    private static Map<String, Register> registers() {
        Map<String, Register> m = new java.util.HashMap<>();
        String[][] legacy = {
            {"rax", "eax", "ax", "al", "ah"}, {"rbx", "ebx", "bx", "bl", "bh"}, {"rcx", "ecx", "cx", "cl", "ch"},
            {"rdx", "edx", "dx", "dl", "dh"}, {"rsi", "esi", "si", "sil", null}, {"rdi", "edi", "di", "dil", null},
            {"rbp", "ebp", "bp", "bpl", null}, {"rsp", "esp", "sp", "spl", null}};
        for (String[] r : legacy) {
            m.put(r[0], new Register(r[0], 0, 64));
            m.put(r[1], new Register(r[0], 0, 32));
            m.put(r[2], new Register(r[0], 0, 16));
            m.put(r[3], new Register(r[0], 0, 8));
            if (r[4] != null) {
                m.put(r[4], new Register(r[0], 8, 8));
            }
        }
        for (int i = 8; i <= 15; i++) {
            String r = "r" + i;
            m.put(r, new Register(r, 0, 64));
            m.put(r + "d", new Register(r, 0, 32));
            m.put(r + "w", new Register(r, 0, 16));
            m.put(r + "b", new Register(r, 0, 8));
            m.put(r + "l", new Register(r, 0, 8));
        }
        m.put("rip", new Register("rip", 0, 64));
        return Map.copyOf(m);
    }
}
