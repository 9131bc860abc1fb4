package org.stapvm.compiler.sema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.diag.Diagnostic;

/**
 * Where passes collect their problems. Knows the text of every file read (script and tapsets) so
 * each diagnostic carries its source line. User mistakes are collected here, never thrown.
 */
public final class Diagnostics {
    private final Map<String, SourceFile> files = new HashMap<>();
    private final List<Diagnostic> all = new ArrayList<>();
    /** The first file added: the user's script (the rest are tapset files). */
    private String userScript;

    public void addFile(SourceFile file) {
        files.put(file.name(), file);
        if (userScript == null) {
            userScript = file.name();
        }
    }

    /** Whether pos is in the user's script, not in a tapset file (stap's is_user_file). */
    public boolean inUserScript(SourcePos pos) {
        return pos != null && pos.file().equals(userScript);
    }

    public String line(SourcePos pos) {
        if (pos == null) {
            return null;
        }
        SourceFile f = files.get(pos.file());
        return f == null ? null : f.line(pos.line());
    }

    /**
     * Where a declaration's name is written, given where the declaration starts: lang's AST
     * keeps the position of the 'function' keyword only, and stap points at the name. Falls back
     * to {@code start} when the name is not on that line.
     */
    public SourcePos namePos(SourcePos start, String name) {
        return namePos(start, "function", name);
    }

    /** Where {@code name} is written after {@code keyword} on the line a node starts at (see above). */
    public SourcePos namePos(SourcePos start, String keyword, String name) {
        String line = line(start);
        if (line == null) {
            return start;
        }
        int from = Math.min(line.length(), start.column() - 1);
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("\\b" + java.util.regex.Pattern.quote(name) + "\\b").matcher(line);
        int kw = line.indexOf(keyword, from);
        if (kw >= 0 && m.find(kw + keyword.length())) {
            return new SourcePos(start.file(), start.line(), m.start() + 1);
        }
        return start;
    }

    public Diagnostic error(String message, String token, SourcePos pos) {
        return new Diagnostic(Diagnostic.Kind.SEMANTIC_ERROR, message, token, pos, line(pos), null, List.of());
    }

    public Diagnostic warning(String message, String token, SourcePos pos) {
        return new Diagnostic(Diagnostic.Kind.SEMANTIC_WARNING, message, token, pos, line(pos), null, List.of());
    }

    public Diagnostic.Place place(String token, SourcePos pos) {
        return new Diagnostic.Place(token, pos, line(pos));
    }

    public void add(Diagnostic d) {
        all.add(d);
    }

    public void addError(String message, String token, SourcePos pos) {
        add(error(message, token, pos));
    }

    public void addWarning(String message, String token, SourcePos pos) {
        add(warning(message, token, pos));
    }

    public List<Diagnostic> all() {
        return List.copyOf(all);
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Diagnostic::isError);
    }

    public int errorCount() {
        return (int) all.stream().filter(Diagnostic::isError).count();
    }
}
