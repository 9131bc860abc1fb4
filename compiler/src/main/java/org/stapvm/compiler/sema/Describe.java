package org.stapvm.compiler.sema;

import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.ast.Statement;
import org.stapvm.lang.ast.TargetBase;

/** How stap names the token an expression starts at: "identifier 'x'", "number '1'", "operator '+'". */
public final class Describe {
    private Describe() {}

    public static String token(Expression e) {
        if (e instanceof Expression.Symbol s) {
            return ident(s.name());
        } else if (e instanceof Expression.ArrayElement a) {
            return ident(a.array());
        } else if (e instanceof Expression.Call c) {
            return ident(c.function());
        } else if (e instanceof Expression.NumberLiteral n) {
            return "number '" + n.value() + "'";
        } else if (e instanceof Expression.StringLiteral s) {
            return "string '" + s.value() + "'";
        } else if (e instanceof Expression.Binary b) {
            return op(b.op().text);
        } else if (e instanceof Expression.Assign a) {
            return op(a.op().text);
        } else if (e instanceof Expression.Unary u) {
            return op(u.op().text);
        } else if (e instanceof Expression.IncDec i) {
            return op(i.increment() ? "++" : "--");
        } else if (e instanceof Expression.RegexMatch r) {
            return op(r.negated() ? "!~" : "=~");
        } else if (e instanceof Expression.InArray) {
            return "keyword";
        } else if (e instanceof Expression.Ternary) {
            return op("?");
        } else if (e instanceof Expression.Stat s) {
            return op(s.op().text);
        } else if (e instanceof Expression.HistLinear) {
            return op("@hist_linear");
        } else if (e instanceof Expression.HistLog) {
            return op("@hist_log");
        } else if (e instanceof Expression.HistBucket b) {
            return token(b.histogram());
        } else if (e instanceof Expression.Target t) {
            return t.base() instanceof TargetBase.Variable v ? ident(v.name() + "$".repeat(t.prettyDollars()))
                    : t.base() instanceof TargetBase.Cast ? op("@cast")
                    : t.base() instanceof TargetBase.Var ? op("@var")
                    : t.base() instanceof TargetBase.Register r ? op(r.user() ? "@uregister" : "@kregister")
                    : op("->");
        } else if (e instanceof Expression.EmbeddedCode) {
            return "embedded-code";
        } else if (e instanceof Expression.Defined) {
            return op("@defined");
        } else if (e instanceof Expression.Entry) {
            return op("@entry");
        } else if (e instanceof Expression.Const) {
            return op("@const");
        } else if (e instanceof Expression.Perf) {
            return op("@perf");
        } else if (e instanceof Expression.ProbeWrite) {
            return op("@probewrite");
        }
        return op("*");
    }

    /**
     * stap's token of a statement with its place, as a runtime error names it: "keyword at F:L:C"
     * (stap prints keywords without their text), "operator '{' at ...", or an expression
     * statement's first token.
     */
    public static String statement(Statement s) {
        // stap's pass 2 replaces a block of one statement with that statement (dead_stmtexpr_remover)
        while (s instanceof Statement.Block b && b.statements().size() == 1) {
            s = b.statements().get(0);
        }
        if (s instanceof Statement.Block || s instanceof Statement.Empty) {
            return op(s instanceof Statement.Block ? "{" : ";") + " at " + s.pos();
        } else if (s instanceof Statement.ExprStmt e) {
            return first(e.expression(), e.pos());
        }
        return "keyword at " + s.pos();
    }

    /** The first token of {@code e}, which starts at {@code start} (an opening parenthesis when nothing inside starts there). */
    public static String first(Expression e, SourcePos start) {
        Expression leftmost = e;
        while (true) {
            if (leftmost instanceof Expression.Assign a) {
                leftmost = a.target();
            } else if (leftmost instanceof Expression.Binary b) {
                leftmost = b.left();
            } else if (leftmost instanceof Expression.IncDec d && !d.prefix()) {
                leftmost = d.operand();
            } else if (leftmost instanceof Expression.Ternary t) {
                leftmost = t.condition();
            } else if (leftmost instanceof Expression.RegexMatch r) {
                leftmost = r.subject();
            } else if (leftmost instanceof Expression.InArray in && !in.bracketed() && in.keys().size() == 1) {
                leftmost = in.keys().get(0);
            } else {
                break;
            }
        }
        if (start != null && !start.equals(leftmost.pos())) {
            return op("(") + " at " + start;
        }
        String t = leftmost instanceof Expression.InArray ? op("[") : token(leftmost);
        return t + " at " + leftmost.pos();
    }

    static String ident(String name) {
        return "identifier '" + name + "'";
    }

    static String op(String text) {
        return "operator '" + text + "'";
    }
}
