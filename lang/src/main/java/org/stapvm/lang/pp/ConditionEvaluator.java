package org.stapvm.lang.pp;

import java.util.OptionalLong;
import org.antlr.v4.runtime.Token;
import org.stapvm.lang.Glob;
import org.stapvm.lang.diag.TokenDescription.Kind;
import org.stapvm.lang.diag.TokenDescription;
import org.stapvm.lang.grammar.StapLexer;

/**
 * Evaluates one {@code LEFT OP RIGHT} comparison of a preprocessor condition against a
 * {@link PpContext}, with stap's eval_pp_conditional rules and error texts.
 */
final class ConditionEvaluator {
    static final String NOT_A_CONDITION = "expected 'arch', 'kernel_v', 'kernel_vr', 'systemtap_v',\n"
            + "             'runtime', 'systemtap_privilege', 'CONFIG_...', or\n"
            + "             comparison between strings or integers";

    /** The value of a comparison, or the error it raised and the token it points at. */
    record Verdict(boolean value, String error, Token at) {
        static Verdict of(boolean value) {
            return new Verdict(value, null, null);
        }

        static Verdict error(String message, Token at) {
            return new Verdict(false, message, at);
        }

        boolean failed() {
            return error != null;
        }
    }

    private enum Op {
        EQ, NE, LT, LE, GT, GE;

        static Op of(Token t) {
            return switch (t.getType()) {
                case StapLexer.EQ -> EQ;
                case StapLexer.NE -> NE;
                case StapLexer.LT -> LT;
                case StapLexer.LE -> LE;
                case StapLexer.GT -> GT;
                case StapLexer.GE -> GE;
                default -> null;
            };
        }

        /** Whether a three-way comparison result satisfies this operator. */
        boolean holds(int cmp) {
            return switch (this) {
                case EQ -> cmp == 0;
                case NE -> cmp != 0;
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
            };
        }

        boolean isEquality() {
            return this == EQ || this == NE;
        }
    }

    private final PpContext context;

    ConditionEvaluator(PpContext context) {
        this.context = context;
    }

    /** Script arguments are already their tokens here (ArgumentSubstitution): $# reads as a number. */
    Verdict evaluate(Token l, Token opToken, Token r) {
        Kind lk = TokenDescription.kind(l);
        Kind rk = TokenDescription.kind(r);
        Op op = Op.of(opToken);
        String name = lk == Kind.IDENTIFIER ? l.getText() : "";
        switch (name) {
            case "kernel_v", "kernel_vr", "systemtap_v":
                return version(name, op, opToken, r, rk);
            case "systemtap_privilege":
                if (rk != Kind.STRING) {
                    return Verdict.error("expected string literal", r);
                }
                return equality(op, opToken, context.privilege().equals(TokenDescription.stringContent(r)));
            case "guru_mode":
                return guruMode(op, opToken, r, rk);
            case "arch", "runtime":
                if (rk != Kind.STRING) {
                    return Verdict.error("expected string literal", r);
                }
                String target = name.equals("arch") ? context.arch() : context.runtime();
                return equality(op, opToken, Glob.NO_ESCAPE.matches(TokenDescription.stringContent(r), target));
            default:
                break;
        }
        if (name.startsWith("CONFIG_")) {
            return config(l, op, opToken, r, rk);
        }
        if (lk == Kind.STRING && rk == Kind.STRING) {
            return compare(op, opToken, TokenDescription.stringContent(l).compareTo(TokenDescription.stringContent(r)));
        }
        if (lk == Kind.NUMBER && rk == Kind.NUMBER) {
            OptionalLong a = Numbers.literal(l.getText());
            OptionalLong b = Numbers.literal(r.getText());
            if (a.isEmpty() || b.isEmpty()) {
                return Verdict.error("bad lexical cast", a.isEmpty() ? l : r);
            }
            return compare(op, opToken, Long.compare(a.getAsLong(), b.getAsLong()));
        }
        boolean opIsOperator = TokenDescription.kind(opToken) == Kind.OPERATOR;
        if (lk == Kind.STRING && rk == Kind.NUMBER && opIsOperator) {
            return Verdict.error("expected string literal as right value", r);
        }
        if (lk == Kind.NUMBER && rk == Kind.STRING && opIsOperator) {
            return Verdict.error("expected number literal as right value", r);
        }
        return Verdict.error(NOT_A_CONDITION, l);
    }

