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

    private static Diagnosis diagnose(String scenario) throws Exception {
        Path dir = Path.of(DisabledGroupAndChainTest.class.getResource("/scenarios/" + scenario).toURI());
        return DOCTOR.diagnose(BundleReader.read(dir).toFacts());
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
    void aServerGroupWithNoLiveConnectorIsOneFindingNamingItsSegments() throws Exception {
        Diagnosis d = diagnose("app-009-no-serving-connector");
        assertThat(d.findings("ZPA-APP-009")).singleElement().satisfies(f -> {
            assertThat(f.subject().type().name()).isEqualTo("SERVER_GROUP");
            assertThat(f.rootCause()).contains("Server group").doesNotContain("{{");
        });
    }
}
