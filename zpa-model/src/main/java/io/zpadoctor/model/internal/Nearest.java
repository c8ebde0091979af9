package io.zpadoctor.model.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** The names nearest a mistyped one, for "did you mean" (the CLI's names, lint's fields and placeholders). */
public final class Nearest {
    private Nearest() {
    }

    /**
     * Up to {@code max} of the candidates closest to {@code typed} by edit distance, ignoring case, closest first;
     * only those within a third of the longer name (at least 2 edits), so an unrelated name is never suggested.
     */
    public static List<String> to(String typed, Collection<String> candidates, int max) {
        return to(typed, candidates, max, -1);
    }

    /** As {@link #to(String, Collection, int)}, with at most {@code maxEdits} edits (-1: a third of the name). */
    public static List<String> to(String typed, Collection<String> candidates, int max, int maxEdits) {
        String t = typed.toLowerCase(Locale.ROOT);
        record Scored(String name, int distance) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String c : new LinkedHashSet<>(candidates)) {
            if (c == null || c.isEmpty()) {
                continue;
            }
            int d = distance(t, c.toLowerCase(Locale.ROOT));
            if (d <= (maxEdits >= 0 ? maxEdits : Math.max(2, Math.max(t.length(), c.length()) / 3))) {
                scored.add(new Scored(c, d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return scored.stream().limit(max).map(Scored::name).toList();
    }

    /** Edits (insert, delete, substitute, swap two neighbours) from a to b. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
