package org.stapvm.probes.family;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.Optional;
import java.util.function.Consumer;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.lang.diag.Similar;
import org.stapvm.probes.ProbeContext;
import org.stapvm.probes.ProbeProvider;
import org.stapvm.probes.ProbeSpec;
import org.stapvm.probes.UserPoint;
import org.stapvm.probes.symbols.ElfFunctions;
import org.stapvm.probes.symbols.Executables;

/**
 * The {@code process} probe family, placed by the userspace breakpoint engine and by stapvm.ko's uprobes:
 * {@code process("PATH").function("PATTERN")[.return|.call|.inline]} ({@link ProcessFunctions}), {@code process("PATH").statement(ADDR)[.absolute]},
 * {@code process["(PATH)"].begin|end|thread.begin|thread.end|syscall|syscall.return},
 * {@code process("PATH")[.provider("P")].mark("NAME")} ({@link ProcessMarks}), {@code process("PATH").plt["(NAME)"]}
 * ({@link ProcessPlt}), and each of these in a library the program loads: {@code process("PATH").library("LIB")...}
 * ({@link ProcessLibraries}). PATH is found
 * on $PATH when it has no '/', and made canonical.
 */
public final class ProcessProbes implements ProbeProvider {
    private static final List<String> EVENTS = List.of("begin", "end", "thread", "syscall", "function", "statement",
            "mark", "provider", "plt", "library");

    @Override
    public List<String> roots() {
        return List.of("process");
    }

    @Override
    public List<String> types() {
        return Stream.of(
                Stream.of("process", "process(string)").flatMap(head -> Stream.of("begin", "end", "thread.begin",
                        "thread.end", "syscall", "syscall.return").map(e -> head + "." + e)),
                Stream.of("function(string)", "function(string).return", "function(string).call",
                        "function(string).inline", "plt", "plt(string)", "statement(number)",
                        "statement(number).absolute", "statement(string)", "mark(string)",
                        "provider(string).mark(string)", "library(string).function(string)",
                        "library(string).function(string).return", "library(string).function(string).call",
                        "library(string).function(string).inline", "library(string).plt", "library(string).plt(string)",
                        "library(string).statement(number)", "library(string).mark(string)",
                        "library(string).provider(string).mark(string)").map(e -> "process(string)." + e),
                Stream.of("function(string)", "function(string).return", "function(string).call",
                        "function(string).inline", "plt", "plt(string)", "statement(number)", "mark(string)",
                        "begin", "end", "syscall", "syscall.return").map(e -> "process(number)." + e))
                .flatMap(s -> s).toList();
    }

    @Override
    public List<ProbeSpec> resolve(ProbePoint p, ProbeContext context, Consumer<Failure> fail) {
        List<ProbePoint.Component> cs = p.components();
        ProbePoint.Component root = cs.get(0);
        String path = null;
        if (root.argument() instanceof Expression.NumberLiteral pid) {
            // process(PID): the program that process runs, as stap; the run traces that process
            try {
                path = Path.of("/proc/" + pid.value() + "/exe").toRealPath().toString();
            } catch (IOException | RuntimeException e) {
                fail.accept(new Failure("cannot probe pid " + pid.value() + ": No such process", null));
                return null;
            }
            context.target().notePid((int) pid.value());
        } else if (root.argument() != null) {
            if (!(root.argument() instanceof Expression.StringLiteral s)) {
                fail.accept(new Failure("probe point mismatch", root));
                return null;
            }
            Optional<Path> found = Executables.resolve(s.value());
            if (found.isEmpty()) {
                fail.accept(new Failure("cannot find executable '" + s.value() + "'", null));
                return null;
            }
            path = found.get().toString();
        }
        if (cs.size() < 2) {
            fail.accept(new Failure("probe point mismatch" + Similar.clause("", EVENTS), root));
            return null;
        }
        ProbePoint.Component event = cs.get(1);
        List<ProbePoint.Component> rest = cs.subList(2, cs.size());
        if (event.name().equals("library")) {
            return ProcessLibraries.resolve(path, event, rest, ProcessProbes::inFile, fail);
        }
        return switch (event.name()) {
            case "begin", "end" -> simple(path, event, rest, event.name().equals("begin")
                    ? UserPoint.Event.BEGIN : UserPoint.Event.END, fail);
            case "thread" -> thread(path, event, rest, fail);
            case "syscall" -> syscall(path, event, rest, fail);
            case "function" -> ProcessFunctions.resolve(path, event, rest, fail);
            case "statement" -> statement(path, event, rest, fail);
            case "plt" -> ProcessPlt.resolve(path, event, rest, fail);
            case "mark", "provider" -> ProcessMarks.resolve(path, event, rest, EVENTS, fail);
            default -> {
                fail.accept(new Failure("probe point mismatch" + Similar.clause(event.name(), EVENTS), event));
                yield null;
            }
        };
    }

