package io.zpadoctor.rules;

import io.zpadoctor.client.bundle.BundleReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** UPG-001's words never deny the evidence it shows: a connector stuck IN_PROGRESS is not "no upgrade running". */
class UpgradeWordingTest {

    private static String cause(String scenario) throws Exception {
        Diagnosis d = Diagnoser.builder().build().diagnose(BundleReader.read(
                ScenarioTest.scenarioRoot().resolve(scenario)).toFacts());
        assertThat(d.findings("ZPA-UPG-001")).hasSize(1);
        return d.findings("ZPA-UPG-001").get(0).rootCause();
    }

    @Test
    void aStuckUpgradeIsCalledStuck() throws Exception {
        assertThat(cause("upg-001-upgrade-stuck")).contains("reports as IN_PROGRESS has not finished")
                .doesNotContain("no upgrade is pending or running");
    }

    @Test
    void aConnectorWithNoUpgradeGoingIsSaidToHaveNone() throws Exception {
        assertThat(cause("upg-001-behind-version")).contains("no upgrade is pending or running")
                .doesNotContain("has not finished");
    }
}
