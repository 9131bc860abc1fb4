package org.stapvm.probes.nativebridge;

/**
 * How one run goes, as stap's command line says: -o FILE (null: stdout), -T as milliseconds
 * (0: no limit), -c CMD (null: none), -x PID (0: none), and how process() probes replay the
 * instruction under a breakpoint (emulate, xol, step or auto).
 */
public record RunOptions(String outputFile, long timeoutMs, String targetCommand, int targetPid,
        String breakpointMode) {}
