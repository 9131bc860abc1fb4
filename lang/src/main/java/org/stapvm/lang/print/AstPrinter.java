package org.stapvm.lang.print;

import java.util.List;
import org.stapvm.lang.ast.Declaration;
import org.stapvm.lang.ast.DeclarationVisitor;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.ExpressionVisitor;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.lang.ast.Script;
import org.stapvm.lang.ast.SortOrder;
import org.stapvm.lang.ast.Statement;
import org.stapvm.lang.ast.StatementVisitor;
import org.stapvm.lang.ast.TargetBase;
import org.stapvm.lang.ast.TargetStep;

/**
 * Prints a script back as source (what -p1 shows). Parentheses appear only where precedence
 * needs them, and every statement ends in ';', so reading the output back gives the same AST.
 */
public final class AstPrinter {
    private AstPrinter() {}

    public static String print(Script script) {
        StringBuilder out = new StringBuilder();
        out.append("# parse tree dump\n# file ").append(script.file()).append('\n');
        Declarations printer = new Declarations(out);
        for (Declaration d : script.declarations()) {
            d.accept(printer);
        }
        return out.toString();
    }

    public static String print(Expression e) {
        return e.accept(new Expressions());
    }

    private static final class Declarations implements DeclarationVisitor<Void> {
        private final StringBuilder out;
        private final Statements statements;

        Declarations(StringBuilder out) {
            this.out = out;
            this.statements = new Statements(out);
        }

        @Override
        public Void visitProbe(Declaration.Probe d) {
            out.append("probe ").append(points(d.points())).append(' ');
            statements.block(d.body(), 0);
            out.append('\n');
            return null;
        }

        @Override
        public Void visitAlias(Declaration.Alias d) {
            out.append("probe ").append(points(d.names())).append(d.epilogue() ? " += " : " = ")
                    .append(points(d.targets())).append(' ');
            statements.block(d.body(), 0);
            out.append('\n');
            return null;
        }

        @Override
        public Void visitGlobal(Declaration.Global d) {
            out.append(d.isPrivate() ? "private global " : "global ").append(d.name());
            if (d.wrap()) {
                out.append('%');
            }
            if (d.isArray()) {
                out.append('[').append(d.size()).append(']');
            }
            if (d.init() != null) {
                out.append(" = ").append(constant(d.init()));
            }
            out.append('\n');
            return null;
        }

        @Override
        public Void visitFunction(Declaration.Function d) {
            out.append(d.isPrivate() ? "private function " : "function ").append(d.name());
            if (d.returnType() != null) {
                out.append(':').append(d.returnType().text);
            }
            out.append(" (");
            for (int i = 0; i < d.params().size(); i++) {
                Declaration.Param p = d.params().get(i);
                out.append(i > 0 ? ", " : "").append(p.name());
                if (p.type() != null) {
                    out.append(':').append(p.type().text);
                }
            }
            out.append(')');
            if (d.priority() != 0) {
                out.append(" :").append(d.priority());
            }
            out.append(' ');
            if (d.body() != null) {
                statements.block(d.body(), 0);
            } else {
                out.append("%{").append(d.embedded()).append("%}");
            }
            out.append('\n');
            return null;
        }

        @Override
        public Void visitEmbedded(Declaration.Embedded d) {
            out.append("%{").append(d.code()).append("%}\n");
            return null;
        }

        private static String points(List<ProbePoint> points) {
            StringBuilder s = new StringBuilder();
            for (ProbePoint p : points) {
                if (s.length() > 0) {
                    s.append(", ");
                }
                for (int i = 0; i < p.components().size(); i++) {
                    ProbePoint.Component c = p.components().get(i);
                    s.append(i > 0 ? "." : "").append(c.name());
                    if (c.argument() != null) {
                        s.append('(').append(constant(c.argument())).append(')');
                    }
                }
                s.append(p.marker().text);
                if (p.condition() != null) {
                    s.append(" if (").append(print(p.condition())).append(')');
                }
            }
            return s.toString();
        }

        /**
         * Probe arguments and initializers: numbers may be negative, and a concatenation of
         * literal pieces (@2 "suffix") is written as the juxtaposition it was read from.
         */
        private static String constant(Expression e) {
            if (e instanceof Expression.NumberLiteral n) {
                return Long.toString(n.value());
            }
            if (e instanceof Expression.Binary b) {
                return constant(b.left()) + " " + constant(b.right());
            }
            return print(e);
        }
    }

    private static final class Statements implements StatementVisitor<Void> {
        private final StringBuilder out;
        private int depth;

        Statements(StringBuilder out) {
            this.out = out;
        }

        void block(Statement.Block b, int indent) {
            out.append("{\n");
            int saved = depth;
            depth = indent + 1;
            for (Statement s : b.statements()) {
                line(s);
            }
            depth = saved;
            out.append("  ".repeat(indent)).append('}');
        }

        private void line(Statement s) {
            out.append("  ".repeat(depth));
            s.accept(this);
            out.append('\n');
        }

