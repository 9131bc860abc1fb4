package plugin;

/** A class of JavaProbeCommandTest's program that no session sees loaded: Calls loads it for "late" only. */
public class Circle extends calls.Calls.Shape {
    private final int r;

    public Circle(int r) {
        this.r = r;
    }

    @Override
    public int area() {
        return 3 * radius() * radius();
    }

    public int radius() {
        return r;
    }
}
