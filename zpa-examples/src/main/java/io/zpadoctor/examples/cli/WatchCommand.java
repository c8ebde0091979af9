package io.zpadoctor.examples.cli;

import io.zpadoctor.client.api.TenantRead;
import io.zpadoctor.client.api.ZpaApiConfig;
import io.zpadoctor.client.api.ZpaClient;
import io.zpadoctor.client.bundle.Bundle;
import io.zpadoctor.client.lss.LssListener;
import io.zpadoctor.client.lss.LssTail;
import io.zpadoctor.examples.watch.TenantSource;
import io.zpadoctor.examples.watch.WatchLoop;
import io.zpadoctor.examples.watch.WatchMetrics;
import io.zpadoctor.examples.watch.Webhook;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.telemetry.TelemetryIntake;
import io.zpadoctor.report.FindingChange;
import io.zpadoctor.report.FindingChanges;
import io.zpadoctor.report.FleetWatch;
import io.zpadoctor.rules.FleetReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "watch", mixinStandardHelpOptions = true, versionProvider = ZpaDoctor.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Keep watching a tenant: re-diagnose it whenever the bundle changes, an API poll comes back or"
                + " a batch of LSS records arrives, and print one JSON line per finding that opens, resolves or"
                + " changes. Optionally post them to a chat webhook and serve Prometheus metrics.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  zpa-doctor watch --bundle ./snapshot --lss /var/log/lss/connectors.json",
                "  zpa-doctor watch --api --interval 5m --lss-listen 0.0.0.0:5514 \\",
                "      --webhook \"$SLACK_WEBHOOK\" --metrics 127.0.0.1:9464",
                "",
                "Events on standard output, one JSON object per line: first {\"event\":\"snapshot\",...} with what",
                "is open when the watch starts, then {\"event\":\"opened|resolved|changed\",\"at\":...,\"finding\":{...}}.",
                "SIGTERM or SIGINT: stop listening, diagnose what arrived, flush events and the webhook (5 s), exit 0.",
                "Exit codes: 0 stopped by a signal, 64 usage error, 65 unreadable bundle, 69 the API failed at start,",
                "70 internal error."})
