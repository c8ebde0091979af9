package io.zpadoctor.client.bundle;

import io.zpadoctor.model.telemetry.ConnectorTelemetry;
import io.zpadoctor.model.telemetry.TelemetryThresholds;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A bundle's lss/ folder: every file read line by line, in a folder or an archive. */
class LssInBundleTest {
    static final Path LSS = Path.of("src/test/resources/io/zpadoctor/client/lss");

    @TempDir
    Path tmp;

    @Test
    void aFolderBundleReadsEveryFileOfLss() throws Exception {
        Path b = tmp.resolve("b");
        Files.createDirectories(b.resolve("lss"));
        Files.copy(LSS.resolve("metrics.jsonl"), b.resolve("lss/metrics.jsonl"));
        Files.copy(LSS.resolve("rejected.jsonl"), b.resolve("lss/rejected.log"));
        Bundle bundle = BundleReader.read(b);
        assertThat(bundle.telemetry().intakes()).extracting(i -> i.source())
                .containsExactly("lss/metrics.jsonl", "lss/rejected.log");
        assertThat(bundle.telemetry().intakes().get(0).metricsRecords()).isEqualTo(2);
        assertThat(bundle.telemetry().intakes().get(1).malformedLines()).isEqualTo(7);
        ConnectorTelemetry t = bundle.telemetry().windows().summary("dc1-acg-key-1", TelemetryThresholds.DEFAULTS, 80);
        assertThat(t.availableDiskBytes()).isEqualTo(261886394368L);
        assertThat(bundle.toFacts().telemetry()).isSameAs(bundle.telemetry());
    }

    @Test
    void anArchiveReadsItsLssToo() throws Exception {
        Path a = tmp.resolve("b.tar.gz");
        byte[] lines = Files.readAllBytes(LSS.resolve("status-help-page.jsonl"));
        try (OutputStream f = Files.newOutputStream(a); GZIPOutputStream gz = new GZIPOutputStream(f);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            TarArchiveEntry e = new TarArchiveEntry("case-9/lss/status.jsonl");
            e.setSize(lines.length);
            tar.putArchiveEntry(e);
            tar.write(lines);
            tar.closeArchiveEntry();
        }
        Bundle bundle = BundleReader.read(a);
        assertThat(bundle.telemetry().intakes()).singleElement().satisfies(i -> {
            assertThat(i.source()).isEqualTo("lss/status.jsonl");
            assertThat(i.statusRecords()).isEqualTo(1);
        });
    }
}
