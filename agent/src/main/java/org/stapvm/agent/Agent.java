package org.stapvm.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent stapvm loads into a running JVM (the attach API's loadAgent); every load is one
 * request, "COMMAND IN OUT LIB": IN is the request file, OUT the reply file, LIB the hook library
 * (libstapvm-java.so). Commands:
 * <ul>
 * <li>{@code query}: the classes loaded (and the class names IN lists, loaded without being
 *     initialized), each with its superclass and declared methods: the compiler matches the
 *     script's java() points against them;</li>
 * <li>{@code arm}: IN's first line is "watch PID", the stapvm process; then one {@link Site}, one
 *     {@link LateRule} ("SLOT LATE ...") or one slot's typed arguments ("SLOT TYPED MASK", see
 *     {@link Hook}) a line. The hook library is loaded, the loaded classes the sites and rules name
 *     are retransformed, classes loaded later are rewritten as they load, and the reply says how
 *     many places each slot got at the arm. If PID ends without a disarm, the agent disarms by
 *     itself;</li>
 * <li>{@code disarm}: the transformer is removed and every class it rewrote (at the arm or since)
 *     retransformed to its original bytes: the JVM then runs as if no session had been.</li>
 * </ul>
 * The reply's last line is "ok", or "error MESSAGE"; a "warning MESSAGE" line before it is for the user.
 */
public final class Agent {
    private static Armed armed;
    /**
     * The Instrumentation of the first load. Every loadAgent hands over a new one (a JVMTI
     * environment of its own), and a transformer can only be removed through the one it was
     * added to, so every request works through this one.
     */
    private static Instrumentation first;

    private Agent() {}

    /** A session's state while it is armed. */
    private record Armed(Rewriter rewriter, List<Class<?>> classes, long watchPid, Thread watchdog) {}

    public static void agentmain(String options, Instrumentation given) {
        Instrumentation inst;
        synchronized (Agent.class) {
            if (first == null) {
                first = given;
            }
            inst = first;
        }
        String[] f = options == null ? new String[0] : options.split(" ");
        if (f.length != 4) {
            return;   // not loaded by stapvm: nothing to do
        }
        Path out = Path.of(f[2]);
        List<String> reply = new ArrayList<>();
        try {
            List<String> in = Files.readAllLines(Path.of(f[1]));
            switch (f[0]) {
                case "query" -> ClassQuery.run(inst, in, reply);
                case "arm" -> arm(inst, in, f[3], reply);
                case "disarm" -> disarm(inst);
                default -> throw new IllegalArgumentException("unknown command " + f[0]);
            }
            reply.add("ok");
        } catch (Throwable t) {
            reply.add("error\t" + String.valueOf(t.getMessage() != null ? t.getMessage() : t).replace('\n', ' '));
        }
        try {
            Files.write(out, reply);
        } catch (IOException e) {
            // the caller reports the missing reply
        }
    }

    private static synchronized void arm(Instrumentation inst, List<String> in, String lib, List<String> reply)
            throws UnmodifiableClassException {
        if (armed != null) {
            if (ProcessHandle.of(armed.watchPid()).map(ProcessHandle::isAlive).orElse(false)) {
                throw new IllegalStateException("this JVM already has the java() probes of stapvm process "
                        + armed.watchPid() + " (one session at a time)");
            }
            disarm(inst);
        }
        System.load(lib);
        long watch = Long.parseLong(in.get(0).split("\t")[1]);
        Map<String, List<Site>> byClass = new HashMap<>();
        List<LateRule> rules = new ArrayList<>();
        int[] typed = new int[Hook.SLOTS];
        for (String line : in.subList(1, in.size())) {
            String what = line.split("\t", 3)[1];
            if (what.equals("LATE")) {
                rules.add(LateRule.parse(line));
            } else if (what.equals("TYPED")) {
                String[] f = line.split("\t");
                typed[Integer.parseInt(f[0])] = Integer.parseInt(f[2]);
            } else {
                Site s = Site.parse(line);
                byClass.computeIfAbsent(s.className(), k -> new ArrayList<>()).add(s);
            }
        }
        Hook.type(typed);
        Rewriter rewriter = new Rewriter(byClass, rules);
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (inst.isModifiableClass(c) && !c.isArray() && !c.isHidden()
                    && (byClass.containsKey(c.getName()) || rewriter.ruled(c))) {
                classes.add(c);
            }
        }
        inst.addTransformer(rewriter, true);
        try {
            if (!classes.isEmpty()) {
                inst.retransformClasses(classes.toArray(new Class<?>[0]));
            }
            if (rewriter.failure != null) {
                throw new IllegalStateException("cannot rewrite: " + rewriter.failure);
            }
        } catch (RuntimeException | UnmodifiableClassException | Error e) {
            inst.removeTransformer(rewriter);
            inst.retransformClasses(classes.toArray(new Class<?>[0]));
            throw e;
        }
        Thread watchdog = new Thread(() -> watch(inst, watch), "stapvm-agent watchdog");
        watchdog.setDaemon(true);
        armed = new Armed(rewriter, classes, watch, watchdog);
        watchdog.start();
        boolean none = true;
        for (int slot = 0; slot < Hook.SLOTS; slot++) {
            if (rewriter.placed[slot] > 0) {
                reply.add("placed\t" + slot + "\t" + rewriter.placed[slot]);
                none = false;
            }
        }
        if (none && !byClass.isEmpty()) {   // (points whose classes are not loaded yet have rules only)
            reply.add("warning\tthe java() probes' methods were found but none could be rewritten");
        }
    }

    private static synchronized void disarm(Instrumentation inst) throws UnmodifiableClassException {
        Armed a = armed;
        if (a == null) {
            return;
        }
        armed = null;
        a.watchdog().interrupt();
        inst.removeTransformer(a.rewriter());
        List<Class<?>> restore = new ArrayList<>(a.classes());
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (a.rewriter().rewritten.contains(c.getName()) && !restore.contains(c) && inst.isModifiableClass(c)) {
                restore.add(c);   // loaded after the arm, and rewritten then
            }
        }
        if (!restore.isEmpty()) {
            inst.retransformClasses(restore.toArray(new Class<?>[0]));
        }
    }

    /** Disarms when the stapvm process is gone (killed before it could disarm). */
    private static void watch(Instrumentation inst, long pid) {
        try {
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                Thread.sleep(500);
            }
            synchronized (Agent.class) {
                if (armed != null && armed.watchPid() == pid) {
                    disarm(inst);
                }
            }
        } catch (InterruptedException | UnmodifiableClassException e) {
            // disarmed by the session itself
        }
    }
}
