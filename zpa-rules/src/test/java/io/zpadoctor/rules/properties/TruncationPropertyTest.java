package io.zpadoctor.rules.properties;

import io.zpadoctor.client.bundle.Bundle;
import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.client.host.HostFolder;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.Diagnosis;
import io.zpadoctor.rules.ScenarioAccess;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Truncation: cutting a probe file (any but {@code journal.txt}, where a shorter journal is a valid shorter
 * history) after any line, or in the middle of any line, never adds a WARNING or CRITICAL finding that the whole
 * file does not give. A cut file is unknown evidence, and unknown is never a failure ({@code ZPA-PRB-001} aside,
 * which says so). Run over every scenario folder's host files.
 *
 * <p>One kind of cut is left out, because no reader can tell it from a whole output: {@code df} cut after a line.
 * df lists mounts one per line with nothing that closes the list, so a listing cut before the {@code /opt} mount
 * is exactly the listing of a VM whose {@code /opt/zscaler} lives on {@code /}. Cuts inside a df line are tested.
 */
class TruncationPropertyTest {
    private static final Diagnoser DOCTOR = Diagnoser.builder().partitioning(20_000, 5_000, false).build();

    @TestFactory
    Stream<DynamicTest> aCutProbeFileAddsNoProblem() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : ScenarioAccess.dirs()) {
            Bundle bundle = BundleReader.read(dir);
            if (bundle.hosts().isEmpty()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(ScenarioAccess.name(dir), () -> {
                List<String> counterexamples = counterexamples(bundle, true);
                assertThat(counterexamples).as("cuts that add a problem the whole file does not give").isEmpty();
            }));
        }
        return tests.stream();
    }

    /**
     * Every cut of every probe file of the bundle that adds a problem, described; {@code skipDfLineCuts} leaves out
     * df cut after a line (see the class comment).
     */
    static List<String> counterexamples(Bundle bundle, boolean skipDfLineCuts) {
        Set<String> whole = Problems.of(DOCTOR.diagnose(bundle.toFacts()));
        List<String> out = new ArrayList<>();
        for (int h = 0; h < bundle.hosts().size(); h++) {
            HostFolder host = bundle.hosts().get(h);
            for (Map.Entry<String, String> file : host.files().entrySet()) {
                if (file.getKey().equals("journal.txt")) {
                    continue;
                }
                for (Cut cut : cuts(file.getValue())) {
                    if (skipDfLineCuts && file.getKey().equals("df.txt") && cut.atLineEnd()) {
                        continue;
                    }
                    Bundle cutBundle = withFile(bundle, h, file.getKey(), cut.text());
                    Diagnosis d = DOCTOR.diagnose(cutBundle.toFacts());
                    Set<String> added = Problems.added(whole, Problems.of(d));
                    if (!added.isEmpty()) {
                        out.add(host.path(file.getKey()) + " cut " + cut.where() + ": adds " + added);
                    }
                }
            }
        }
        return out;
    }

    record Cut(String where, String text) {
        boolean atLineEnd() {
            return where.startsWith("after");
        }
    }

    /** The text cut after each line, and in the middle of each line. */
    static List<Cut> cuts(String text) {
        List<Cut> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder before = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.length() > 1) {
                out.add(new Cut("in the middle of line " + (i + 1), before + line.substring(0, line.length() / 2)));
            }
            before.append(line);
            if (i < lines.length - 1) {
                before.append('\n');
                if (before.length() < text.length()) {
                    out.add(new Cut("after line " + (i + 1), before.toString()));
                }
            }
        }
        return out;
    }

    static Bundle withFile(Bundle b, int host, String file, String text) {
        List<HostFolder> hosts = new ArrayList<>(b.hosts());
        Map<String, String> files = new LinkedHashMap<>(hosts.get(host).files());
        files.put(file, text);
        hosts.set(host, new HostFolder(hosts.get(host).name(), files));
        return new Bundle(b.origin(), b.tenant(), b.reportedCase(), b.collectedAt(), hosts, b.warnings());
    }
}
