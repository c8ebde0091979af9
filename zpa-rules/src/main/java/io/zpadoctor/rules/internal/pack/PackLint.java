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
        files.forEach((file, bytes) -> {
            if (file.endsWith(".drl")) {
                String src = new String(bytes, StandardCharsets.UTF_8);
                risks(file, src, warnings);
                neverFiring(file, src, warnings);
            }
        });
        return new Report(errors, warnings);
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

    /** Rules that match a fact type nothing inserts can never fire. */
    private static void neverFiring(String file, String src, List<Problem> out) {
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
