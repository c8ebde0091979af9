package io.zpadoctor.client.lss;

import io.zpadoctor.model.telemetry.StatusRecord;
import io.zpadoctor.model.telemetry.TelemetryIntake;
import io.zpadoctor.model.telemetry.TelemetryRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lines whole within a read are parsed where they lie, lines cut by a read are carried over: both ways must give
 * the same records, rejections and line numbers, whatever the reads' sizes.
 */
class LssReaderChunkTest {
    private static byte[] feed() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String f : List.of("status-help-page.jsonl", "status-variants.jsonl", "metrics.jsonl", "rejected.jsonl")) {
            b.write(Files.readAllBytes(LssRecordParserTest.DIR.resolve(f)));
        }
        b.write("\r\n   \n{\"Connector\": \"".getBytes(StandardCharsets.US_ASCII));
        b.write("y".repeat(LssReader.MAX_LINE).getBytes(StandardCharsets.US_ASCII));
        b.write("\"}\n".getBytes(StandardCharsets.US_ASCII));
        // exactly MAX_LINE bytes: still a line (an unknown one), not cut
        String prefix = "{\"Username\": \"";
        b.write((prefix + "z".repeat(LssReader.MAX_LINE - prefix.length() - 2) + "\"}\n")
                .getBytes(StandardCharsets.US_ASCII));
        b.write(Files.readAllBytes(LssRecordParserTest.DIR.resolve("metrics.jsonl")));
        // no line break at the end: the last record still counts
        b.write(("{\"LogTimestamp\": \"Fri May  6 11:40:00 2022\",\"Connector\": \"last\",\"TargetCount\": 3}")
                .getBytes(StandardCharsets.US_ASCII));
        return b.toByteArray();
    }

    /** Hands out at most {@code step} bytes a read, so lines straddle reads everywhere. */
    private static InputStream dripping(byte[] b, int step) {
        return new ByteArrayInputStream(b) {
            @Override
            public synchronized int read(byte[] out, int off, int len) {
                return super.read(out, off, Math.min(len, step));
            }
        };
    }

    @Test
    void dripFedAndWholeReadsGiveTheSameRecordsAndRejections() throws IOException {
        byte[] b = feed();
        List<TelemetryRecord> whole = new ArrayList<>();
        TelemetryIntake w = LssReader.read(new ByteArrayInputStream(b), "feed", whole::add);
        assertThat(whole).isNotEmpty();
        assertThat(w.malformedLines()).isEqualTo(8);     // the 7 broken lines of rejected.jsonl and the long one
        assertThat(w.unknownLines()).isEqualTo(2);       // a user's record, and the MAX_LINE-byte one
        assertThat(whole.get(whole.size() - 1).connector()).isEqualTo("last");
        for (int step : new int[] {1, 7, 333, 4096, 65_535}) {
            List<TelemetryRecord> drip = new ArrayList<>();
            TelemetryIntake d = LssReader.read(dripping(b, step), "feed", drip::add);
            assertThat(drip).as("reads of %d bytes", step).isEqualTo(whole);
            assertThat(d).as("reads of %d bytes", step).isEqualTo(w);
        }
    }

    @Test
    void eachTimeFieldKeepsItsOwnLastParseSoAlternatingTimesStayRight() throws IOException {
        String a = "{\"LogTimestamp\": \"Wed Jul 3 05:17:22 2019\",\"Connector\": \"c\",\"SessionStatus\":"
                + " \"ZPN_STATUS_AUTHENTICATED\",\"TimestampAuthentication\": \"2019-06-27T05:05:23.348Z\"}\n";
        String b = "{\"LogTimestamp\": \"Wed Jul 3 05:17:22 2019\",\"Connector\": \"c\",\"SessionStatus\":"
                + " \"ZPN_STATUS_AUTHENTICATED\",\"TimestampAuthentication\": \"2019-07-01T00:00:00Z\","
                + "\"HostStartTime\": \"Wed Jul 3 05:17:22 2019\"}\n";
        List<TelemetryRecord> out = new ArrayList<>();
        LssReader.read(new ByteArrayInputStream((a + b + a).getBytes(StandardCharsets.US_ASCII)), "feed", out::add);
        assertThat(out).extracting(r -> ((StatusRecord) r).authenticatedAt()).containsExactly(
                Instant.parse("2019-06-27T05:05:23.348Z"), Instant.parse("2019-07-01T00:00:00Z"),
                Instant.parse("2019-06-27T05:05:23.348Z"));
        assertThat(out).extracting(TelemetryRecord::at).containsOnly(Instant.parse("2019-07-03T05:17:22Z"));
        assertThat(((StatusRecord) out.get(1)).hostStartedAt()).isEqualTo(Instant.parse("2019-07-03T05:17:22Z"));
        assertThat(((StatusRecord) out.get(2)).hostStartedAt()).isNull();
    }
}
