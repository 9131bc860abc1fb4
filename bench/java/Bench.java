import java.io.BufferedReader;
import java.io.InputStreamReader;

/**
 * bench/java: each line N read from stdin times N calls of work() and prints the ns per call;
 * "quit" ends. run.sh probes work() with an empty java() handler between rounds without a session.
 */
public class Bench {
    static long sink;

    static int work(int x) {
        return x * 31 + 7;
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        System.out.println("ready");
        for (String line; (line = in.readLine()) != null && !line.equals("quit"); ) {
            System.out.printf("%.2f%n", round(Integer.parseInt(line.trim())));
        }
    }

    /** ns per call of n calls; a method of its own, so that after a retransformation it is compiled afresh. */
    static double round(int n) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += work(i);
        }
        return (System.nanoTime() - t0) / (double) n;
    }
}
