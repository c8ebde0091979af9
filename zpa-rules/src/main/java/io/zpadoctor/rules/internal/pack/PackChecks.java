package io.zpadoctor.rules.internal.pack;

import io.zpadoctor.model.internal.Nearest;
import io.zpadoctor.rules.Catalog;
import io.zpadoctor.rules.CatalogEntry;
import io.zpadoctor.rules.Findings;
import io.zpadoctor.rules.RulePackException.Problem;
import io.zpadoctor.rules.internal.catalog.CatalogLoader;
import io.zpadoctor.rules.internal.engine.FactTypes;
import io.zpadoctor.rules.internal.verdict.Evaluability;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PatternDescr;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The typos lint names plainly where the compiler's message would not: a catalog {@code {{placeholder}}} nothing
 * fills, a {@code requires} entry or category that does not exist, a fact field that does not exist (with the
 * nearest ones), and a class used without its import.
 */
final class PackChecks {
    /** Values every template has (Pipeline's globals). */
    static final Set<String> GLOBALS = Set.of("customerId", "cloud", "brokerName", "apiBase");
    /** What {@link Findings}' about(...) methods fill, and the names the report adds from ids. */
    static final Set<String> SUBJECT_PARAMS = Set.of("connectorName", "connectorId", "groupId", "groupName", "keyId",
            "keyName", "certName", "certId", "application", "host", "port", "segmentName", "segmentId",
            "serverGroupName", "serverGroupId");
    private static final Set<String> NOT_FIELDS = Set.of("matches", "contains", "memberOf", "soundslike", "str", "in",
            "not", "null", "true", "false", "excludes", "instanceof", "this", "new", "after", "before", "coincides",
            "during", "finishes", "finishedby", "includes", "meets", "metby", "overlaps", "overlappedby", "starts",
            "startedby");
    private static final Pattern RULE = Pattern.compile("(?ms)^\\s*rule\\s+\"([^\"]+)\"(.*?)^\\s*end\\b");
    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9]*-[A-Z0-9]+-\\d{3})\"");
    private static final Pattern PARAM = Pattern.compile("\\.param\\(\\s*\"(\\w+)\"");
    private static final Pattern DYNAMIC_PARAM = Pattern.compile("\\.params?\\(\\s*[^\"\\s]");
    private static final Pattern TAG = Pattern.compile("\\{\\{\\s*[#^/]?\\s*([^}]+?)\\s*}}");
    private static final Pattern CLASS_USE = Pattern.compile("(?<![\\w.$#])([A-Z]\\w*)\\b");

    private PackChecks() {
    }

    /** Catalog entries: requires entries that name nothing, placeholders nothing fills. */
    static void catalog(Map<String, byte[]> files, Map<String, String> sources, List<Problem> errors,
                        List<Problem> warnings) {
        byte[] bytes = files.get(PackCompiler.CATALOG);
        if (bytes == null) {
            return;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        CatalogLoader.CatalogFile f;
        try {
            f = CatalogLoader.load(new ByteArrayInputStream(bytes), PackCompiler.CATALOG, PackCompiler.CATALOG);
        } catch (IOException e) {
            return;   // the compile already says the catalog cannot be read
        }
        Map<String, Set<String>> params = ruleParams(sources);
        Set<String> probes = Catalog.builtIn().probes().keySet();
        for (CatalogEntry e : f.entries()) {
            int at = text.indexOf(e.code() + ":");
            for (String r : e.requires()) {
                String kind = r.substring(0, r.indexOf(':'));
                String what = r.substring(r.indexOf(':') + 1);
                Collection<String> valid = switch (kind) {
                    case "api" -> Evaluability.apiNames();
                    case "host" -> new TreeSet<>(probes);
                    default -> new TreeSet<>(Evaluability.CONTEXTS);
                };
                if (valid.contains(what)) {
                    continue;
                }
                List<String> near = Nearest.to(what, valid, 1);
                String msg = e.code() + ": requires '" + r + "' names no " + switch (kind) {
                    case "api" -> "API file";
                    case "host" -> "probe file the collector writes";
                    default -> "context";
                } + (near.isEmpty() ? "" : "; did you mean " + kind + ":" + near.get(0) + "?") + " (" + kind + ": "
                        + String.join(", ", valid) + ")";
                // a host file of the pack's own is possible (rules can read the inventory); other kinds are typos
                (kind.equals("host") ? warnings : errors).add(new Problem(PackCompiler.CATALOG,
                        lineOf(text, what, at), -1, msg));
            }
            Set<String> own = params.get(e.code());
            if (own == null) {
                continue;   // no rule emits it (reported apart), or one sets its values in a way text cannot follow
            }
            Set<String> known = new TreeSet<>(GLOBALS);
            known.addAll(SUBJECT_PARAMS);
            known.addAll(own);
            Map<String, String> texts = new LinkedHashMap<>();
            texts.put("title", e.title());
            texts.put("rootCause", e.rootCause());
            texts.put("verification", e.verification());
            int i = 0;
            for (CatalogEntry.Step s : e.remediation()) {
                i++;
                texts.put("remediation step " + i, (s.text() == null ? "" : s.text()) + " "
                        + (s.command() == null ? "" : s.command()));
            }
            Set<String> reported = new java.util.HashSet<>();
            texts.forEach((where, t) -> {
                Matcher m = TAG.matcher(t == null ? "" : t);
                while (m.find()) {
                    String name = m.group(1);
                    if (known.contains(name) || !reported.add(name)) {
                        continue;
                    }
                    List<String> near = Nearest.to(name, known, 2);
                    errors.add(new Problem(PackCompiler.CATALOG, lineOf(text, "{{", at, name), -1, e.code() + ": "
                            + where + " uses {{" + name + "}}, which neither its rules' .param(...) nor Findings.about"
                            + " fills, so reports would show <" + name + "?>"
                            + (near.isEmpty() ? "" : "; did you mean {{" + String.join("}} or {{", near) + "}}?")
                            + (own.isEmpty() ? "" : " (its rules set " + String.join(", ", own) + ")")));
                }
            });
        }
    }

    /** The param names each code's rules set; a code whose rules set one by a computed name is left out. */
    static Map<String, Set<String>> ruleParams(Map<String, String> sources) {
        Map<String, Set<String>> out = new HashMap<>();
        Set<String> dynamic = new java.util.HashSet<>();
        for (String src : sources.values()) {
            Matcher r = RULE.matcher(src);
            while (r.find()) {
                String body = r.group(2);
                Set<String> codes = new TreeSet<>();
                Matcher c = CODE.matcher(body);
                while (c.find()) {
                    codes.add(c.group(1));
                }
                Set<String> names = new TreeSet<>();
                Matcher p = PARAM.matcher(body);
                while (p.find()) {
                    names.add(p.group(1));
                }
                for (String code : codes) {
                    out.computeIfAbsent(code, k -> new TreeSet<>()).addAll(names);
                    if (DYNAMIC_PARAM.matcher(body).find()) {
                        dynamic.add(code);
                    }
                }
            }
        }
        dynamic.forEach(out::remove);
        return out;
    }

    /** Classes ZPA Doctor's facts and Findings use, by simple name: what an import may have been forgotten for. */
    static Map<String, String> knownClasses() {
        Map<String, String> known = new HashMap<>();
        known.put(Findings.class.getSimpleName(), Findings.class.getName());
        for (Class<?> c : FactTypes.PRODUCED) {
            known.put(c.getSimpleName(), c.getName());
            for (Method m : c.getMethods()) {
                Class<?> t = m.getReturnType();
                if (m.getParameterCount() == 0 && t.getName().startsWith("io.zpadoctor.model.") && !t.isArray()) {
                    known.putIfAbsent(t.getSimpleName(), t.getName().replace('$', '.'));
                }
            }
        }
        return known;
    }

    /** A class of ZPA Doctor's used by its simple name without an import. */
    static void imports(String file, String src, Map<String, String> imports, Set<String> declared,
                        Map<String, String> known, List<Problem> out) {
        String code = withoutCommentsAndStrings(src);
        Set<String> reported = new java.util.HashSet<>();
        Matcher m = CLASS_USE.matcher(code);
        while (m.find()) {
            String name = m.group(1);
            String fq = known.get(name);
            if (fq == null || imports.containsKey(name) || declared.contains(name) || !reported.add(name)
                    || code.substring(0, m.start()).matches("(?s).*\\bimport\\s+[\\w.]*$")) {
                continue;
            }
            out.add(new Problem(file, lineAt(code, m.start()), -1, name + " is not imported: add 'import " + fq
                    + ";' after the package line"));
        }
    }

    /** Fields a pattern's constraints name that its fact type does not have. */
    static void fields(String file, PatternDescr p, Class<?> type, List<Problem> out) {
        if (p.getConstraint() == null) {
            return;
        }
        for (BaseDescr d : p.getConstraint().getDescrs()) {
            String text = d instanceof ExprConstraintDescr e ? e.getExpression()
                    : d instanceof BindingDescr b ? b.getExpression() : null;
            if (text == null) {
                continue;
            }
            int line = d.getLine() > 0 ? d.getLine() : p.getLine();
            String expr = withoutCommentsAndStrings(text);
            for (int i = 0; i < expr.length(); i++) {
                char c = expr.charAt(i);
                if (!Character.isJavaIdentifierStart(c) || c == '$') {
                    if (c == '$' || Character.isDigit(c)) {
                        while (i + 1 < expr.length() && Character.isJavaIdentifierPart(expr.charAt(i + 1))) {
                            i++;   // a binding or a number, with what follows it
                        }
                    }
                    continue;
                }
                int prev = i - 1;
                while (prev >= 0 && expr.charAt(prev) == ' ') {
                    prev--;
                }
                boolean afterDot = prev >= 0 && (expr.charAt(prev) == '.' || expr.charAt(prev) == '#');
                int end = i;
                while (end < expr.length() && Character.isJavaIdentifierPart(expr.charAt(end))) {
                    end++;
                }
                String word = expr.substring(i, end);
                if (afterDot || !Character.isLowerCase(word.charAt(0)) || NOT_FIELDS.contains(word)) {
                    i = skipPath(expr, end) - 1;
                    continue;
                }
                i = checkPath(file, line, expr, i, type, out) - 1;
            }
        }
    }

    /** Checks {@code a.b.c} from position i against the type; returns where the path ends. */
    private static int checkPath(String file, int line, String expr, int i, Class<?> type, List<Problem> out) {
        Class<?> current = type;
        int pos = i;
        while (true) {
            int end = pos;
            while (end < expr.length() && Character.isJavaIdentifierPart(expr.charAt(end))) {
                end++;
            }
            String name = expr.substring(pos, end);
            int next = end;
            while (next < expr.length() && expr.charAt(next) == ' ') {
                next++;
            }
            if (next < expr.length() && expr.charAt(next) == '(') {
                return next;   // a method call: Drools checks it, and what it returns is not followed here
            }
            if (current != null) {
                Class<?> t = propertyType(current, name);
                if (t == null) {
                    Set<String> names = propertyNames(current);
                    List<String> near = Nearest.to(name, names, 3);
                    out.add(new Problem(file, line, -1, current.getSimpleName() + " has no field '" + name + "'"
                            + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?")
                            + " (its fields: " + String.join(", ", names) + ")"));
                    return skipPath(expr, end);
                }
                current = t.isPrimitive() || t.getName().startsWith("java.") ? null : t;
            }
            if (next < expr.length() && expr.charAt(next) == '.') {
                pos = next + 1;
                while (pos < expr.length() && expr.charAt(pos) == ' ') {
                    pos++;
                }
                if (pos >= expr.length() || !Character.isJavaIdentifierStart(expr.charAt(pos))) {
                    return pos;
                }
                continue;
            }
            return end;
        }
    }

    private static int skipPath(String expr, int from) {
        int i = from;
        while (i < expr.length() && (Character.isJavaIdentifierPart(expr.charAt(i)) || expr.charAt(i) == '.')) {
            i++;
        }
        return i;
    }

    /** The type of a property as Drools reads it: a record accessor, a getter or an is-method, or a public field. */
    static Class<?> propertyType(Class<?> c, String name) {
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method m : c.getMethods()) {
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && m.getReturnType() != void.class
                    && (m.getName().equals(name) || m.getName().equals("get" + cap) || m.getName().equals("is" + cap))) {
                return m.getReturnType();
            }
        }
        try {
            return c.getField(name).getType();
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    static Set<String> propertyNames(Class<?> c) {
        Set<String> names = new TreeSet<>();
        if (c.isRecord()) {
            for (var rc : c.getRecordComponents()) {
                names.add(rc.getName());
            }
        }
        for (Method m : c.getMethods()) {
            String n = m.getName();
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getReturnType() == void.class
                    || m.getDeclaringClass() == Object.class || Set.of("hashCode", "toString").contains(n)) {
                continue;
            }
            if (m.getReturnType().getSimpleName().equals("Builder")) {
                continue;   // toBuilder(): a way to copy, not something a rule matches on
            }
            if (n.startsWith("get") && n.length() > 3) {
                names.add(Character.toLowerCase(n.charAt(3)) + n.substring(4));
            } else if (n.startsWith("is") && n.length() > 2 && Character.isUpperCase(n.charAt(2))) {
                names.add(Character.toLowerCase(n.charAt(2)) + n.substring(3));
            } else if (c.isRecord()) {
                names.add(n);
            }
        }
        return names;
    }

    /** The source with comments and string literals blanked (same length, so offsets and lines hold). */
    static String withoutCommentsAndStrings(String s) {
        StringBuilder b = new StringBuilder(s);
        int i = 0;
        while (i < b.length()) {
            char c = b.charAt(i);
            if (c == '/' && i + 1 < b.length() && b.charAt(i + 1) == '/') {
                while (i < b.length() && b.charAt(i) != '\n') {
                    b.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < b.length() && b.charAt(i + 1) == '*') {
                while (i < b.length() && !(b.charAt(i) == '*' && i + 1 < b.length() && b.charAt(i + 1) == '/')) {
                    if (b.charAt(i) != '\n') {
                        b.setCharAt(i, ' ');
                    }
                    i++;
                }
                for (int k = 0; k < 2 && i < b.length(); k++) {
                    b.setCharAt(i++, ' ');
                }
            } else if (c == '"' || c == '\'') {
                b.setCharAt(i++, ' ');
                while (i < b.length() && b.charAt(i) != c && b.charAt(i) != '\n') {
                    if (b.charAt(i) == '\\' && i + 1 < b.length()) {
                        b.setCharAt(i++, ' ');
                    }
                    b.setCharAt(i++, ' ');
                }
                if (i < b.length() && b.charAt(i) == c) {
                    b.setCharAt(i++, ' ');
                }
            } else {
                i++;
            }
        }
        return b.toString();
    }

    static int lineAt(String s, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The line of the first {@code needle} at or after {@code from} (then of any), or -1. */
    private static int lineOf(String text, String needle, int from) {
        int at = text.indexOf(needle, Math.max(0, from));
        if (at < 0) {
            at = text.indexOf(needle);
        }
        return at < 0 ? -1 : lineAt(text, at);
    }

    /** The line of the tag {@code {{ name }}} (any spacing or section mark) at or after {@code from}. */
    private static int lineOf(String text, String open, int from, String name) {
        Matcher m = Pattern.compile("\\{\\{\\s*[#^/]?\\s*" + Pattern.quote(name) + "\\s*}}").matcher(text);
        if (m.find(Math.max(0, from)) || m.find(0)) {
            return lineAt(text, m.start());
        }
        return -1;
    }
}
