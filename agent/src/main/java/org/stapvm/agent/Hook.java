package org.stapvm.agent;

/**
 * What a rewritten method calls: each hit of probe slot K becomes SDT mark stapvm_java:method__K in
 * libstapvm-java.so, with the arguments' toString() (and the return value's). The mark's semaphore
 * says whether a tracer has the mark probed; until then a hit costs one JNI call and no string
 * work. toString() may run code that is itself probed: those nested hits are dropped, as a probe
 * handler is never re-entered. A slot's typed arguments (the point wrote an integral type for
 * them: int, long, short, byte, boolean) are passed as their numbers instead of text.
 */
public final class Hook {
    /** As runtime-native/java/stapvm_java.h: slots (marks), and arguments passed before the return value. */
    public static final int SLOTS = 64;
    public static final int ARGS = 10;
    /** Longer strings are cut here: the script reads at most MAXSTRINGLEN bytes of them anyway. */
    static final int MAX_CHARS = 4096;

    /** Per slot, bit i set: argument i is passed as a number when it is one (boxed by the rewritten method). */
    private static volatile int[] typed = new int[SLOTS];

    private static final ThreadLocal<boolean[]> BUSY = ThreadLocal.withInitial(() -> new boolean[1]);

    private Hook() {}

    static native boolean armed(int slot);

    /** {@code numbers[i]} is argument i where {@code args[i]} is null (numbers null when none is). */
    private static native void fire(int slot, String[] args, String ret, long[] numbers);

    /** The arm's typed arguments, per slot. */
    static void type(int[] masks) {
        typed = masks.clone();
    }

    /** An entry, a line, a void method's return or an exceptional exit: $return is "". */
    public static void hit(int slot, Object[] args) {
        if (armed(slot)) {
            fire(slot, args, null, false);
        }
    }

    /** A return with a value. */
    public static void hitReturn(int slot, Object[] args, Object ret) {
        if (armed(slot)) {
            fire(slot, args, ret, true);
        }
    }

    private static void fire(int slot, Object[] args, Object ret, boolean hasRet) {
        boolean[] busy = BUSY.get();
        if (busy[0]) {
            return;
        }
        busy[0] = true;
        try {
            String[] strings = new String[Math.min(args.length, ARGS)];
            long[] numbers = null;
            int mask = typed[slot];
            for (int i = 0; i < strings.length; i++) {
                if ((mask & 1 << i) != 0 && (args[i] instanceof Number || args[i] instanceof Boolean)) {
                    numbers = numbers != null ? numbers : new long[ARGS];
                    numbers[i] = args[i] instanceof Boolean b ? (b ? 1 : 0) : ((Number) args[i]).longValue();
                } else {
                    strings[i] = text(args[i]);
                }
            }
            fire(slot, strings, hasRet ? text(ret) : null, numbers);
        } finally {
            busy[0] = false;
        }
    }

    private static String text(Object o) {
        String s;
        try {
            s = String.valueOf(o);
        } catch (Throwable t) {   // a broken toString() must not break the traced method
            s = o.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(o));
        }
        return s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) : s;
    }
}
