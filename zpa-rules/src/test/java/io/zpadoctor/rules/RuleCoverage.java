package io.zpadoctor.rules;

import io.zpadoctor.rules.internal.engine.RuleBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts rule firings across tests, so a rule no scenario exercises is caught. */
final class RuleCoverage implements RuleListener {
    static final RuleCoverage INSTANCE = new RuleCoverage();

    private final Map<String, AtomicInteger> fired = new ConcurrentHashMap<>();

    @Override
    public void ruleFired(String ruleName, String packageName) {
        fired.computeIfAbsent(packageName + "/" + ruleName, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Every built-in rule, as package/name. */
    static Set<String> builtInRules() {
        Set<String> all = new TreeSet<>();
        for (KiePackage p : RuleBase.builtIn().kieBase().getKiePackages()) {
            for (Rule r : p.getRules()) {
                all.add(p.getName() + "/" + r.getName());
            }
        }
        return all;
    }

    Set<String> neverFired() {
        Set<String> missing = builtInRules();
        missing.removeAll(fired.keySet());
        return missing;
    }
}
