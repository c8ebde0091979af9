package io.zpadoctor.examples.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pack guards on the command line (issue 14): a pack that can end the process is refused without --trust-pack;
 * a rule past the budget ends diagnose, explain and test alike, one line naming it, exit 70.
 */
class PackGuardCommandsTest {
    static final Path PACKS = Path.of("../zpa-rules/src/test/resources/packs");
    static final String BUNDLE = "../zpa-rules/src/test/resources/packs/spins/scenarios/one-group";

    @Test
    void aPackThatCanEndTheProcessNeedsTrust() {
        Cli refused = Cli.run("diagnose", "--bundle", BUNDLE, "--rules", PACKS.resolve("exits").toString());
        assertThat(refused.code()).isEqualTo(65);
        assertThat(refused.err()).contains("System.exit", "--trust-pack");
        Cli lint = Cli.run("rules", "lint", PACKS.resolve("exits").toString());
        assertThat(lint.code()).isEqualTo(65);
        assertThat(lint.out()).contains("call java.lang.System.exit (end the process)");
    }

    @Test
    void theFiringLimitEndsDiagnoseAsExplainAndTestEndWith70() {
        // issue 14: the firing limit gave 65 in diagnose and 70 in explain and test
        Cli r = Cli.run("diagnose", "--bundle", BUNDLE, "--rules", PACKS.resolve("churns").toString(), "--budget", "60");
        assertThat(r.code()).as(r.err()).isEqualTo(70);
        assertThat(r.err()).contains("rule \"Tick without end\"", "keeps re-activating itself");
    }

    @Test
    void aRulePastTheBudgetEndsEveryCommandTheSameWay() {
        String spins = PACKS.resolve("spins").toString();
        for (Cli r : new Cli[] {
                Cli.run("diagnose", "--bundle", BUNDLE, "--rules", spins, "--budget", "0.5"),
                Cli.run("rules", "explain", "EVIL-SPN-001", "--bundle", BUNDLE, "--rules", spins, "--budget", "0.5"),
                Cli.run("rules", "test", spins, "--budget", "0.5")}) {
            assertThat(r.code()).as(r.err()).isEqualTo(70);
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.err()).contains("rule \"Spin forever\"", "0.5 s".equals("") ? "" : "budget");
        }
    }
}
