package io.zpadoctor.rules.internal.pack;

import io.zpadoctor.rules.RulePackException.Problem;
import io.zpadoctor.rules.RulePackException;
import io.zpadoctor.rules.internal.engine.FactTypes;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks a rule pack the way {@code zpa-doctor rules lint} reports it. */
public final class PackLint {
    /** What lint found: errors stop a pack from loading, warnings do not. */
    public record Report(List<Problem> errors, List<Problem> warnings) {
    }

    private record Risk(Pattern pattern, String what) {
    }

    // what the rules can reach (ending the process, files, the network...) is read from the compiled classes, where
    // no spelling can hide it; the source text only shows style concerns
    private static final List<Risk> RISKS = List.of(
            new Risk(Pattern.compile("dialect\\s+\"mvel\""), "uses the MVEL dialect, whose semantics differ from the"
                    + " Java dialect the built-in rules use"),
            new Risk(Pattern.compile("\\beval\\s*\\("), "uses eval(): a join inside eval is a cross product, slow on"
                    + " large tenants"));
    private static final Pattern INSERTED = Pattern.compile("new\\s+([A-Z]\\w*)\\s*\\(");
    private static final Pattern DECLARED = Pattern.compile("(?m)^\\s*declare\\s+([A-Z]\\w*)");
    private static final Pattern UNKNOWN_CLASS = Pattern.compile("Unable to find class: (\\w+)$");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+([\\w.]+)\\s*;?");

    private PackLint() {
    }

    public static Report lint(Path pack) {
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        Map<String, byte[]> files;
        try {
            files = PackCompiler.read(pack);
        } catch (RulePackException e) {
            return new Report(e.problems(), List.of());
        }
        try {
            PackCompiler.PackBuild build = PackCompiler.compile(pack);
            warnings.addAll(build.warnings());
            for (String reach : build.capabilities()) {
                errors.add(new Problem(pack.toString(), -1, -1, "the compiled rules " + reach + ": such a pack runs"
                        + " only with --trust-pack (a pack is code; review it)"));
            }
        } catch (RulePackException e) {
            errors.addAll(e.problems());
        }
        Map<String, String> sources = new java.util.TreeMap<>();
        files.forEach((file, bytes) -> {
            if (file.endsWith(".drl")) {
                sources.put(file, new String(bytes, StandardCharsets.UTF_8));
            }
        });
        List<Problem> plain = new ArrayList<>();
        Map<String, String> known = PackChecks.knownClasses();
        sources.forEach((file, src) -> {
            risks(file, src, warnings);
            drlChecks(file, src, warnings, plain, known);
        });
        PackChecks.catalog(files, sources, plain, warnings);
        // a typo named plainly replaces the compiler's message about the same line or name
        errors.removeIf(e -> plain.stream().anyMatch(p -> p.file().equals(e.file())
                && (p.line() == e.line() && p.line() > 0 || mentions(e.message(), p.message()))));
        errors.addAll(plain);
        for (int i = 0; i < errors.size(); i++) {
            Matcher unknown = UNKNOWN_CLASS.matcher(errors.get(i).message());
            if (unknown.find()) {
                List<String> near = io.zpadoctor.model.internal.Nearest.to(unknown.group(1), known.keySet(), 2);
                Problem e = errors.get(i);
                if (!near.isEmpty()) {
                    errors.set(i, new Problem(e.file(), e.line(), e.column(), e.message() + "; did you mean "
                            + String.join(" or ", near.stream().map(n -> n + " (import " + known.get(n) + ")").toList())
                            + "?"));
                }
            }
        }
        errors.sort(java.util.Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
        return new Report(errors, warnings);
    }

    /** Whether the compiler's message names what the plain problem is about (its quoted field or its class). */
    private static boolean mentions(String compiler, String plain) {
        Matcher q = Pattern.compile("no field '(\\w+)'|^(\\w+) is not imported").matcher(plain);
        if (!q.find()) {
            return false;
        }
        String name = q.group(1) != null ? q.group(1) : q.group(2);
        return Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(compiler).find();
    }

    private static void risks(String file, String src, List<Problem> out) {
        for (Risk r : RISKS) {
            Matcher m = r.pattern.matcher(src);
            if (m.find()) {
                int line = 1 + (int) src.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                out.add(new Problem(file, line, -1, "'" + m.group().strip() + "' " + r.what + " (a pack is code;"
                        + " this is a review aid, not a security boundary)"));
            }
        }
    }

    /**
     * Rules that match a fact type nothing inserts can never fire (a warning); classes used without their import
     * and fields their fact type lacks (errors).
     */
    static void drlChecks(String file, String src, List<Problem> out, List<Problem> errors,
                                    Map<String, String> knownClasses) {
        PackageDescr pkg;
        DrlParser parser = new DrlParser();
        try {
            pkg = parser.parse(false, src);
        } catch (org.drools.drl.parser.DroolsParserException e) {
            return; // the compile errors already say why
        }
        if (pkg == null || parser.hasErrors()) {
            return;
        }
        Set<String> known = new HashSet<>();
        for (Class<?> c : FactTypes.PRODUCED) {
            known.add(c.getName());
        }
        Set<String> ownTypes = new HashSet<>();
        for (Pattern p : List.of(INSERTED, DECLARED)) {
            Matcher m = p.matcher(src);
            while (m.find()) {
                ownTypes.add(m.group(1));
            }
        }
        Map<String, String> imports = new java.util.HashMap<>();
        Matcher im = IMPORT.matcher(src);
        while (im.find()) {
            String fq = im.group(1);
            imports.put(fq.substring(fq.lastIndexOf('.') + 1), fq);
        }
        PackChecks.imports(file, src, imports, ownTypes, knownClasses, errors);
        for (RuleDescr rule : pkg.getRules()) {
            List<PatternDescr> all = new ArrayList<>();
            collect(rule.getLhs(), all);
            for (PatternDescr p : all) {
                String type = p.getObjectType();
                String fq = type == null ? null : type.contains(".") ? type : imports.get(type);
                Class<?> c = null;
                if (fq != null && p.getSource() == null) {
                    try {
                        c = Class.forName(fq, false, PackLint.class.getClassLoader());
                    } catch (ClassNotFoundException | LinkageError e) {
                        c = null;   // the compiler reports a class that does not exist
                    }
                }
                if (c != null) {
                    PackChecks.fields(file, p, c, errors);
                }
            }
        }
        for (RuleDescr rule : pkg.getRules()) {
            List<PatternDescr> patterns = new ArrayList<>();
            collect(rule.getLhs(), patterns);
            for (PatternDescr p : patterns) {
                String type = p.getObjectType();
                if (type == null || p.getSource() != null) {
                    continue; // a pattern over `from` is not matched against the session's facts
                }
                String simple = type.substring(type.lastIndexOf('.') + 1);
                String fq = type.contains(".") ? type : imports.get(type);
                if (ownTypes.contains(simple) || fq == null || known.contains(fq) || !fq.startsWith("io.zpadoctor.")) {
                    continue;
                }
                out.add(new Problem(file, p.getLine(), -1, "rule \"" + rule.getName() + "\" matches " + simple
                        + ", which no parser or rule puts into a session: it can never fire"));
            }
        }
    }

    private static void collect(BaseDescr d, List<PatternDescr> out) {
        if (d instanceof PatternDescr p) {
            out.add(p);
        } else if (d instanceof ConditionalElementDescr ce) {
            for (BaseDescr child : ce.getDescrs()) {
                collect(child, out);
            }
        }
    }
}
