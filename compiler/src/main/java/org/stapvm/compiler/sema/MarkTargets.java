package org.stapvm.compiler.sema;

import java.util.ArrayList;
import java.util.List;
import org.stapvm.lang.ast.BinaryOp;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.ast.TargetBase;
import org.stapvm.probes.UserPoint;
import org.stapvm.probes.java.JavaSession;
import org.stapvm.probes.symbols.SdtArgument;
import org.stapvm.probes.symbols.SdtNotes;

/**
 * Target expressions of SDT mark probes ({@code process("P").mark("N")}), from the site's
 * {@code .note.stapsdt} argument specs, as stap's sdt_uprobe_var_expanding_visitor expands them:
 * {@code $argN} is the register (its named part, narrowed and sign-extended as the spec's size
 * says), the constant, or the user memory the spec names (read as stap's user_intN/user_uintN,
 * 0 when unreadable); {@code $$name} and {@code $$provider} are the site's names as strings;
 * {@code $$parms} and {@code $$vars} are "$arg1=%#x $arg2=%#x ..."; {@code $$locals} is "". The
 * errors are stap's for a file without DWARF (stapvm reads none for marks).
 */
final class MarkTargets {
    private MarkTargets() {}

    /** The mark site a probe is on, or null when {@code u} is no mark probe. */
    static SdtNotes.Mark mark(Unit u) {
        UserPoint p = u.probe() == null ? null : u.probe().spec().user();
        return p != null && p.event() == UserPoint.Event.MARK ? p.mark() : null;
    }

    /**
     * What {@code t} means at {@code mark} of {@code path} in a probe that is a {@code .return}
     * point or not ({@code returns}); null for @cast and the like.
     */
    static SyscallTargets.Meaning of(String path, SdtNotes.Mark mark, boolean returns, Expression.Target t) {
        if (!(t.base() instanceof TargetBase.Variable v)) {
            return null;
        }
        String name = v.name();
        SourcePos pos = t.pos();
        boolean parms = name.equals("$$parms") || name.equals("$$vars");
        if (t.addressOf()) {
            return error("cannot take address of sdt variable");
        }
        if (parms && (t.prettyDollars() > 0 || !t.steps().isEmpty()) && !mark.argSpecs().isEmpty()) {
            return error(noType(path, mark, 1));
        }
        try {
            switch (name) {
                case "$$name":
                    return value(new Expression.StringLiteral(pos, mark.name()));
                case "$$provider":
                    return value(new Expression.StringLiteral(pos, mark.provider()));
                case "$$locals":
                    return value(new Expression.StringLiteral(pos, ""));
                case "$$parms", "$$vars":
                    return value(parms(mark, pos));
                default:
                    break;
            }
            // a java() .return probe's return value is the hook mark's argument after the method's ten;
            // in an entry probe $return is no name the mark has, as in stap's derived HelperSDT mark
            int n = name.equals("$return") && returns && mark.provider().equals(JavaSession.PROVIDER)
                    ? JavaSession.ARGS + 1 : argNumber(name);
            if (n < 1 || n > mark.argSpecs().size()) {
                return error("debuginfo scope not found for module '" + path
                        + "', cannot resolve context variable [man error::dwarf]");
            }
            if (t.prettyDollars() > 0 || !t.steps().isEmpty()) {
                return error(noType(path, mark, n));
            }
            return value(argument(SdtArgument.parse(mark.argSpecs().get(n - 1)), pos));
        } catch (SdtArgument.BadSpec e) {
            return error(e.getMessage());
        }
    }

    /** stap's error for a member, element or pretty form of $argN: it looks for a type NAME_argN. */
    private static String noType(String path, SdtNotes.Mark mark, int n) {
        return "type definition '" + mark.name() + "_arg" + n + "' not found in '" + path + "'";
    }

    private static int argNumber(String name) {
        if (!name.startsWith("$arg") || name.length() == 4) {
            return 0;
        }
        try {
            return Integer.parseInt(name.substring(4));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Expression parms(SdtNotes.Mark mark, SourcePos pos) throws SdtArgument.BadSpec {
        List<String> fmt = new ArrayList<>();
        List<Expression> args = new ArrayList<>();
        args.add(null);
        List<String> specs = mark.argSpecs();
        for (int i = 0; i < specs.size(); i++) {
            fmt.add("$arg" + (i + 1) + "=%#x");
            args.add(argument(SdtArgument.parse(specs.get(i)), pos));
        }
        args.set(0, new Expression.StringLiteral(pos, String.join(" ", fmt)));
        return new Expression.Call(pos, "sprintf", args);
    }

    /** The value of one argument at the hit. */
    static Expression argument(SdtArgument a, SourcePos pos) {
        int bits = a.size() * 8;
        if (a.operand() instanceof SdtArgument.Register r) {
            Expression reg = register(r.reg(), pos);
            if (r.shift() != 0) {
                reg = new Expression.Binary(pos, BinaryOp.SHR, reg, num(pos, r.shift()));
            }
            return IntegerWidth.extend(pos, reg, Math.min(bits, r.bits()), a.signed() && bits <= r.bits());
        }
        if (a.operand() instanceof SdtArgument.Immediate i) {
            return num(pos, i.value());
        }
        SdtArgument.Memory m = (SdtArgument.Memory) a.operand();
        Expression addr = m.base() == null ? null : register(m.base(), pos);
        if (m.index() != null) {
            Expression index = register(m.index(), pos);
            if (m.scale() != 1) {
                index = new Expression.Binary(pos, BinaryOp.MUL, index, num(pos, m.scale()));
            }
            addr = addr == null ? index : new Expression.Binary(pos, BinaryOp.ADD, addr, index);
        }
        if (m.disp() != 0) {
            addr = new Expression.Binary(pos, BinaryOp.ADD, addr, num(pos, m.disp()));
        }
        String reader = switch (a.size()) {
            case 1 -> "user_char";
            case 2 -> "user_short";
            case 4 -> "user_int";
            default -> "user_long";
        };
        Expression read = new Expression.Call(pos, reader, List.of(addr));
        return a.signed() || bits == 64 ? read : IntegerWidth.extend(pos, read, bits, false);
    }

    private static Expression register(String name, SourcePos pos) {
        return new Expression.Call(pos, "register", List.of(new Expression.StringLiteral(pos, name)));
    }

    private static Expression num(SourcePos pos, long v) {
        return new Expression.NumberLiteral(pos, v);
    }

    private static SyscallTargets.Meaning value(Expression e) {
        return new SyscallTargets.Meaning(e, null);
    }

    private static SyscallTargets.Meaning error(String why) {
        return new SyscallTargets.Meaning(null, why);
    }
}
