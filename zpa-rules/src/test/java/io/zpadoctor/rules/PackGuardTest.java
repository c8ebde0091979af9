package io.zpadoctor.rules;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A pack is code, so it runs under guards (issue 14): what its compiled rules can reach (ending the process, files,
 * processes, the network, reflection) is read from the generated classes, where a unicode escape hides nothing, and
 * such a pack runs only when trusted; its rules run under a wall-clock budget, past which the diagnosis stops naming
 * the rule that kept firing or never returned.
 */
class PackGuardTest {
    static final Path PACKS = RulePackTest.PACKS;

    @Test
    void lintSeesAnEscapedSystemExitInTheCompiledRules() {
        RulePack.Lint lint = RulePack.lint(PACKS.resolve("exits"));
        assertThat(lint.errors()).anySatisfy(p -> assertThat(p.message())
                .contains("call java.lang.System.exit (end the process)").contains("--trust-pack"));
        assertThat(RulePack.lint(PACKS.resolve("good")).errors()).isEmpty();
    }

    @Test
    void aPackThatCanEndTheProcessRunsOnlyWhenTrusted() throws Exception {
        assertThatThrownBy(() -> Diagnoser.builder().rulePack(PACKS.resolve("exits")))
                .isInstanceOf(RulePackException.class).hasMessageContaining("System.exit")
                .hasMessageContaining("trusted");
        RulePack pack = RulePack.load(PACKS.resolve("exits"));
        assertThat(pack.capabilities()).containsExactly("call java.lang.System.exit (end the process)");
        assertThat(Diagnoser.builder().trustPacks(true).rulePack(pack).build().rulePacks()).hasSize(1);
        assertThat(RulePack.load(PACKS.resolve("good")).capabilities()).isEmpty();
    }

    @Test
    void aConsequenceThatNeverReturnsStopsTheDiagnosisAtTheBudgetNamingTheRule() throws Exception {
        Diagnoser doctor = Diagnoser.builder().budget(Duration.ofMillis(700)).rulePack(PACKS.resolve("spins")).build();
        long start = System.nanoTime();
        assertThatThrownBy(() -> doctor.diagnose(RulePackTest.prodGroup())).isInstanceOf(DiagnosisException.class)
                .hasMessageContaining("rule \"Spin forever\"").hasMessageContaining("does not return");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThatThrownBy(() -> doctor.explain("EVIL-SPN-001", RulePackTest.prodGroup()))
                .isInstanceOf(DiagnosisException.class).hasMessageContaining("Spin forever");
    }

    @Test
    void aRuleThatKeepsFiringIsNamed() throws Exception {
        Diagnoser doctor = Diagnoser.builder().budget(Duration.ofSeconds(20)).rulePack(PACKS.resolve("churns")).build();
        assertThatThrownBy(() -> doctor.diagnose(RulePackTest.prodGroup())).isInstanceOf(DiagnosisException.class)
                .hasMessageContaining("rule \"Tick without end\"");
    }
}
