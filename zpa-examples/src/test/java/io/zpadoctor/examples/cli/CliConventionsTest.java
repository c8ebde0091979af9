package io.zpadoctor.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zpadoctor.report.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The habits of well-liked command lines (issue 19): names, help, version, colour, output files, completion. */
class CliConventionsTest {
    static final Path HEALTHY = Path.of("src/main/resources/io/zpadoctor/examples/demo/healthy");

    @TempDir
    Path tmp;

    @Test
    void aBareCommandPrintsHelpAndTheDemoHint() {
        Cli r = Cli.run();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: zpa-doctor", "diagnose", "fleet", "completion")
                .endsWith(ZpaDoctor.DEMO_HINT + System.lineSeparator())
                .doesNotContain("App Connector Troubleshooting Report");
        assertThat(Cli.run("--format", "text").code()).as("options without a command are a usage error").isEqualTo(64);
    }

    @Test
    void versionNamesTheCommitJavaAndDrools() throws Exception {
        Cli r = Cli.run("--version");
        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).matches("zpa-doctor \\d+\\.\\d+\\.\\d+.*");
        assertThat(lines.get(1)).matches("commit  ([0-9a-f]{12}|unknown)");
        assertThat(lines.get(2)).startsWith("Java    " + System.getProperty("java.version"));
        assertThat(lines.get(3)).matches("Drools  \\d+\\.\\d+\\.\\d+.*");
        String head = git("rev-parse", "--short=12", "HEAD");
        if (head != null) {
            // built from this checkout, so the build wrote its commit (the test runs before any new commit)
            assertThat(lines.get(1)).isEqualTo("commit  " + head);
        }
        assertThat(Cli.run("diagnose", "--version").out()).isEqualTo(r.out());
    }

    @Test
    void aNameTheTenantDoesNotHaveIsAUsageErrorWithTheNearestNames() {
        Cli connector = Cli.run("diagnose", "--bundle", HEALTHY.toString(), "--connector", "dc1-acg-kye-1");
        assertThat(connector.code()).isEqualTo(64);
        assertThat(connector.err()).startsWith("zpa-doctor: --connector dc1-acg-kye-1: no connector of that name")
                .contains("did you mean dc1-acg-key-1");
        assertThat(connector.out()).isEmpty();
        Cli group = Cli.run("diagnose", "--bundle", HEALTHY.toString(), "--group", "DC1-Frankfurd");
        assertThat(group.code()).isEqualTo(64);
        assertThat(group.err()).contains("--group DC1-Frankfurd", "did you mean DC1-Frankfurt?");
        Cli far = Cli.run("diagnose", "--bundle", HEALTHY.toString(), "--group", "zzz");
        assertThat(far.err()).contains("it has DC1-Frankfurt, DC2-Amsterdam");
        Cli app = Cli.run("diagnose", "--bundle", HEALTHY.toString(), "--app", "intranet.corp.example.co:443");
        assertThat(app.code()).isEqualTo(64);
        assertThat(app.err()).contains("did you mean intranet.corp.example.com?");
        Cli explain = Cli.run("rules", "explain", "ZPA-ENR-001", "--bundle", HEALTHY.toString(), "--group", "DC3");
        assertThat(explain.code()).isEqualTo(64);
    }

    @Test
    void aSnapshotDoesNotRecordANameTheTenantDoesNotHave() throws Exception {
        try (io.zpadoctor.fakeapi.FakeZpa fake = LiveEnv.server().tenant(io.zpadoctor.fakeapi.FakeTenant.generate(20, 5))
                .start()) {
            LiveEnv.use(LiveEnv.of(fake));
            Path out = tmp.resolve("snap");
            Cli r = Cli.run("snapshot", "--api", "--out", out.toString(), "--group", "DC1-Grup");
            assertThat(r.code()).isEqualTo(64);
            assertThat(r.err()).contains("--group DC1-Grup", "did you mean DC1-Group?");
            assertThat(out).doesNotExist();
        } finally {
            LiveEnv.reset();
        }
    }

    @Test
    void namesTheTenantCanMeanAreAccepted() {
        // the <key>-<n> naming, a known group, and case aside: these mean something in the tenant
        assertThat(Cli.run("diagnose", "--bundle", HEALTHY.toString(), "--connector", "dc1-acg-key-9",
                "--symptom", "not-enrolling").code()).isEqualTo(2);
        assertThat(Cli.run("diagnose", "--bundle", HEALTHY.toString(), "--connector", "fra-vm-7", "--group",
                "dc1-frankfurt", "--fail-on", "never").code()).isZero();
        assertThat(Cli.run("diagnose", "--bundle", HEALTHY.toString(), "--connector", "DC1-ACG-KEY-1").code())
                .isZero();
        // a host no segment covers, and near no segment's domain, is the finding ZPA-APP-001, not a typo
        Cli uncovered = Cli.run("diagnose", "--bundle", HEALTHY.toString(), "--app", "wiki.other.example.org:443",
                "--format", "json");
        assertThat(uncovered.code()).isEqualTo(2);
        assertThat(uncovered.out()).contains("ZPA-APP-001");
    }

    @Test
    void theOutputFileExtensionPicksTheFormatUnlessFormatIsGiven() throws Exception {
        Path json = tmp.resolve("r.json");
        assertThat(Cli.run("demo", "-o", json.toString()).code()).isZero();
        assertThat(new ObjectMapper().readTree(json.toFile()).get("schemaVersion").asInt()).isEqualTo(1);
        Path md = tmp.resolve("r.md");
        Cli.run("demo", "-o", md.toString());
        assertThat(Files.readString(md)).startsWith("# App Connector Troubleshooting Report");
        Path txt = tmp.resolve("r.txt");
        Cli.run("fleet", "--bundle", HEALTHY.toString(), "-o", txt.toString(), "--color=always");
        assertThat(Files.readString(txt)).doesNotStartWith("#").doesNotStartWith("{").doesNotContain("\u001b[");
        Path wins = tmp.resolve("w.json");
        Cli.run("demo", "--format", "markdown", "-o", wins.toString());
        assertThat(Files.readString(wins)).startsWith("# App Connector");
        Path other = tmp.resolve("r.out");
        Cli.run("demo", "-o", other.toString());
        assertThat(Files.readString(other)).as("no terminal, no known extension: markdown").startsWith("# App");
        for (Path p : List.of(json, md, txt, wins)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString())
                    .isEqualTo("rw-r--r--");
        }
        Path html = tmp.resolve("r.html");
        Cli h = Cli.run("diagnose", "--bundle", HEALTHY.toString(), "-o", html.toString());
        if (Arrays.stream(Format.values()).noneMatch(f -> f.name().equals("HTML"))) {
            assertThat(h.code()).isEqualTo(64);
            assertThat(h.err().lines().toList()).containsExactly("zpa-doctor: -o r.html asks for html, which"
                    + " zpa-doctor diagnose does not write; its formats: markdown, json, text (or give --format)");
            assertThat(html).doesNotExist();
        } else {
            assertThat(Files.readString(html)).containsIgnoringCase("<html");
        }
    }

    @Test
    void colourFollowsTheFlagThenNoColorAndDumbTerminals() {
        assertThat(Colors.enabled(Colors.When.AUTO, true, Map.of())).isTrue();
        assertThat(Colors.enabled(Colors.When.AUTO, false, Map.of())).isFalse();
        assertThat(Colors.enabled(Colors.When.AUTO, true, Map.of("NO_COLOR", "1"))).isFalse();
        assertThat(Colors.enabled(Colors.When.AUTO, true, Map.of("NO_COLOR", ""))).as("empty means unset").isTrue();
        assertThat(Colors.enabled(Colors.When.AUTO, true, Map.of("TERM", "dumb"))).isFalse();
        assertThat(Colors.enabled(Colors.When.ALWAYS, false, Map.of("NO_COLOR", "1"))).as("a flag wins").isTrue();
        assertThat(Colors.enabled(Colors.When.NEVER, true, Map.of())).isFalse();
        assertThat(Cli.run("demo", "--format", "text", "--color=always").out()).contains("\u001b[");
        assertThat(Cli.run("demo", "--format", "text", "--color", "never").out()).doesNotContain("\u001b[");
        assertThat(Cli.run("demo", "--format", "text", "--color=always", "--no-color").out()).doesNotContain("\u001b[");
        Cli bad = Cli.run("demo", "--color=sometimes");
        assertThat(bad.code()).isEqualTo(64);
        assertThat(bad.err()).contains("--color must be auto, always or never");
    }

    @Test
    void helpNeverBreaksAnExampleInTheMiddle() {
        CommandLine root = ZpaDoctor.commandLine(null);
        root.setUsageHelpWidth(55);   // picocli's narrowest, where wrapping would cut every long example
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        assertThat(all).hasSizeGreaterThan(12);
        int examples = 0;
        for (CommandLine c : all) {
            String usage = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
            List<String> lines = usage.lines().toList();
            for (String f : c.getCommandSpec().usageMessage().footer()) {
                if (f.strip().startsWith("zpa-doctor ") || f.strip().startsWith("source ")) {
                    examples++;
                    assertThat(lines).as(c.getCommandSpec().qualifiedName()).contains(f);
                }
            }
        }
        assertThat(examples).isGreaterThan(30);
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        c.getSubcommands().values().forEach(s -> collect(s, out));
    }

    @Test
    void bashSourcesTheCompletionScriptAndCompletesCommandsOptionsAndValues() throws Exception {
        Cli r = Cli.run("completion", "bash");
        assertThat(r.code()).isZero();
        Path script = tmp.resolve("zpa-doctor.bash");
        Files.writeString(script, r.out());
        assertThat(complete(script, "zpa-doctor", "dia")).isEqualTo("diagnose");
        assertThat(complete(script, "zpa-doctor", "diagnose", "--form")).isEqualTo("--format");
        assertThat(complete(script, "zpa-doctor", "fleet", "--format", "")).isEqualTo("markdown json text html");
        assertThat(complete(script, "zpa-doctor", "demo", "--symptom", "high-")).isEqualTo("high-cpu high-memory high-disk");
        assertThat(complete(script, "zpa-doctor", "rules", "l")).isEqualTo("list lint");
        assertThat(complete(script, "zpa-doctor", "completion", "")).isEqualTo("bash zsh fish");
        // zsh runs the same script through its bashcompinit (zsh itself is not on this machine)
        Cli zsh = Cli.run("completion", "zsh");
        assertThat(zsh.out()).isEqualTo(r.out()).contains("bashcompinit");
        Cli fish = Cli.run("completion", "fish");
        assertThat(fish.out()).contains("complete -c zpa-doctor -n '__fish_use_subcommand' -a diagnose -d",
                "complete -c zpa-doctor -n '__fish_seen_subcommand_from diagnose' -s f -l format -r -a 'markdown json text html'",
                "-n '__fish_seen_subcommand_from rules; and not __fish_seen_subcommand_from list lint test explain",
                "-l bundle -r -F");
        assertThat(Cli.run("completion", "tcsh").code()).isEqualTo(64);
    }

    /** What bash offers for the words typed so far (the last one being completed). */
    static String complete(Path script, String... words) throws Exception {
        StringBuilder w = new StringBuilder();
        for (String s : words) {
            w.append(" '").append(s).append("'");
        }
        String cmd = "source '" + script + "'; COMP_WORDS=(" + w + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}; _complete_zpa-doctor 2>/dev/null;"
                + " echo \"${COMPREPLY[*]}\"";
        Process p = new ProcessBuilder("bash", "--norc", "-c", cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    static String git(String... args) {
        try {
            List<String> cmd = new ArrayList<>(List.of("git"));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? out : null;
        } catch (Exception e) {
            return null;   // no git: the build says unknown, which the pattern above allows
        }
    }
}
