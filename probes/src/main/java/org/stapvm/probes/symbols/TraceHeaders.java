package org.stapvm.probes.symbols;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stapvm.probes.btf.KernelBtf;

/**
 * A symbol source: the kernel's tracepoint headers ({@code include/trace/events/*.h} and the other
 * places stap globs), read as text. stap compiles every such header and takes each tracepoint's
 * subsystem from the header's {@code TRACE_SYSTEM} and its parameter names from its
 * {@code TP_PROTO}; stapvm reads the same two facts from the text: the {@code TRACE_EVENT},
 * {@code DEFINE_EVENT} and {@code DECLARE_TRACE} families written out in the header, and, for
 * names a wrapper macro pastes together, the header whose {@code TRACE_SYSTEM} the name appears under
 * ({@link #systemOf}). The headers are those of {@code /lib/modules/KVER/build} and, on Debian, of
 * the {@code -common} tree its Makefile includes. No headers: nothing is known here.
 */
public final class TraceHeaders {
    /** What a header says about one tracepoint: its subsystem ("" when the header defines none) and parameter names. */
    public record Event(String system, List<String> params) {}

    /** stap's globs under the build and source trees (tapsets.cxx, tracepoint_builder::init_dw). */
    private static final List<String> GLOBS = List.of("include/trace/events/*.h", "include/trace/*.h",
            "include/ras/*_event.h", "arch/x86/entry/vsyscall/*trace.h", "arch/x86/kernel/*trace.h",
            "arch/x86/include/asm/*trace*.h", "arch/x86/include/asm/trace/*.h", "arch/x86/kvm/*trace.h",
            "fs/*/*trace*.h", "net/*/*trace*.h", "drivers/base/regmap/*trace*.h", "drivers/gpu/drm/*_trace.h",
            "drivers/gpu/drm/*/*_trace.h", "drivers/usb/host/*trace*.h", "virt/kvm/*/*trace*.h");
    private static final Set<String> INTERNAL = Set.of("define_trace.h", "ftrace.h", "trace_events.h", "perf.h",
            "bpf_probe.h", "trace_custom_events.h", "define_custom_trace.h", "syscall.h");
    private static final Pattern SYSTEM = Pattern.compile("#\\s*define\\s+TRACE_SYSTEM\\s+(\\w+)");
    private static final Pattern EVENT = Pattern.compile(
            "\\b(TRACE_EVENT|TRACE_EVENT_FN|TRACE_EVENT_FN_COND|TRACE_EVENT_CONDITION|DECLARE_TRACE|DECLARE_TRACE_CONDITION"
            + "|DEFINE_EVENT|DEFINE_EVENT_FN|DEFINE_EVENT_PRINT|DEFINE_EVENT_CONDITION)\\s*\\(");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_]\\w*");
    /** a function-like macro on one (continuations joined) line: name, parameters, body */
    private static final Pattern DEFINE = Pattern.compile("(?m)^\\s*#\\s*define\\s+(\\w+)\\(([^)]*)\\)(.*)$");

    private static final Map<String, TraceHeaders> BY_RELEASE = new LinkedHashMap<>();

    private final Map<String, Event> events;
    /** each header's identifiers under its TRACE_SYSTEM, for names a wrapper macro pastes */
    private final Map<String, Set<String>> identifiersBySystem;

    private TraceHeaders(Map<String, Event> events, Map<String, Set<String>> identifiersBySystem) {
        this.events = events;
        this.identifiersBySystem = identifiersBySystem;
    }

    /** The headers of kernel {@code release} ("" = the running one), read once per JVM. */
    public static synchronized TraceHeaders of(String release) {
        String r = release == null || release.isEmpty() ? KernelBtf.runningRelease() : release;
        return BY_RELEASE.computeIfAbsent(r, k -> read(trees(Path.of("/lib/modules", k, "build"))));
    }

    /** The headers under {@code roots} (a fixture tree in tests). */
    public static TraceHeaders read(List<Path> roots) {
        Map<String, Event> events = new LinkedHashMap<>();
        Map<String, Set<String>> idents = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Path root : roots) {
            for (String glob : GLOBS) {
                for (Path h : glob(root, glob)) {
                    String rel = root.relativize(h).toString();
                    if (INTERNAL.contains(h.getFileName().toString()) || rel.endsWith("_event_types.h") || !seen.add(rel)) {
                        continue;
                    }
                    try {
                        scan(Files.readString(h), events, idents);
                    } catch (IOException | RuntimeException e) {
                        // an unreadable header: as a header stap cannot compile, it offers nothing
                    }
                }
            }
        }
        return new TraceHeaders(Map.copyOf(events), idents);
    }

    /** Whether any header was read. */
    public boolean available() {
        return !events.isEmpty();
    }

    /** What the headers write out for tracepoint {@code name}, or null. */
    public Event event(String name) {
        return events.get(name);
    }

    /** The subsystem of {@code name}: its header's, or the one whose header names it (a wrapper macro's event); "" unknown. */
    public String systemOf(String name) {
        Event e = events.get(name);
        if (e != null) {
            return e.system();
        }
        for (Map.Entry<String, Set<String>> s : identifiersBySystem.entrySet()) {
            if (s.getValue().contains(name)) {
                return s.getKey();
            }
        }
        return "";
    }

    /** The build tree and the trees its Makefile includes (Debian: linux-headers-KVER-common), and its source link. */
    static List<Path> trees(Path build) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(build)) {
            return out;
        }
        out.add(build);
        try {
            for (String line : Files.readAllLines(build.resolve("Makefile"))) {
                Matcher m = Pattern.compile("^include\\s+(\\S+)/Makefile\\s*$").matcher(line.trim());
                if (m.matches() && Files.isDirectory(Path.of(m.group(1)))) {
                    out.add(Path.of(m.group(1)));
                }
            }
        } catch (IOException e) {
            // no Makefile: the build tree alone
        }
        Path source = build.resolveSibling("source");
        if (Files.isDirectory(source)) {
            out.add(source);
        }
        return out;
    }

    private static List<Path> glob(Path root, String glob) {
        String[] parts = glob.split("/");
        List<Path> level = List.of(root);
        for (String part : parts) {
            List<Path> next = new ArrayList<>();
            for (Path dir : level) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, part)) {
                    ds.forEach(next::add);
                } catch (IOException e) {
                    // unreadable: nothing there
                }
            }
            next.sort(null);
            level = next;
        }
        return level.stream().filter(Files::isRegularFile).toList();
    }

    /** One header's events (first header wins for a name) and identifiers. */
    static void scan(String text, Map<String, Event> events, Map<String, Set<String>> idents) {
        String code = withoutComments(text);
        List<int[]> systems = new ArrayList<>();   // {offset, index into names}
        List<String> names = new ArrayList<>();
        Matcher s = SYSTEM.matcher(code);
        while (s.find()) {
            systems.add(new int[] {s.start(), names.size()});
            names.add(s.group(1));
        }
        String body = withoutDirectives(code);
        collect(body, 0, systems, names, events);
        for (Wrapper w : wrappers(code)) {
            Matcher call = Pattern.compile("\\b" + w.name() + "\\s*\\(").matcher(body);
            while (call.find()) {
                List<String> args = arguments(body, call.end() - 1);
                if (args.size() == w.params().size()) {
                    collect(w.expand(args), call.start(), systems, names, events);
                }
            }
        }
        if (!names.isEmpty()) {
            Set<String> ids = idents.computeIfAbsent(names.get(0), k -> new LinkedHashSet<>());
            Matcher id = IDENT.matcher(body);
            while (id.find()) {
                ids.add(id.group());
            }
        }
    }

    /** The events invoked in {@code text}, which sits at {@code offset} of the header (for its TRACE_SYSTEM). */
    private static void collect(String text, int offset, List<int[]> systems, List<String> names, Map<String, Event> events) {
        Matcher m = EVENT.matcher(text);
        while (m.find()) {
            List<String> args = arguments(text, m.end() - 1);
            boolean define = m.group(1).startsWith("DEFINE_EVENT");
            int nameAt = define ? 1 : 0;
            if (args.size() <= nameAt + 1) {
                continue;
            }
            String name = args.get(nameAt).trim();
            List<String> params = params(args.get(nameAt + 1).trim());
            if (!IDENT.matcher(name).matches() || params == null) {
                continue;
            }
            events.putIfAbsent(name, new Event(systemAt(systems, names, offset + m.start()), params));
        }
    }

    /**
     * A function-like macro whose body defines events, such as irq_vectors.h's
     * {@code DEFINE_IRQ_VECTOR_EVENT(name)} pasting {@code name##_entry}: the compiler stap runs
     * expands it, so the events it defines are the header's as much as those written out.
     */
    record Wrapper(String name, List<String> params, String body) {
        /** The body with each parameter replaced by its argument and the ## pastes joined. */
        String expand(List<String> args) {
            StringBuilder out = new StringBuilder();
            Matcher id = IDENT.matcher(body);
            int at = 0;
            while (id.find()) {
                out.append(body, at, id.start());
                int i = params.indexOf(id.group());
                out.append(i < 0 ? id.group() : args.get(i).trim());
                at = id.end();
            }
            out.append(body.substring(at));
            return out.toString().replaceAll("\\s*##\\s*", "");
        }
    }

    private static List<Wrapper> wrappers(String code) {
        List<Wrapper> out = new ArrayList<>();
        Matcher d = DEFINE.matcher(code.replace("\\\n", " "));
        while (d.find()) {
            if (EVENT.matcher(d.group(3)).find()) {
                List<String> params = new ArrayList<>();
                for (String p : d.group(2).split(",")) {
                    params.add(p.trim());
                }
                out.add(new Wrapper(d.group(1), List.copyOf(params), d.group(3)));
            }
        }
        return out;
    }

    private static String systemAt(List<int[]> systems, List<String> names, int offset) {
        String sys = "";
        for (int[] s : systems) {
            if (s[0] < offset) {
                sys = names.get(s[1]);
            }
        }
        return sys;
    }

    /** The comma-separated arguments of the call whose '(' is at {@code open}, to its matching ')'. */
    private static List<String> arguments(String text, int open) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth == 0) {
                    args.add(text.substring(start, i));
                    return args;
                }
            } else if (c == ',' && depth == 1) {
                args.add(text.substring(start, i));
                start = i + 1;
            }
        }
        return List.of();   // unbalanced: not a call
    }

    /** The parameter names of "TP_PROTO(T a, T *b)" (PARAMS or a bare void too), or null when it is none. */
    static List<String> params(String proto) {
        Matcher m = Pattern.compile("^(TP_PROTO|PARAMS)\\s*\\(").matcher(proto);
        if (!m.find()) {
            return proto.equals("void") || proto.isEmpty() ? List.of() : null;
        }
        List<String> parts = arguments(proto, m.end() - 1);
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            String t = p.trim();
            if (t.isEmpty() || t.equals("void")) {
                continue;
            }
            Matcher fp = Pattern.compile("\\(\\s*\\*\\s*([A-Za-z_]\\w*)\\s*\\)").matcher(t);
            if (fp.find()) {
                out.add(fp.group(1));
                continue;
            }
            t = t.replaceAll("\\[[^\\]]*\\]\\s*$", "").trim();
            Matcher last = Pattern.compile("([A-Za-z_]\\w*)\\s*$").matcher(t);
            if (!last.find()) {
                return null;
            }
            out.add(last.group(1));
        }
        return List.copyOf(out);
    }

    private static String withoutComments(String s) {
        return s.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
    }

    /**
     * The text with preprocessor lines (and their continuations) blanked, offsets kept: a macro's body
     * is no invocation.
     */
    private static String withoutDirectives(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean inDirective = false;
        for (String line : s.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            boolean starts = line.stripLeading().startsWith("#");
            if (starts || inDirective) {
                inDirective = line.endsWith("\\");
                out.append(" ".repeat(line.length()));
                continue;
            }
            out.append(line);
        }
        return out.toString();
    }
}
