package org.stapvm.compiler.sema;

import java.util.ArrayList;
import java.util.List;
import org.stapvm.lang.ast.BinaryOp;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.ast.TargetBase;
import org.stapvm.lang.diag.Similar;
import org.stapvm.probes.UserPoint;
import org.stapvm.probes.btf.BtfGraph;
import org.stapvm.probes.btf.BtfKind;
import org.stapvm.probes.btf.BtfType;
import org.stapvm.probes.dwarf.DwarfFunction;
import org.stapvm.probes.dwarf.DwarfTypeNames;
import org.stapvm.probes.nativebridge.DwarfReader;

/**
 * Target expressions of process("P").function("F") and its .return from F's DWARF (libdw): $param and
 * $local as their location expressions say at the probe address (registers, frame base, CFA), member
 * chains through {@link KernelTargetChain} over the DWARF types (re-encoded as BTF) reading the probed
 * task's memory, $return, $$parms, $$locals, $$vars. As stap, a .function probe then sits after F's
 * prologue ({@link Unit#placement}), and a .return probe reads parameters as they were at entry.
 * Everything is resolved here, at compile time: the module holds register reads and memory loads only.
 */
final class DwarfTargets {
    private DwarfTargets() {}

    private static final String[] REGS = {"rax", "rdx", "rcx", "rbx", "rsi", "rdi", "rbp", "rsp",
        "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "rip"};

    /** What {@code t} means in {@code u}; null when u is no process function probe or F has no DWARF. */
    static SyscallTargets.Meaning of(Unit u, Expression.Target t) {
        UserPoint p = u.probe() == null ? null : u.probe().spec().user();
        if (!(t.base() instanceof TargetBase.Variable) && !(t.base() instanceof TargetBase.Var)) {
            return null;
        }
        DwarfFunction f = function(p);
        if (f == null) {
            return null;
        }
        if (t.base() instanceof TargetBase.Var atVar) {
            try {
                Expression e = DwarfGlobals.of(f, atVar, t, p.path());
                if (p.event() != UserPoint.Event.RETURN && p.event() != UserPoint.Event.STATEMENT) {
                    u.placement = f.pc();
                }
                return new SyscallTargets.Meaning(p.event() == UserPoint.Event.RETURN ? new Expression.Entry(t.pos(), e) : e, null);
            } catch (KernelTargetChain.ChainError e) {
                return SyscallTargets.Meaning.of(e);
            }
        }
        TargetBase.Variable v = (TargetBase.Variable) t.base();
        boolean isReturn = p.event() == UserPoint.Event.RETURN;
        boolean isStatement = p.event() == UserPoint.Event.STATEMENT;
        String name = v.name();
        SourcePos pos = t.pos();
        try {
            Expression e;
            if (name.equals("$return") || name.equals("$$return")) {
                if (!isReturn || f.returnType() == 0) {
                    throw new KernelTargetChain.ChainError(notFound("return", f));
                }
                Expression raw = new Expression.Call(pos, "returnval", List.of());
                e = name.equals("$$return")
                        ? sprintf(pos, "return=%#x", List.of(KernelTargetChain.fromValue(f.types(), pos, raw, f.returnType(),
                                List.of(), false, KernelTargetChain.Space.USER)))
                        : KernelTargetChain.fromValue(f.types(), pos, raw, f.returnType(), t.steps(), t.addressOf(),
                                KernelTargetChain.Space.USER);
                return new SyscallTargets.Meaning(e, null);
            }
            if (t.prettyDollars() > 0) {
                throw new KernelTargetChain.ChainError("pretty-printed " + name + "$ is not supported for userspace functions yet");
            }
            if (name.equals("$$parms") || name.equals("$$locals") || name.equals("$$vars")) {
                if (t.addressOf() || !t.steps().isEmpty()) {
                    throw new KernelTargetChain.ChainError("context variable '" + name + "' may not be used as a structure");
                }
                List<DwarfFunction.Variable> vars = name.equals("$$parms") ? f.parameters()
                        : name.equals("$$locals") ? f.locals() : f.outerVariables();
                e = listing(f, vars, pos);
            } else {
                e = variable(f, name.substring(1), t);
            }
            if (!isReturn && !isStatement) {
                u.placement = f.pc();
            }
            return new SyscallTargets.Meaning(isReturn ? new Expression.Entry(pos, e) : e, null);
        } catch (KernelTargetChain.ChainError e) {
            return SyscallTargets.Meaning.of(e);
        }
    }

    /**
     * The DWARF of the function a process probe is in, where the probe reads it: after the prologue
     * (.function), at entry (.return's @entry), at the statement's address (.statement("F@FILE:N")), at
     * an inlined instance's entry pc (.inline, and the inlined copies a plain .function takes);
     * null for other probes and for functions without DWARF.
     */
    private static DwarfFunction function(UserPoint p) {
        if (p == null || p.function() == null) {
            return null;
        }
        try {
            return switch (p.event()) {
                case FUNCTION, CALL -> DwarfFunction.read(p.path(), p.symbol(), DwarfFunction.AFTER_PROLOGUE);
                case RETURN -> DwarfFunction.read(p.path(), p.symbol(), DwarfFunction.AT_ENTRY);
                case STATEMENT -> DwarfFunction.read(p.path(), p.symbol(), DwarfFunction.AT_PC, p.address());
                case INLINE, INLINED -> DwarfFunction.read(p.path(), p.symbol(), DwarfFunction.INLINED, p.address());
                default -> null;
            };
        } catch (DwarfReader.Failure e) {
            return null;
        }
    }

    /**
     * -L's " $name:type" for a process function probe with DWARF: what is in scope where the probe sits
     * (after the prologue; in a .return, $return and the parameters), those without a location there
     * left out; null when the unit is no such probe.
     */
    static String listing(Unit u) {
        UserPoint p = u.probe() == null ? null : u.probe().spec().user();
        DwarfFunction f = function(p);
        if (f == null) {
            return null;
        }
        boolean isReturn = p.event() == UserPoint.Event.RETURN;
        StringBuilder sb = new StringBuilder();
        if (isReturn && f.returnType() != 0) {
            sb.append(" $return:").append(DwarfTypeNames.name(f.types(), f.returnType()));
        }
        List<DwarfFunction.Variable> vars = isReturn ? f.parameters()
                : p.event() == UserPoint.Event.STATEMENT ? f.scoped() : f.outerVariables();
        for (DwarfFunction.Variable v : vars) {
            if (v.location() != null && !v.location().isEmpty()) {
                sb.append(" $").append(v.name()).append(':').append(DwarfTypeNames.name(f.types(), v.type()));
            }
        }
        return sb.toString();
    }

    private static Expression variable(DwarfFunction f, String local, Expression.Target t) throws KernelTargetChain.ChainError {
        DwarfFunction.Variable found = null;
        for (DwarfFunction.Variable v : f.scoped()) {
            if (v.name().equals(local) && (found == null || !v.parameter())) {
                found = v; // an inner local shadows what is declared before it
            }
        }
        for (DwarfFunction.Variable v : f.globals()) {
            if (found == null && v.name().equals(local)) {
                found = v; // as stap, a name no local has is looked for among the file's variables
            }
        }
        if (found == null) {
            throw new KernelTargetChain.ChainError(notFound(local, f));
        }
        return value(f, found, t.pos(), t);
    }

    /**
     * At a function's first instruction (a .return probe's entry) a parameter of integer class among the
     * first six is in its x86-64 argument register whatever the DWARF says: unoptimized code states the
     * stack slot the prologue is about to fill. Its argument number, or 0 (and always in an inlined
     * instance, which has no arguments: its parameters are where its DWARF says).
     */
    private static int argumentRegister(DwarfFunction f, DwarfFunction.Variable v) {
        if (!v.parameter() || f.pc() != f.lowPc() || f.inlined()) {
            return 0;
        }
        int slot = 0;
        for (DwarfFunction.Variable p : f.parameters()) {
            BtfType t = BtfGraph.strip(f.types(), p.type());
            boolean scalar = t != null && (t.kind() == BtfKind.INT || t.kind() == BtfKind.PTR || t.kind() == BtfKind.ENUM)
                    && BtfGraph.sizeOf(f.types(), p.type()) <= 8;
            if (!scalar) {
                return 0;
            }
            slot++;
            if (p == v) {
                return slot <= 6 ? slot : 0;
            }
        }
        return 0;
    }

    /** The variable's value (t: with t's member chain and '&'; null: the plain value). */
    static Expression value(DwarfFunction f, DwarfFunction.Variable v, SourcePos pos, Expression.Target t)
            throws KernelTargetChain.ChainError {
        int arg = argumentRegister(f, v);
        if (arg > 0) {
            Expression raw = new Expression.Call(pos, "long_arg", List.of(new Expression.NumberLiteral(pos, arg)));
            return KernelTargetChain.fromValue(f.types(), pos, raw, v.type(), t == null ? List.of() : t.steps(),
                    t != null && t.addressOf(), KernelTargetChain.Space.USER);
        }
        if (v.location() == null || v.location().isEmpty()) {
            throw new KernelTargetChain.ChainError("not accessible at this address (pc: 0x" + Long.toHexString(f.pc())
                    + ") [man error::dwarf]");
        }
        Location at = locate(f, v.location(), pos, "$" + v.name());
        List<org.stapvm.lang.ast.TargetStep> steps = t == null ? List.of() : t.steps();
        boolean addressOf = t != null && t.addressOf();
        if (at.isValue()) {
            return KernelTargetChain.fromValue(f.types(), pos, at.expression(), v.type(), steps, addressOf, KernelTargetChain.Space.USER);
        }
        return KernelTargetChain.fromAddress(f.types(), pos, at.expression(), v.type(), steps, addressOf, KernelTargetChain.Space.USER);
    }

    /** The two-operand DWARF operations of 64-bit integers as the script's operators (DW_OP_shr, logical, is not one). */
    private static final java.util.Map<Integer, BinaryOp> ARITHMETIC = java.util.Map.of(0x22, BinaryOp.ADD, 0x1c, BinaryOp.SUB,
            0x1e, BinaryOp.MUL, 0x1a, BinaryOp.BIT_AND, 0x21, BinaryOp.BIT_OR, 0x27, BinaryOp.BIT_XOR, 0x24, BinaryOp.SHL,
            0x26, BinaryOp.SHR);

    /** Where a location expression puts a variable: a value (a register, DW_OP_stack_value) or an address in memory. */
    private record Location(Expression expression, boolean isValue) {}

    private static Location locate(DwarfFunction f, List<DwarfFunction.Op> ops, SourcePos pos, String what)
            throws KernelTargetChain.ChainError {
        List<Expression> stack = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            DwarfFunction.Op op = ops.get(i);
            int a = op.atom();
            if (a >= 0x50 && a <= 0x6f || a == 0x90) {              // DW_OP_reg0..31, DW_OP_regx
                if (ops.size() != 1) {
                    throw new KernelTargetChain.ChainError("cannot read " + what + ": it is in pieces (DW_OP_piece)");
                }
                return new Location(register(a == 0x90 ? (int) op.number() : a - 0x50, pos, what), true);
            } else if (a >= 0x70 && a <= 0x8f || a == 0x92) {       // DW_OP_breg0..31, DW_OP_bregx
                int reg = a == 0x92 ? (int) op.number() : a - 0x70;
                long off = a == 0x92 ? op.number2() : op.number();
                stack.add(add(register(reg, pos, what), off, pos));
            } else if (a == 0x91) {                                  // DW_OP_fbreg
                stack.add(add(frameBase(f, pos, what), op.number(), pos));
            } else if (a == 0x9c) {                                  // DW_OP_call_frame_cfa
                stack.add(cfa(f, pos, what));
            } else if (a == 0x23 && !stack.isEmpty()) {              // DW_OP_plus_uconst
                stack.add(add(stack.remove(stack.size() - 1), op.number(), pos));
            } else if (a >= 0x30 && a <= 0x4f) {                     // DW_OP_lit0..31
                stack.add(new Expression.NumberLiteral(pos, a - 0x30));
            } else if (a >= 0x08 && a <= 0x11) {                     // DW_OP_const1u .. DW_OP_consts
                stack.add(new Expression.NumberLiteral(pos, op.number()));
            } else if (ARITHMETIC.containsKey(a) && stack.size() >= 2) { // DW_OP_plus, _minus, _mul, _and, ...
                Expression r = stack.remove(stack.size() - 1);
                Expression l = stack.remove(stack.size() - 1);
                stack.add(new Expression.Binary(pos, ARITHMETIC.get(a), l, r));
            } else if (a == 0x9f && i == ops.size() - 1 && stack.size() == 1) { // DW_OP_stack_value
                return new Location(stack.get(0), true);
            } else if (a == 0x03) {                                  // DW_OP_addr: a link-time address of the file
                stack.add(add(loadBias(f, pos), op.number(), pos));
            } else if (a == 0xf3 || a == 0xa3) {
                throw new KernelTargetChain.ChainError("cannot read " + what + ": its value at entry (DW_OP_entry_value) is not known here");
            } else {
                throw new KernelTargetChain.ChainError("cannot read " + what + ": DWARF operation 0x" + Integer.toHexString(a)
                        + " is not supported");
            }
        }
        if (stack.size() != 1) {
            throw new KernelTargetChain.ChainError("cannot read " + what + ": malformed location expression");
        }
        return new Location(stack.get(0), false);
    }

