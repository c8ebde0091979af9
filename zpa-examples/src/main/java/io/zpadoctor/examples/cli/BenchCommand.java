package io.zpadoctor.examples.cli;

import io.zpadoctor.examples.bench.FleetBenchmark;
import io.zpadoctor.examples.bench.TelemetryBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = ZpaDoctor.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Time the tenant-wide diagnosis on generated tenants against a plain-Java loop doing the same"
                + " checks, and report heap use. Every run also checks that exactly the injected faults are found.",
        footerHeading = "%nExamples:%n",
        footer = {"  zpa-doctor bench",
                "  zpa-doctor bench --sizes 1000,10000 --runs 9",
                "  zpa-doctor bench --lss 10000                 # LSS records/s and heap over 3 simulated hours",
                "",
                "The launcher runs bench with -Xmx1g -XX:+UseParallelGC (override with ZPA_DOCTOR_JAVA_OPTS)."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--sizes", paramLabel = "N,N,...", split = ",", defaultValue = "1000,10000,100000",
            description = "Tenant sizes in connectors (default ${DEFAULT-VALUE}).")
    int[] sizes;

    @Option(names = "--runs", defaultValue = "7", description = "Timed rounds per size (default ${DEFAULT-VALUE}):"
            + " each times 3 back-to-back runs of the diagnosis and of the floor, then one of each from flushed"
            + " caches.")
    int runs;

    @Option(names = "--warmup", defaultValue = "5", description = "Untimed runs per size first, at least"
            + " (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--warmup-seconds", defaultValue = "8", description = "And untimed runs until this long has"
            + " passed, so the JIT has compiled the rules' code (default ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--lss", paramLabel = "CONNECTORS", description = "Instead, time Log Streaming Service"
            + " ingestion: hours of generated records (--lss-hours) for a tenant of this many connectors, read into"
            + " the windows, heap after GC every simulated half hour, then one fleet diagnosis with them.")
    Integer lssConnectors;

    @Option(names = "--lss-hours", defaultValue = "3", description = "Simulated hours of records for --lss, 3 to 12"
            + " (default ${DEFAULT-VALUE}).")
    int lssHours;

    @Override
    public Integer call() {
        if (lssConnectors != null) {
            if (lssConnectors < 1000 || lssConnectors > 200_000 || lssHours < 3 || lssHours > 12) {
                throw new CliException(ExitCodes.USAGE, "--lss takes 1,000 to 200,000 connectors, --lss-hours 3 to 12");
            }
            System.err.printf("zpa-doctor bench --lss: heap limit %,d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
            TelemetryBenchmark.print(TelemetryBenchmark.run(lssConnectors, java.time.Duration.ofHours(lssHours), seed,
                    System.err), System.out);
            return ExitCodes.OK;
        }
        if (runs < 1 || warmup < 0 || warmupSeconds < 0 || Arrays.stream(sizes).anyMatch(s -> s < 10 || s > 2_000_000)) {
            throw new CliException(ExitCodes.USAGE, "--runs must be at least 1 and --sizes between 10 and 2,000,000");
        }
        System.err.printf("zpa-doctor bench: at least %d warm-up runs and %.0f s per size, then %d timed rounds;"
                + " heap limit %,d MiB%n", warmup, warmupSeconds, runs, Runtime.getRuntime().maxMemory() >> 20);
        FleetBenchmark.print(FleetBenchmark.run(sizes, warmup, (long) (warmupSeconds * 1e9), runs, seed, System.err),
                System.out);
        return ExitCodes.OK;
    }
}
