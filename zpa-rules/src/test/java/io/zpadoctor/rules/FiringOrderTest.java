package io.zpadoctor.rules;

import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.rules.internal.catalog.RulesDoc;
import io.zpadoctor.rules.internal.verdict.WhyNot;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Classification fires before diagnosis: a rule that emits a finding never fires only for the engine to take the
 * finding back once a derived state it asked {@code not} about appears. Such a firing would still reach rule
 * listeners and {@code rules explain}, which would then say the rule fired for a finding the report lacks.
 */
class FiringOrderTest {
    /** The codes each built-in rule can emit, from the rule sources. */
    private static final Map<String, Set<String>> CODES_OF_RULE = new HashMap<>();

    static {
        RulesDoc.implementations(WhyNot.builtInSources()).forEach((code, impls) -> impls.forEach(
                i -> CODES_OF_RULE.computeIfAbsent(i.rule(), r -> new HashSet<>()).add(code)));
    }

    @TestFactory
    Stream<DynamicTest> everyFindingRuleThatFiresLeavesItsFinding() throws Exception {
        List<Path> dirs = ScenarioTest.scenarioDirs();
        assertThat(CODES_OF_RULE).isNotEmpty();
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(ScenarioTest.name(dir), () -> {
            List<String> fired = new ArrayList<>();
            Diagnoser doctor = Diagnoser.builder().ruleListener((rule, pkg) -> {
                synchronized (fired) {
                    fired.add(rule);
                }
            }).build();
            Diagnosis d = doctor.diagnose(BundleReader.read(dir).toFacts());
            Set<String> reported = new HashSet<>();
            for (Finding f : d.findings()) {
                reported.add(f.code());
            }
            for (Finding f : d.withheld()) {
                reported.add(f.code()); // found, and left out only because a reported cause explains it
            }
            for (String rule : fired) {
                Set<String> codes = CODES_OF_RULE.get(rule);
                if (codes != null) {
                    assertThat(codes).as("rule \"%s\" fired, so one of its codes is in the report", rule)
                            .containsAnyElementsOf(reported);
                }
            }
        }));
    }
}
