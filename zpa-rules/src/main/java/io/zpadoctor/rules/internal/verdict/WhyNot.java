package io.zpadoctor.rules.internal.verdict;

import io.zpadoctor.model.EvaluationTime;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.Thresholds;
import io.zpadoctor.model.derived.CaseScope;
import io.zpadoctor.rules.Explanation;
import io.zpadoctor.rules.internal.catalog.RulesDoc;
import io.zpadoctor.rules.internal.engine.Budget;
import io.zpadoctor.rules.internal.engine.RuleBase;
import io.zpadoctor.rules.internal.engine.SessionRunner;
import io.zpadoctor.rules.internal.pack.PackCompiler;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out why a code did or did not fire. For every rule that emits it, the rule's conditions are read from
 * its DRL and turned into queries over growing prefixes (condition 1; conditions 1 and 2; ...), compiled next
 * to the rules, and asked after the facts went through the engine: the first prefix with no result is where
 * the rule stopped.
 */
public final class WhyNot {
    /** The built-in rule files, in the jar beside the compiled model (a test keeps the list complete). */
    public static final List<String> BUILT_IN_FILES = List.of("classify.drl", "connector.drl", "enrollment.drl",
            "fleet.drl", "health.drl", "network.drl", "reachability.drl", "resources.drl", "telemetry.drl",
            "upgrade.drl");
    private static final Pattern HEADER = Pattern.compile("(?m)^\\s*(import|global)\\s+[^;\\n]+;?\\s*$");

    private WhyNot() {
    }

