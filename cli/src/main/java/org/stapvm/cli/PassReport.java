package org.stapvm.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The -v lines stap prints as each pass ends ("Pass 2: analyzed script: ... using
 * VIRTvirt/RESres/SHRshr/DATAdata kb, in USRusr/SYSsys/REALreal ms."), with the same figures:
 * this process's memory from /proc/self/statm and CPU and wall time spent since the last pass.
 */
final class PassReport {
    private static final int TICK_MS = 10; // USER_HZ is 100 on Linux

    private final PrintStream err;
    private final boolean enabled;
    private long[] cpuMark = cpuMillis();
    private long realMark = System.nanoTime();

    PassReport(PrintStream err, int verbosity) {
        this.err = err;
        this.enabled = verbosity > 0;
    }

    /** Prints "Pass N: WHAT using ... kb, in ... ms." and starts timing the next pass. */
    void passDone(int pass, String what) {
        if (enabled) {
            err.println("Pass " + pass + ": " + what + " using " + memory() + ", in " + elapsed() + ".");
        }
        restart();
    }

    /** Prints "Pass 5: starting run." and starts timing the run. */
    void runStarting() {
        if (enabled) {
            err.println("Pass 5: starting run.");
            err.flush();
        }
        restart();
    }

    void runDone() {
        if (enabled) {
            err.println("Pass 5: run completed in " + elapsed() + ".");
        }
    }

    private void restart() {
        cpuMark = cpuMillis();
        realMark = System.nanoTime();
    }

    private String elapsed() {
        long[] cpu = cpuMillis();
        long real = (System.nanoTime() - realMark) / 1_000_000;
        return (cpu[0] - cpuMark[0]) + "usr/" + (cpu[1] - cpuMark[1]) + "sys/" + real + "real ms";
    }

    /** utime and stime of this process in ms (fields 14 and 15 of /proc/self/stat). */
    private static long[] cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]) * TICK_MS, Long.parseLong(f[12]) * TICK_MS};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** VIRTvirt/RESres/SHRshr/DATAdata kb from /proc/self/statm (pages: size resident shared text lib data). */
    private static String memory() {
        try {
            String[] f = Files.readString(Path.of("/proc/self/statm")).trim().split(" ");
            long kb = 4;
            return Long.parseLong(f[0]) * kb + "virt/" + Long.parseLong(f[1]) * kb + "res/"
                    + Long.parseLong(f[2]) * kb + "shr/" + Long.parseLong(f[5]) * kb + "data kb";
        } catch (IOException | RuntimeException e) {
            return "? kb";
        }
    }
}
