package io.zpadoctor.examples.watch;

import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.client.lss.LssListener;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.telemetry.TelemetryIntake;
import io.zpadoctor.report.FindingChange;
import io.zpadoctor.report.FleetWatch;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.FleetReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watch diagnoses its LSS sources' counts with their records, as a one-shot diagnosis does: lines it could not
 * use open ZPA-PRB-004 while it runs, clean records do not, and growing counts do not page on every diagnosis.
 */
class WatchIntakeTest {
    private static final String CLEAN = "{\"LogTimestamp\":\"2026-11-20T09:3%d:00Z\",\"Connector\":\"dc1-acg-key-1\","
            + "\"CPUUtilization\":\"12\",\"SystemMemoryUtilization\":\"40\"}";

    private final List<FindingChange> changes = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private WatchLoop loop;
    private LssListener listener;

    @AfterEach
    void stop() throws Exception {
        if (listener != null) {
            listener.close();
        }
        if (loop != null) {
            loop.close();
        }
    }

    @Test
    void malformedLinesArrivingDuringAWatchOpenPrb004() throws Exception {
        FleetWatch watch = start();
        send(String.format(CLEAN, 0), String.format(CLEAN, 1));
        WebhookTest.waitFor(() -> loop.recordsTaken() == 2, Duration.ofSeconds(20));
        send(String.format(CLEAN, 3).replace("\"12\"", "\"-7\""),
                "{\"LogTimestamp\":\"2026-11-20T09:33:00Z\",\"Username\":\"someone\",\"SessionStatus\":\"x\"}");
        // only rejected lines arrive now, no record: the counts alone must reach a diagnosis
        WebhookTest.waitFor(() -> changes.stream().anyMatch(c -> c.kind() == FindingChange.Kind.OPENED
                && c.finding().code().equals("ZPA-PRB-004")), Duration.ofSeconds(30));
        var prb = watch.current().diagnosis().findings("ZPA-PRB-004");
        assertThat(prb).singleElement().satisfies(f -> assertThat(f.rootCause())
                .contains("listener 127.0.0.1:" + listener.port(), "2 App Connector record(s)",
                        "1 line(s) of another log type", "1 line(s) that are not a valid record"));
        assertThat(problems).isEmpty();
    }

    @Test
    void cleanRecordsDuringAWatchDoNotOpenPrb004() throws Exception {
        FleetWatch watch = start();
        long before = loop.diagnoses();
        send(String.format(CLEAN, 0), String.format(CLEAN, 1), String.format(CLEAN, 2));
        WebhookTest.waitFor(() -> loop.recordsTaken() == 3 && loop.diagnoses() > before, Duration.ofSeconds(20));
        // a diagnosis after the records were taken saw the listener's counts, all clean
        long after = loop.diagnoses();
        WebhookTest.waitFor(() -> loop.diagnoses() > after || listener.intake().records() == 3, Duration.ofSeconds(5));
        assertThat(listener.intake().rejected()).isZero();
        assertThat(watch.current().diagnosis().findings("ZPA-PRB-004")).isEmpty();
        assertThat(changes).noneMatch(c -> c.finding().code().equals("ZPA-PRB-004"));
        assertThat(problems).isEmpty();
    }

    @Test
    void growingCountsReachTheDiagnosisAtOnceWhenNewAndThenAtMostEveryRefresh() {
        AtomicLong clock = new AtomicLong(1_000_000_000_000L);
        TelemetryIntake[] now = {intake(5, 0)};
        LiveIntakes live = new LiveIntakes(() -> List.of(now[0]), clock::get, Duration.ofMinutes(5));
        assertThat(live.refresh()).as("the first reading").isTrue();
        clock.addAndGet(1_000_000_000L);
        now[0] = intake(9, 0);
        assertThat(live.refresh()).as("more clean records change nothing the rules see").isFalse();
        now[0] = intake(9, 1);
        assertThat(live.refresh()).as("the counters are read at most every 100 ms").isFalse();
        clock.addAndGet(100_000_000L);
        assertThat(live.refresh()).as("a clean source that rejects a line: at once").isTrue();
        assertThat(live.shown()).containsExactly(intake(9, 1));
        clock.addAndGet(60_000_000_000L);
        now[0] = intake(20, 7);
        assertThat(live.refresh()).as("within five minutes of the last showing").isFalse();
        assertThat(live.shown()).containsExactly(intake(9, 1));
        clock.addAndGet(240_000_000_000L);
        assertThat(live.refresh()).as("five minutes on").isTrue();
        assertThat(live.shown()).containsExactly(intake(20, 7));
        clock.addAndGet(300_000_000_000L);
        assertThat(live.refresh()).as("nothing new in five minutes").isFalse();

        TelemetryIntake[] fresh = {intake(0, 0)};
        LiveIntakes first = new LiveIntakes(() -> List.of(fresh[0]), clock::get, Duration.ofMinutes(5));
        assertThat(first.refresh()).isTrue();
        clock.addAndGet(100_000_000L);
        fresh[0] = intake(3, 0);
        assertThat(first.refresh()).as("a source's first records: at once").isTrue();
    }

    private static TelemetryIntake intake(long records, long malformed) {
        return new TelemetryIntake("listener 127.0.0.1:5514", records, 0, 0, malformed, 0, List.of());
    }

    private FleetWatch start() throws Exception {
        Path healthy = Path.of(WatchIntakeTest.class.getResource("/io/zpadoctor/examples/demo/healthy").toURI());
        Facts tenant = BundleReader.read(healthy).toFacts();
        FleetWatch watch = new FleetWatch(Diagnoser.builder().build());
        List<LssListener> sources = new CopyOnWriteArrayList<>();
        loop = new WatchLoop(watch, new WatchLoop.Sink() {
            @Override
            public void baseline(FleetReport report, String snapshotJson) {
            }

            @Override
            public void change(FindingChange change, String json) {
                changes.add(change);
            }
        }, null, Duration.ofMillis(250), true, problems::add).intakes(() -> {
            List<TelemetryIntake> all = new ArrayList<>();
            sources.forEach(l -> all.add(l.intake()));
            return all;
        });
        loop.tenant(tenant);
        loop.start();
        WebhookTest.waitFor(() -> loop.diagnoses() == 1, Duration.ofSeconds(30));
        listener = LssListener.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, loop.records());
        sources.add(listener);
        return watch;
    }

    private void send(String... lines) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), listener.port());
             OutputStream o = s.getOutputStream()) {
            for (String l : lines) {
                o.write((l + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
