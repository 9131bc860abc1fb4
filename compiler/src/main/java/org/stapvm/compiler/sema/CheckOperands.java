package org.stapvm.compiler.sema;

import java.util.ArrayList;
import java.util.List;
import org.stapvm.compiler.regex.RegexCompiler;
import org.stapvm.compiler.regex.RegexSyntaxException;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.ast.Statement;

/**
 * The operands stap refuses in pass 2, before types are inferred: an assignment to something that
 * is not a variable, array element or target ("Expecting lvalue for assignment", naming the
 * operator and then the operand), a delete of anything but a variable or array element ("invalid
 * operand of delete expression", a target too), and a regular expression that does not compile ("regex compilation error").
 */
public final class CheckOperands {
    private CheckOperands() {}

    static void run(ResolveSymbols.Result program, Diagnostics diags) {
        List<Unit> units = new ArrayList<>(program.functions());
        units.addAll(program.probes());
        for (Unit u : units) {
            new AstWalker() {
                @Override
                public Void visitAssign(Expression.Assign e) {
                    super.visitAssign(e);
                    if (!isLvalue(u, e.target())) {
                        diags.add(diags.error("Expecting lvalue for assignment", Describe.token(e), e.pos())
                                .withRelated(diags.place(Describe.token(e.target()), e.target().pos())));
                    }
                    return null;
                }

                @Override
                public Void visitDelete(Statement.Delete s) {
                    super.visitDelete(s);
                    if (!(s.target() instanceof Expression.Symbol || s.target() instanceof Expression.ArrayElement)) {
                        diags.addError("invalid operand of delete expression", Describe.token(s.target()),
                                s.target().pos());
                    }
                    return null;
                }

                @Override
                public Void visitRegexMatch(Expression.RegexMatch e) {
                    super.visitRegexMatch(e);
                    try {
                        RegexCompiler.compile(e.pattern());
                    } catch (RegexSyntaxException x) {
                        diags.addError("regex compilation error (at position " + x.offset() + "): " + x.getMessage(),
                                "string '" + e.pattern() + "'", patternPos(e, diags));
                    }
                    return null;
                }
            }.walk(u.body());
        }
    }

    /** What stap can store into: a variable, an array element, a target variable (checked elsewhere). */
    public static boolean isLvalue(Expression e) {
        return e instanceof Expression.Symbol || e instanceof Expression.ArrayElement
                || e instanceof Expression.Target;
    }

    /** As above, in {@code u}: a target --skip-badvars made the literal 0 is no longer one. */
    public static boolean isLvalue(Unit u, Expression e) {
        return isLvalue(e) && !(e instanceof Expression.Target t && u.substituted(t));
    }

    /** The pattern literal after the =~ operator (the AST keeps the operator's place only). */
    private static SourcePos patternPos(Expression.RegexMatch e, Diagnostics diags) {
        String line = diags.line(e.pos());
        if (line != null) {
            int quote = line.indexOf('"', e.pos().column() - 1);
            if (quote >= 0) {
                return new SourcePos(e.pos().file(), e.pos().line(), quote + 1);
            }
        }
        return e.pos();
    }
}
