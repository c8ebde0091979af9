package io.zpadoctor.rules;

import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.Severity;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a disabled connector group and a server group with no live connector are counted: once, by their cause. */
class DisabledGroupAndChainTest {
    private static final Diagnoser DOCTOR = Diagnoser.builder().build();

    private static io.zpadoctor.model.Facts facts(String scenario) throws Exception {
        return BundleReader.read(Path.of(DisabledGroupAndChainTest.class.getResource("/scenarios/" + scenario).toURI()))
                .toFacts();
    }

    private static Diagnosis diagnose(String scenario) throws Exception {
        return DOCTOR.diagnose(facts(scenario));
    }

    @Test
    void aRetiredGroupIsInfoCleanupAndItsConnectorsAreNoOutage() throws Exception {
        Diagnosis d = diagnose("con-007-retired-group");
        assertThat(d.findings("ZPA-CON-007")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.rootCause()).contains("No server group lists it");
        });
        assertThat(d.findings("ZPA-CON-001")).isEmpty();
        assertThat(d.worstSeverity()).isEmpty();
    }

    @Test
    void unreadServerGroupsNeverMakeAGroupUnused() throws Exception {
        Diagnosis d = diagnose("con-007-unlisted-but-server-groups-unread");
        assertThat(d.findings("ZPA-CON-007")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.rootCause()).doesNotContain("No server group lists it");
        });
        assertThat(d.findings("ZPA-CON-001")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.explainedBy()).contains("ZPA-CON-007"));
    }

    @Test
    void aDisabledGroupAServerGroupStillListsExplainsItsConnectorsBeingDown() throws Exception {
        Diagnosis d = diagnose("con-007-disabled-group-connectors-down");
        assertThat(d.findings("ZPA-CON-007")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.rootCause()).doesNotContain("No server group lists it");
        });
        List<Finding> down = d.findings("ZPA-CON-001");
        assertThat(down).hasSize(2).allSatisfy(f -> assertThat(f.explainedBy()).contains("ZPA-CON-007"));
    }

    @Test
    void aGroupDownOneByOneIsOneProblemWithItsSymptomsBeneath() throws Exception {
        FleetReport fleet = DOCTOR.diagnoseFleet(facts("app-009-no-serving-connector"));
        Diagnosis d = fleet.diagnosis();
        Finding down = d.findings("ZPA-FLT-008").get(0);
        assertThat(down.rootCause()).contains("apart), not all at once").doesNotContain("{{");
        assertThat(d.findings()).filteredOn(f -> List.of("ZPA-CON-001", "ZPA-APP-009", "ZPA-FLT-001").contains(f.code()))
                .hasSize(4).allSatisfy(f -> assertThat(f.explainedBy()).contains("ZPA-FLT-008"));
        assertThat(fleet.problems()).filteredOn(p -> p.cause() == down).singleElement()
                .satisfies(p -> assertThat(p.explains()).hasSize(4));
        assertThat(fleet.problems()).noneMatch(p -> p.cause().code().equals("ZPA-CON-001"));
        // the missing spare of a group with none up says so, not "one failure away"
        assertThat(d.findings("ZPA-FLT-001")).singleElement().satisfies(f -> assertThat(f.rootCause())
                .contains("serves no one now").doesNotContain("one failure or one upgrade"));
    }

    @Test
    void aBrokenSpareServerGroupNamesOnlyTheSegmentsItCutsOff() throws Exception {
        Diagnosis d = diagnose("app-005-spare-and-sole-tenant-wide");
        assertThat(d.findings("ZPA-APP-005")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.rootCause()).contains("\"Legacy\"").doesNotContain("Payroll");
        });
        for (String spare : List.of("app-005-spare-server-group-disabled", "app-007-spare-no-discovery")) {
            assertThat(diagnose(spare).findings()).as(spare)
                    .noneMatch(f -> f.severity() == Severity.CRITICAL || f.severity() == Severity.WARNING);
        }
    }

    @Test
    void aServerGroupWithNoLiveConnectorIsOneFindingNamingItsSegments() throws Exception {
        Diagnosis d = diagnose("app-009-no-serving-connector");
        assertThat(d.findings("ZPA-APP-009")).singleElement().satisfies(f -> {
            assertThat(f.subject().type().name()).isEqualTo("SERVER_GROUP");
            assertThat(f.rootCause()).contains("Server group").doesNotContain("{{");
        });
    }

    // what the blind writer of the d-* scenarios could say only in words: how many findings, naming which segments

    @Test
    void oneServerGroupServingThreeSegmentsIsOneFindingNamingTheEnabledOnes() throws Exception {
        Diagnosis d = diagnose("blind/d-app009-one-finding-three-segments");
        assertThat(d.findings("ZPA-APP-009")).singleElement().satisfies(f -> {
            assertThat(f.subject().name()).isEqualTo("DC1-Apps");
            assertThat(f.params().get("segments")).asString().contains("Intranet", "Wiki", "Tickets")
                    .doesNotContain("Archive");
            assertThat(f.explainedBy()).contains("ZPA-FLT-005");
        });
    }

    @Test
    void aSegmentAnotherServerGroupStillServesIsNotNamed() throws Exception {
        Diagnosis d = diagnose("blind/d-app009-shared-dead-sg-names-only-unserved");
        assertThat(d.findings("ZPA-APP-009")).singleElement().satisfies(f ->
                assertThat(f.params().get("segments")).asString().contains("Intranet").doesNotContain("Payroll"));
    }

    @Test
    void twoDeadServerGroupsOfOneSegmentAreTwoFindings() throws Exception {
        Diagnosis d = diagnose("blind/d-app009-two-dead-sgs-one-segment");
        assertThat(d.findings("ZPA-APP-009")).extracting(f -> f.subject().name())
                .containsExactlyInAnyOrder("DC1-Apps", "DC2-Apps");
    }

    // blind round f's checks that expected.yaml cannot say: a broken group shared by a segment still served elsewhere
    // and one cut off is one finding naming only the one cut off

    @Test
    void aSharedDisabledServerGroupNamesOnlyTheSegmentItCutsOff() throws Exception {
        assertThat(diagnose("blind/f-a2-shared-sg-disabled-one-segment-cut-off").findings("ZPA-APP-005")).singleElement()
                .satisfies(f -> assertThat(f.rootCause()).contains("\"Payroll\"").doesNotContain("Intranet"));
    }

    @Test
    void aSharedDisabledConnectorGroupNamesOnlyTheSegmentItCutsOff() throws Exception {
        assertThat(diagnose("blind/f-a6-disabled-cg-shared-one-segment-cut-off").findings("ZPA-APP-008")).singleElement()
                .satisfies(f -> assertThat(f.rootCause()).contains("\"Payroll\"").doesNotContain("Intranet")
                        .contains("which server groups \"DC1-Apps\", \"HR-Servers\" rely on"));
    }
}
