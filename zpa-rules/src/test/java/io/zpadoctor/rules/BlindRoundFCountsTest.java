package io.zpadoctor.rules;

import io.zpadoctor.client.bundle.BundleReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What blind round f's writer asked to be checked by hand, which {@code expected.yaml} cannot say: a broken server
 * group or connector group shared by a segment still served elsewhere and one cut off is one finding naming only the
 * one cut off.
 */
class BlindRoundFCountsTest {
    private static final Diagnoser DOCTOR = Diagnoser.builder().build();

    private static Diagnosis diagnose(String scenario) throws Exception {
        Path dir = Path.of(BlindRoundFCountsTest.class.getResource("/scenarios/blind/" + scenario).toURI());
        return DOCTOR.diagnose(BundleReader.read(dir).toFacts());
    }

    @Test
    void aSharedDisabledServerGroupNamesOnlyTheSegmentItCutsOff() throws Exception {
        Diagnosis d = diagnose("f-a2-shared-sg-disabled-one-segment-cut-off");
        assertThat(d.findings("ZPA-APP-005")).singleElement()
                .satisfies(f -> assertThat(f.rootCause()).contains("\"Payroll\"").doesNotContain("Intranet"));
    }

    @Test
    void aSharedDisabledConnectorGroupNamesOnlyTheSegmentItCutsOff() throws Exception {
        Diagnosis d = diagnose("f-a6-disabled-cg-shared-one-segment-cut-off");
        assertThat(d.findings("ZPA-APP-008")).singleElement()
                .satisfies(f -> assertThat(f.rootCause()).contains("\"Payroll\"").doesNotContain("Intranet")
                        .contains("which server groups \"DC1-Apps\", \"HR-Servers\" rely on"));
    }
}
