package org.stapvm.probes.nativebridge;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a run lasts, the signals that would end the JVM go to the native runner (which then runs the end
 * probes and detaches a traced process with its original bytes back) instead of the JVM's default
 * handlers, which would exit without running them; job-control stops are ignored, since a stopped tracer
 * freezes its tracee at the next hit. The JVM keeps the signals it uses itself (QUIT, USR2...): those are
 * skipped.
 */
final class SignalForwarding implements AutoCloseable {
    private static final List<String> ENDING = List.of("INT", "TERM", "HUP", "USR1", "ALRM", "VTALRM", "PROF", "XCPU",
            "XFSZ", "PWR");
    private static final List<String> IGNORED = List.of("TSTP", "TTIN", "TTOU");

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private SignalForwarding() {}

    static SignalForwarding to(IntConsumer target) {
        SignalForwarding f = new SignalForwarding();
        for (String name : ENDING) {
            f.install(name, s -> target.accept(s.getNumber()));
        }
        for (String name : IGNORED) {
            f.install(name, SignalHandler.SIG_IGN);
        }
        return f;
    }

    private void install(String name, SignalHandler handler) {
        try {
            Signal signal = new Signal(name);
            previous.add(Signal.handle(signal, handler));
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
