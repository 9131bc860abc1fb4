// How pass 1 and pass 2 grow with the script: a chain of N '+' terms (pass 1) and N one-line
// probes (passes 1-2), for N, 2N and 4N, in one warm JVM; run by bench/parse/scale.sh.
// Times are this thread's CPU time (a loaded machine stretches wall time, not CPU time).
// Prints "WORKLOAD N MS" lines and, per workload, the ratio of the 4N time to the N time
// (about 4 when linear, about 16 when quadratic).
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stapvm.compiler.pipeline.Pipeline;
import org.stapvm.lang.Pass1;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.pp.PpContext;
import org.stapvm.probes.ProbeTarget;

public class ScaleBench {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path tapsets = Path.of(args[1]);
        String release = args[2];
        Pass1 pass1 = Pass1.create(PpContext.forKernel(release, 0), List.of(tapsets));
        for (String workload : List.of("chain", "probes")) {
            run(workload, n / 4, pass1, tapsets, release); // warm-up
            double first = 0, last = 0;
            for (int k = 1; k <= 4; k *= 2) {
                double ms = run(workload, n * k, pass1, tapsets, release);
                System.out.printf("%s %d %.0f%n", workload, n * k, ms);
                first = k == 1 ? ms : first;
                last = ms;
            }
            System.out.printf("%s ratio(4N/N) %.1f%n", workload, last / first);
        }
    }

    private static double run(String workload, int n, Pass1 pass1, Path tapsets, String release) throws Exception {
        StringBuilder text = new StringBuilder();
        int lastPass;
        if (workload.equals("chain")) {
            text.append("probe begin { x = 1");
            for (int i = 1; i < n; i++) {
                text.append(" + 1");
            }
            text.append("; print(x) exit() }\n");
            lastPass = 1;
        } else {
            for (int i = 0; i < n; i++) {
                text.append("probe begin { x").append(i).append(" = ").append(i).append(" }\n");
            }
            lastPass = 2;
        }
        Pipeline.Settings settings = new Pipeline.Settings(lastPass, false, false, null,
                List.of(tapsets), ProbeTarget.release(release));
        List<String> problems = new ArrayList<>();
        long start = CPU.getCurrentThreadCpuTime();
        Pipeline.Result r = Pipeline.run(new SourceFile("bench.stp", text.toString()), pass1, settings, problems::add);
        double ms = (CPU.getCurrentThreadCpuTime() - start) / 1e6;
        if (!r.ok()) {
            throw new IllegalStateException(workload + " " + n + ": " + problems);
        }
        return ms;
    }
}
