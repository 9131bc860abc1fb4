package org.stapvm.probes.btf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Kernel functions as BTF describes them (FUNC records and their prototypes): the parameters a
 * probe of the function can read by name, and the list of names that wildcards expand over when
 * no System.map is at hand. Tracepoints are described by the {@code btf_trace_NAME} typedef
 * (a pointer to a prototype whose first parameter is the tracepoint's own void *data).
 */
public final class BtfFunctions {
    private BtfFunctions() {}

    /** One parameter: its name ("" if BTF has none) and type id. */
    public record Param(String name, int type) {}

    /** A function's (or tracepoint's) signature: return type id (0 void) and parameters in order. */
    public record Signature(String name, int returnType, List<Param> params, boolean varargs) {}

    /** The signature of kernel function {@code name}, or null when BTF does not describe it. */
    public static Signature function(Btf btf, String name) {
        for (int id : btf.named(name)) {
            BtfType f = btf.type(id);
            if (f.kind() == BtfKind.FUNC) {
                BtfType proto = btf.type(f.ref());
                if (proto != null && proto.kind() == BtfKind.FUNC_PROTO) {
                    return signature(name, proto, 0);
                }
            }
        }
        return null;
    }

    /**
     * The arguments of tracepoint {@code name}: the types of btf_trace_NAME's prototype (without its
     * leading void *data), named after the parameters of the event class's __bpf_trace_CLASS
     * function (btf_trace_ prototypes carry no names; a DEFINE_EVENT's class is the one whose
     * parameter types are the same). Null when BTF does not describe the tracepoint.
     */
    public static Signature tracepoint(Btf btf, String name) {
        return tracepoint(btf, name, null);
    }

    /**
     * The same, the parameters named {@code names} (the tracepoint's TP_PROTO, as its header writes
     * it) when there are as many as BTF's prototype has; otherwise as {@link #tracepoint(Btf, String)}.
     */
    public static Signature tracepoint(Btf btf, String name, List<String> names) {
        BtfType proto = null;
        for (int id : btf.named("btf_trace_" + name)) {
            BtfType t = btf.type(id);
            BtfType ptr = t.kind() == BtfKind.TYPEDEF ? btf.type(t.ref()) : null;
            BtfType p = ptr != null && ptr.kind() == BtfKind.PTR ? btf.type(ptr.ref()) : null;
            if (p != null && p.kind() == BtfKind.FUNC_PROTO && !p.params().isEmpty()) {
                proto = p;
                break;
            }
        }
        if (proto == null) {
            return null;
        }
        Signature types = signature(name, proto, 1);
        if (names != null && names.size() == types.params().size()) {
            List<Param> ps = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                ps.add(new Param(names.get(i), types.params().get(i).type()));
            }
            return new Signature(name, types.returnType(), List.copyOf(ps), types.varargs());
        }
        Signature named = classFunction(btf, name, types);
        return named == null ? types : new Signature(name, types.returnType(), named.params(), types.varargs());
    }

    private static Signature classFunction(Btf btf, String name, Signature types) {
        Signature own = function(btf, "__bpf_trace_" + name);
        if (own != null && sameTypes(own, types)) {
            return drop(own);
        }
        for (Btf b = btf; b != null; b = b.base()) {
            for (BtfType f : b.ownTypes(BtfKind.FUNC)) {
                if (f.name().startsWith("__bpf_trace_")) {
                    BtfType p = btf.type(f.ref());
                    if (p != null && p.kind() == BtfKind.FUNC_PROTO) {
                        Signature s = signature(f.name(), p, 0);
                        if (sameTypes(s, types)) {
                            return drop(s);
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Whether {@code withData}'s parameters after its first have the types of {@code types}'. */
    private static boolean sameTypes(Signature withData, Signature types) {
        List<Param> a = withData.params();
        List<Param> b = types.params();
        if (a.size() != b.size() + 1) {
            return false;
        }
        for (int i = 0; i < b.size(); i++) {
            if (a.get(i + 1).type() != b.get(i).type()) {
                return false;
            }
        }
        return true;
    }

    private static Signature drop(Signature withData) {
        return new Signature(withData.name(), withData.returnType(),
                withData.params().subList(1, withData.params().size()), withData.varargs());
    }

    private static Signature signature(String name, BtfType proto, int skip) {
        List<Param> params = new ArrayList<>();
        boolean varargs = false;
        List<BtfType.Param> ps = proto.params();
        for (int i = skip; i < ps.size(); i++) {
            BtfType.Param p = ps.get(i);
            if (p.type() == 0 && p.name().isEmpty()) {
                varargs = true;
            } else {
                params.add(new Param(p.name(), p.type()));
            }
        }
        return new Signature(name, proto.ref(), List.copyOf(params), varargs);
    }

    /** The names of the functions this blob itself describes (a module's own, not its base's), in BTF order, without repeats. */
    public static List<String> functionNames(Btf btf) {
        Set<String> out = new LinkedHashSet<>();
        for (BtfType t : btf.ownTypes(BtfKind.FUNC)) {
            out.add(t.name());
        }
        return new ArrayList<>(out);
    }

    /** The names among those whose FUNC record has global linkage (defined and not static: DWARF's DW_AT_external). */
    public static Set<String> globalFunctionNames(Btf btf) {
        Set<String> out = new LinkedHashSet<>();
        for (BtfType t : btf.ownTypes(BtfKind.FUNC)) {
            if (t.vlen() == 1) {
                out.add(t.name());
            }
        }
        return out;
    }

    /** The tracepoint names this blob describes (btf_trace_NAME typedefs), in BTF order. */
    public static List<String> tracepointNames(Btf btf) {
        Set<String> out = new LinkedHashSet<>();
        for (BtfType t : btf.ownTypes(BtfKind.TYPEDEF)) {
            String n = t.name();
            if (n.startsWith("btf_trace_")) {
                out.add(n.substring("btf_trace_".length()));
            }
        }
        return new ArrayList<>(out);
    }

    /** stap -L's list for a signature: " $file:struct file* $buf:char* ..." (unnamed parameters left out). */
    public static String describe(Btf btf, Signature s) {
        StringBuilder o = new StringBuilder();
        for (Param p : s.params()) {
            if (!p.name().isEmpty()) {
                o.append(" $").append(p.name()).append(':').append(BtfTypeNames.name(btf, p.type()));
            }
        }
        return o.toString();
    }
}
