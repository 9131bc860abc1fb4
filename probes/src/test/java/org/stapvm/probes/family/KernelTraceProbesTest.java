package org.stapvm.probes.family;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stapvm.probes.Points;
import org.stapvm.probes.ProbeRecord;
import org.stapvm.probes.ProbeSpec;
import org.stapvm.probes.ProbeTarget;
import org.stapvm.probes.symbols.KernelTracepoints;
import org.stapvm.probes.symbols.KernelTracepoints.Tracepoint;

/** kernel.trace: stap's NAME and SYSTEM:NAME patterns over a fixture of tracepoints, pp() with the subsystem. */
class KernelTraceProbesTest {
    private static final ProbeTarget TARGET = ProbeTarget.withKernelTracepoints("", KernelTracepoints.of(List.of(
            new Tracepoint("9p", "9p_client_req", "9pnet"), new Tracepoint("", "local_timer_entry", ""),
            new Tracepoint("raw_syscalls", "sys_enter", ""), new Tracepoint("sched", "sched_process_fork", ""),
            new Tracepoint("sched", "sched_switch", ""))));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kernel.trace(\"sched_switch\")|kernel.trace(\"sched:sched_switch\")",
        "kernel.trace(\"sched:sched_switch\")|kernel.trace(\"sched:sched_switch\")",
        "kernel.trace(\"sched:*\")|kernel.trace(\"sched:sched_process_fork\")? kernel.trace(\"sched:sched_switch\")?",
        "kernel.trace(\"*s*:s*\")|kernel.trace(\"raw_syscalls:sys_enter\")? kernel.trace(\"sched:sched_process_fork\")? kernel.trace(\"sched:sched_switch\")?",
        "kernel.trace(\"*:sys_enter\")|kernel.trace(\"raw_syscalls:sys_enter\")?",
        "kernel.trace(\"sys_enter\")|kernel.trace(\"raw_syscalls:sys_enter\")",
        "kernel.trace(\"local_timer_entry\")|kernel.trace(\"local_timer_entry\")",
        "kernel.trace(\"9p_client_req\")|kernel.trace(\"9p:9p_client_req\")"})
    void patternsAndPoints(String text, String descriptors) {
        assertEquals(List.of(descriptors.split(" ")), Points.descriptors(text, TARGET));
    }

    @Test
    void recordNamesTheTracepointAndItsModule() {
        assertEquals(List.of(ProbeRecord.tracepoint("kernel.trace(\"9p:9p_client_req\")", "9pnet", "9p_client_req", false),
                        ProbeRecord.tracepoint("kernel.trace(\"sched:sched_switch\")", null, "sched_switch", false)),
                List.of(Points.resolve("kernel.trace(\"9p_client_req\")", TARGET).get(0).record(),
                        Points.resolve("kernel.trace(\"sched_switch\")", TARGET).get(0).record()));
        assertEquals(List.of(false), Points.resolve("kernel.trace(\"sched:*\")", TARGET).stream()
                .map(s -> "return".equals(s.unit())).distinct().toList());
        assertEquals(ProbeSpec.Kind.KERNEL, Points.resolve("kernel.trace(\"sys_enter\")", TARGET).get(0).kind());
    }

    /** stap's messages (tapsets.cxx: tracepoint_query, tracepoint_builder::build). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kernel.trace(\"sched_swich\")|no match (similar tracepoints: sched_switch, sys_enter, sched_process_fork, 9p_client_req, local_timer_entry)",
        "kernel.trace(\"nope*\")|no match",
        "kernel.trace(\"*:local_timer_entry\")|no match",
        "kernel.trace(\"sys_entr\")|no match (similar tracepoints: sys_enter, 9p_client_req, sched_switch, local_timer_entry, sched_process_fork)",
        "kernel.trace(\":\")|invalid tracepoint string provided",
        "kernel.trace(\"sched:\")|invalid tracepoint string provided",
        "kernel.trace(\"sched_switch\").return|invalid suffix for probe",
        "kernel.trace(7)|probe point mismatch",
        "kernel.trace|probe point mismatch"})
    void stapsMessages(String text, String message) {
        assertEquals(message, Points.failure(text, TARGET));
    }
}
