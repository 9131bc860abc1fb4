package org.stapvm.compiler.sema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where SystemTap 4.8's tapsets define the functions that stapvm implements as natives and that
 * stap refuses for --privilege=stapusr: its message names the definition (the name token of the
 * embedded-C function that refused, not the call). The argument functions are refused at the
 * function they all call (_stp_arg2), register() at _stp_get_register_by_offset. The source
 * line is read from stap's tapset when it is installed. StapDefinitionsTest checks the positions.
 */
final class StapDefinitions {
    static final String DIR = "/usr/share/systemtap/tapset/";

    /** The refusing function's name, file, line and column, and the line's text (null: not installed). */
    record Definition(String name, String file, int line, int column, String sourceLine) {}

    private static final String ARG = "_stp_arg2 x86_64/registers.stp:181:10";
    private static final Map<String, String> AT = Map.ofEntries(
            Map.entry("kernel_string", "kernel_string linux/conversions.stp:18:10"),
            Map.entry("kernel_string_n", "kernel_string_n linux/conversions.stp:94:10"),
            Map.entry("kernel_long", "kernel_long linux/conversions.stp:285:10"),
            Map.entry("kernel_int", "kernel_int linux/conversions.stp:304:10"),
            Map.entry("kernel_short", "kernel_short linux/conversions.stp:323:10"),
            Map.entry("kernel_char", "kernel_char linux/conversions.stp:342:10"),
            Map.entry("stp_pid", "stp_pid linux/context.stp:430:10"),
            Map.entry("backtrace", "backtrace linux/context-unwind.stp:69:10"),
            Map.entry("print_backtrace", "print_backtrace linux/context-unwind.stp:23:10"),
            Map.entry("register", "_stp_get_register_by_offset x86_64/registers.stp:70:10"),
            Map.entry("returnval", "returnval errno.stp:428:10"),
            Map.entry("uint_arg", ARG), Map.entry("int_arg", ARG), Map.entry("long_arg", ARG),
            Map.entry("ulong_arg", ARG), Map.entry("pointer_arg", ARG));

    private StapDefinitions() {}

    /** Where stap refuses native {@code name} for stapusr, or null when it names the call. */
    static Definition of(String name) {
        String at = AT.get(name);
        if (at == null) {
            return null;
        }
        String[] w = at.split(" ");
        String[] p = w[1].split(":");
        String file = DIR + p[0];
        int line = Integer.parseInt(p[1]);
        return new Definition(w[0], file, line, Integer.parseInt(p[2]), line(file, line));
    }

    static Map<String, String> all() {
        return AT;
    }

    private static String line(String file, int n) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return n <= lines.size() ? lines.get(n - 1) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
