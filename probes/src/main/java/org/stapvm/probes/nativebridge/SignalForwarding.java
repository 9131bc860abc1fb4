package org.stapvm.probes.nativebridge;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a run lasts, SIGINT, SIGTERM and SIGHUP go to the native runner (which then runs the end
 * probes) instead of the JVM's default handlers, which would exit without running them.
 */
final class SignalForwarding implements AutoCloseable {
    private static final List<String> SIGNALS = List.of("INT", "TERM", "HUP");

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private SignalForwarding() {}

    static SignalForwarding to(IntConsumer target) {
        SignalForwarding f = new SignalForwarding();
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            f.previous.add(Signal.handle(signal, s -> target.accept(s.getNumber())));
            f.signals.add(signal);
        }
        return f;
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
