package org.stapvm.probes.nativebridge;

/**
 * How one run goes, as stap's command line says: -o FILE (null: stdout) with -S rotation (megabytes,
 * files kept; 0: none, all), -T as milliseconds (0: no limit), -c CMD (null: none), -x PID (0: none),
 * how process() probes replay the instruction under a breakpoint (emulate, xol, step or auto), and
 * --format=json (every output line a JSON record).
 */
public record RunOptions(String outputFile, long rotateMegabytes, int rotateFiles, long timeoutMs, String targetCommand,
        int targetPid, String breakpointMode, boolean json) {
    /** A run with no rotation and text output. */
    public RunOptions(String outputFile, long timeoutMs, String targetCommand, int targetPid, String breakpointMode) {
        this(outputFile, 0, 0, timeoutMs, targetCommand, targetPid, breakpointMode, false);
    }
}
