package org.stapvm.probes.java;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One running JVM as java() probes name it (stap's rule: the main class as jps lists it, with or
 * without its package, or the pid), and the requests stapvm makes of its agent (agent/), each one
 * loadAgent of the agent jar with "COMMAND IN OUT LIB" (org.stapvm.agent.Agent says what they do).
 * The agent jar and the hook library are found under $STAPVM_HOME (or -Dstapvm.agent, -Dstapvm.javahook,
 * $STAPVM_JAVA_AGENT, $STAPVM_JAVA_HOOK: a copy of the library on a tmpfs, for stapvm.ko's uprobes).
 */
public final class JavaVm {
    static final String AGENT_IN_TREE = "agent/target/stapvm-agent.jar";
    static final String HOOK_IN_TREE = "runtime-native/java/build/libstapvm-java.so";

    /** A user-facing failure: no such JVM, attach refused, the agent's own error. */
    public static final class Failure extends Exception {
        public Failure(String message) {
            super(message);
        }
    }

    private final long pid;
    private final String name;

    private JavaVm(long pid, String name) {
        this.pid = pid;
        this.name = name;
    }

    public long pid() {
        return pid;
    }

    /** What jps shows for it: the main class (or jar), as its command line names it. */
    public String name() {
        return name;
    }

    /** The JVM whose pid is {@code pid}. */
    public static JavaVm byPid(long pid) throws Failure {
        for (VirtualMachineDescriptor d : VirtualMachine.list()) {
            if (d.id().equals(Long.toString(pid))) {
                return new JavaVm(pid, mainName(d));
            }
        }
        if (commandLine(pid).contains("-XX:+DisableAttachMechanism")) {
            throw new Failure("Java process " + pid + " does not allow attaching: it runs with -XX:+DisableAttachMechanism");
        }
        throw new Failure("process " + pid + " is not a Java process that can be attached to" + listing());
    }

    /** The arguments of process {@code pid}, NUL-separated as /proc has them ("" when it cannot be read). */
    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The one JVM whose main class (or jar) is {@code pname}, with or without its package. */
    public static JavaVm byName(String pname) throws Failure {
        List<JavaVm> found = new ArrayList<>();
        for (VirtualMachineDescriptor d : VirtualMachine.list()) {
            String main = mainName(d);
            if (main.equals(pname) || main.substring(main.lastIndexOf('.') + 1).equals(pname)
                    || Path.of(main.isEmpty() ? "." : main).getFileName().toString().equals(pname)) {
                found.add(new JavaVm(Long.parseLong(d.id()), main));
            }
        }
        if (found.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (VirtualMachineDescriptor d : VirtualMachine.list()) {
                String main = mainName(d);
                names.add(main.substring(main.lastIndexOf('.') + 1));
            }
            String similar = org.stapvm.lang.diag.Similar.suggest(pname, names.stream().distinct().toList(), 5);
            throw new Failure("no Java process named '" + pname + "'" + (similar.isEmpty() ? listing() : " (similar: " + similar + ")"));
        }
        if (found.size() > 1) {
            throw new Failure("more than one Java process named '" + pname + "': "
                    + String.join(", ", found.stream().map(v -> Long.toString(v.pid)).toList()) + " (name one by its pid)");
        }
        return found.get(0);
    }

    private static String mainName(VirtualMachineDescriptor d) {
        String display = d.displayName().trim();
        int space = display.indexOf(' ');
        return space < 0 ? display : display.substring(0, space);
    }

    private static String listing() {
        List<String> all = new ArrayList<>();
        for (VirtualMachineDescriptor d : VirtualMachine.list()) {
            if (!d.id().equals(Long.toString(ProcessHandle.current().pid()))) {
                all.add(d.id() + " " + mainName(d));
            }
        }
        if (all.isEmpty()) {
            return " (no Java process is running as this user)";
        }
        String shown = String.join(", ", all.subList(0, Math.min(5, all.size())));
        return " (jps lists: " + shown + (all.size() > 5 ? ", and " + (all.size() - 5) + " more" : "") + ")";
    }

    /** One request to the agent; the reply's lines before its final "ok". */
    public List<String> request(String command, List<String> in) throws Failure {
        Path inFile = null;
        Path outFile = null;
        try {
            inFile = Files.createTempFile("stapvm-java-", ".in");
            outFile = Files.createTempFile("stapvm-java-", ".out");
            Files.write(inFile, in);
            String options = command + " " + inFile + " " + outFile + " " + file("stapvm.javahook", HOOK_IN_TREE);
            VirtualMachine vm = attach();
            try {
                vm.loadAgent(agentJar().toString(), options);
            } finally {
                vm.detach();
            }
            List<String> reply = Files.readAllLines(outFile);
            if (reply.isEmpty()) {
                throw new Failure("the stapvm agent in Java process " + pid + " did not answer");
            }
            String last = reply.get(reply.size() - 1);
            if (last.startsWith("error\t")) {
                throw new Failure("the stapvm agent in Java process " + pid + " failed: " + last.substring(6));
            }
            return reply.subList(0, reply.size() - 1);
        } catch (AgentLoadException | AgentInitializationException | IOException e) {
            throw new Failure("cannot load the stapvm agent into Java process " + pid + ": " + e);
        } finally {
            delete(inFile);
            delete(outFile);
        }
    }

    private VirtualMachine attach() throws Failure, IOException {
        try {
            return VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException e) {
            throw new Failure("cannot attach to Java process " + pid + ": " + e.getMessage()
                    + " (it must run as the same user, without -XX:+DisableAttachMechanism)");
        }
    }

    /** The agent jar loaded into the JVM. */
    public static Path agentJar() {
        return file("stapvm.agent", AGENT_IN_TREE);
    }

    /** The hook library loaded into the JVM: the file the script's marks are on. */
    public static Path hookLibrary() {
        return file("stapvm.javahook", HOOK_IN_TREE);
    }

    private static Path file(String property, String inTree) {
        String explicit = System.getProperty(property);
        if (explicit == null) {
            // as stapvm-run reads them: $STAPVM_JAVA_AGENT, $STAPVM_JAVA_HOOK
            explicit = System.getenv(property.equals("stapvm.agent") ? "STAPVM_JAVA_AGENT" : "STAPVM_JAVA_HOOK");
        }
        if (explicit != null && explicit.isEmpty()) {
            explicit = null;
        }
        if (explicit != null) {
            return Path.of(explicit).toAbsolutePath();
        }
        String home = System.getenv("STAPVM_HOME");
        return Path.of(home != null ? home : ".").resolve(inTree).toAbsolutePath().normalize();
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a temporary file left in /tmp
            }
        }
    }
}
