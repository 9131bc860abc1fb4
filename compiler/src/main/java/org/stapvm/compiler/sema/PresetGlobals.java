package org.stapvm.compiler.sema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * -G NAME=VALUE: initial values of globals given on the command line. stap hands them to the
 * module as parameters, so only what its safety pattern admits gets through, a later -G for the
 * same name wins, and a number global reads VALUE as the kernel's kstrtoll does (base 0).
 */
public final class PresetGlobals {
    private PresetGlobals() {}

    /** stap's pattern, matched ignoring case (it is a REG_ICASE regex there). */
    public static final String SAFETY_PATTERN = "^[a-z_][a-z0-9_]*=[a-z0-9_.-]+$";
    private static final Pattern SAFE = Pattern.compile(SAFETY_PATTERN, Pattern.CASE_INSENSITIVE);

    /** A -G argument stap refuses; the message is stap's (its newline included). */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** The -G arguments by name, in order. */
    public static Map<String, String> parse(List<String> settings) throws Refused {
        Map<String, String> presets = new LinkedHashMap<>();
        for (String s : settings) {
            if (!SAFE.matcher(s).matches()) {
                throw new Refused("ERROR: Safety pattern mismatch for -G parameter ('" + s + "' vs. '" + SAFETY_PATTERN
                        + "') rc=1\n");
            }
            int eq = s.indexOf('=');
            presets.put(s.substring(0, eq), s.substring(eq + 1));
        }
        return presets;
    }

    /** VALUE as a number (decimal, 0x hex or 0 octal, optionally signed); null when it is none. */
    public static Long number(String value) {
        String v = value;
        boolean negative = v.startsWith("-");
        if (negative || v.startsWith("+")) {
            v = v.substring(1);
        }
        int radix = 10;
        if (v.length() > 1 && (v.startsWith("0x") || v.startsWith("0X"))) {
            radix = 16;
            v = v.substring(2);
        } else if (v.length() > 1 && v.startsWith("0")) {
            radix = 8;
            v = v.substring(1);
        }
        try {
            long n = Long.parseUnsignedLong(v, radix);
            if (n < 0 && !(negative && n == Long.MIN_VALUE)) {
                return null; // past the range of a long, as kstrtoll refuses it
            }
            return negative ? -n : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
