package io.zpadoctor.examples.bench;

import io.zpadoctor.model.Facts;
import io.zpadoctor.model.Thresholds;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.FleetReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticTenantTest {
    static Set<SyntheticTenant.Expected> found(FleetReport f) {
        Set<SyntheticTenant.Expected> out = new TreeSet<>();
        f.diagnosis().findings().forEach(x -> out.add(new SyntheticTenant.Expected(x.code(), x.subject().id())));
        return out;
    }

    @Test
    void theFleetFindsEveryInjectedFaultOnceAndNothingElse() {
        SyntheticTenant.Generated g = SyntheticTenant.generate(3_000, 7);
        FleetReport fleet = Diagnoser.builder().build().diagnoseFleet(
                Facts.builder().tenant(g.tenant()).evaluatedAt(SyntheticTenant.NOW, "generated").build());
        assertThat(g.faults()).isGreaterThan(13 * 3);
        assertThat(found(fleet)).isEqualTo(new TreeSet<>(g.expected()));
        assertThat(fleet.diagnosis().findings()).hasSameSizeAs(g.expected());
    }

    @Test
    void everyKindOfBrokenApplicationChainIsInjectedAndReportedOncePerServerGroup() {
        // a chain every ten server groups, six kinds in turn: 3,000 connectors hold one of each
        SyntheticTenant.Generated g = SyntheticTenant.generate(3_000, 3);
        assertThat(g.expected()).extracting(SyntheticTenant.Expected::code)
                .contains("ZPA-APP-004", "ZPA-APP-005", "ZPA-APP-006", "ZPA-APP-007", "ZPA-APP-008", "ZPA-APP-009");
        FleetReport fleet = Diagnoser.builder().partitioning(0, 100, false).build().diagnoseFleet(
                Facts.builder().tenant(g.tenant()).evaluatedAt(SyntheticTenant.NOW, "generated").build());
        List<Finding> disabled = fleet.diagnosis().findings("ZPA-APP-005");
        assertThat(disabled).isNotEmpty().allSatisfy(d -> assertThat(d.params()).containsEntry("segmentCount",
                String.valueOf(SyntheticTenant.SEGMENTS_OF_DISABLED_SERVER_GROUP)));
        assertThat(disabled.get(0).rootCause()).contains("used by 12 segments (\"chain-0001-app-01\"");
        assertThat(found(fleet)).isEqualTo(new TreeSet<>(g.expected()));
    }

    @Test
    void shardedSessionsFindExactlyWhatOneSessionFinds() {
        SyntheticTenant.Generated g = SyntheticTenant.generate(3_000, 5);
        Facts facts = Facts.builder().tenant(g.tenant()).evaluatedAt(SyntheticTenant.NOW, "generated").build();
        FleetReport one = Diagnoser.builder().partitioning(Integer.MAX_VALUE, 1, false).build().diagnoseFleet(facts);
        for (boolean parallel : new boolean[] {false, true}) {
            FleetReport split = Diagnoser.builder().partitioning(0, 100, parallel).build().diagnoseFleet(facts);
            assertThat(split.diagnosis().findings()).isEqualTo(one.diagnosis().findings());
            assertThat(split.byGroup()).isEqualTo(one.byGroup());
        }
    }

    @Test
    void thePlainJavaFloorAgreesWithTheRules() {
        SyntheticTenant.Generated g = SyntheticTenant.generate(3_000, 11);
        assertThat(new TreeSet<>(PlainJavaChecks.run(g.tenant(), SyntheticTenant.NOW, Thresholds.DEFAULTS)))
                .isEqualTo(new TreeSet<>(g.expected()));
    }

    @Test
    void theSameSeedGivesTheSameTenant() {
        assertThat(SyntheticTenant.generate(500, 3).tenant()).isEqualTo(SyntheticTenant.generate(500, 3).tenant());
    }
}
