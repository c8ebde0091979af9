package io.zpadoctor.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RulesCommandTest {
    static final Path PACKS = Path.of("../zpa-rules/src/test/resources/packs");
    static final Path HEALTHY = Path.of("src/main/resources/io/zpadoctor/examples/demo/healthy");
    static final Path EXAMPLE_PACK = Path.of("rule-pack-example/acme-pack");

    @TempDir
    Path tmp;

    @Test
    void listShowsBuiltInAndPackCodesWithTheirSource() {
        Cli r = Cli.run("rules", "list", "--rules", PACKS.resolve("good").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("ZPA-ENR-001   CRITICAL ENROLLMENT  built-in")
                .contains("ACME-VER-001").contains(PACKS.resolve("good") + "/catalog.yaml");
    }

    @Test
    void lintReportsLikeACompiler() {
        Cli broken = Cli.run("rules", "lint", PACKS.resolve("broken").toString());
        assertThat(broken.code()).isEqualTo(65);
        assertThat(broken.out()).contains("rules/field.drl:7: AppConnector has no field 'statuz' (its fields: ",
                "rules/klass.drl:5:10: Unable to find class: Conector; did you mean AppConnector (import"
                        + " io.zpadoctor.model.tenant.AppConnector)?", "rules/syntax.drl:8:", "4 error(s)")
                .doesNotContain("Unable to parse left part of expression").doesNotContain("toBuilder");
        Cli odd = Cli.run("rules", "lint", PACKS.resolve("lintable").toString());
        assertThat(odd.code()).as("reading the environment needs --trust-pack: an error").isEqualTo(65);
        assertThat(odd.out()).contains("ACME-ODD-002 has a catalog entry but no rule emits it",
                "matches PortRange, which no parser or rule puts into a session: it can never fire",
                "call java.lang.System.getenv (read the environment, where API credentials live)");
        assertThat(Cli.run("rules", "lint", PACKS.resolve("good").toString()).code()).isZero();
    }

    @Test
    void theExamplePackIsCleanPassesItsScenariosAndItsFindingsNameTheirRule() {
        Cli lint = Cli.run("rules", "lint", EXAMPLE_PACK.toString());
        assertThat(lint.code()).as(lint.out()).isZero();
        assertThat(lint.out()).contains("0 error(s), 0 warning(s)");
        Cli test = Cli.run("rules", "test", EXAMPLE_PACK.toString());
        assertThat(test.code()).as(test.out()).isZero();
        assertThat(test.out()).doesNotContain("FAIL");
        Cli json = Cli.run("diagnose", "--bundle", EXAMPLE_PACK.resolve("scenarios/omiagent-spinning").toString(),
                "--rules", EXAMPLE_PACK.toString(), "--format", "json");
        assertThat(json.out()).as("the engine names the rule; the pack's rule does not")
                .contains("\"code\" : \"ACME-AGT-001\"", "\"rule\" : \"Flag omiagent above 50 % CPU\"");
    }

    @Test
    void aBrokenPackStopsADiagnosisWithEveryProblem() {
        Cli r = Cli.run("diagnose", "--bundle", HEALTHY.toString(), "--rules", PACKS.resolve("broken").toString());
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err()).contains("rule pack", "4 problems", "rules/klass.drl:5:10: Unable to find class: Conector")
                .doesNotContain("\tat ");
        Cli twin = Cli.run("diagnose", "--bundle", HEALTHY.toString(), "--rules", PACKS.resolve("good").toString(),
                "--rules", PACKS.resolve("twin").toString());
        assertThat(twin.code()).isEqualTo(65);
        assertThat(twin.err()).contains("ACME-VER-001 is defined in", "good/catalog.yaml", "twin/catalog.yaml");
    }

    @Test
    void explainSaysWhereARuleStops() throws Exception {
        Cli r = Cli.run("rules", "explain", "ZPA-ENR-001", "--bundle", HEALTHY.toString(), "--symptom", "not-enrolling",
                "--connector", "dc1-acg-key-9");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("ZPA-ENR-001 did not fire.",
                "rule \"Flag an exhausted key of a group failing to enroll\" (enrollment.drl:"
                        + lineOf("enrollment.drl", "rule \"Flag an exhausted key of a group failing to enroll\"")
                        + "): did not fire",
                "0 matches   <- stops here");
    }

    /** The line of the built-in rule file that starts with {@code text}, as the explanation must cite it. */
    private static int lineOf(String file, String text) throws java.io.IOException {
        try (java.io.InputStream in = RulesCommandTest.class.getResourceAsStream("/io/zpadoctor/rules/internal/drl/" + file)) {
            List<String> lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(text)) {
                    return i + 1;
                }
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    @Test
    void aConfigFileSuppressesWithAReasonAndExpires() throws Exception {
        Path cfg = tmp.resolve("zpa-doctor.yaml");
        Files.writeString(cfg, """
                thresholds:
                  keyUsageWarnPercent: 95
                suppressions:
                  - code: ZPA-ENR-001
                    subject: dc1-acg-key
                    reason: key is rotated on Friday (CHG-4711)
                  - code: ZPA-FLT-003
                    reason: old decision
                    expires: 2025-01-31
                """);
        Cli r = Cli.run("demo", "--config", cfg.toString(), "--format", "json", "--fail-on", "unknown");
        assertThat(r.out()).contains("\"reason\" : \"key is rotated on Friday (CHG-4711)\"")
                .contains("expired on 2025-01-31 and no longer applies");
        assertThat(r.code()).as("FLT-003 still a WARNING: its suppression expired").isEqualTo(1);
        Cli md = Cli.run("demo", "--config", cfg.toString(), "--format", "markdown");
        assertThat(md.out()).contains("(suppressed: key is rotated on Friday (CHG-4711))")
                .doesNotContain("## Diagnosis: Provisioning key has no enrollments left");
    }

    @Test
    void aConfigMistakeIsOneLineWithTheLine() throws Exception {
        Path cfg = tmp.resolve("bad.yaml");
        Files.writeString(cfg, "thresholds:\n  cpu: 90\n");
        Cli r = Cli.run("demo", "--config", cfg.toString());
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err()).contains(cfg + ":2: unknown threshold 'cpu'");
        Files.writeString(cfg, "suppressions:\n  - code: ZPA-FLT-003\n");
        assertThat(Cli.run("demo", "--config", cfg.toString()).err()).contains(":2: the suppression of ZPA-FLT-003 has"
                + " no reason");
        Files.writeString(cfg, "rulePacks: [./evil]\n");
        assertThat(Cli.run("demo", "--config", cfg.toString()).err())
                .contains("rule packs are only ever given with --rules");
    }
}