    /** kernel_v, kernel_vr, systemtap_v: strverscmp ordering, or a glob match for == and !=. */
    private Verdict version(String name, Op op, Token opToken, Token r, Kind rk) {
        if (rk != Kind.STRING) {
            return Verdict.error("expected string literal", r);
        }
        if (op == null) {
            return Verdict.error("expected comparison operator", opToken);
        }
        String target = switch (name) {
            case "kernel_v" -> context.kernelVersion();
            case "kernel_vr" -> context.kernelRelease();
            default -> context.systemtapVersion();
        };
        String query = TokenDescription.stringContent(r);
        if (Glob.hasWildcard(query)) {
            if (!op.isEquality()) {
                return Verdict.error("wildcard not allowed with order comparison operators", opToken);
            }
            return Verdict.of(Glob.NO_ESCAPE.matches(query, target) == (op == Op.EQ));
        }
        return Verdict.of(op.holds(Integer.signum(VersionCompare.compare(target, query))));
    }

    private Verdict guruMode(Op op, Token opToken, Token r, Kind rk) {
        if (rk != Kind.NUMBER) {
            return Verdict.error("expected number", r);
        }
        OptionalLong value = Numbers.literal(r.getText());
        if (value.isEmpty()) {
            return Verdict.error("bad lexical cast", r);
        }
        if (value.getAsLong() != 0 && value.getAsLong() != 1) {
            return Verdict.error("expected 0 or 1", opToken);
        }
        return equality(op, opToken, (context.guruMode() ? 1 : 0) == value.getAsLong());
    }

    /** CONFIG_X against a glob string, a number, or another CONFIG_Y (numerically if both are numbers). */
    private Verdict config(Token l, Op op, Token opToken, Token r, Kind rk) {
        String value = context.config(l.getText());
        if (rk == Kind.STRING) {
            return equality(op, opToken, Glob.NO_ESCAPE.matches(TokenDescription.stringContent(r), value));
        }
        if (rk == Kind.NUMBER) {
            OptionalLong lhs = Numbers.config(value);
            if (lhs.isEmpty()) {
                return Verdict.error("Config option value not a number", l);
            }
            OptionalLong rhs = Numbers.literal(r.getText());
            if (rhs.isEmpty()) {
                return Verdict.error("bad lexical cast", r);
            }
            return compare(op, opToken, Long.compare(lhs.getAsLong(), rhs.getAsLong()));
        }
        if (rk == Kind.IDENTIFIER && r.getText().startsWith("CONFIG_")) {
            String other = context.config(r.getText());
            OptionalLong a = Numbers.config(value);
            OptionalLong b = Numbers.config(other);
            if (a.isPresent() && b.isPresent()) {
                return compare(op, opToken, Long.compare(a.getAsLong(), b.getAsLong()));
            }
            return compare(op, opToken, value.compareTo(other));
        }
        return Verdict.error("expected string, number literal or other CONFIG_... as right side operand", r);
    }

    /** For operands that only support == and != (a match result). */
    private static Verdict equality(Op op, Token opToken, boolean matched) {
        if (op == null || !op.isEquality()) {
            return Verdict.error("expected '==' or '!='", opToken);
        }
        return Verdict.of(matched == (op == Op.EQ));
    }

    private static Verdict compare(Op op, Token opToken, int cmp) {
        if (op == null) {
            return Verdict.error("expected comparison operator", opToken);
        }
        return Verdict.of(op.holds(cmp));
    }
}
