package org.stapvm.compiler.lower;

import java.util.Map;

/**
 * Where SystemTap 4.8 declares the tapset functions that stapvm lowers to helpers and whose
 * runtime errors stap raises inside their embedded C: stap's message then names the function's
 * declaration in its tapset (the name token), not the call. stringat, kernel_string and
 * kernel_long are compared with stap's output (conformance/cases); kernel_int, kernel_short,
 * kernel_char and kernel_pointer have kernel_long's body there. StapTapsetOriginsTest checks
 * every position against the installed tapsets.
 */
final class StapTapsetOrigins {
    /** stap's tapset directory, as its messages print it. */
    static final String DIR = "/usr/share/systemtap/tapset/";

    private static final Map<String, String> ORIGINS = Map.of(
            "stringat", "string.stp:51:10",
            "kernel_string", "linux/conversions.stp:18:10",
            "kernel_long", "linux/conversions.stp:285:10",
            "kernel_int", "linux/conversions.stp:304:10",
            "kernel_short", "linux/conversions.stp:323:10",
            "kernel_char", "linux/conversions.stp:342:10",
            "kernel_pointer", "linux/conversions.stp:362:10");

    private StapTapsetOrigins() {}

    /** The "near" text of a runtime error in native {@code name}, or null when stap names the call. */
    static String near(String name) {
        String at = ORIGINS.get(name);
        return at == null ? null : "identifier '" + name + "' at " + DIR + at;
    }

    static Map<String, String> all() {
        return ORIGINS;
    }
}
