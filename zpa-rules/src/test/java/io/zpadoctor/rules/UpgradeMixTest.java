package io.zpadoctor.rules;

import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.model.finding.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group's mixed versions (ZPA-UPG-006) are explained by its own connector's missed or failed upgrade, and counted
 * once under it; a mix no such connector explains (the others scheduled ahead) stands alone.
 */
class UpgradeMixTest {
    @Test
    void aGroupsMixIsCountedUnderItsOwnConnectorOnly() throws Exception {
        FleetReport fleet = Diagnoser.builder().build().diagnoseFleet(BundleReader.read(
                ScenarioTest.scenarioRoot().resolve("upg-006-mix-explained-only-by-its-own-connector")).toFacts());
        List<Finding> mixes = fleet.diagnosis().findings("ZPA-UPG-006");
        assertThat(mixes).extracting(f -> f.subject().name() + " " + f.explainedBy())
                .containsExactlyInAnyOrder("DC1-Frankfurt [ZPA-UPG-001]", "DC2-Amsterdam []");
        assertThat(mixes).filteredOn(Finding::isExplained).singleElement()
                .satisfies(f -> assertThat(f.rootCause()).contains("Reported with it: ZPA-UPG-001"));
        assertThat(fleet.problems()).extracting(p -> p.cause().code() + " " + p.cause().subject().name() + " "
                        + p.explains().stream().map(Finding::code).toList())
                .containsExactlyInAnyOrder("ZPA-UPG-001 dc1-acg-key-2 [ZPA-UPG-006]", "ZPA-UPG-006 DC2-Amsterdam []");
    }
}
