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

    /** suppressTimeLimits: stap's --suppress-time-limits (no overload governor, no MAXACTION to speak of). */
    static Module.Limits from(List<String> defines, boolean suppressTimeLimits) throws BadDefine {
        Module.Limits d = Module.Limits.DEFAULTS;
        int maxAction = d.maxAction();
        int maxStringLen = d.maxStringLen();
        int maxMapEntries = d.maxMapEntries();
        int maxNesting = Module.Limits.NESTING_FROM_CALL_GRAPH;
        int maxErrors = d.maxErrors();
        int maxSkipped = d.maxSkipped();
        int histElision = d.histElision();
        long overloadThreshold = d.overloadThreshold();
        long overloadInterval = d.overloadInterval();
        boolean noOverload = suppressTimeLimits;
        for (String define : defines) {
            int eq = define.indexOf('=');
            String name = eq < 0 ? define : define.substring(0, eq);
            String value = eq < 0 ? "1" : define.substring(eq + 1);   // -D NAME is NAME=1, as for the C compiler
            if (name.equals("STP_NO_OVERLOAD") || name.equals("STAP_NO_OVERLOAD")) {
                noOverload = true; // stap tests only that the name is defined
                continue;
            }
            if (name.equals("STP_OVERLOAD_THRESHOLD") || name.equals("STP_OVERLOAD_INTERVAL")) {
                long cycles = parseCycles(define, value);
                if (name.equals("STP_OVERLOAD_THRESHOLD")) {
                    overloadThreshold = cycles;
                } else {
                    overloadInterval = cycles;
                }
                continue;
            }
            switch (name) {
                case "MAXACTION" -> maxAction = parse(define, value);
                case "MAXSTRINGLEN" -> maxStringLen = parse(define, value);
                case "MAXMAPENTRIES" -> maxMapEntries = parse(define, value);
                case "MAXNESTING" -> maxNesting = parse(define, value);
                case "MAXERRORS" -> maxErrors = parse(define, value);
                case "MAXSKIPPED" -> maxSkipped = parse(define, value);
                case "HIST_ELISION" -> histElision = parse(define, value);
                case "HIST_WIDTH" -> throw new BadDefine("-D " + define + ": stapvm's histogram bars are stap's default"
                        + " 50 '@' wide; another width is not supported yet");
                // stap hands other -D names to its module's C compiler (MAXTRYLOCK, STP_NO_BUILDID_CHECK,
                // a script's own macros ...): accepted as stap accepts them, meaning nothing to stapvm's runtime
                default -> { }
            }
        }
        if (suppressTimeLimits) {
            maxAction = Integer.MAX_VALUE; // stap counts no actions then; stapvm.ko still bounds a hit's jumps
        }
        return new Module.Limits(maxAction, maxStringLen, maxMapEntries, maxNesting, maxErrors, maxSkipped,
                histElision, d.flags(), noOverload ? 0 : overloadThreshold, noOverload ? 0 : overloadInterval);
    }

    /** A cycle count of the overload governor: stap's are C long long constants; an interval of 0 would mean none. */
    private static long parseCycles(String define, String value) throws BadDefine {
        try {
            String v = value.trim().replaceFirst("(?i)(ll|l)$", "");
            long cycles = Long.parseLong(v);
            if (cycles >= 1) {
                return cycles;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadDefine("-D " + define + ": the value must be a positive number of cycles");
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
