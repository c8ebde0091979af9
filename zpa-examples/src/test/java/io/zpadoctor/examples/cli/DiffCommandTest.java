package io.zpadoctor.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DiffCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aDisconnectBetweenTwoFleetReportsIsOpenedAndTheExitCodeSaysHowBad() throws Exception {
        Path bundle = WatchProcessTest.copyDemo("healthy", tmp.resolve("b"));
        Path connectors = bundle.resolve("api/connectors.json");
        String up = Files.readString(connectors);
        Path before = tmp.resolve("before.json");
        Path after = tmp.resolve("after.json");
        assertThat(Cli.run("fleet", "--bundle", bundle.toString(), "--no-config", "--format", "json",
                "-o", before.toString()).code()).isZero();
        Files.writeString(connectors, up.replaceFirst("ZPN_STATUS_AUTHENTICATED", "ZPN_STATUS_DISCONNECTED"));
        Cli.run("fleet", "--bundle", bundle.toString(), "--no-config", "--format", "json", "-o", after.toString());

        Cli worse = Cli.run("diff", before.toString(), after.toString());
        assertThat(worse.code()).isEqualTo(2);
        assertThat(worse.out()).contains("+ opened   CRITICAL ZPA-CON-001 connector");

        Cli json = Cli.run("diff", before.toString(), after.toString(), "--format", "json");
        assertThat(json.out().lines()).allMatch(l -> l.startsWith("{\"event\":\"")).anyMatch(l ->
                l.startsWith("{\"event\":\"opened\"") && l.contains("\"code\":\"ZPA-CON-001\""));

        Cli better = Cli.run("diff", after.toString(), before.toString());
        assertThat(better.code()).isZero();
        assertThat(better.out()).contains("- resolved CRITICAL ZPA-CON-001");

        Cli same = Cli.run("diff", before.toString(), before.toString());
        assertThat(same.code()).isZero();
        assertThat(same.out()).isEqualTo("No finding opened, resolved or changed." + System.lineSeparator());
    }

    @Test
    void aFileThatIsNotAReportIsNamedWithWhatWasExpected() throws Exception {
        Path report = tmp.resolve("r.json");
        Files.writeString(report, "{\"schemaVersion\":1,\"evaluatedAt\":\"2026-12-07T00:00:00Z\",\"findings\":[]}");
        Path bundleJson = tmp.resolve("connectors.json");
        Files.writeString(bundleJson, "[{\"totalPages\":\"1\",\"list\":[]}]");

        Cli wrong = Cli.run("diff", report.toString(), bundleJson.toString());
        assertThat(wrong.code()).isEqualTo(65);
        assertThat(wrong.err()).startsWith("zpa-doctor: " + bundleJson + ": expected a zpa-doctor JSON report");

        Cli missing = Cli.run("diff", tmp.resolve("nope.json").toString(), report.toString());
        assertThat(missing.code()).isEqualTo(74);
        assertThat(missing.err()).contains("nope.json: no such file");

        assertThat(Cli.run("diff", report.toString(), report.toString(), "--format", "xml").code()).isEqualTo(64);
    }
}
