package io.zpadoctor.rules;

import io.zpadoctor.model.Facts;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.Symptom;
import io.zpadoctor.rules.internal.verdict.WhyNot;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ExplainTest {
    static final Diagnoser DOCTOR = Diagnoser.builder().build();

    static Facts facts(int keyUsage, Symptom symptom) {
        return Facts.builder().tenant(DiagnoserTest.tenant(keyUsage))
                .reportedCase(new ReportedCase(symptom, symptom == null ? null : "dc1-acg-key-2", null, null, null))
                .evaluatedAt(DiagnoserTest.NOW, "test").build();
    }

    @Test
    void aKeyWithRoomStopsTheRuleAtItsFirstCondition() {
        Explanation e = DOCTOR.explain("ZPA-ENR-001", facts(5, Symptom.NOT_ENROLLING));
        assertThat(e.fired()).isFalse();
        Explanation.RuleTrace r = e.rules().get(0);
        assertThat(r.rule()).isEqualTo("Flag an exhausted key of a group failing to enroll");
        assertThat(r.file()).isEqualTo("enrollment.drl");
        assertThat(r.firings()).isZero();
        assertThat(r.stoppedAt().index()).isEqualTo(1);
        assertThat(r.stoppedAt().text()).startsWith("$k : ProvisioningKey(");
    }

    @Test
    void anExhaustedKeyWithoutAFailingConnectorStopsAtTheSecond() {
        Explanation.RuleTrace r = DOCTOR.explain("ZPA-ENR-001", facts(10, null)).rules().get(0);
        assertThat(r.conditions().get(0).matches()).isEqualTo(1);
        assertThat(r.stoppedAt().index()).isEqualTo(2);
        assertThat(r.stoppedAt().text()).contains("KeyOfFailingGroup");
    }

    @Test
    void aFiredRuleHasAMatchAtEveryCondition() {
        Explanation e = DOCTOR.explain("ZPA-ENR-001", facts(10, Symptom.NOT_ENROLLING));
        assertThat(e.fired()).isTrue();
        assertThat(e.rules().get(0).firings()).isEqualTo(1);
        assertThat(e.rules().get(0).stoppedAt()).isNull();
        assertThat(e.rules().get(0).conditions()).allSatisfy(c -> assertThat(c.matches()).isPositive());
    }

    @Test
    void everyRuleOfACodeIsTraced() {
        assertThat(DOCTOR.explain("ZPA-APP-002", facts(5, null)).rules()).hasSize(2);
        assertThat(DOCTOR.explain("ZPA-XYZ-001", facts(5, null)).note()).isEqualTo("no rule emits ZPA-XYZ-001");
    }

    @Test
    void packRulesAreExplainedToo() throws Exception {
        Diagnoser withPack = Diagnoser.builder().rulePack(RulePackTest.PACKS.resolve("good")).build();
        Explanation e = withPack.explain("ACME-VER-001", RulePackTest.prodGroup());
        assertThat(e.fired()).isTrue();
        assertThat(e.rules().get(0).file()).isEqualTo("good/rules/versions.drl");
    }

    @Test
    void theListOfBuiltInRuleFilesIsComplete() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/io/zpadoctor/rules/internal/drl"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")))
                    .containsExactlyInAnyOrderElementsOf(WhyNot.BUILT_IN_FILES);
        }
    }
}
