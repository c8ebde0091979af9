package io.zpadoctor.examples.watch;

import io.zpadoctor.client.lss.LssListener;
import io.zpadoctor.client.lss.LssReader;
import io.zpadoctor.examples.bench.SyntheticTelemetry;
import io.zpadoctor.examples.bench.SyntheticTenant;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.telemetry.TelemetryFeed;
import io.zpadoctor.report.FindingChange;
import io.zpadoctor.report.FindingChanges;
import io.zpadoctor.report.FleetWatch;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.FleetReport;
import org.junit.jupiter.api.Test;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hours of generated LSS records replayed at full speed over loopback TCP into the watch's receiver: every record is
 * taken, the watch ends where a one-shot diagnosis of the same records ends, its events replayed over its baseline
 * give that state, and records sent afterwards at a live pace each reach a diagnosis whose events go out (how soon
 * is measured by {@code WatchBenchmark} and reported, not asserted on a shared machine).
 */
class WatchLoopLssTest {
    private static final Diagnoser DOCTOR = Diagnoser.builder().build();

    @Test
    void recordsReplayedOverTcpEndWhereAOneShotDiagnosisOfThemEnds() throws Exception {
        SyntheticTenant.Generated g = SyntheticTenant.generate(1_000, 18);
        Instant start = SyntheticTenant.NOW.minus(Duration.ofHours(3));
        SyntheticTelemetry telemetry = SyntheticTelemetry.of(g.tenant(), start, Duration.ofHours(3), 18);
        List<String> lines = new ArrayList<>();
        telemetry.write(lines::add);
        lines.add("{\"LogTimestamp\":\"" + SyntheticTenant.NOW + "\",\"Connector\":\"x\",\"CPUUtilization\":\"high\"}");
        lines.add("{\"LogTimestamp\":\"" + SyntheticTenant.NOW + "\",\"Username\":\"someone\",\"SessionStatus\":\"x\"}");
        Facts tenant = Facts.builder().tenant(g.tenant()).evaluatedAt(SyntheticTenant.NOW, "test").build();

        List<String> baseline = new CopyOnWriteArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        List<FindingChange> changes = new CopyOnWriteArrayList<>();
        FleetWatch watch = new FleetWatch(DOCTOR);
        WatchLoop loop = new WatchLoop(watch, new WatchLoop.Sink() {
            @Override
            public void baseline(FleetReport report, String snapshotJson) {
                report.diagnosis().findings().forEach(f -> baseline.add(FindingChanges.key(f)));
                assertThat(snapshotJson).startsWith("{\"event\":\"snapshot\"");
            }

            @Override
            public void change(FindingChange change, String json) {
                changes.add(change);
            }
        }, null, Duration.ofMillis(250), true, problems::add);
        loop.tenant(tenant);
        loop.start();
        WebhookTest.waitFor(() -> loop.diagnoses() == 1, Duration.ofSeconds(30));

        long sent;
        List<String> more = new ArrayList<>();
        try (LssListener listener = LssListener.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, loop.records())) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), listener.port());
                 OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 16)) {
                for (String line : lines) {
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
            }
            WebhookTest.waitFor(() -> loop.recordsTaken() == lines.size() - 2L, Duration.ofSeconds(60));
            long burst = loop.takeMaxRecordToEventNanos();
            long slowest = loop.takeMaxDiagnosisNanos();
            // then at a live pace (every connector reports every five minutes: tens of records a second), each
            // record reaches a diagnosis whose events go out
            SyntheticTelemetry.of(g.tenant(), SyntheticTenant.NOW, Duration.ofHours(3), 19).write(l -> {
                if (more.size() < 200) {
                    more.add(l);
                }
            });
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), listener.port());
                 OutputStream out = s.getOutputStream()) {
                for (int i = 0; i < 200; i++) {
                    out.write((more.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(10);
                }
            }
            sent = lines.size() - 2L + 200;
            WebhookTest.waitFor(() -> loop.recordsTaken() == sent, Duration.ofSeconds(10));
            Thread.sleep(600);
            long paced = loop.takeMaxRecordToEventNanos();
            System.out.printf("LSS replay of %d records: slowest diagnosis %d ms, record to event %d ms in the burst,"
                    + " %d ms at a live pace%n", sent, slowest / 1_000_000, burst / 1_000_000, paced / 1_000_000);
            // a diagnosis took the paced records in and its events went out (0 or -1: none did); how soon is for
            // WatchBenchmark to measure and report, not for a test on a shared machine to assert
            assertThat(Duration.ofNanos(paced)).as("record to event of the paced records").isPositive();
            assertThat(listener.intake().records()).isEqualTo(sent);
            // the last two lines are refused after the records before them were taken: wait for them too
            WebhookTest.waitFor(() -> listener.intake().rejected() == 2, Duration.ofSeconds(10));
        }
        loop.close();
        assertThat(loop.failure()).isNull();
        assertThat(problems).isEmpty();
        assertThat(loop.recordsTaken()).isEqualTo(sent);
        assertThat(loop.diagnoses()).isGreaterThanOrEqualTo(2);

        TelemetryFeed feed = TelemetryFeed.empty();
        LssReader.read(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)), "replay",
                feed);
        LssReader.read(new ByteArrayInputStream(String.join("\n", more).getBytes(StandardCharsets.UTF_8)), "more",
                feed);
        FleetReport oneShot = DOCTOR.diagnoseFleet(tenant.toBuilder().telemetry(feed).build());
        Set<String> expected = oneShot.diagnosis().findings().stream().map(FindingChanges::key)
                .collect(Collectors.toSet());
        assertThat(watch.current().diagnosis().findings().stream().map(FindingChanges::key)
                .collect(Collectors.toSet())).isEqualTo(expected);
        Set<String> replayed = new HashSet<>(baseline);
        for (FindingChange c : changes) {
            if (c.kind() == FindingChange.Kind.OPENED) {
                assertThat(replayed.add(FindingChanges.key(c.finding()))).as("opened twice: %s", c).isTrue();
            } else if (c.kind() == FindingChange.Kind.RESOLVED) {
                assertThat(replayed.remove(FindingChanges.key(c.finding()))).as("resolved unopened: %s", c).isTrue();
            }
        }
        assertThat(replayed).isEqualTo(expected);

        // the injected faults are the only things the records may open, and each one the rules know opens
        // (by code only: the paced records come from another generator run, whose disk figures jump from the
        // replay's, so a disk trend may open at that seam; TelemetryEndToEndTest checks code and subject exactly)
        Set<String> faultCodes = telemetry.faults().stream().map(SyntheticTelemetry.Fault::code)
                .collect(Collectors.toSet());
        assertThat(changes).allSatisfy(c -> assertThat(faultCodes).contains(c.finding().code()));
        for (SyntheticTelemetry.Fault f : telemetry.faults()) {
            if (DOCTOR.catalog().entry(f.code()).isPresent()) {
                assertThat(changes).as("%s opened", f).anyMatch(c -> c.kind() == FindingChange.Kind.OPENED
                        && concerns(c.finding(), f));
                if (f.resolves() != null && f.resolves().isBefore(telemetry.end())) {
                    assertThat(changes).as("%s resolved", f).anyMatch(c -> c.kind() == FindingChange.Kind.RESOLVED
                            && concerns(c.finding(), f));
                }
            }
        }
    }

    private static boolean concerns(Finding finding, SyntheticTelemetry.Fault f) {
        return finding.code().equals(f.code()) && finding.concerns(f.subjectId());
    }
}
