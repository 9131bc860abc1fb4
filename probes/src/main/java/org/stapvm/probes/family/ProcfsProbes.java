package org.stapvm.probes.family;

import java.util.List;
import java.util.function.Consumer;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.probes.ProbeContext;
import org.stapvm.probes.ProbeProvider;
import org.stapvm.probes.ProbeSpec;

/**
 * procfs("__stdin").write, the point stap's input.char and input.line stand on: stap's staprun
 * writes its standard input a byte at a time to the module's /proc/systemtap/MODULE/__stdin; the
 * userspace runtime's loader reads its stdin and runs the probe once per byte. Other procfs files
 * (a /proc file stapvm.ko would create) are not there yet: a clear error, not a silent probe.
 */
public final class ProcfsProbes implements ProbeProvider {
    static final String STDIN = "__stdin";

    @Override
    public List<String> roots() {
        return List.of("procfs");
    }

    @Override
    public List<String> types() {
        return List.of("procfs(string).write");
    }

    /** stap offers procfs in its suggestions, but only its stdin file is here: not offered yet. */
    @Override
    public boolean suggested() {
        return false;
    }

    @Override
    public List<ProbeSpec> resolve(ProbePoint point, ProbeContext context, Consumer<Failure> fail) {
        List<ProbePoint.Component> cs = point.components();
        ProbePoint.Component root = cs.get(0);
        String name = root.argument() == null ? "command" : Arguments.string(root.argument());   // stap's default file
        // stap 4.8 -p2's messages for each malformed shape
        if (name == null) {
            fail.accept(new Failure(context.rootMismatch(root.name()), root));
            return null;
        }
        if (cs.size() < 2) {
            fail.accept(new Failure("probe point truncated (follow:  read umask(number) write)", root));
            return null;
        }
        if (!cs.get(1).name().equals("write") || cs.get(1).argument() != null) {
            fail.accept(new Failure(cs.get(1).name().equals("read") || cs.get(1).name().equals("umask")
                    ? "procfs(\"NAME\")." + cs.get(1).name() + " probes are not available yet: stapvm.ko creates no /proc files"
                    : "probe point mismatch (similar: read, umask, write)", cs.get(1)));
            return null;
        }
        if (cs.size() > 2) {
            fail.accept(new Failure("invalid suffix for probe", cs.get(2)));
            return null;
        }
        if (!name.equals(STDIN)) {
            fail.accept(new Failure("procfs probes are not available yet except procfs(\"" + STDIN
                    + "\").write (input.char, input.line): stapvm.ko creates no /proc files", root));
            return null;
        }
        return List.of(ProbeSpec.input());
    }
}
