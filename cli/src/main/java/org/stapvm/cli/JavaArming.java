package org.stapvm.cli;

import java.io.PrintStream;
import java.util.List;
import org.stapvm.probes.java.JavaSession;
import org.stapvm.probes.java.JavaVm;

/**
 * Pass 5 of a script with java() probes: the JVM is the run's -x process, its agent is armed
 * with the probes' sites before the run and disarmed after it (whatever ended it), so that the
 * JVM runs its original classes again and a later session attaches cleanly.
 */
final class JavaArming {
    private final JavaSession java;
    private final PrintStream err;

    JavaArming(JavaSession java, PrintStream err) {
        this.java = java;
        this.err = err;
    }

    /** The -x pid the run needs (the JVM's), or null after reporting why the options do not fit. */
    Integer targetPid(Options options) {
        long pid = java.vm().pid();
        if (options.command != null) {
            err.println("ERROR: java() probes attach to the running Java process " + pid + ", not to a -c command");
            return null;
        }
        if (options.targetPid != null && options.targetPid != pid) {
            err.println("ERROR: java() probes are in Java process " + pid + ", but -x names process " + options.targetPid);
            return null;
        }
        return (int) pid;
    }

    private static boolean attachable(long pid) {
        try {
            JavaVm.byPid(pid);
            return true;
        } catch (JavaVm.Failure e) {
            return false;
        }
    }

    /** Arms the agent; false after reporting the failure. */
    boolean arm() {
        try {
            List<String> reply = java.vm().request("arm", java.armRequest());
            reply.stream().filter(l -> l.startsWith("warning\t")).forEach(l -> err.println("WARNING: " + l.substring(8)));
            return true;
        } catch (JavaVm.Failure e) {
            err.println("ERROR: " + e.getMessage());
            return false;
        }
    }

    void disarm() {
        try {
            java.vm().request("disarm", List.of());
        } catch (JavaVm.Failure e) {
            if (!attachable(java.vm().pid())) {
                return;   // the JVM has ended: nothing to restore
            }
            err.println("WARNING: " + e.getMessage() + " (the agent disarms by itself once stapvm has exited)");
        }
    }
}
