package io.zpadoctor.client.lss;

import io.zpadoctor.model.telemetry.MetricsRecord;
import io.zpadoctor.model.telemetry.SessionStatus;
import io.zpadoctor.model.telemetry.StatusRecord;
import io.zpadoctor.model.telemetry.TelemetryIntake;
import io.zpadoctor.model.telemetry.TelemetryRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Built from the App Connector Status example of Zscaler's help page, and Metrics records in the documented fields. */
class LssRecordParserTest {
    static final Path DIR = Path.of("src/test/resources/io/zpadoctor/client/lss");

    static List<TelemetryRecord> records(String file, List<TelemetryIntake> intake) throws IOException {
        List<TelemetryRecord> out = new ArrayList<>();
        intake.add(LssReader.read(DIR.resolve(file), "lss/" + file, out::add));
        return out;
    }

    @Test
    void theHelpPageStatusRecordIsReadFieldByField() throws IOException {
        List<TelemetryIntake> intake = new ArrayList<>();
        StatusRecord s = (StatusRecord) records("status-help-page.jsonl", intake).get(0);
        assertThat(s.at()).isEqualTo(Instant.parse("2019-07-03T05:17:22Z"));
        assertThat(s.connector()).isEqualTo("Seattle App Connector 1");
        assertThat(s.group()).isEqualTo("Azure App Connectors");
        assertThat(s.status()).isEqualTo(SessionStatus.AUTHENTICATED);
        assertThat(s.statusText()).isEqualTo("ZPN_STATUS_AUTHENTICATED");
        assertThat(s.cpuPercent()).isEqualTo(1);
        assertThat(s.memPercent()).isEqualTo(20);
        assertThat(s.version()).isEqualTo("19.20.3");
        assertThat(s.broker()).isEqualTo("US-NY-8179");
        assertThat(s.authenticatedAt()).isEqualTo(Instant.parse("2019-06-27T05:05:23.348Z"));
        assertThat(s.unauthenticatedAt()).isNull();
        assertThat(s.hostStartedAt()).isEqualTo(Instant.ofEpochSecond(1513229995));
        assertThat(s.connectorStartedAt()).isEqualTo(Instant.ofEpochSecond(1555920005));
        assertThat(s.source()).isEqualTo("lss/status-help-page.jsonl");
        assertThat(s.line()).isEqualTo(1);
        assertThat(intake.get(0).statusRecords()).isEqualTo(1);
        assertThat(intake.get(0).rejected()).isZero();
    }

    @Test
    void olderNamesUnprefixedStatusesIsoAndMicrosecondTimesAndNumbersAsStrings() throws IOException {
        List<TelemetryIntake> intake = new ArrayList<>();
        List<TelemetryRecord> r = records("status-variants.jsonl", intake);
        StatusRecord failed = (StatusRecord) r.get(0);
        assertThat(failed.status()).isEqualTo(SessionStatus.AUTH_FAILED);
        assertThat(failed.at()).isEqualTo(Instant.parse("2026-11-20T09:25:00Z"));
        assertThat(failed.unauthenticatedAt()).isEqualTo(Instant.ofEpochSecond(1763630700));
        assertThat(failed.authenticatedAt()).isNull();
        assertThat(failed.hostStartedAt()).isEqualTo(Instant.ofEpochSecond(1763000000));
        assertThat(failed.connectorStartedAt()).isEqualTo(Instant.ofEpochSecond(1763600000));
        assertThat(failed.cpuPercent()).isEqualTo(12);
        StatusRecord down = (StatusRecord) r.get(1);
        assertThat(down.status()).isEqualTo(SessionStatus.DISCONNECTED);
        assertThat(down.cpuPercent()).as("null is absent, not zero").isNull();
        assertThat(down.memPercent()).isNull();
    }

    @Test
    void metricsRecordsWithNumbersAsStringsOrNumbersAndADoubleSpacedDay() throws IOException {
        List<TelemetryIntake> intake = new ArrayList<>();
        List<TelemetryRecord> r = records("metrics.jsonl", intake);
        MetricsRecord m = (MetricsRecord) r.get(0);
        assertThat(m.cpuPercent()).isEqualTo(87);
        assertThat(m.systemMemPercent()).isEqualTo(64);
        assertThat(m.processMemPercent()).isEqualTo(22);
        assertThat(m.targetCount()).isEqualTo(9);
        assertThat(m.aliveTargetCount()).isEqualTo(7);
        assertThat(m.usedTcpPortsIpv4()).isEqualTo(1200);
        assertThat(m.availablePorts()).isEqualTo(27023);
        assertThat(m.systemMaxFds()).isEqualTo(960344L);
        assertThat(m.processUsedFds()).isEqualTo(122L);
        assertThat(m.availableDiskBytes()).isEqualTo(261886394368L);
        assertThat(m.activeToPublicSE()).isEqualTo(2);
        MetricsRecord pse = (MetricsRecord) r.get(1);
        assertThat(pse.at()).isEqualTo(Instant.parse("2022-05-06T11:40:00Z"));
        assertThat(pse.targetCount()).isNull();
        assertThat(intake.get(0).metricsRecords()).isEqualTo(2);
    }

    @Test
    void otherLogTypesAreUnknownAndBrokenLinesMalformedWithTheirLineNumbers() throws IOException {
        List<TelemetryIntake> intake = new ArrayList<>();
        assertThat(records("rejected.jsonl", intake)).isEmpty();
        TelemetryIntake i = intake.get(0);
        assertThat(i.unknownLines()).isEqualTo(1);       // a user's status record
        assertThat(i.malformedLines()).isEqualTo(7);     // bad values, no time, unclosed, an rsyslog line, a twice-named field
        assertThat(i.examples()).extracting(TelemetryIntake.Rejected::line).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(i.examples().get(0).reason()).contains("a user's record");
        assertThat(i.examples().get(1).reason()).contains("CPUUtilization \"eighty\" is not a number");
        assertThat(i.examples().get(2).reason()).contains("SystemMemoryUtilization 140 is not a percentage");
        assertThat(i.examples().get(3).reason()).contains("LogTimestamp \"yesterday\" is not a time");
        assertThat(i.examples().get(4).reason()).contains("LogTimestamp is missing");
    }

    @Test
    void gzipIsToldByItsBytesAndAnEndlessLineIsCutAndCounted() throws IOException {
        byte[] plain = Files.readAllBytes(DIR.resolve("metrics.jsonl"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write(plain);
            z.write(("{\"Connector\": \"" + "x".repeat(100_000) + "\"}\n").getBytes(StandardCharsets.US_ASCII));
            z.write(plain);
        }
        List<TelemetryRecord> out = new ArrayList<>();
        TelemetryIntake i = LssReader.read(new ByteArrayInputStream(gz.toByteArray()), "feed.log", out::add);
        assertThat(out).hasSize(4);
        assertThat(i.malformedLines()).isEqualTo(1);
        assertThat(i.examples().get(0).reason()).contains("longer than 65536 bytes");
        assertThat(out.get(3).line()).isEqualTo(5);
    }
}
