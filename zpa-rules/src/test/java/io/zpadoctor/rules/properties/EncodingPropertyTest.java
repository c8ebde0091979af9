package io.zpadoctor.rules.properties;

import io.zpadoctor.client.bundle.Bundle;
import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.client.host.HostFolder;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.ScenarioAccess;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unknown is never failure, whatever a copy did to the encoding: each probe file of every scenario re-encoded
 * ({@link Encodings}) never adds a WARNING or CRITICAL finding the clean file does not give. A line a parser cannot
 * read after such a copy is unknown, never "absent" (issue 14: a re-encoded CGroup tree gave "service not running").
 */
class EncodingPropertyTest {
    private static final Diagnoser DOCTOR = Diagnoser.builder().partitioning(20_000, 5_000, false).build();

    @TestFactory
    Stream<DynamicTest> aReEncodedProbeFileAddsNoProblem() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : ScenarioAccess.dirs()) {
            Bundle bundle = BundleReader.read(dir);
            if (bundle.hosts().isEmpty()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(ScenarioAccess.name(dir), () ->
                    assertThat(counterexamples(bundle, Encodings.all())).as("re-encodings that add a problem").isEmpty()));
        }
        return tests.stream();
    }

    static List<String> counterexamples(Bundle bundle, Map<String, UnaryOperator<String>> encodings) {
        Set<String> whole = Problems.of(DOCTOR.diagnose(bundle.toFacts()));
        List<String> out = new ArrayList<>();
        for (int h = 0; h < bundle.hosts().size(); h++) {
            HostFolder host = bundle.hosts().get(h);
            for (Map.Entry<String, String> file : host.files().entrySet()) {
                for (Map.Entry<String, UnaryOperator<String>> e : encodings.entrySet()) {
                    String text = e.getValue().apply(file.getValue());
                    if (text.equals(file.getValue())) {
                        continue; // plain ASCII, short lines: this copy changes nothing
                    }
                    Set<String> added = Problems.added(whole, Problems.of(DOCTOR.diagnose(
                            TruncationPropertyTest.withFile(bundle, h, file.getKey(), text).toFacts())));
                    if (!added.isEmpty()) {
                        out.add(host.path(file.getKey()) + " " + e.getKey() + ": adds " + added);
                    }
                }
            }
        }
        return out;
    }
}
