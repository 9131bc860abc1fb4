package org.stapvm.probes.nativebridge;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import jnr.ffi.LibraryLoader;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a run lasts, the signals that would end the JVM go to the native runner (which then runs the end
 * probes and detaches a traced process with its original bytes back) instead of the JVM's default
 * handlers, which would exit without running them; job-control stops are ignored, since a stopped tracer
 * freezes its tracee at the next hit. The JVM keeps the signals it uses itself (QUIT, USR2...): those are
 * skipped. An ending signal the stapvm command inherited as ignored (a background job of a
 * non-interactive shell) is caught all the same, as staprun catches it: the JVM installs no handler
 * for an ignored INT, TERM or HUP, so the disposition goes back to the default through libc first.
 */
final class SignalForwarding implements AutoCloseable {
    private static final List<String> ENDING = List.of("INT", "TERM", "HUP", "USR1", "ALRM", "VTALRM", "PROF", "XCPU",
            "XFSZ", "PWR");
    private static final List<String> IGNORED = List.of("TSTP", "TTIN", "TTOU");

    /** libc's signal(2), the handler as its address (SIG_DFL 0). */
    public interface LibC {
        long signal(int signum, long handler);
    }

    private static final long SIG_DFL = 0;

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private SignalForwarding() {}

    static SignalForwarding to(IntConsumer target) {
        SignalForwarding f = new SignalForwarding();
        for (String name : ENDING) {
            f.install(name, s -> target.accept(s.getNumber()), true);
        }
        for (String name : IGNORED) {
            f.install(name, SignalHandler.SIG_IGN, false);
        }
        return f;
    }

    private void install(String name, SignalHandler handler, boolean evenIfIgnored) {
        try {
            Signal signal = new Signal(name);
            SignalHandler old = Signal.handle(signal, handler);
            if (evenIfIgnored && old == SignalHandler.SIG_IGN) {
                // ignored: the JVM may have left it so; back to the default, then ours (close() ignores it again)
                LibraryLoader.create(LibC.class).failImmediately().load("c").signal(signal.getNumber(), SIG_DFL);
                Signal.handle(signal, handler);
            }
            previous.add(old);
            signals.add(signal);
        } catch (IllegalArgumentException reservedByTheJvm) {
            // the VM handles it (or the OS has no such signal): left as it is
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
