package org.stapvm.lang.pp;

/**
 * glibc's strverscmp, which stap uses for kernel_v, kernel_vr and systemtap_v: digit runs compare
 * as numbers ("6.10" > "6.9"), and runs with leading zeros as fractions ("01" < "1").
 */
public final class VersionCompare {
    private VersionCompare() {}

    // States, each a multiple of 3 so that adding a character class (0 other, 1 digit, 2 '0') indexes the tables.
    private static final int NORMAL = 0;
    private static final int INTEGRAL = 3;
    private static final int FRACTIONAL = 6;
    private static final int LEADING_ZEROS = 9;
    private static final int CMP = 2; // result: compare the differing characters
    private static final int LEN = 3; // result: the longer digit run wins

    private static final int[] NEXT_STATE = {
        /* NORMAL        */ NORMAL, INTEGRAL, LEADING_ZEROS,
        /* INTEGRAL      */ NORMAL, INTEGRAL, INTEGRAL,
        /* FRACTIONAL    */ NORMAL, FRACTIONAL, FRACTIONAL,
        /* LEADING_ZEROS */ NORMAL, FRACTIONAL, LEADING_ZEROS,
    };

    // Indexed by state + class of the left character, times 3, plus class of the right character.
    private static final int[] RESULT = {
        /* NORMAL        */ CMP, CMP, CMP, CMP, LEN, CMP, CMP, CMP, CMP,
        /* INTEGRAL      */ CMP, -1, -1, +1, LEN, LEN, +1, LEN, LEN,
        /* FRACTIONAL    */ CMP, CMP, CMP, CMP, CMP, CMP, CMP, CMP, CMP,
        /* LEADING_ZEROS */ CMP, +1, +1, -1, CMP, CMP, -1, CMP, CMP,
    };

    /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
    public static int compare(String a, String b) {
        int i = 0;
        int c1 = at(a, i);
        int c2 = at(b, i);
        int state = NORMAL + charClass(c1);
        while (c1 == c2) {
            if (c1 == 0) {
                return 0;
            }
            state = NEXT_STATE[state];
            i++;
            c1 = at(a, i);
            c2 = at(b, i);
            state += charClass(c1);
        }
        int result = RESULT[state * 3 + charClass(c2)];
        if (result == CMP) {
            return c1 - c2;
        }
        if (result != LEN) {
            return result;
        }
        // Same-position digit runs: the longer run is the bigger number.
        for (int j = i; ; j++) {
            boolean d1 = isDigit(at(a, j));
            boolean d2 = isDigit(at(b, j));
            if (!d1) {
                return d2 ? -1 : c1 - c2;
            }
            if (!d2) {
                return 1;
            }
        }
    }

    private static int at(String s, int i) {
        return i < s.length() ? s.charAt(i) & 0xff : 0;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static int charClass(int c) {
        return (c == '0' ? 1 : 0) + (isDigit(c) ? 1 : 0);
    }
}
