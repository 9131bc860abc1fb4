// Times pass 1 (lex, preprocess, parse) over a list of files; run by bench/parse/run.sh.
// Prints "COLD_MS WARM_MS LINES FILES": the first round in this JVM (with macro loading), then the median of 5 more.
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stapvm.lang.Pass1;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.parse.ScriptParser;

public class ParseBench {
    public static void main(String[] args) throws Exception {
        List<SourceFile> files = new ArrayList<>();
        long lines = 0;
        for (String name : Files.readAllLines(Path.of(args[0]))) {
            SourceFile f = SourceFile.read(Path.of(name));
            files.add(f);
            lines += f.text().chars().filter(c -> c == '\n').count();
        }
        // Cold: loading the library macros and the first parse in this JVM, as one stap -p1 run does.
        long start = System.nanoTime();
        Pass1 pass1 = Pass1.forKernel(args[1], List.of(Path.of("/usr/share/systemtap/tapset")), 0);
        double cold = (System.nanoTime() - start) / 1e6 + round(pass1, files);
        double[] warm = new double[5];
        for (int i = 0; i < warm.length; i++) {
            warm[i] = round(pass1, files);
        }
        Arrays.sort(warm);
        System.out.printf("%.1f %.1f %d %d%n", cold, warm[warm.length / 2], lines, files.size());
    }

    private static double round(Pass1 pass1, List<SourceFile> files) {
        long start = System.nanoTime();
        List<String> failed = new ArrayList<>();
        for (SourceFile f : files) {
            if (!pass1.parser().parse(f).ok()) {
                failed.add(f.name());
            }
        }
        if (!failed.isEmpty()) {
            System.err.println(failed.size() + " files failed to parse: " + String.join(" ", failed));
        }
        return (System.nanoTime() - start) / 1e6;
    }
}
