package org.stapvm.probes.java;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The java() probes of one compilation: the one JVM they are in, what its agent said of its
 * classes, and the probe slots handed out (slot K is SDT mark stapvm_java:method__K of the hook
 * library), each with the sites the agent is to rewrite for it ({@code org.stapvm.agent.Site}
 * lines), the point as a rule for the classes the JVM loads later ({@code LateRule}) and the
 * arguments it passes as numbers. The CLI arms the slots before the run and disarms them after.
 */
public final class JavaSession {
    /** As runtime-native/java/stapvm_java.h and org.stapvm.agent.Hook. */
    public static final int SLOTS = 64;
    public static final int ARGS = 10;
    public static final String PROVIDER = "stapvm_java";

    private JavaVm vm;
    private final JavaClasses classes = new JavaClasses();
    private final List<String> asked = new ArrayList<>();
    private final Map<String, Integer> slotByKey = new LinkedHashMap<>();
    private final List<List<String>> sitesBySlot = new ArrayList<>();
    private final List<List<String>> typedBySlot = new ArrayList<>();

    /** The integral types an agent passes as numbers (Hook.java): a point naming one gets that argument's value. */
    public static final List<String> NUMERIC_TYPES = List.of("int", "long", "short", "byte", "boolean");

    /** Whether any java() point was resolved (the CLI then arms them). */
    public boolean active() {
        return !sitesBySlot.isEmpty();
    }

    public JavaVm vm() {
        return vm;
    }

    /** The JVM a point names (a pid or a jps name); every java() point of a script must name the same one. */
    public JavaVm vm(Object pidOrName) throws JavaVm.Failure {
        JavaVm found = vm != null && (pidOrName.equals(vm.pid()) || pidOrName.equals(vm.name())) ? vm
                : pidOrName instanceof Long pid ? JavaVm.byPid(pid) : JavaVm.byName((String) pidOrName);
        if (vm != null && found.pid() != vm.pid()) {
            throw new JavaVm.Failure("java() probes in two Java processes (" + vm.pid() + " and " + found.pid()
                    + "): a session traces one process");
        }
        vm = found;
        return vm;
    }

    /** The classes, after asking the agent for the methods of the classes {@code patterns} name (once each). */
    public JavaClasses classes(List<String> patterns) throws JavaVm.Failure {
        List<String> fresh = patterns.stream().filter(p -> !asked.contains(p)).toList();
        if (!fresh.isEmpty() || asked.isEmpty()) {
            classes.add(vm.request("query", fresh));
            asked.addAll(fresh);
            if (fresh.isEmpty()) {
                asked.add("");
            }
        }
        return classes;
    }

    /**
     * The slot of a point ({@code key}: its text, so a point written twice shares one), given its
     * sites, its rule and its argument types where it wrote them (null otherwise).
     */
    public int slot(String key, List<String> sites, String rule, List<String> argumentTypes) throws JavaVm.Failure {
        Integer known = slotByKey.get(key);
        if (known != null) {
            return known;
        }
        if (sitesBySlot.size() == SLOTS) {
            throw new JavaVm.Failure("more than " + SLOTS + " java() probe points in one session");
        }
        int slot = sitesBySlot.size();
        List<String> lines = new ArrayList<>();
        for (String s : sites) {
            lines.add(slot + "\t" + s);
        }
        lines.add(slot + "\t" + rule);
        List<String> typed = new ArrayList<>();
        int mask = 0;
        for (int i = 0; argumentTypes != null && i < Math.min(ARGS, argumentTypes.size()); i++) {
            boolean numeric = NUMERIC_TYPES.contains(argumentTypes.get(i));
            typed.add(numeric ? argumentTypes.get(i) : null);
            mask |= numeric ? 1 << i : 0;
        }
        if (mask != 0) {
            lines.add(slot + "\tTYPED\t" + mask);
        }
        sitesBySlot.add(lines);
        typedBySlot.add(typed);
        slotByKey.put(key, slot);
        return slot;
    }

    /**
     * The numeric arguments of the point that became mark {@code markName} ("method__K"): per
     * position, its integral type, or null (a string) past the list's end too.
     */
    public List<String> typedArguments(String markName) {
        return typedBySlot.get(Integer.parseInt(markName.substring(markName.lastIndexOf('_') + 1)));
    }

    /**
     * The module's java section (compiler's JavaSection): the agent jar, the hook library and every
     * slot's sites, for stapvm-run to arm the agent with; empty without java() probes.
     */
    public List<String> loaderRequest() {
        if (!active()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        out.add("agent\t" + JavaVm.agentJar());
        out.add("lib\t" + JavaVm.hookLibrary());
        sitesBySlot.forEach(out::addAll);
        return out;
    }

    /** The arm request: "watch PID" (the stapvm process), then every slot's sites. */
    public List<String> armRequest() {
        List<String> in = new ArrayList<>();
        in.add("watch\t" + ProcessHandle.current().pid());
        sitesBySlot.forEach(in::addAll);
        return in;
    }
}
