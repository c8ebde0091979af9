package io.zpadoctor.examples.bench;

import io.zpadoctor.client.lss.LssReader;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.Severity;
import io.zpadoctor.model.telemetry.TelemetryFeed;
import io.zpadoctor.model.telemetry.TelemetryIntake;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.FleetReport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done means": a generated tenant plus generated LSS records with injected resource faults, read by the
 * real LSS reader round by round, diagnosed by the real rules before and at each fault's planned opening and
 * resolution. At every point the findings are exactly the tenant's own plus the faults due then: each injected
 * fault opens when planned, each that ends resolves when planned, and nothing else appears at any severity.
 */
class TelemetryEndToEndTest {
    private static final Instant START = SyntheticTenant.NOW.minus(Duration.ofHours(4));

    @Test
    void everyInjectedFaultOpensAndResolvesWhenPlannedAndNothingElseAppears() throws Exception {
        SyntheticTenant.Generated g = SyntheticTenant.generate(1_000, 17);
        SyntheticTelemetry tel = SyntheticTelemetry.of(g.tenant(), START, Duration.ofHours(4), 5);
        List<String> lines = new ArrayList<>();
        tel.write(lines::add);
        int perRound = 2 * tel.reportingConnectors();
        assertThat(lines).hasSize(perRound * 48);

        // before and at each planned change, so a fault opening or resolving one round early or late fails
        TreeMap<Instant, Boolean> checks = new TreeMap<>();
        for (SyntheticTelemetry.Fault f : tel.faults()) {
            checks.put(f.opens().minus(SyntheticTelemetry.CADENCE), true);
            checks.put(f.opens(), true);
            if (f.resolves() != null) {
                checks.put(f.resolves().minus(SyntheticTelemetry.CADENCE), true);
                checks.put(f.resolves(), true);
            }
        }
        checks.put(tel.end().minus(SyntheticTelemetry.CADENCE), true);

        Diagnoser doctor = Diagnoser.builder().build();
        Diagnoser sharded = Diagnoser.builder().partitioning(0, 50, false).build();
        TelemetryFeed feed = TelemetryFeed.empty();
        int fed = 0;
        int round = 0;
        List<String> mismatches = new ArrayList<>();
        for (Instant at : checks.keySet()) {
            int upTo = (int) (Duration.between(START, at).toMinutes() / SyntheticTelemetry.CADENCE.toMinutes()) + 1;
            for (; round < upTo; round++) {
                String chunk = String.join("\n", lines.subList(round * perRound, (round + 1) * perRound)) + "\n";
                TelemetryIntake i = LssReader.read(new ByteArrayInputStream(chunk.getBytes(StandardCharsets.UTF_8)),
                        "lss/round-" + round + ".jsonl", feed);
                assertThat(i.rejected()).as("round %d: every generated line is a record", round).isZero();
                fed++;
            }
            Facts facts = Facts.builder().tenant(g.tenant()).evaluatedAt(SyntheticTenant.NOW, "generated")
                    .telemetry(feed).build();
            FleetReport fleet = doctor.diagnoseFleet(facts);
            Set<SyntheticTenant.Expected> want = new TreeSet<>(g.expected());
            for (SyntheticTelemetry.Fault f : tel.faults()) {
                if (f.openAt(at)) {
                    want.add(new SyntheticTenant.Expected(f.code(), f.subjectId()));
                }
            }
            Set<SyntheticTenant.Expected> got = SyntheticTenantTest.found(fleet);
            if (!got.equals(want)) {
                Set<SyntheticTenant.Expected> extra = new TreeSet<>(got);
                extra.removeAll(want);
                Set<SyntheticTenant.Expected> missing = new TreeSet<>(want);
                missing.removeAll(got);
                mismatches.add(at + ": unexpected " + extra + ", missing " + missing);
            }
            assertThat(fleet.diagnosis().findings()).as("%s: one finding per expected code and subject", at)
                    .hasSize(got.size());
            for (Finding f : fleet.diagnosis().findings()) {
                if (f.code().startsWith("ZPA-PRB")) {
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                }
            }
            assertThat(sharded.diagnoseFleet(facts).diagnosis().findings()).as("%s: sharded sessions", at)
                    .isEqualTo(fleet.diagnosis().findings());
        }
        assertThat(mismatches).isEmpty();
        assertThat(fed).isGreaterThan(20);
        assertThat(tel.faults().stream().filter(f -> f.resolves() != null).map(SyntheticTelemetry.Fault::kind)
                .distinct()).as("kinds of fault that end within the run").containsExactlyInAnyOrder(
                SyntheticTelemetry.Kind.CPU_HOT, SyntheticTelemetry.Kind.DISK_FLOOR, SyntheticTelemetry.Kind.FDS,
                SyntheticTelemetry.Kind.AUTH_FAILURES, SyntheticTelemetry.Kind.CHURN, SyntheticTelemetry.Kind.GROUP_HOT);
        assertThat(tel.faults()).extracting(SyntheticTelemetry.Fault::kind).as("every kind injected")
                .contains(SyntheticTelemetry.Kind.values());
    }
}
