package io.zpadoctor.rules;

import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.finding.Finding;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Records are matched to connectors by name and group: two connectors of one name keep their own windows. */
class TelemetrySameNameTest {
    private static final Path SCENARIO = Path.of("src/test/resources/scenarios/telemetry/res-010-same-name-two-groups");

    @Test
    void onlyTheHotConnectorOfTwoWithOneNameIsReported() throws Exception {
        Facts facts = BundleReader.read(SCENARIO).toFacts();
        Diagnosis d = Diagnoser.builder().build().diagnose(facts);
        assertThat(d.findings("ZPA-RES-010")).singleElement().satisfies(f -> {
            assertThat(f.subject().id()).as("DC1-Frankfurt's edge-1").isEqualTo("72058304855090011");
            assertThat(f.rootCause()).contains("90 %").doesNotContain("20 %");
        });
        assertThat(d.findings("ZPA-PRB-004")).as("both names matched through their Status records' group").isEmpty();
        assertThat(d.findings().stream().map(Finding::code)).doesNotContain("ZPA-FLT-007");

        FleetReport fleet = Diagnoser.builder().build().diagnoseFleet(facts);
        assertThat(fleet.diagnosis().findings("ZPA-RES-010")).singleElement()
                .satisfies(f -> assertThat(f.subject().id()).isEqualTo("72058304855090011"));
    }
}
