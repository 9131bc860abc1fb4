package org.stapvm.compiler.sema.tapset;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.Lexing;
import org.stapvm.lang.grammar.StapLexer;

/**
 * The names a tapset file declares (functions, globals, probe alias names), read from its
 * tokens without parsing, so the library can index hundreds of files and parse only those a
 * script needs. The scan may over-approximate (a name under a false preprocessor condition is
 * listed); it gives up (null) on any top-level shape it does not know, and the file is then
 * parsed at once, so a name is never missed.
 */
final class DeclarationScan {
    private DeclarationScan() {}

    record Names(List<String> functions, List<String> globals, List<String> aliases) {}

    /** The file's declared names, or null when only a parse can tell. */
    static Names of(SourceFile file) {
        List<Token> ts = Lexing.tokens(file);
        List<String> functions = new ArrayList<>();
        List<String> globals = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        int i = 0;
        while (i < ts.size()) {
            int type = ts.get(i).getType();
            if (type == StapLexer.PRIVATE) {
                i++;
            } else if (type == StapLexer.FUNCTION && i + 1 < ts.size() && ts.get(i + 1).getType() == StapLexer.IDENT) {
                functions.add(ts.get(i + 1).getText());
                i = skipBlock(ts, i + 2);
            } else if (type == StapLexer.GLOBAL) {
                i = globals(ts, i + 1, globals);
            } else if (type == StapLexer.PROBE) {
                i = probe(ts, i + 1, aliases);
            } else if (type == StapLexer.EMBEDDED) {
                i++;
            } else {
                return null;
            }
            if (i < 0) {
                return null;
            }
        }
        return new Names(functions, globals, aliases);
    }

    /** Past the first balanced {...} from {@code i}; -1 if there is none or a '%(' comes first. */
    private static int skipBlock(List<Token> ts, int i) {
        while (i < ts.size() && ts.get(i).getType() != StapLexer.LBRACE) {
            if (ts.get(i).getType() == StapLexer.PP_OPEN) {
                return -1;
            }
            i++;
        }
        int depth = 0;
        for (; i < ts.size(); i++) {
            int t = ts.get(i).getType();
            if (t == StapLexer.LBRACE) {
                depth++;
            } else if (t == StapLexer.RBRACE && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** global a, b[10], c = 1: the names up to the next declaration keyword. */
    private static int globals(List<Token> ts, int i, List<String> out) {
        boolean expectName = true;
        for (; i < ts.size(); i++) {
            int t = ts.get(i).getType();
            if (t == StapLexer.PROBE || t == StapLexer.FUNCTION || t == StapLexer.GLOBAL
                    || t == StapLexer.PRIVATE || t == StapLexer.EMBEDDED) {
                return i;
            }
            if (t == StapLexer.PP_OPEN || t == StapLexer.LBRACE) {
                return -1;
            }
            if (expectName && t == StapLexer.IDENT) {
                out.add(ts.get(i).getText());
                expectName = false;
            } else if (t == StapLexer.COMMA) {
                expectName = true;
            }
        }
        return i;
    }

    /** probe A, B = targets {...}: A and B as dotted names (arguments dropped), then past the bodies. */
    private static int probe(List<Token> ts, int i, List<String> out) {
        List<String> names = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        int depth = 0;
        for (; i < ts.size(); i++) {
            int t = ts.get(i).getType();
            if (t == StapLexer.PP_OPEN) {
                return -1;
            }
            if (depth > 0) {
                depth += t == StapLexer.LPAREN ? 1 : t == StapLexer.RPAREN ? -1 : 0;
            } else if (t == StapLexer.LPAREN) {
                depth = 1;
            } else if (t == StapLexer.COMMA) {
                names.add(name.toString());
                name.setLength(0);
            } else if (t == StapLexer.ASSIGN || t == StapLexer.ADD_ASSIGN) {
                names.add(name.toString());
                out.addAll(names);
                break;
            } else if (t == StapLexer.LBRACE || t == StapLexer.IF) {
                break;   // a probe, not an alias
            } else if (t != StapLexer.QUESTION && t != StapLexer.BANG) {
                name.append(ts.get(i).getText());
            }
        }
        // the body, then ", {...}" epilogue bodies
        i = skipBlock(ts, i);
        while (i > 0 && i < ts.size() && ts.get(i).getType() == StapLexer.COMMA) {
            i = skipBlock(ts, i + 1);
        }
        return i;
    }
}
