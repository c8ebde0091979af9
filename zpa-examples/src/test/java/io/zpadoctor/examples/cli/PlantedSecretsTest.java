package io.zpadoctor.examples.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty secrets planted in every place an input can carry one (case.json, API names and free fields, key strings
 * with stray spaces, journal lines, process command lines, resolver and TLS output, the config file, a management
 * API URL's user part), then every command and format run over them: no secret may appear in standard output,
 * standard error or a written report.
 */
class PlantedSecretsTest {
    @TempDir
    static Path tmp;
    static List<String> SECRETS;
    static Path bundle;
    static Path config;
    static SecretPlants plants;

    @BeforeAll
    static void plant() throws IOException {
        plants = SecretPlants.in(tmp);
        SECRETS = plants.secrets;
        bundle = plants.bundle;
        config = plants.config;
    }

    private static void noSecretIn(String what, String text) {
        for (String s : SECRETS) {
            assertThat(text).as("%s leaks planted secret %s", what, s).doesNotContain(s);
        }
    }

    @Test
    void fiftySecretsArePlanted() {
        assertThat(SECRETS).hasSizeGreaterThanOrEqualTo(50).doesNotHaveDuplicates();
    }

    @Test
    void noFormatOfDiagnoseOrFleetCarriesOne() throws IOException {
        for (String command : new String[] {"diagnose", "fleet"}) {
            for (String format : new String[] {"json", "markdown", "text"}) {
                Cli r = Cli.run(command, "--bundle", bundle.toString(), "--format", format, "--config", config.toString());
                assertThat(r.code()).as("%s %s: %s", command, format, r.err()).isBetween(0, 3);
                noSecretIn(command + " " + format + " stdout", r.out());
                noSecretIn(command + " " + format + " stderr", r.err());
                Path file = tmp.resolve(command + "." + format);
                Cli o = Cli.run(command, "--bundle", bundle.toString(), "--format", format, "-o", file.toString(),
                        "--config", config.toString());
                assertThat(o.code()).isBetween(0, 3);
                noSecretIn(command + " " + format + " -o file", Files.readString(file, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void explainAndErrorsCarryNone() throws IOException {
        Cli explain = Cli.run("rules", "explain", "ZPA-CON-006", "--bundle", bundle.toString());
        noSecretIn("rules explain", explain.out() + explain.err());
        // a management API URL with a password in its user part, refused as unsafe: the error line names it
        Path bad = tmp.resolve("bad-url");
        Files.createDirectories(bad);
        String pw = plants.secret();
        Files.writeString(bad.resolve("case.json"), "{\"managementApi\": \"ftp://admin:" + pw + "@config.private.zscaler.com/x\"}");
        Cli r = Cli.run("diagnose", "--bundle", bad.toString());
        assertThat(r.code()).isEqualTo(65);
        noSecretIn("a refused case.json", r.out() + r.err());
    }
}
