package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stapvm.cli.StapvmCommand.Result;

/**
 * {@code -L kernel.function(...)} against real SystemTap 4.8's lines for the same kernel, recorded
 * with its debuginfo (conformance/tools/record-kernel-listing.py). stapvm reads BTF, so by design
 * (README) its line has no {@code @file:line} and no locals: the expected line is stap's with those
 * two taken out, and every parameter's name and type as stap prints them.
 */
class KernelListingTest {
    @TempDir
    Path tmp;

    record Recorded(String point, String stapLine, Set<String> parameters) {
        @Override
        public String toString() {
            return point;
        }
    }

    static Stream<Recorded> recorded() throws IOException {
        List<Recorded> rows = new ArrayList<>();
        try (InputStream in = KernelListingTest.class.getResourceAsStream("/kernel-listing/stap-L.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                rows.add(new Recorded(f[0], f[1], Set.copyOf(List.of(f[2].isEmpty() ? new String[0] : f[2].split(" ")))));
            }
        }
        return rows.stream();
    }

    /** stap's line without what needs DWARF: the @file:line of the point, and the locals. */
    static String withoutDwarf(Recorded r) {
        int vars = r.stapLine().indexOf(" $");
        String point = (vars < 0 ? r.stapLine() : r.stapLine().substring(0, vars)).replaceFirst("@[^\"]*\"", "\"");
        StringBuilder out = new StringBuilder(point);
        if (vars >= 0) {
            for (String v : r.stapLine().substring(vars + 1).split(" (?=\\$)")) {
                String name = v.substring(1, v.indexOf(':'));
                if (name.equals("return") || r.parameters().contains(name)) {
                    out.append(' ').append(v);
                }
            }
        }
        return out.toString();
    }

    @ParameterizedTest
    @MethodSource("recorded")
    void listsTheParametersAsStapDoes(Recorded r) throws Exception {
        String kver = GuestKernel.release().orElse(null);
        assumeTrue(kver != null, "no Debian kernel in /boot (bin/test installs linux-image-amd64)");
        Result result = new StapvmCommand(tmp).run("-r", kver, "-L", r.point());
        assertEquals(withoutDwarf(r) + "\n", result.stdout(), result.stderr());
        assertEquals(0, result.exitCode());
    }
}