    /** The probed file's load bias, where the probe sits at link-time address f.pc(): uaddr() - f.pc(). */
    private static Expression loadBias(DwarfFunction f, SourcePos pos) {
        return add(new Expression.Call(pos, "uaddr", List.of()), -f.pc(), pos);
    }

    private static Expression frameBase(DwarfFunction f, SourcePos pos, String what) throws KernelTargetChain.ChainError {
        if (f.frameBase().isEmpty()) {
            throw new KernelTargetChain.ChainError("cannot read " + what + ": the function has no frame base here");
        }
        Location base = locate(f, f.frameBase(), pos, what);
        return base.expression(); // DW_OP_call_frame_cfa or DW_OP_bregN: an address either way
    }

    private static Expression cfa(DwarfFunction f, SourcePos pos, String what) throws KernelTargetChain.ChainError {
        if (f.cfa().isEmpty() || f.cfa().stream().anyMatch(o -> o.atom() == 0x9c)) {
            throw new KernelTargetChain.ChainError("cannot read " + what + ": no call frame information at 0x"
                    + Long.toHexString(f.pc()));
        }
        return locate(f, f.cfa(), pos, what).expression();
    }

    private static Expression register(int dwarfReg, SourcePos pos, String what) throws KernelTargetChain.ChainError {
        if (dwarfReg < 0 || dwarfReg >= REGS.length) {
            throw new KernelTargetChain.ChainError("cannot read " + what + ": it is in DWARF register " + dwarfReg
                    + " (not an integer register)");
        }
        return new Expression.Call(pos, "register", List.of(new Expression.StringLiteral(pos, REGS[dwarfReg])));
    }

