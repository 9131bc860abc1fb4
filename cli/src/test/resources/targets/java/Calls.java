package calls;

import java.io.BufferedReader;
import java.io.InputStreamReader;

/**
 * The java() probes' test program: each "go" line on stdin runs one round of known calls and
 * prints what they return; "quit" ends it. Before each round it prints "ready"; after it, "done".
 */
public class Calls {
    static class Shape {
        int area() {
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
        int area() {
            return side * side;
        }

        @Override
        public String toString() {
            return "Square(" + side + ")";
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

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        System.out.println("ready");
        for (String line; (line = in.readLine()) != null && !line.equals("quit"); ) {
            round();
            System.out.println("done");
        }
    }
}
