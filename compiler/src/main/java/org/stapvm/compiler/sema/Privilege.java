package org.stapvm.compiler.sema;

/**
 * stap's privilege levels (--privilege, --unprivileged): what a script may use. STAPDEV is
 * everything (the default); STAPUSR only stap's unprivileged probe points (probes.def's
 * PR_STAPUSR) and functions (helpers.def's privilege USR); STAPSYS compiles as STAPDEV does and
 * is recorded in the module, where stapvm.ko treats it as STAPDEV's.
 */
public enum Privilege {
    STAPDEV, STAPSYS, STAPUSR;

    /** The word stap takes and prints: stapdev, stapsys, stapusr. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The level named {@code word}, or null. */
    public static Privilege of(String word) {
        for (Privilege p : values()) {
            if (p.word().equals(word)) {
                return p;
            }
        }
        return null;
    }
}
