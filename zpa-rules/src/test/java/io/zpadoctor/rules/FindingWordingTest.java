package io.zpadoctor.rules;

import io.zpadoctor.client.bundle.BundleReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A finding's words never deny or overstate the evidence it shows. */
class FindingWordingTest {

    private static String cause(String scenario, String code) throws Exception {
        Diagnosis d = Diagnoser.builder().build().diagnose(BundleReader.read(
                ScenarioTest.scenarioRoot().resolve(scenario)).toFacts());
        assertThat(d.findings(code)).hasSize(1);
        return d.findings(code).get(0).rootCause();
    }

    @Test
    void aStuckUpgradeIsCalledStuck() throws Exception {
        assertThat(cause("upg-001-upgrade-stuck", "ZPA-UPG-001")).contains("reports as IN_PROGRESS has not finished")
                .doesNotContain("no upgrade is pending or running");
    }

    @Test
    void aConnectorWithNoUpgradeGoingIsSaidToHaveNone() throws Exception {
        assertThat(cause("upg-001-behind-version", "ZPA-UPG-001")).contains("no upgrade is pending or running")
                .doesNotContain("has not finished");
    }

    @Test
    void aKeyAtItsMaximumIsUsedUp() throws Exception {
        assertThat(cause("enr-no-symptom-exhausted-key", "ZPA-FLT-003"))
                .contains("5 of 5 enrollments (100 %): it is used up").doesNotContain("0 left").doesNotContain("beyond that");
    }

    @Test
    void aKeyNearItsMaximumSaysWhatIsLeft() throws Exception {
        assertThat(cause("flt-003-key-near-its-maximum", "ZPA-FLT-003")).contains("5 of 6 enrollments (83 %); 1 left")
                .doesNotContain("used up");
    }
}
