package org.stapvm.compiler.regex;

/**
 * A compiled pattern as tables the interpreter walks, one step per subject byte, so a match
 * takes time linear in the subject whatever the pattern:
 * <pre>
 *   s = 0
 *   for each byte c: if (flags[s] & ACCEPT) return true; s = next[s * classCount + byteClass[c]]
 *   return flags[s] & (ACCEPT | ACCEPT_AT_END)
 * </pre>
 * State 0 is the start. ACCEPT means a match has been seen (the state loops to itself);
 * ACCEPT_AT_END means there is a match if the subject ends here (patterns ending in '$').
 * {@code groups} is the pattern's capture program when the script asks for matched(), else null.
 */
public record Dfa(int[] byteClass, int classCount, int[] next, byte[] flags, CaptureProgram groups) {
    public static final byte ACCEPT = 1;
    public static final byte ACCEPT_AT_END = 2;

    public Dfa(int[] byteClass, int classCount, int[] next, byte[] flags) {
        this(byteClass, classCount, next, flags, null);
    }

    public Dfa withGroups(CaptureProgram program) {
        return new Dfa(byteClass, classCount, next, flags, program);
    }

    public int stateCount() {
        return flags.length;
    }

    /** Whether the pattern matches anywhere in {@code subject} (Latin-1 bytes), as =~ asks. */
    public boolean matches(String subject) {
        int s = 0;
        for (int i = 0; i < subject.length(); i++) {
            if ((flags[s] & ACCEPT) != 0) {
                return true;
            }
            s = next[s * classCount + byteClass[subject.charAt(i) & 0xff]];
        }
        return (flags[s] & (ACCEPT | ACCEPT_AT_END)) != 0;
    }
}
