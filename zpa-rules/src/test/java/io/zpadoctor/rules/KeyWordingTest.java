package io.zpadoctor.rules;

import io.zpadoctor.client.bundle.BundleReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ZPA-FLT-003 says a key is used up when it is, and how many enrollments are left when some are. */
class KeyWordingTest {
    private static String cause(String scenario) throws Exception {
        Diagnosis d = Diagnoser.builder().build().diagnose(BundleReader.read(
                ScenarioTest.scenarioRoot().resolve(scenario)).toFacts());
        assertThat(d.findings("ZPA-FLT-003")).hasSize(1);
        return d.findings("ZPA-FLT-003").get(0).rootCause();
    }

    @Test
    void aKeyAtItsMaximumIsUsedUp() throws Exception {
        assertThat(cause("enr-no-symptom-exhausted-key")).contains("5 of 5 enrollments (100 %): it is used up")
                .doesNotContain("0 left").doesNotContain("beyond that");
    }

    @Test
    void aKeyNearItsMaximumSaysWhatIsLeft() throws Exception {
        assertThat(cause("flt-003-key-near-its-maximum")).contains("5 of 6 enrollments (83 %); 1 left")
                .doesNotContain("used up");
    }
}
