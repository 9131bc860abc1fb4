package org.stapvm.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * stap reads its command line with GNU getopt, which takes every word starting with '-' before a
 * "--" as options, wherever it stands: "stap script.stp -5" is the invalid option '5', not the
 * script argument -5 (picocli would take a negative number as a positional), and a long option
 * that takes no value refuses "--NAME=VALUE" (picocli would read a boolean). Returns stap's
 * message for the first word getopt refuses that picocli would accept, else null.
 */
final class GetoptCheck {
    private GetoptCheck() {}

    static String refused(CommandSpec spec, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return null;
            }
            if (a.startsWith("--")) {
                OptionSpec o = spec.findOption(a.contains("=") ? a.substring(0, a.indexOf('=')) : a);
                if (o != null && a.contains("=") && o.arity().max() == 0) {
                    return "stap: option '" + a.substring(0, a.indexOf('=')) + "' doesn't allow an argument\n" + TRY;
                }
                if (o != null && !a.contains("=") && takesValue(o)) {
                    i++;
                }
                continue;
            }
            if (!a.startsWith("-") || a.length() == 1) {
                continue;
            }
            for (int k = 1; k < a.length(); k++) {
                OptionSpec o = spec.findOption("-" + a.charAt(k));
                if (o == null) {
                    // picocli reports other unknown options itself; a digit it would take as a number
                    return Character.isDigit(a.charAt(k)) ? message(a.charAt(k)) : null;
                }
                if (takesValue(o)) {
                    if (k == a.length() - 1) {
                        i++;
                    }
                    break;
                }
            }
        }
        return null;
    }

    private static final String TRY = "Try '--help' for more information. [man stap]\n"
            + "A message like [man foo] means for more info, run % man foo\n";

    private static boolean takesValue(OptionSpec o) {
        return o.arity().min() > 0;
    }

    private static String message(char c) {
        return "stap: invalid option -- '" + c + "'\n" + TRY;
    }
}
