package io.zpadoctor.client.lss;

import io.zpadoctor.model.telemetry.TelemetryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LssTail} following a file as a log receiver writes it and logrotate rotates it, both ways: renamed and
 * recreated ({@code create}), and copied then truncated in place ({@code copytruncate}). Every record once, in order.
 */
class LssTailTest {
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @TempDir
    Path tmp;

    private static String line(int i) {
        return LssListenerTest.metrics(i);
    }

    private static void append(Path f, String text) throws IOException {
        Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    private static String lines(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(line(i));
        }
        return b.toString();
    }

    @Test
    void noRecordIsLostOrReadTwiceAcrossBothKindsOfRotation() throws Exception {
        Path log = tmp.resolve("connectors.json");
        List<TelemetryRecord> got = new CopyOnWriteArrayList<>();
        try (LssTail tail = LssTail.start(log, got::add)) {
            // not there yet: the tail waits for it
            Thread.sleep(250);
            String first = lines(0, 10);
            int cut = first.length() - 20;
            append(log, first.substring(0, cut));
            Thread.sleep(300);          // the tail reaches the end in the middle of a line and must wait for its rest
            append(log, first.substring(cut));
            LssListenerTest.awaitCount(got, 10);

            // create: lines still written to the old file before the move are read from it, then the new file
            append(log, lines(10, 15));
            Files.move(log, tmp.resolve("connectors.json.1"));
            Thread.sleep(300);          // moved away and not yet recreated: nothing is lost meanwhile
            append(log, lines(15, 20));
            LssListenerTest.awaitCount(got, 20);

            // copytruncate: the receiver keeps its file and appends at its new end, which is shorter than before
            append(log, lines(20, 25));
            LssListenerTest.awaitCount(got, 25);
            Files.copy(log, tmp.resolve("connectors.json.2"));
            try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
                ch.truncate(0);
            }
            append(log, lines(25, 28));
            LssListenerTest.awaitCount(got, 28);

            // copytruncate, then a burst longer than the old file before the tail looks again (it looks every 100 ms):
            // the size alone never shrank, but the bytes before the tail's position are no longer the ones it read
            Files.copy(log, tmp.resolve("connectors.json.3"));
            try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
                ch.truncate(0);
                ch.write(java.nio.ByteBuffer.wrap(lines(28, 40).getBytes(StandardCharsets.UTF_8)));
            }
            LssListenerTest.awaitCount(got, 40);

            Thread.sleep(500);          // time for a wrongly re-read file to show up as more records
            assertThat(got).extracting(r -> (int) Duration.between(T0, r.at()).getSeconds())
                    .containsExactlyElementsOf(IntStream.range(0, 40).boxed().toList());
            assertThat(tail.intake().records()).isEqualTo(40);
            assertThat(tail.intake().rejected()).as("no line was cut in two: %s", tail.intake().examples()).isZero();
        }
    }
}