        /** A nested statement: blocks stay on the line, others go on their own indented line. */
        private void body(Statement s) {
            if (s instanceof Statement.Block b) {
                out.append(' ');
                block(b, depth);
            } else {
                out.append('\n');
                depth++;
                out.append("  ".repeat(depth));
                s.accept(this);
                depth--;
            }
        }

        @Override
        public Void visitBlock(Statement.Block s) {
            block(s, depth);
            return null;
        }

        @Override
        public Void visitEmpty(Statement.Empty s) {
            out.append(';');
            return null;
        }

        @Override
        public Void visitIf(Statement.If s) {
            out.append("if (").append(print(s.condition())).append(')');
            body(s.then());
            if (s.otherwise() != null) {
                out.append('\n').append("  ".repeat(depth)).append("else");
                body(s.otherwise());
            }
            return null;
        }

        @Override
        public Void visitWhile(Statement.While s) {
            out.append("while (").append(print(s.condition())).append(')');
            body(s.body());
            return null;
        }

        @Override
        public Void visitFor(Statement.For s) {
            out.append("for (").append(optional(s.init())).append("; ").append(optional(s.condition()))
                    .append("; ").append(optional(s.step())).append(')');
            body(s.body());
            return null;
        }

        @Override
        public Void visitForeach(Statement.Foreach s) {
            out.append("foreach (");
            if (s.valueVar() != null) {
                out.append(s.valueVar()).append(" = ");
            }
            out.append('[');
            for (int i = 0; i < s.keys().size(); i++) {
                out.append(i > 0 ? ", " : "").append(s.keys().get(i).name()).append(s.keys().get(i).sort().mark);
            }
            out.append("] in ").append(print(s.array()));
            if (s.slice() != null) {
                out.append('[').append(list(s.slice())).append(']');
            }
            if (s.sortStat() != null) {
                out.append(' ').append(s.sortStat().text);
            }
            out.append(s.valueSort() == SortOrder.NONE ? "" : s.valueSort().mark);
            if (s.limit() != null) {
                out.append(" limit ").append(print(s.limit()));
            }
            out.append(')');
            body(s.body());
            return null;
        }

        @Override
        public Void visitBreak(Statement.Break s) {
            out.append("break;");
            return null;
        }

        @Override
        public Void visitContinue(Statement.Continue s) {
            out.append("continue;");
            return null;
        }

        @Override
        public Void visitNext(Statement.Next s) {
            out.append("next;");
            return null;
        }

        @Override
        public Void visitReturn(Statement.Return s) {
            out.append(s.value() == null ? "return;" : "return " + print(s.value()) + ";");
            return null;
        }

        @Override
        public Void visitDelete(Statement.Delete s) {
            out.append("delete ").append(print(s.target())).append(';');
            return null;
        }

        @Override
        public Void visitTry(Statement.Try s) {
            out.append("try ");
            block(s.body(), depth);
            out.append(" catch");
            if (s.catchVar() != null) {
                out.append('(').append(s.catchVar()).append(')');
            }
            out.append(' ');
            block(s.handler(), depth);
            return null;
        }

        @Override
        public Void visitExprStmt(Statement.ExprStmt s) {
            out.append(print(s.expression())).append(';');
            return null;
        }

        private static String optional(Expression e) {
            return e == null ? "" : print(e);
        }
    }

    static String list(List<Expression> items) {
        StringBuilder s = new StringBuilder();
        for (Expression e : items) {
            s.append(s.length() > 0 ? ", " : "").append(print(e));
        }
        return s.toString();
    }

    private static final class Expressions implements ExpressionVisitor<String> {

        /** The operand's text, in parentheses if it binds looser than {@code needed}. */
        private String operand(Expression e, int needed) {
            String text = e.accept(this);
            return level(e) < needed ? "(" + text + ")" : text;
        }

        private static int level(Expression e) {
            if (e instanceof Expression.Assign) {
                return Precedence.ASSIGN;
            } else if (e instanceof Expression.Ternary) {
                return Precedence.TERNARY;
            } else if (e instanceof Expression.Binary b) {
                return Precedence.of(b.op());
            } else if (e instanceof Expression.InArray in) {
                return in.bracketed() ? Precedence.PRIMARY : Precedence.IN;
            } else if (e instanceof Expression.RegexMatch) {
                return Precedence.REGEX;
            } else if (e instanceof Expression.Unary || e instanceof Expression.IncDec i && i.prefix()) {
                return Precedence.UNARY;
            } else if (e instanceof Expression.IncDec) {
                return Precedence.POSTFIX;
            }
            return Precedence.PRIMARY;
        }

        /** "- -x", not "--x"; "! ~x", not "!~x": keep prefix operators from fusing. */
        private static String prefix(String op, String operand) {
            return "+-~!&".indexOf(operand.charAt(0)) >= 0 ? op + " " + operand : op + operand;
        }

        public String visitNumber(Expression.NumberLiteral e) { return Literals.number(e.value()); }
        public String visitString(Expression.StringLiteral e) { return Literals.quote(e.value()); }
        public String visitSymbol(Expression.Symbol e) { return e.name(); }
        public String visitWildcard(Expression.Wildcard e) { return "*"; }