    /** The points of a file's own code (a library's, for .library("LIB")): functions, statements, PLT stubs, marks. */
    static List<ProbeSpec> inFile(String path, ProbePoint.Component event, List<ProbePoint.Component> rest,
                                  Consumer<Failure> fail) {
        return switch (event.name()) {
            case "function" -> ProcessFunctions.resolve(path, event, rest, fail);
            case "statement" -> statement(path, event, rest, fail);
            case "plt" -> ProcessPlt.resolve(path, event, rest, fail);
            case "mark", "provider" -> ProcessMarks.resolve(path, event, rest, EVENTS, fail);
            default -> {
                fail.accept(new Failure("probe point mismatch"
                        + Similar.clause(event.name(), List.of("function", "statement", "plt", "mark", "provider")), event));
                yield null;
            }
        };
    }

    private static List<ProbeSpec> simple(String path, ProbePoint.Component c, List<ProbePoint.Component> rest,
                                          UserPoint.Event e, Consumer<Failure> fail) {
        if (c.argument() != null) {
            fail.accept(new Failure("probe point mismatch", c));
            return null;
        }
        if (!rest.isEmpty()) {
            fail.accept(new Failure("invalid suffix for probe", rest.get(0)));
            return null;
        }
        UserPoint u = new UserPoint(path, e, null, 0);
        return List.of(ProbeSpec.process(u, u.record(false)));
    }

    private static List<ProbeSpec> thread(String path, ProbePoint.Component c, List<ProbePoint.Component> rest,
                                          Consumer<Failure> fail) {
        if (rest.isEmpty() || !(rest.get(0).name().equals("begin") || rest.get(0).name().equals("end"))) {
            ProbePoint.Component at = rest.isEmpty() ? c : rest.get(0);
            fail.accept(new Failure("probe point mismatch"
                    + Similar.clause(rest.isEmpty() ? "" : at.name(), List.of("begin", "end")), at));
            return null;
        }
        UserPoint.Event e = rest.get(0).name().equals("begin") ? UserPoint.Event.THREAD_BEGIN : UserPoint.Event.THREAD_END;
        if (c.argument() != null) {
            fail.accept(new Failure("probe point mismatch", c));
            return null;
        }
        return simple(path, rest.get(0), rest.subList(1, rest.size()), e, fail);
    }

    private static List<ProbeSpec> syscall(String path, ProbePoint.Component c, List<ProbePoint.Component> rest,
                                           Consumer<Failure> fail) {
        if (!rest.isEmpty() && rest.get(0).name().equals("return") && c.argument() == null) {
            return simple(path, rest.get(0), rest.subList(1, rest.size()), UserPoint.Event.SYSCALL_RETURN, fail);
        }
        return simple(path, c, rest, UserPoint.Event.SYSCALL, fail);
    }

    private static List<ProbeSpec> statement(String path, ProbePoint.Component c, List<ProbePoint.Component> rest,
                                             Consumer<Failure> fail) {
        if (path != null && c.argument() instanceof Expression.StringLiteral line) {
            return ProcessLines.resolve(path, line, rest, fail);
        }
        if (path == null || !(c.argument() instanceof Expression.NumberLiteral addr)) {
            fail.accept(new Failure("probe point mismatch", c));
            return null;
        }
        Boolean absolute = optionalSuffix(rest, "absolute", fail);
        if (absolute == null || elf(path, fail) == null) {
            return null;
        }
        UserPoint u = new UserPoint(path, UserPoint.Event.STATEMENT, null, addr.value());
        return List.of(ProbeSpec.process(u, u.record(absolute)));
    }

    /** Whether {@code rest} is the bare suffix {@code name} (true) or nothing (false); null after stap's "invalid suffix". */
    static Boolean optionalSuffix(List<ProbePoint.Component> rest, String name, Consumer<Failure> fail) {
        boolean has = !rest.isEmpty() && rest.get(0).name().equals(name) && rest.get(0).argument() == null;
        if (rest.size() > (has ? 1 : 0)) {
            fail.accept(new Failure("invalid suffix for probe", rest.get(has ? 1 : 0)));
            return null;
        }
        return has;
    }

    static ElfFunctions elf(String path, Consumer<Failure> fail) {
        try {
            return ElfFunctions.read(Path.of(path));
        } catch (IOException e) {
            fail.accept(new Failure("cannot read ELF file '" + path + "': " + e.getMessage(), null));
            return null;
        }
    }
}
