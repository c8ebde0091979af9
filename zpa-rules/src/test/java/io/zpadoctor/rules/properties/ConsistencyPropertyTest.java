package io.zpadoctor.rules.properties;

import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.rules.Catalog;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.Diagnosis;
import io.zpadoctor.rules.ScenarioAccess;
import io.zpadoctor.rules.internal.verdict.SelfCheck;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consistency: no scenario's report contradicts itself ({@link SelfCheck}): no umbrella beside a cause that explains
 * it, every explained symptom naming its cause, no two findings about one subject citing one field with different
 * values, no "healthy" beside "down". Run over every scenario folder, and over each as a fleet (no case).
 */
class ConsistencyPropertyTest {
    private static final Diagnoser DOCTOR = Diagnoser.builder().build();

    @TestFactory
    Stream<DynamicTest> noReportContradictsItself() throws Exception {
        return ScenarioAccess.dirs().stream().map(dir -> DynamicTest.dynamicTest(ScenarioAccess.name(dir), () -> {
            var facts = BundleReader.read(dir).toFacts();
            Diagnosis d = DOCTOR.diagnose(facts);
            assertThat(SelfCheck.contradictions(d, Catalog.builtIn())).as("%s: the case's report", ScenarioAccess.name(dir)).isEmpty();
            Diagnosis fleet = DOCTOR.diagnoseFleet(facts).diagnosis();
            assertThat(SelfCheck.contradictions(fleet, Catalog.builtIn())).as("%s: the fleet report", ScenarioAccess.name(dir)).isEmpty();
        }));
    }

    static List<Path> dirs() throws Exception {
        return ScenarioAccess.dirs();
    }
}
