package io.zpadoctor.examples.watch;

import io.zpadoctor.examples.bench.SyntheticTenant;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.telemetry.MetricsRecord;
import io.zpadoctor.model.telemetry.TelemetryRecord;
import io.zpadoctor.report.FindingChange;
import io.zpadoctor.report.FleetWatch;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.FleetReport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Senders racing a loop whose queue is tiny, so that diagnoses keep reaching their bound of a queue's worth of
 * records: every record sent is taken in, none lost or left behind when the senders stop.
 */
class WatchLoopIntakeTest {
    @Test
    void everyRecordOfRacingSendersIsTakenInAndNoneIsLeftWhenTheyStop() throws Exception {
        SyntheticTenant.Generated g = SyntheticTenant.generate(1_000, 18);
        Facts tenant = Facts.builder().tenant(g.tenant()).evaluatedAt(SyntheticTenant.NOW, "test").build();
        List<String> problems = new CopyOnWriteArrayList<>();
        WatchLoop loop = new WatchLoop(new FleetWatch(Diagnoser.builder().build()), new WatchLoop.Sink() {
            @Override
            public void baseline(FleetReport report, String snapshotJson) {
            }

            @Override
            public void change(FindingChange change, String json) {
            }
        }, null, Duration.ofMillis(50), true, problems::add, 8);
        loop.tenant(tenant);
        loop.start();
        WebhookTest.waitFor(() -> loop.diagnoses() >= 1, Duration.ofSeconds(30));
        Consumer<TelemetryRecord> in = loop.records();
        Instant t0 = SyntheticTenant.NOW.minus(Duration.ofHours(1));
        int senders = 4;
        int each = 20_000;
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            Thread t = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    in.accept(new MetricsRecord(t0.plusSeconds(i / 10), "racer-" + sender + "-" + (i % 50), null,
                            10, 40, 10, null, 9, 9, 100, 27000, 1000L, 10L, 1000L, 10L, 2, 0, "test", i + 1));
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        WebhookTest.waitFor(() -> loop.recordsTaken() == (long) senders * each, Duration.ofSeconds(60));
        loop.close();
        assertThat(loop.recordsTaken()).isEqualTo((long) senders * each);
        assertThat(loop.failure()).isNull();
        assertThat(problems).isEmpty();
    }
}
