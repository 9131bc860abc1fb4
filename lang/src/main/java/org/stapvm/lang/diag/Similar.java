package org.stapvm.lang.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * stap's "(similar: a, b)" suggestions (util.cxx levenshtein_suggest): candidates ordered by
 * Levenshtein distance, ties in the order given (stap keeps insertion order), at most {@code max}.
 */
public final class Similar {
    private Similar() {}

    public static String suggest(String target, Collection<String> candidates, int max) {
        record Scored(int cost, String name) {}
        List<Scored> scored = new ArrayList<>();
        for (String c : new java.util.LinkedHashSet<>(candidates)) {
            if (!c.isEmpty()) {
                scored.add(new Scored(distance(target, c), c));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::cost));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < scored.size() && i < max; i++) {
            names.add(scored.get(i).name());
        }
        return String.join(", ", names);
    }

    /** " (similar: ...)" or "" when there is nothing to suggest. */
    public static String clause(String target, Collection<String> candidates) {
        String s = suggest(target, candidates, 5);
        return s.isEmpty() ? "" : " (similar: " + s + ")";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
