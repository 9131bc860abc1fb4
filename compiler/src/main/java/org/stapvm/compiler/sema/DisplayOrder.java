package org.stapvm.compiler.sema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stapvm.lang.ast.Expression;

/**
 * The order stap 4.8 displays unread globals in at the end of a run: the order its symbol
 * resolution first meets them, not their declaration order. It resolves the probes' bodies in
 * the order they were derived, then the functions the probes call (directly or not) in name
 * order (its session keeps them in a map by name); in an array element the keys come before the
 * array. Globals it never meets keep their declaration order, after the others.
 */
final class DisplayOrder {
    private final Map<Variable, Integer> rank = new LinkedHashMap<>();
    /** The script functions the walks so far call, as they are found. */
    private final Set<Unit> called = java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>());

    private DisplayOrder() {}

    /** {@code globals} (declaration order) sorted as stap displays them. */
    static List<Variable> sort(ResolveSymbols.Result program, List<Variable> globals) {
        if (globals.size() < 2) {
            return globals;
        }
        DisplayOrder order = new DisplayOrder();
        program.probes().forEach(order::walk);
        Map<Variable, Integer> probesRank = new LinkedHashMap<>(order.rank);
        List<Unit> functions = new ArrayList<>();
        while (functions.size() < order.called.size()) {   // walk what is called until no new callee
            List<Unit> found = order.called.stream().filter(f -> !functions.contains(f)).toList();
            functions.addAll(found);
            found.forEach(order::walk);
        }
        order.rank.clear();
        order.rank.putAll(probesRank);
        functions.sort(Comparator.comparing(Unit::name));
        functions.forEach(order::walk);
        List<Variable> sorted = new ArrayList<>(globals);
        sorted.sort(Comparator.comparingInt(g -> order.rank.getOrDefault(g, Integer.MAX_VALUE)));
        return List.copyOf(sorted);
    }

    private void walk(Unit u) {
        if (u.body() != null) {
            new Walker(u).walk(u.body());
        }
    }

    private void meet(Variable v) {
        if (v != null && v.scope() == Variable.Scope.GLOBAL) {
            rank.putIfAbsent(v, rank.size());
        }
    }

    private final class Walker extends AstWalker {
        private final Unit unit;

        Walker(Unit unit) {
            this.unit = unit;
        }

        @Override
        public Void visitSymbol(Expression.Symbol e) {
            meet(unit.variable(e));
            return null;
        }

        @Override
        public Void visitArrayElement(Expression.ArrayElement e) {
            walkAll(e.keys());
            meet(unit.variable(e));
            return null;
        }

        @Override
        public Void visitCall(Expression.Call e) {
            walkAll(e.args());
            if (unit.callee(e) instanceof Callee.Script s) {
                called.addAll(s.overloads());
            }
            return null;
        }
    }
}
