package io.zpadoctor.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ZpaDoctorTest {
    @TempDir
    Path tmp;

    @Test
    void theDemoRunsTheDefaultBundle() {
        Cli r = Cli.run("demo");
        assertThat(r.code()).as("a demo reports, it does not alarm").isZero();
        assertThat(r.out()).contains("# App Connector Troubleshooting Report", "ZPA-ENR-001");
        assertThat(r.err()).isEmpty();
        Cli text = Cli.run("demo", "--format", "text");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("ROOT CAUSE", "ZPA-ENR-001").doesNotContain("# App Connector");
        assertThat(Cli.run("--version").out()).startsWith("zpa-doctor ");
    }

    @Test
    void aReportAlreadyScrubbedGoesOutAfterWhatWasPrintedBeforeItAndInUtf8() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream ascii = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.US_ASCII);
        ZpaDoctor.ScrubbingOut out = new ZpaDoctor.ScrubbingOut(ascii);
        out.print("password=hunter2! first, ");
        out.printScrubbed("then the report: 3 groups \u2192 0 up \u2026\n");
        out.println("token=Abc123xyz last");
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(
                "password=<redacted> first, then the report: 3 groups \u2192 0 up \u2026\ntoken=<redacted> last\n");
    }

    @Test
    void everyDemoHasItsOutcome() throws Exception {
        assertThat(Cli.run("demo", "--bundle-name", "healthy").code()).isZero();
        Cli broken = Cli.run("demo", "--bundle-name", "broken-chain", "--format", "json", "--fail-on", "unknown");
        assertThat(broken.code()).isEqualTo(2);
        JsonNode j = new ObjectMapper().readTree(broken.out());
        assertThat(j.get("primary").asText()).isEqualTo("ZPA-APP-008");
        Cli list = Cli.run("demo", "--list");
        assertThat(list.out()).contains("exhausted-key", "broken-chain", "healthy");
    }

    @Test
    void diagnosesABundleFolderWithCaseOverrides() {
        Path demo = Path.of("src/main/resources/io/zpadoctor/examples/demo/healthy");
        Cli r = Cli.run("diagnose", "--bundle", demo.toString(), "--symptom", "not-enrolling",
                "--connector", "dc1-acg-key-9", "--format", "text");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("ZPA-ENR-008", "dc1-acg-key-9").doesNotContain("\u001b[");
    }

    @Test
    void failOnSetsWhichResultsFail() throws Exception {
        Path b = tmp.resolve("b");
        Files.createDirectories(b.resolve("api"));
        Files.writeString(b.resolve("api/connectors.json"), "[{\"id\":\"1\",\"name\":\"c\",\"appConnectorGroupId\":\"9\"}]");
        assertThat(Cli.run("diagnose", "-b", b.toString()).code()).as("status unknown is a WARNING").isEqualTo(1);
        assertThat(Cli.run("diagnose", "-b", b.toString(), "--fail-on", "critical").code()).isZero();
        assertThat(Cli.run("demo", "--fail-on", "critical").code()).isEqualTo(2);
        assertThat(Cli.run("diagnose", "-b", b.toString(), "--fail-on", "never").code()).isZero();
    }

    @Test
    void theBuiltInRulesPreloadOnlyForADiagnosisThatUsesThem() {
        assertThat(ZpaDoctor.diagnosesWithBuiltInRules(new String[] {"demo"})).isTrue();
        assertThat(ZpaDoctor.diagnosesWithBuiltInRules(new String[0])).as("help diagnoses nothing").isFalse();
        assertThat(ZpaDoctor.diagnosesWithBuiltInRules(new String[] {"fleet", "--bundle", "x"})).isTrue();
        // a pack builds its own rule base; help and other commands diagnose nothing
        assertThat(ZpaDoctor.diagnosesWithBuiltInRules(new String[] {"diagnose", "--rules", "p", "--bundle", "x"})).isFalse();
        assertThat(ZpaDoctor.diagnosesWithBuiltInRules(new String[] {"diagnose", "--help"})).isFalse();
        assertThat(ZpaDoctor.diagnosesWithBuiltInRules(new String[] {"--version"})).isFalse();
        assertThat(ZpaDoctor.diagnosesWithBuiltInRules(new String[] {"snapshot", "--api"})).isFalse();
    }

    @Test
    void anUnknownOptionIsNamedButWhatFollowsItIsNeverEchoed() {
        // a secret typed after a mistaken option must not land in the terminal's scrollback or a CI log
        Cli typo = Cli.run("diagnose", "--bundle", ".", "--client-secret", "s3cr3t-value", "--clientid=abc-id-42");
        assertThat(typo.code()).isEqualTo(64);
        assertThat(typo.err()).contains("Unknown options: '--client-secret', '--clientid=…' (and 1 value not shown)")
                .doesNotContain("s3cr3t-value").doesNotContain("abc-id-42");
        assertThat(Cli.run("diagnose", "--bundle", ".", "stray-token").err()).contains("1 unexpected argument (not shown)")
                .doesNotContain("stray-token");
    }

    @Test
    void usageErrorsAreOneLineAndExit64() {
        Cli missing = Cli.run("diagnose");
        assertThat(missing.code()).isEqualTo(64);
        assertThat(missing.err()).contains("Missing required option: '--bundle=PATH'").contains("--help")
                .doesNotContain("Exception");
        Cli symptom = Cli.run("diagnose", "--bundle", ".", "--symptom", "slow");
        assertThat(symptom.code()).isEqualTo(64);
        assertThat(symptom.err()).contains("unknown symptom 'slow'", "not-enrolling");
        assertThat(Cli.run("diagnose", "--bundle", ".", "--app", "h:port").err()).contains("is not a number");
        assertThat(Cli.run("demo", "--bundle-name", "nope").code()).isEqualTo(64);
        assertThat(Cli.run("frobnicate").code()).isEqualTo(64);
        assertThat(Cli.run("frobnicate").err()).contains("unknown command 'frobnicate'");
        assertThat(Cli.run("dignose", "--bundle", ".").err()).contains("unknown command 'dignose'", "diagnose");
    }

    @Test
    void badBundlesExit65WithTheFileAndLine() throws Exception {
        Cli none = Cli.run("diagnose", "--bundle", tmp.resolve("nope").toString());
        assertThat(none.code()).isEqualTo(65);
        assertThat(none.err()).contains("no such file or folder");
        Path b = tmp.resolve("broken");
        Files.createDirectories(b.resolve("api"));
        Files.writeString(b.resolve("api/provisioning-keys.json"), "[\n{\"id\": 1,}\n]");
        Cli broken = Cli.run("diagnose", "--bundle", b.toString());
        assertThat(broken.code()).isEqualTo(65);
        assertThat(broken.err()).startsWith("zpa-doctor: api/provisioning-keys.json:2:").doesNotContain("\tat ");
        assertThat(broken.out()).isEmpty();
    }

    @Test
    void outputFileIsWrittenWhole() throws Exception {
        Path out = tmp.resolve("report.md");
        Cli r = Cli.run("demo", "--format", "markdown", "--output", out.toString());
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out)).startsWith("# App Connector Troubleshooting Report");
        try (var s = Files.list(tmp)) {
            assertThat(s.toList()).containsExactly(out);
        }
        Path nowhere = tmp.resolve("no/such/dir/r.html");
        Cli bad = Cli.run("demo", "--output", nowhere.toString());
        assertThat(bad.code()).isEqualTo(74);
        // the folder and the file asked for, not the hidden temporary file the write goes through
        assertThat(bad.err().lines().toList()).containsExactly("zpa-doctor: cannot write " + nowhere + ": the folder "
                + nowhere.getParent() + " does not exist");
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        Cli notAFolder = Cli.run("demo", "-o", file.resolve("r.md").toString());
        assertThat(notAFolder.code()).isEqualTo(74);
        assertThat(notAFolder.err().lines().toList()).containsExactly("zpa-doctor: cannot write " + file.resolve("r.md")
                + ": " + file + " is not a folder");
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (List<String> cmd : List.of(List.of("--help"), List.of("diagnose", "--help"), List.of("demo", "--help"),
                List.of("help", "diagnose"))) {
            Cli r = Cli.run(cmd.toArray(String[]::new));
            assertThat(r.code()).as(cmd.toString()).isZero();
            assertThat(r.out()).as(cmd.toString()).contains("Usage: zpa-doctor", "Examples:");
        }
        assertThat(Cli.run("--version").out()).startsWith("zpa-doctor ");
    }
}
