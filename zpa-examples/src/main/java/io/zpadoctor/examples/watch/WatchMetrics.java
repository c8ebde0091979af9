package io.zpadoctor.examples.watch;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.telemetry.TelemetryIntake;
import io.zpadoctor.rules.FleetReport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The watch's figures for Prometheus, drawn from the same fleet report the events come from: findings open by code
 * and severity, connectors by status, LSS records taken and refused, the last API poll, webhook deliveries, and how
 * long each diagnosis took. Served on a loopback address only: the page names connectors' findings.
 */
public final class WatchMetrics implements AutoCloseable {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private volatile FleetReport latest;
    private final Counter events;
    private final Counter polls;
    private final Gauge lastPoll;
    private final Gauge lastPollDuration;
    private final Counter webhookDelivered;
    private final Counter webhookFailed;
    private final Counter webhookDropped;
    private final Histogram diagnosis;
    private final Gauge recordToEvent;
    private HTTPServer server;

    /** @param intakes what every LSS source has taken so far (read at each scrape) */
    public WatchMetrics(Supplier<List<TelemetryIntake>> intakes) {
        GaugeWithCallback.builder().name("zpa_doctor_findings_open")
                .help("Findings open now, by code and severity (suppressed ones included)")
                .labelNames("code", "severity").callback(cb -> {
                    FleetReport r = latest;
                    if (r == null) {
                        return;
                    }
                    Map<String, Integer> counts = new TreeMap<>();
                    for (Finding f : r.diagnosis().findings()) {
                        counts.merge(f.code() + "\u0000" + f.severity().name(), 1, Integer::sum);
                    }
                    counts.forEach((k, n) -> cb.call(n, k.split("\u0000")));
                }).register(registry);
        GaugeWithCallback.builder().name("zpa_doctor_connectors")
                .help("Connectors of the tenant by control-channel status").labelNames("status").callback(cb -> {
                    FleetReport r = latest;
                    if (r != null) {
                        r.statuses().forEach((status, n) -> cb.call(n, status));
                    }
                }).register(registry);
        CounterWithCallback.builder().name("zpa_doctor_lss_records")
                .help("LSS records taken (status and metrics)").callback(cb -> cb.call(
                        intakes.get().stream().mapToLong(TelemetryIntake::records).sum())).register(registry);
        CounterWithCallback.builder().name("zpa_doctor_lss_rejected")
                .help("LSS lines refused: another log type, or malformed").labelNames("kind").callback(cb -> {
                    List<TelemetryIntake> all = intakes.get();
                    cb.call(all.stream().mapToLong(TelemetryIntake::unknownLines).sum(), "unknown");
                    cb.call(all.stream().mapToLong(TelemetryIntake::malformedLines).sum(), "malformed");
                }).register(registry);
        events = Counter.builder().name("zpa_doctor_events").help("Events printed, by kind")
                .labelNames("event").register(registry);
        polls = Counter.builder().name("zpa_doctor_api_polls").help("API polls of the tenant, by outcome")
                .labelNames("outcome").register(registry);
        lastPoll = Gauge.builder().name("zpa_doctor_last_poll_timestamp_seconds")
                .help("When the last successful poll or bundle read ended (Unix time)").register(registry);
        lastPollDuration = Gauge.builder().name("zpa_doctor_last_poll_duration_seconds")
                .help("How long the last successful poll or bundle read took").register(registry);
        webhookDelivered = Counter.builder().name("zpa_doctor_webhook_deliveries")
                .help("Webhook messages delivered").register(registry);
        webhookFailed = Counter.builder().name("zpa_doctor_webhook_failures")
                .help("Webhook posts that failed (each is retried)").register(registry);
        webhookDropped = Counter.builder().name("zpa_doctor_webhook_dropped")
                .help("Webhook messages dropped, oldest first, because the queue was full").register(registry);
        diagnosis = Histogram.builder().name("zpa_doctor_diagnosis_duration_seconds")
                .help("Time of each tenant-wide diagnosis").classicOnly()
                .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5).register(registry);
        recordToEvent = Gauge.builder().name("zpa_doctor_record_to_diagnosis_seconds")
                .help("For the last diagnosis: from the oldest LSS record it took in to its end").register(registry);
    }

    /** Serves {@code /metrics} on {@code address}, which must be a loopback address. */
    public void serve(InetSocketAddress address) throws IOException {
        InetAddress a = address.getAddress();
        if (a == null || !a.isLoopbackAddress()) {
            throw new IllegalArgumentException("the metrics page is served on a loopback address only (127.0.0.1"
                    + " or ::1), not " + address.getHostString());
        }
        server = HTTPServer.builder().inetAddress(a).port(address.getPort()).registry(registry).buildAndStart();
    }

    public int port() {
        return server == null ? -1 : server.getPort();
    }

    void diagnosed(FleetReport r, long nanos, long recordToEventNanos) {
        latest = r;
        diagnosis.observe(nanos / 1e9);
        if (recordToEventNanos >= 0) {
            recordToEvent.set(recordToEventNanos / 1e9);
        }
    }

    public void event(String kind) {
        events.labelValues(kind).inc();
    }

    void polled(boolean ok, double endEpochSeconds, double seconds) {
        polls.labelValues(ok ? "ok" : "failed").inc();
        if (ok) {
            lastPoll.set(endEpochSeconds);
            lastPollDuration.set(seconds);
        }
    }

    public Webhook.Listener webhookListener(java.util.function.Consumer<String> log) {
        return new Webhook.Listener() {
            @Override
            public void delivered() {
                webhookDelivered.inc();
            }

            @Override
            public void failed(String why) {
                webhookFailed.inc();
                log.accept("webhook post failed (" + why + "); retrying with backoff");
            }

            @Override
            public void dropped(long total) {
                webhookDropped.inc();
                if (Long.bitCount(total) == 1) {     // 1, 2, 4, 8...: said often enough, never a flood
                    log.accept("webhook queue full: dropped the oldest message (" + total + " so far)");
                }
            }
        };
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }
}