final class WatchCommand implements Callable<Integer> {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,7})\\s*(ms|s|m|h)?");
    private static final Pattern HOST_PORT = Pattern.compile("(.+):(\\d{1,5})");

    @Spec
    CommandSpec spec;

    @Option(names = {"-b", "--bundle"}, paramLabel = "PATH",
            description = "A bundle (folder, .tar.gz or .zip) read again whenever a file in it changes.")
    Path bundle;

    @Mixin
    ApiOptions api = new ApiOptions();

    @Option(names = "--interval", paramLabel = "DURATION", description = "How often to poll the API (default 5m,"
            + " at least 60s: the API allows 20 GET per 10 s and a watch takes at most half) or check the bundle"
            + " for changes (default 2s). 90s, 5m, 1h; a bare number is seconds.")
    String interval;

    @Option(names = "--lss", paramLabel = "FILE", description = "A file an LSS log receiver appends to: read from"
            + " the start, then followed (rotation included). Repeatable.")
    List<Path> lssFiles = new ArrayList<>();

    @Option(names = "--lss-listen", paramLabel = "HOST:PORT",
            description = "Be the LSS log receiver: take App Connector Status and Metrics records over TCP.")
    String lssListen;

    @Option(names = "--webhook", paramLabel = "URL", description = "Post each event to this chat webhook"
            + " ({\"text\": ...}, as Slack takes it). Also ZPA_DOCTOR_WEBHOOK, which keeps the URL's token out of"
            + " the process list.")
    String webhook;

    @Option(names = "--metrics", paramLabel = "HOST:PORT",
            description = "Serve Prometheus metrics at http://HOST:PORT/metrics; HOST must be a loopback address.")
    String metricsAddress;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Override
    public Integer call() throws Exception {
        if (api.api == (bundle != null)) {
            throw new ParameterException(spec.commandLine(), api.api
                    ? "--bundle and --api are alternatives: the tenant comes from one or the other"
                    : "Missing required option: '--bundle=PATH' (or --api to read the live tenant)");
        }
        Duration every = interval == null ? (api.api ? Duration.ofMinutes(5) : Duration.ofSeconds(2))
                : duration(interval);
        Duration floor = TenantSource.minApiInterval();
        if (api.api && every.compareTo(floor) < 0) {
            throw new CliException(ExitCodes.USAGE, "--interval " + interval + " is too short for --api: at least "
                    + floor.toSeconds() + "s, so that a watch keeps within half of the ZPA"
                    + " API's 20 GET requests per 10 s");
        }
        InetSocketAddress listen = lssListen == null ? null : address("--lss-listen", lssListen);
        InetSocketAddress metricsAt = metricsAddress == null ? null : address("--metrics", metricsAddress);
        if (metricsAt != null && (metricsAt.getAddress() == null || !metricsAt.getAddress().isLoopbackAddress())) {
            throw new CliException(ExitCodes.USAGE, "--metrics must be a loopback address (127.0.0.1:PORT or"
                    + " [::1]:PORT): the page names the tenant's connectors and findings");
        }
        String hook = webhook != null ? webhook : ApiOptions.env().get("ZPA_DOCTOR_WEBHOOK");
        URI hookUri = null;
        if (hook != null && !hook.isBlank()) {
            try {
                hookUri = URI.create(hook.strip());
                if (hookUri.getHost() == null || !List.of("http", "https").contains(
                        String.valueOf(hookUri.getScheme()).toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, "--webhook must be an http(s) URL with a host");
            }
        }

        // the tenant first: a wrong path or credentials end the run now, not in the middle of the night
        Facts first;
        ZpaApiConfig config = null;
        if (api.api) {
            config = api.config();
            TenantRead read;
            try (ZpaClient zpa = ZpaClient.create(config)) {
                read = ApiOptions.read(zpa);
            }
            first = Bundle.fromApi(config, read).withCollectedAt(null).toFacts();
        } else {
            first = BundleArgs.read(bundle).toFacts();
        }

        PrintStream out = System.out;
        PrintStream err = System.err;
        java.util.function.Consumer<String> log = m -> err.println("zpa-doctor watch: " + m);
        List<LssTail> tails = new java.util.concurrent.CopyOnWriteArrayList<>();
        // read by the loop and the metrics threads: published through the reference
        java.util.concurrent.atomic.AtomicReference<LssListener> listener = new java.util.concurrent.atomic.AtomicReference<>();
        // tails and the listener start after the loop: read through the holders, from the loop and the metrics
        java.util.function.Supplier<List<TelemetryIntake>> intakes = () -> {
            List<TelemetryIntake> all = new ArrayList<>();
            for (LssTail t : List.copyOf(tails)) {
                all.add(t.intake());
            }
            LssListener l = listener.get();
            if (l != null) {
                all.add(l.intake());
            }
            return all;
        };
        WatchMetrics metrics = new WatchMetrics(intakes);
        Webhook hooked = hookUri == null ? null : new Webhook(hookUri, 1000, Duration.ofMillis(500),
                Duration.ofSeconds(60), metrics.webhookListener(log));
        WatchLoop.Sink sink = new WatchLoop.Sink() {
            @Override
            public void baseline(FleetReport report, String snapshotJson) {
                out.println(snapshotJson);
                metrics.event("snapshot");
                if (hooked != null) {
                    hooked.offer(baselineText(report));
                }
            }

            @Override
            public void change(FindingChange change, String json) {
                out.println(json);
                metrics.event(change.kind().label());
                if (hooked != null) {
                    hooked.offer(FindingChanges.toText(change));
                }
            }
        };
        boolean live = listen != null || !lssFiles.isEmpty();
        WatchLoop loop = new WatchLoop(new FleetWatch(engine.diagnoser()), sink, metrics, Duration.ofMillis(250), live,
                log).intakes(intakes);
        loop.tenant(first);
        loop.start();

        CountDownLatch stop = new CountDownLatch(1);
        Signals.onTermination(stop::countDown);
        TenantSource source = null;
        try {
            if (metricsAt != null) {
                try {
                    metrics.serve(metricsAt);
                } catch (IOException e) {
                    throw new CliException(ExitCodes.USAGE, "--metrics " + metricsAddress + ": cannot listen: "
                            + e.getMessage());
                }
                log.accept("metrics on http://" + metricsAt.getHostString() + ":" + metrics.port() + "/metrics");
            }
            if (listen != null) {
                try {
                    listener.set(LssListener.start(listen, null, loop.records()));
                } catch (IOException e) {
                    throw new CliException(ExitCodes.USAGE, "--lss-listen " + lssListen + ": " + e.getMessage());
                }
                log.accept("LSS receiver on " + listen.getHostString() + ":" + listener.get().port());
            }
            for (Path f : lssFiles) {
                tails.add(LssTail.start(f, loop.records()));
            }
            source = api.api ? TenantSource.api(config, every, loop::tenant, log, metrics)
                    : TenantSource.bundle(bundle, every, loop::tenant, log, metrics);
            source.start();
            log.accept("watching " + first.origin() + (hooked == null ? "" : "; webhook to " + hooked.host()));
            while (!stop.await(1, TimeUnit.SECONDS)) {
                if (loop.failure() != null) {
                    throw new IllegalStateException("the watch loop failed", loop.failure());
                }
            }
            log.accept("stopping");
        } finally {
            if (listener.get() != null) {
                listener.get().close();
            }
            tails.forEach(LssTail::close);
            if (source != null) {
                source.close();
            }
            loop.close();
            out.flush();
            if (hooked != null) {
                hooked.close(Duration.ofSeconds(5));
                if (hooked.pending() > 0) {
                    log.accept(hooked.pending() + " webhook message(s) not delivered before stopping");
                }
            }
            metrics.close();
        }
        return ExitCodes.OK;
    }

    static String baselineText(FleetReport r) {
        long critical = r.diagnosis().findings().stream()
                .filter(f -> f.severity() == io.zpadoctor.model.finding.Severity.CRITICAL).count();
        long warning = r.diagnosis().findings().stream()
                .filter(f -> f.severity() == io.zpadoctor.model.finding.Severity.WARNING).count();
        return "zpa-doctor watch started: " + r.connectors() + " connectors, " + r.diagnosis().findings().size()
                + " findings open (" + critical + " critical, " + warning + " warning)";
    }

    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CliException(ExitCodes.USAGE, "--interval must look like 90s, 5m or 1h, not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.compareTo(Duration.ofMillis(100)) < 0 || d.compareTo(Duration.ofDays(1)) > 0) {
            throw new CliException(ExitCodes.USAGE, "--interval must be between 100ms and 24h, not '" + text + "'");
        }
        return d;
    }

    static InetSocketAddress address(String option, String text) {
        Matcher m = HOST_PORT.matcher(text.strip());
        if (!m.matches() || Integer.parseInt(m.group(2)) > 65535) {
            throw new CliException(ExitCodes.USAGE, option + " must be HOST:PORT, like 127.0.0.1:9464, not '"
                    + text + "'");
        }
        String host = m.group(1).replaceAll("^\\[(.*)]$", "$1");
        InetSocketAddress a = new InetSocketAddress(host, Integer.parseInt(m.group(2)));
        if (a.isUnresolved()) {
            throw new CliException(ExitCodes.USAGE, option + ": cannot resolve host '" + host + "'");
        }
        return a;
    }
}
