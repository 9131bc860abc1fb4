package org.stapvm.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.stapvm.lang.ShellWords;

/**
 * One conformance/cases/NAME.stp with what SystemTap 4.8 did: NAME.out, NAME.err, NAME.rc, and
 * the header lines {@code # args:}, {@code # stap-opts:}, {@code # timeout:} (conformance/README.md).
 * Where stapvm deliberately differs, NAME.stapvm.{out,err,rc} replace the recorded file and the
 * script says why in a {@code # differs:} line.
 */
record ConformanceCase(String name, Path script, List<String> options, List<String> arguments, int timeoutSeconds,
                       String stdout, String stderr, int exitCode) {

    /** Debian's packaging adds this to every compile failure; it is not SystemTap's behaviour. */
    static final String DEBIAN_TIP = "Tip: /usr/share/doc/systemtap/README.Debian should help you get started.\n";

    static ConformanceCase load(Path script) throws IOException {
        String name = script.getFileName().toString().replaceFirst("\\.stp$", "");
        List<String> header = Files.readAllLines(script).stream().takeWhile(l -> l.startsWith("#")).toList();
        return new ConformanceCase(name, script, words(header, "stap-opts"), words(header, "args"),
                Integer.parseInt(value(header, "timeout", "15")),
                expected(script, name, "out").replace(DEBIAN_TIP, ""),
                expected(script, name, "err").replace(DEBIAN_TIP, ""),
                Integer.parseInt(expected(script, name, "rc").trim()));
    }

    private static String expected(Path script, String name, String kind) throws IOException {
        Path override = script.resolveSibling(name + ".stapvm." + kind);
        // ISO-8859-1 maps every byte to one char: scripts may print bytes that are not UTF-8
        return Files.readString(Files.exists(override) ? override : script.resolveSibling(name + "." + kind),
                StandardCharsets.ISO_8859_1);
    }

    private static String value(List<String> header, String key, String fallback) {
        String prefix = "# " + key + ":";
        return header.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).trim())
                .findFirst().orElse(fallback);
    }

    /** The header's value split into words as the shell splits them (record.sh evals it): quotes group. */
    private static List<String> words(List<String> header, String key) {
        return ShellWords.split(value(header, key, ""));
    }
}
