package io.zpadoctor.rules;

import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.model.finding.Finding;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the blind writer of blind/telemetry-e could say only in words: how many RES-010, and about which connector. */
class BlindSameNameCountsTest {
    private static Diagnosis diagnose(String scenario) throws Exception {
        Path dir = Path.of(BlindSameNameCountsTest.class.getResource("/scenarios/blind/telemetry-e/" + scenario).toURI());
        return Diagnoser.builder().build().diagnose(BundleReader.read(dir).toFacts());
    }

    @Test
    void onlyTheHotConnectorOfTwoWithOneNameIsReported() throws Exception {
        Diagnosis d = diagnose("same-name-status-hot-one-group");
        assertThat(d.findings("ZPA-RES-010")).singleElement()
                .satisfies(f -> assertThat(f.subject().id()).isEqualTo("72058304855090011"));
    }

    @Test
    void twoHotConnectorsWithOneNameAreTwoFindings() throws Exception {
        Diagnosis d = diagnose("same-name-both-hot-status");
        assertThat(d.findings("ZPA-RES-010")).extracting(Finding::subject).extracting(s -> s.id())
                .doesNotHaveDuplicates().hasSize(2);
    }
}