    private static Expression add(Expression base, long off, SourcePos pos) {
        return off == 0 ? base : new Expression.Binary(pos, BinaryOp.ADD, base, new Expression.NumberLiteral(pos, off));
    }

    /** $$parms and friends as stap writes them: "a=0x1 b=0x2", aggregates {...}, optimized out ?. */
    private static Expression listing(DwarfFunction f, List<DwarfFunction.Variable> vars, SourcePos pos)
            throws KernelTargetChain.ChainError {
        StringBuilder fmt = new StringBuilder();
        List<Expression> args = new ArrayList<>();
        for (DwarfFunction.Variable v : vars) {
            if (fmt.length() > 0) {
                fmt.append(' ');
            }
            fmt.append(v.name());
            BtfType t = BtfGraph.strip(f.types(), v.type());
            if (t != null && (t.kind() == BtfKind.STRUCT || t.kind() == BtfKind.UNION)) {
                fmt.append("={...}");
            } else if (t != null && t.kind() == BtfKind.ARRAY) {
                fmt.append("=[...]");
            } else if (v.location() == null || v.location().isEmpty()) {
                fmt.append("=?");
            } else {
                try {
                    args.add(value(f, v, pos, null));
                    fmt.append("=%#x");
                } catch (KernelTargetChain.ChainError e) {
                    fmt.append("=?");
                }
            }
        }
        return sprintf(pos, fmt.toString(), args);
    }

    /** stap's error for a name that is neither a parameter nor a local in scope, with the alternatives. */
    static String notFound(String local, DwarfFunction f) {
        List<String> names = new ArrayList<>();
        for (DwarfFunction.Variable v : f.scoped()) {
            names.add("$" + v.name());
        }
        String alternatives = Similar.suggest(local, names, 5);
        // stap 4.8's text, its doubled parenthesis included
        return "unable to find local '" + local + "', [man error::dwarf] dieoffset 0x" + Long.toHexString(f.dieOffset())
                + " in " + f.path() + ", near pc 0x" + Long.toHexString(f.pc()) + " in " + f.name() + " " + f.declFile()
                + (alternatives.isEmpty() ? "" : " (alternatives: " + alternatives + "))");
    }

    private static Expression sprintf(SourcePos pos, String format, List<Expression> args) {
        List<Expression> all = new ArrayList<>();
        all.add(new Expression.StringLiteral(pos, format));
        all.addAll(args);
        return new Expression.Call(pos, "sprintf", all);
    }
}
