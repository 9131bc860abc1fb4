package calls;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * The java() probes' test program: each "go" line on stdin runs one round of known calls and
 * prints what they return; "late" first loads classes no session has seen (plugin.Circle, from
 * the directory -Dcalls.plugins, by a class loader of its own each time; Triangle, the first
 * time) and calls them; "quit"
 * ends it. Before the first round it prints "ready"; after each, "done".
 */
public class Calls {
    public static class Shape {
        public int area() {
            return 0;
        }

        @Override
        public String toString() {
            return "Shape";
        }
    }

    static class Square extends Shape {
        private final int side;

        Square(int side) {
            this.side = side;
        }

        @Override
        public int area() {
            return side * side;
        }

        @Override
        public String toString() {
            return "Square(" + side + ")";
        }
    }

    /** Loaded by the first "late" round only (the class loader's own, so it stays loaded). */
    static class Triangle extends Shape {
        @Override
        public int area() {
            return 5;
        }
    }

    static int add(int a, int b) {
        return a + b;
    }

    static long add(long a, long b) {
        return a + b + 1;
    }

    static String greet(String who, Shape s) {
        String text = "hello " + who;
        text = text + " " + s.area();
        return text;
    }

    static int check(int n) {
        if (n % 2 == 1) {
            throw new IllegalArgumentException("odd " + n);
        }
        return n / 2;
    }

    static void round() {
        for (int i = 1; i <= 5; i++) {
            System.out.println("add " + add(i, 10 * i));
        }
        System.out.println("add long " + add(2L, 3L));
        System.out.println(greet("world", new Square(3)));
        System.out.println(greet("base", new Shape()));
        int thrown = 0;
        for (int n = 1; n <= 4; n++) {
            try {
                System.out.println("check " + check(n));
            } catch (IllegalArgumentException e) {
                thrown++;
            }
        }
        System.out.println("thrown " + thrown);
    }

    static void lateRound() throws Exception {
        URL plugins = Path.of(System.getProperty("calls.plugins")).toUri().toURL();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {plugins}, Calls.class.getClassLoader())) {
            Shape s = (Shape) loader.loadClass("plugin.Circle").getConstructor(int.class).newInstance(2);
            System.out.println("late area " + s.area());
        }
        System.out.println("late triangle " + new Triangle().area());
        System.out.println("late add " + add(-7L, 2L));
        round();
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        System.out.println("ready");
        for (String line; (line = in.readLine()) != null && !line.equals("quit"); ) {
            if (line.equals("late")) {
                lateRound();
            } else {
                round();
            }
            System.out.println("done");
        }
    }
}
