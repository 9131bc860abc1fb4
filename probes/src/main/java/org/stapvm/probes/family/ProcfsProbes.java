package org.stapvm.probes.family;

import java.util.List;
import java.util.function.Consumer;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.probes.ProbeContext;
import org.stapvm.probes.ProbeProvider;
import org.stapvm.probes.ProbeRecord;
import org.stapvm.probes.ProbeSpec;

/**
 * procfs[("PATH")][.umask(N)].read[.maxsize(N)] and procfs[("PATH")][.umask(N)].write: a file
 * /proc/systemtap/MODULE/PATH that stapvm.ko creates (PATH defaults to "command"); a read runs the
 * read probe, a write the write probe. procfs("__stdin").write is the point stap's input.char and
 * input.line stand on (staprun writes its stdin there): the loader's own stdin, an INPUT record.
 */
public final class ProcfsProbes implements ProbeProvider {
    static final String STDIN = "__stdin";

    @Override
    public List<String> roots() {
        return List.of("procfs");
    }

    @Override
    public List<String> types() {
        return List.of("procfs(string).read", "procfs(string).umask(number).read", "procfs(string).read.maxsize(number)",
                "procfs(string).umask(number).read.maxsize(number)", "procfs(string).write",
                "procfs(string).umask(number).write", "procfs.read", "procfs.umask(number).read",
                "procfs.read.maxsize(number)", "procfs.umask(number).read.maxsize(number)", "procfs.write",
                "procfs.umask(number).write");
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
        int i = 1;
        Long umask = null;
        if (i < cs.size() && cs.get(i).name().equals("umask") && cs.get(i).argument() != null) {
            umask = Arguments.number(cs.get(i).argument());
            if (umask == null) {
                fail.accept(new Failure("probe point mismatch (similar: read, umask, write)", cs.get(i)));
                return null;
            }
            i++;
        }
        if (i >= cs.size()) {
            fail.accept(new Failure("probe point truncated (follow:  read umask(number) write)", cs.get(i - 1)));
            return null;
        }
        ProbePoint.Component op = cs.get(i++);
        boolean read = op.name().equals("read");
        if (!(read || op.name().equals("write")) || op.argument() != null) {
            fail.accept(new Failure("probe point mismatch (similar: read, umask, write)", op));
            return null;
        }
        long maxsize = 0;
        if (read && i < cs.size() && cs.get(i).name().equals("maxsize") && cs.get(i).argument() != null) {
            Long n = Arguments.number(cs.get(i).argument());
            if (n == null) {
                fail.accept(new Failure("invalid suffix for probe", cs.get(i)));
                return null;
            }
            if (n <= 0) {
                fail.accept(new Failure("maxsize must be greater than 0", null));
                return null;
            }
            maxsize = n;
            i++;
        }
        if (i < cs.size()) {
            fail.accept(new Failure("invalid suffix for probe", cs.get(i)));
            return null;
        }
        if (name.startsWith("/")) {
            fail.accept(new Failure("procfs path cannot start with a '/'", root));
            return null;
        }
        if (name.equals(STDIN) && !read && umask == null) {
            return List.of(ProbeSpec.input());
        }
        // stap's modes: 0444 (read) or 0222 (write) less the umask, which defaults to 044 and 022
        long mask = umask != null ? umask : read ? 044 : 022;
        int mode = (int) ((read ? 0444 : 0222) & ~mask);
        // pp() as stap prints it: the point as written, numbers in decimal
        String pp = "procfs" + (root.argument() == null ? "" : "(\"" + name + "\")")
                + (umask == null ? "" : ".umask(" + umask + ")") + (read ? ".read" : ".write")
                + (maxsize == 0 ? "" : ".maxsize(" + maxsize + ")");
        return List.of(ProbeSpec.procfs(ProbeRecord.procfs(pp, read, context.target().moduleName(), name, mode, maxsize)));
    }
}
