package org.stapvm.compiler.sema;

/**
 * What a command-line argument means where the script says $N (spliced in as a literal: a
 * number, or a string when the argument itself is a quoted literal) or @N (always its text).
 */
public final class ScriptArgs {
    private ScriptArgs() {}

    public static boolean isNumber(String arg) {
        return arg.matches("-?(0[xX][0-9a-fA-F]+|[0-9]+)");
    }

    public static boolean isQuoted(String arg) {
        return arg.length() >= 2 && arg.startsWith("\"") && arg.endsWith("\"");
    }

    /** The type $N or @N has with this argument. */
    static Type type(String arg, boolean asString) {
        return asString || arg == null || !isNumber(arg) ? Type.STRING : Type.LONG;
    }
}
