package io.zpadoctor.rules.internal.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog's small template language: {@code {{name}}} is replaced by a value, {@code {{#name}}...{{/name}}}
 * is kept only when the value is present, {@code {{^name}}...{{/name}}} only when it is absent. A value that a
 * plain placeholder needs but does not have renders as {@code <name?>}, which the scenario tests look for.
 */
public final class Template {
    /** Marks a placeholder that had no value; never appears in a correct report. */
    public static final String MISSING_OPEN = "<";
    public static final String MISSING_CLOSE = "?>";

    private Template() {
    }

    /** Renders prose: runs of spaces that folding and dropped sections leave become one, none before punctuation. */
    public static String render(String template, Map<String, String> values) {
        String s = raw(template, values);
        return s == null ? null : tidy(s);
    }

    /**
     * Folds each run of two or more spaces or tabs into one space, then drops a space before {@code . , ; : )},
     * then strips: one pass instead of two regular expressions, as every finding renders several texts.
     */
    static String tidy(String s) {
        int n = s.length();
        if (tidyAlready(s)) {
            return s.strip();
        }
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t') {
                b.append(c);
                continue;
            }
            int j = i + 1;
            while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                j++;
            }
            char ws = j - i >= 2 ? ' ' : c;
            if (!(ws == ' ' && j < n && ".,;:)".indexOf(s.charAt(j)) >= 0)) {
                b.append(ws);
            }
            i = j - 1;
        }
        return b.toString().strip();
    }

    /** Whether {@link #tidy} would only strip: no tab, no double space, no space before punctuation. */
    private static boolean tidyAlready(String s) {
        // one pass over the characters: most texts are already tidy, so this is all most of them cost
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                return false;
            }
            if (c == ' ' && i + 1 < n) {
                switch (s.charAt(i + 1)) {
                    case ' ', '\t', '.', ',', ';', ':', ')' -> {
                        return false;
                    }
                    default -> {
                    }
                }
            }
        }
        return true;
    }

    /** Renders a command: only surrounding whitespace is trimmed, the rest is kept as written. */
    public static String renderCommand(String template, Map<String, String> values) {
        String s = raw(template, values);
        return s == null ? null : s.strip();
    }

    private static String raw(String template, Map<String, String> values) {
        if (template == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        emit(compiled(template), values, out);
        return out.toString();
    }

    /** A template cut into its pieces once: text, a placeholder, or a section with the pieces inside it. */
    private sealed interface Part {
    }

    private record Text(String text) implements Part {
    }

    private record Placeholder(String name) implements Part {
    }

    private record Section(String name, boolean whenPresent, Part[] body) implements Part {
    }

    /** Parsed templates by their text: a catalog has a few hundred, and every finding renders several. */
    private static final Map<String, Part[]> COMPILED = new ConcurrentHashMap<>();
    /** Beyond this many (rule packs loaded and dropped by a long-lived embedder) the cache starts over. */
    private static final int MAX_COMPILED = 4096;

    private static Part[] compiled(String template) {
        Part[] parts = COMPILED.get(template);
        if (parts == null) {
            List<Part> out = new ArrayList<>();
            parse(template, 0, null, out);
            parts = out.toArray(new Part[0]);
            if (COMPILED.size() >= MAX_COMPILED) {
                COMPILED.clear();
            }
            COMPILED.put(template, parts);
        }
        return parts;
    }

    private static void emit(Part[] parts, Map<String, String> values, StringBuilder out) {
        for (Part p : parts) {
            if (p instanceof Text t) {
                out.append(t.text());
            } else if (p instanceof Placeholder ph) {
                String v = values.get(ph.name());
                out.append(v != null ? v : MISSING_OPEN + ph.name() + MISSING_CLOSE);
            } else {
                Section sec = (Section) p;
                if (has(values, sec.name()) == sec.whenPresent()) {
                    emit(sec.body(), values, out);
                }
            }
        }
    }

    /** Checks a template's syntax, returning a problem description or null when it is well formed. */
    public static String check(String template) {
        try {
            render(template, Map.of());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The placeholder names a template uses outside sections (those it cannot render without). */
    public static java.util.Set<String> requiredNames(String template) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        if (template == null) {
            return names;
        }
        int depth = 0;
        int i = 0;
        while ((i = template.indexOf("{{", i)) >= 0) {
            int close = template.indexOf("}}", i);
            if (close < 0) {
                break;
            }
            String tag = template.substring(i + 2, close).trim();
            if (tag.startsWith("#") || tag.startsWith("^")) {
                depth++;
            } else if (tag.startsWith("/")) {
                depth--;
            } else if (depth == 0) {
                names.add(tag);
            }
            i = close + 2;
        }
        return names;
    }

    /** Parses from {@code pos} up to the end of section {@code closing} (or the text), returning where it ended. */
    private static int parse(String t, int pos, String closing, List<Part> out) {
        int i = pos;
        while (i < t.length()) {
            int open = t.indexOf("{{", i);
            if (open < 0) {
                out.add(new Text(t.substring(i)));
                i = t.length();
                break;
            }
            int close = t.indexOf("}}", open);
            if (close < 0) {
                throw new IllegalArgumentException("'{{' without '}}' at offset " + open + " in template: " + t);
            }
            if (open > i) {
                out.add(new Text(t.substring(i, open)));
            }
            String tag = t.substring(open + 2, close).trim();
            i = close + 2;
            if (tag.isEmpty()) {
                throw new IllegalArgumentException("empty placeholder at offset " + open + " in template: " + t);
            }
            char kind = tag.charAt(0);
            if (kind == '/') {
                String name = tag.substring(1).trim();
                if (!name.equals(closing)) {
                    throw new IllegalArgumentException("'{{/" + name + "}}' closes " + (closing == null
                            ? "no open section" : "'" + closing + "'") + " in template: " + t);
                }
                return i;
            }
            if (kind == '#' || kind == '^') {
                String name = tag.substring(1).trim();
                List<Part> body = new ArrayList<>();
                i = parse(t, i, name, body);
                out.add(new Section(name, kind == '#', body.toArray(new Part[0])));
                continue;
            }
            out.add(new Placeholder(tag));
        }
        if (closing != null) {
            throw new IllegalArgumentException("section '" + closing + "' is not closed in template: " + t);
        }
        return i;
    }

    private static boolean has(Map<String, String> values, String name) {
        String v = values.get(name);
        return v != null && !v.isBlank();
    }
}