    /** The built-in DRL sources, by file name. */
    public static Map<String, String> builtInSources() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : BUILT_IN_FILES) {
            try (InputStream in = WhyNot.class.getClassLoader().getResourceAsStream("io/zpadoctor/rules/internal/drl/" + f)) {
                if (in != null) {
                    out.put(f, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read built-in rule file " + f, e);
            }
        }
        return out;
    }

    public static Explanation explain(String code, Facts facts, Map<String, String> sources,
                                      List<PackCompiler.PackBuild> packs, CaseScope scope, EvaluationTime time,
                                      Thresholds thresholds, java.time.Duration budget) {
        List<RulesDoc.Implementation> impl = RulesDoc.implementations(sources).getOrDefault(code, List.of());
        if (impl.isEmpty()) {
            return new Explanation(code, false, List.of(), "no rule emits " + code);
        }
        Map<String, PackageDescr> parsed = new HashMap<>();
        Map<String, List<String>> queryDrl = new LinkedHashMap<>();
        List<Plan> plans = new ArrayList<>();
        String note = null;
        int n = 0;
        for (RulesDoc.Implementation i : impl) {
            String src = sources.get(i.file());
            PackageDescr pkg;
            try {
                pkg = parsed.computeIfAbsent(i.file(), f -> parse(src));
            } catch (IllegalStateException e) {
                note = e.getMessage();
                continue;
            }
            RuleDescr rule = pkg.getRules().stream().filter(r -> r.getName().equals(i.rule())).findFirst().orElse(null);
            if (rule == null) {
                continue;
            }
            List<Explanation.Condition> conds = new ArrayList<>();
            List<String> queries = new ArrayList<>();
            StringBuilder prefix = new StringBuilder();
            int k = 0;
            for (BaseDescr d : rule.getLhs().getDescrs()) {
                k++;
                String text = d.getStartCharacter() >= 0 && d.getEndCharacter() <= src.length()
                        ? src.substring(d.getStartCharacter(), d.getEndCharacter()) : d.getText();
                prefix.append("    ").append(text).append('\n');
                String q = "zpa_why_" + (n) + "_" + k;
                queries.add(q);
                queryDrl.computeIfAbsent(i.file(), f -> new ArrayList<>()).add("query \"" + q + "\"\n" + prefix + "end\n");
                conds.add(new Explanation.Condition(k, text.replaceAll("\\s+", " ").strip(), d.getLine(), -1));
            }
            plans.add(new Plan(i, rule.getLine(), conds, queries));
            n++;
        }
        Collection<KiePackage> queryPackages = List.of();
        if (!queryDrl.isEmpty()) {
            try {
                queryPackages = compileQueries(queryDrl, sources);
            } catch (IllegalStateException e) {
                note = "the conditions could not be analysed (" + e.getMessage() + "); firing counts only";
            }
        }
        KieBase base = RuleBase.withPacks(packs).kieBase();
        if (!queryPackages.isEmpty()) {
            ((org.drools.kiesession.rulebase.SessionsAwareKnowledgeBase) base).addPackages(queryPackages);
        }
        Map<String, AtomicInteger> firings = new HashMap<>();
        Map<String, Integer> results = new HashMap<>();
        boolean analysed = !queryPackages.isEmpty();
        SessionRunner.inspect(base, facts, scope, time, thresholds,
                (rule, pkgName) -> firings.computeIfAbsent(rule, r -> new AtomicInteger()).incrementAndGet(),
                new Budget(budget, !packs.isEmpty()),
                session -> {
                    if (analysed) {
                        for (Plan p : plans) {
                            for (String q : p.queries) {
                                results.put(q, session.getQueryResults(q).size());
                            }
                        }
                    }
                });
        List<Explanation.RuleTrace> traces = new ArrayList<>();
        boolean fired = false;
        for (Plan p : plans) {
            int count = firings.getOrDefault(p.impl.rule(), new AtomicInteger()).get();
            fired |= count > 0;
            List<Explanation.Condition> conds = new ArrayList<>();
            for (int c = 0; c < p.conditions.size(); c++) {
                Explanation.Condition cond = p.conditions.get(c);
                conds.add(new Explanation.Condition(cond.index(), cond.text(), cond.line(),
                        results.getOrDefault(p.queries.get(c), -1)));
            }
            traces.add(new Explanation.RuleTrace(p.impl.rule(), p.impl.file(), p.line, count, conds));
        }
        return new Explanation(code, fired, traces, note);
    }

    private record Plan(RulesDoc.Implementation impl, int line, List<Explanation.Condition> conditions,
                        List<String> queries) {
    }

    private static PackageDescr parse(String src) {
        DrlParser parser = new DrlParser();
        try {
            PackageDescr pkg = parser.parse(false, src);
            if (parser.hasErrors() || pkg == null) {
                throw new IllegalStateException("the rule file does not parse: " + parser.getErrors());
            }
            return pkg;
        } catch (org.drools.drl.parser.DroolsParserException e) {
            throw new IllegalStateException("the rule file does not parse: " + e.getMessage());
        }
    }

    /** Each file's queries in that file's package, with its imports and globals. */
    private static Collection<KiePackage> compileQueries(Map<String, List<String>> queryDrl, Map<String, String> sources) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId("io.zpadoctor.why", "why-" + Integer.toHexString(queryDrl.hashCode()), "1.0.0");
        kfs.generateAndWritePomXML(id);
        int n = 0;
        for (Map.Entry<String, List<String>> e : queryDrl.entrySet()) {
            String src = sources.get(e.getKey());
            String pkg = PackCompiler.packageOf(src);
            StringBuilder drl = new StringBuilder();
            if (!pkg.isEmpty()) {
                drl.append("package ").append(pkg).append(";\n");
            }
            Matcher h = HEADER.matcher(src);
            while (h.find()) {
                drl.append(h.group().strip()).append(h.group().strip().endsWith(";") ? "" : ";").append('\n');
            }
            e.getValue().forEach(drl::append);
            kfs.write("src/main/resources/" + (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/") + "why" + (n++)
                    + ".drl", drl.toString());
        }
        KieBuilder b = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<String> errors = new ArrayList<>();
        for (Message m : b.getResults().getMessages(Message.Level.ERROR)) {
            errors.add(m.getText().lines().findFirst().orElse(""));
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(String.join("; ", errors));
        }
        return ks.newKieContainer(id).getKieBase().getKiePackages();
    }
}