        public String visitArrayElement(Expression.ArrayElement e) {
            return e.array() + "[" + list(e.keys()) + "]";
        }

        public String visitCall(Expression.Call e) {
            return e.function() + "(" + list(e.args()) + ")";
        }

        public String visitUnary(Expression.Unary e) {
            return prefix(e.op().text, operand(e.operand(), Precedence.UNARY));
        }

        public String visitIncDec(Expression.IncDec e) {
            String op = e.increment() ? "++" : "--";
            return e.prefix() ? prefix(op, operand(e.operand(), Precedence.UNARY))
                    : operand(e.operand(), Precedence.POSTFIX) + op;
        }

        public String visitBinary(Expression.Binary e) {
            int p = Precedence.of(e.op());
            return operand(e.left(), p) + " " + e.op().text + " " + operand(e.right(), p + 1);
        }

        public String visitRegexMatch(Expression.RegexMatch e) {
            return operand(e.subject(), Precedence.REGEX) + (e.negated() ? " !~ " : " =~ ") + Literals.quote(e.pattern());
        }

        public String visitInArray(Expression.InArray e) {
            String keys = e.bracketed() ? "[" + list(e.keys()) + "]" : operand(e.keys().get(0), Precedence.IN);
            return keys + " in " + e.array().accept(this);
        }

        public String visitTernary(Expression.Ternary e) {
            return operand(e.condition(), Precedence.TERNARY + 1) + " ? " + e.ifTrue().accept(this) + " : "
                    + operand(e.ifFalse(), Precedence.TERNARY);
        }

        public String visitAssign(Expression.Assign e) {
            return operand(e.target(), Precedence.ASSIGN + 1) + " " + e.op().text + " "
                    + operand(e.value(), Precedence.ASSIGN);
        }

        public String visitStat(Expression.Stat e) {
            return e.op().text + "(" + e.operand().accept(this) + (e.extra() == null ? "" : ", " + e.extra().accept(this)) + ")";
        }

        public String visitHistLinear(Expression.HistLinear e) {
            return "@hist_linear(" + list(List.of(e.operand(), e.low(), e.high(), e.step())) + ")";
        }

        public String visitHistLog(Expression.HistLog e) { return "@hist_log(" + e.operand().accept(this) + ")"; }
        public String visitHistBucket(Expression.HistBucket e) {
            return e.histogram().accept(this) + "[" + e.index().accept(this) + "]";
        }
        public String visitDefined(Expression.Defined e) { return "@defined(" + e.operand().accept(this) + ")"; }
        public String visitEntry(Expression.Entry e) { return "@entry(" + e.operand().accept(this) + ")"; }
        public String visitProbeWrite(Expression.ProbeWrite e) { return "@probewrite(" + e.variable() + ")"; }
        public String visitConst(Expression.Const e) { return "@const(" + Literals.quote(e.name()) + ")"; }
        public String visitPerf(Expression.Perf e) { return "@perf(" + Literals.quote(e.counter()) + ")"; }
        public String visitEmbeddedCode(Expression.EmbeddedCode e) { return "%{" + e.code() + "%}"; }

        /** A string position that may hold @N pieces: written as the juxtaposition it was read from. */
        private String text(Expression e) {
            if (e instanceof Expression.Binary b) {
                return text(b.left()) + " " + text(b.right());
            }
            return e.accept(this);
        }

        public String visitTarget(Expression.Target e) {
            StringBuilder s = new StringBuilder(e.addressOf() ? "&" : "");
            TargetBase base = e.base();
            if (base instanceof TargetBase.Variable v) {
                s.append(v.name());
            } else if (base instanceof TargetBase.Cast c) {
                s.append("@cast(").append(c.address().accept(this)).append(", ").append(text(c.type()));
                s.append(c.module() == null ? "" : ", " + text(c.module())).append(')');
            } else if (base instanceof TargetBase.Var v) {
                s.append("@var(").append(Literals.quote(v.name()));
                s.append(v.module() == null ? "" : ", " + Literals.quote(v.module())).append(')');
            } else if (base instanceof TargetBase.Autocast a) {
                // (x)[0] keeps its parentheses: x[0] would read as an array element.
                boolean bareName = a.value() instanceof Expression.Symbol && !e.steps().isEmpty()
                        && e.steps().get(0) instanceof TargetStep.Index;
                String value = operand(a.value(), Precedence.POSTFIX);
                s.append(bareName ? "(" + value + ")" : value);
            } else {
                TargetBase.Register r = (TargetBase.Register) base;
                s.append(r.user() ? "@uregister(" : "@kregister(").append(r.number().accept(this)).append(')');
            }
            for (TargetStep step : e.steps()) {
                if (step instanceof TargetStep.Member m) {
                    s.append("->").append(m.name());
                } else {
                    s.append('[').append(((TargetStep.Index) step).index().accept(this)).append(']');
                }
            }
            return s.append("$".repeat(e.prettyDollars())).toString();
        }
    }
}
