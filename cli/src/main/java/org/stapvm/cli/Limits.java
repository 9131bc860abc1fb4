package org.stapvm.cli;

import java.util.List;
import org.stapvm.compiler.module.Module;

/** -D NAME=VALUE settings of SystemTap's runtime limits, with SystemTap's defaults. */
final class Limits {
    private Limits() {}

    /** A -D that is not a limit, or a value that is not a positive number. */
    static final class BadDefine extends Exception {
        BadDefine(String message) {
            super(message);
        }
    }

    static Module.Limits from(List<String> defines) throws BadDefine {
        int maxAction = 1000;
        int maxStringLen = 512;
        int maxMapEntries = 2048;
        int maxNesting = Module.Limits.NESTING_FROM_CALL_GRAPH;
        int maxErrors = 0;
        int maxSkipped = 100;
        int histElision = Module.Limits.HIST_ELISION;
        for (String define : defines) {
            int eq = define.indexOf('=');
            String name = eq < 0 ? define : define.substring(0, eq);
            int value = eq < 0 ? 1 : parse(define, define.substring(eq + 1));
            switch (name) {
                case "MAXACTION" -> maxAction = value;
                case "MAXSTRINGLEN" -> maxStringLen = value;
                case "MAXMAPENTRIES" -> maxMapEntries = value;
                case "MAXNESTING" -> maxNesting = value;
                case "MAXERRORS" -> maxErrors = value;
                case "MAXSKIPPED" -> maxSkipped = value;
                case "HIST_ELISION" -> histElision = value;
                // stap hands other -D names to the C compiler of its module; stapvm has none.
                default -> throw new BadDefine("-D " + define + ": stapvm knows only the runtime limits "
                        + "MAXACTION, MAXSTRINGLEN, MAXMAPENTRIES, MAXNESTING, MAXERRORS and MAXSKIPPED "
                        + "and HIST_ELISION");
            }
        }
        return new Module.Limits(maxAction, maxStringLen, maxMapEntries, maxNesting, maxErrors, maxSkipped,
                histElision, 0);
    }

    private static int parse(String define, String value) throws BadDefine {
        try {
            int v = Integer.parseInt(value.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadDefine("-D " + define + ": the value must be a non-negative number");
    }
}
