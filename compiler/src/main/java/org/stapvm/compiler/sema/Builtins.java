package org.stapvm.compiler.sema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions the runtime implements natively (helpers in C), as data: name, parameter types,
 * result type (null for functions that return nothing) and how arguments are checked.
 */
public final class Builtins {
    private Builtins() {}

    public enum Shape {
        /** Fixed parameters with fixed types. */
        FIXED,
        /** print/sprint: one or more values of any type. */
        PRINT,
        /** printd/sprintd: a string delimiter then one or more values of any type. */
        DELIMITED,
        /** printf/sprintf: a literal format string checked against the rest (FormatCheck). */
        FORMAT
    }

    /** One native function. {@code params} lists the fixed parameters (for FIXED, all of them). */
    public record Builtin(String name, List<Type> params, Type result, Shape shape) {
        public Builtin {
            params = List.copyOf(params);
        }
    }

    private static final Type L = Type.LONG;
    private static final Type S = Type.STRING;
    private static final Map<String, Builtin> TABLE = new LinkedHashMap<>();

    private static void fixed(String name, Type result, Type... params) {
        TABLE.put(name, new Builtin(name, List.of(params), result, Shape.FIXED));
    }

    private static void shaped(String name, Type result, Shape shape, Type... params) {
        TABLE.put(name, new Builtin(name, List.of(params), result, shape));
    }

    static {
        shaped("print", null, Shape.PRINT);
        shaped("println", null, Shape.PRINT);
        shaped("sprint", S, Shape.PRINT);
        shaped("sprintln", S, Shape.PRINT);
        shaped("printd", null, Shape.DELIMITED, S);
        shaped("printdln", null, Shape.DELIMITED, S);
        shaped("sprintd", S, Shape.DELIMITED, S);
        shaped("sprintdln", S, Shape.DELIMITED, S);
        shaped("printf", null, Shape.FORMAT, S);
        shaped("sprintf", S, Shape.FORMAT, S);
        // Ties in "(similar: ...)" keep table order; these come first as in stap's own list.
        fixed("log", null, S);
        fixed("pn", S);
        fixed("pp", S);
        fixed("cpu", L);
        fixed("warn", null, S);
        fixed("error", null, S);
        fixed("exit", null);
        fixed("abort", null);
        fixed("strlen", L, S);
        fixed("substr", S, S, L, L);
        fixed("isinstr", L, S, S);
        fixed("strtol", L, S, L);
        fixed("str_replace", S, S, S, S);
        fixed("tokenize", S, S, S);
        fixed("text_str", S, S);
        fixed("text_strn", S, S, L, L);
        fixed("stringat", L, S, L);
        fixed("isdigit", L, S);
        fixed("strpos", L, S, S);
        fixed("matched", S, L);
        fixed("ngroups", L);
        fixed("randint", L, L);
        fixed("pid", L);
        fixed("tid", L);
        fixed("ppid", L);
        fixed("uid", L);
        fixed("euid", L);
        fixed("gid", L);
        fixed("egid", L);
        fixed("execname", S);
        fixed("target", L);
        fixed("gettimeofday_s", L);
        fixed("gettimeofday_ms", L);
        fixed("gettimeofday_us", L);
        fixed("gettimeofday_ns", L);
        fixed("local_clock_ns", L);
        fixed("local_clock_us", L);
        fixed("local_clock_ms", L);
        fixed("local_clock_s", L);
        fixed("ktime_get_ns", L);
        fixed("get_cycles", L);
        fixed("tz_gmtoff", L);
        fixed("tz_name", S);
        fixed("jiffies", L);
        fixed("kernel_string", S, L);
        fixed("kernel_string_n", S, L, L);
        fixed("kernel_long", L, L);
        fixed("kernel_int", L, L);
        fixed("kernel_short", L, L);
        fixed("kernel_char", L, L);
        fixed("user_string", S, L);
        fixed("user_string_n", S, L, L);
        fixed("user_long", L, L);
        fixed("user_int", L, L);
        fixed("user_short", L, L);
        fixed("user_char", L, L);
        fixed("uint_arg", L, L);
        fixed("int_arg", L, L);
        fixed("long_arg", L, L);
        fixed("ulong_arg", L, L);
        fixed("pointer_arg", L, L);
        fixed("returnval", L);
        fixed("probefunc", S);
        fixed("ppfunc", S);
        fixed("ubacktrace", S);
        fixed("backtrace", S);
        fixed("print_backtrace", null);
        fixed("print_ubacktrace", null);
        fixed("uaddr", L);
        fixed("_utrace_syscall_nr", L);
        fixed("_utrace_syscall_arg", L, L);
        fixed("_utrace_syscall_return", L);
        fixed("register", L, S);
        fixed("_target_deref", L, L, L);
        fixed("_tracepoint_arg", L, L);
        fixed("_utarget_deref", L, L, L);
        fixed("_ctx_flag", L, L);
        fixed("_online_cpus", L);
        fixed("_sym", S, L, L);
        fixed("_usym", S, L, L);
        fixed("task_current", L);
        fixed("pid2task", L, L);
    }

    public static Builtin lookup(String name) {
        return TABLE.get(name);
    }

    public static Map<String, Builtin> all() {
        return java.util.Collections.unmodifiableMap(TABLE);
    }
}
