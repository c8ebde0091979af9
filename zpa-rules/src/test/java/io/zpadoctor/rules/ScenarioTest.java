package io.zpadoctor.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.zpadoctor.client.bundle.Bundle;
import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.report.Format;
import io.zpadoctor.report.Reports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every folder under {@code scenarios/}: a support bundle plus {@code expected.yaml} ({@code primary},
 * {@code fires}, {@code must-not-fire}, optional {@code exactly}). Each is read by the real bundle reader,
 * diagnosed by the real rules and rendered in every format.
 */
class ScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UNFILLED = Pattern.compile("<[A-Za-z][A-Za-z0-9]*\\?>");
    private static final Pattern KEY_FIELD = Pattern.compile("\"provisioning_?[kK]ey\"\\s*:\\s*\"([^\"]+)\"");
    private static final Diagnoser DOCTOR = Diagnoser.builder().ruleListener(RuleCoverage.INSTANCE).build();
    /** Splits every tenant-wide case into one-connector shards: the findings must not change. */
    private static final Diagnoser SHARDED = Diagnoser.builder().partitioning(0, 1, true).build();
    private static final Map<String, Set<String>> FIRING = new ConcurrentHashMap<>();
    private static final Map<String, Set<String>> NOT_FIRING = new ConcurrentHashMap<>();
    private static int scenarios;

    static Path scenarioRoot() throws URISyntaxException {
        return Path.of(ScenarioTest.class.getResource("/scenarios").toURI());
    }

    @TestFactory
    Stream<DynamicTest> scenarios() throws Exception {
        List<Path> dirs = scenarioDirs();
        assertThat(dirs).isNotEmpty();
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(name(dir), () -> run(dir)));
    }

    /** Every folder holding an {@code expected.yaml}, at any depth (the blind corpus sits in its own folder). */
    static List<Path> scenarioDirs() throws IOException, URISyntaxException {
        Path root = scenarioRoot();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals("expected.yaml")).map(Path::getParent).sorted()
                    .toList();
        }
    }

    /** A scenario's name: its folder relative to the scenario root ({@code blind/a-enr-001-...}). */
    static String name(Path dir) {
        try {
            return scenarioRoot().relativize(dir).toString().replace('\\', '/');
        } catch (URISyntaxException e) {
            return dir.getFileName().toString();
        }
    }

    private static void run(Path dir) throws Exception {
        String name = name(dir);
        Expectation ex = Expectation.read(dir.resolve("expected.yaml"));
        Bundle bundle = BundleReader.read(dir);
        Diagnosis d = DOCTOR.diagnose(bundle.toFacts());
        Set<String> codes = new TreeSet<>();
        d.findings().forEach(f -> codes.add(f.code()));
        scenarios++;

        assertThat(ex.check(d)).as("%s: %s", name, ex.description()).isEmpty();
        for (String c : ex.fires()) {
            FIRING.computeIfAbsent(c, k -> new TreeSet<>()).add(name);
        }
        for (String c : ex.mustNotFire()) {
            NOT_FIRING.computeIfAbsent(c, k -> new TreeSet<>()).add(name);
        }

        for (Finding f : d.findings()) {
            assertThat(f.title()).as("%s: %s has a catalog title", name, f.code()).isNotBlank();
            assertThat(f.evidence()).as("%s: %s has evidence", name, f.code()).isNotEmpty();
        }
        Set<String> secrets = secretsIn(dir);
        for (Format format : Format.values()) {
            String out = Reports.render(d, format);
            Matcher m = UNFILLED.matcher(out);
            assertThat(m.find()).as("%s: %s report has an unfilled placeholder %s", name, format,
                    m.hitEnd() ? "" : m.group()).isFalse();
            for (String secret : secrets) {
                assertThat(out).as("%s: %s report leaks a provisioning key", name, format).doesNotContain(secret);
            }
        }
        Set<ValidationMessage> errors = schema().validate(JSON.readTree(Reports.render(d, Format.JSON)));
        assertThat(errors).as("%s: JSON report against report.schema.json", name).isEmpty();

        Diagnosis sharded = SHARDED.diagnose(bundle.toFacts());
        assertThat(sharded.findings()).as("%s: the same findings from sharded sessions", name).isEqualTo(d.findings());
    }

    /** The secret parts of every provisioning key string the bundle's files hold. */
    static Set<String> secretsIn(Path dir) throws IOException {
        Set<String> out = new HashSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher m = KEY_FIELD.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1);
                    String[] parts = key.split("\\|", 3);
                    out.add(parts.length == 3 ? parts[2] : key);
                }
            }
        }
        return out;
    }

    private static JsonSchema schema;

    static synchronized JsonSchema schema() throws IOException {
        if (schema == null) {
            try (InputStream in = ScenarioTest.class.getResourceAsStream("/io/zpadoctor/report/report.schema.json")) {
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            }
        }
        return schema;
    }

    @AfterAll
    static void everyRuleAndCodeIsExercised() {
        if (scenarios == 0) {
            return;
        }
        Set<String> neverFired = RuleCoverage.INSTANCE.neverFired();
        neverFired.removeIf(r -> r.endsWith("/" + ParserDefectRuleTest.RULE));
        assertThat(neverFired).as("built-in rules that no scenario fires").isEmpty();
        List<String> missing = new ArrayList<>();
        for (CatalogEntry e : Catalog.builtIn().entries()) {
            if (e.code().equals(ParserDefectRuleTest.CODE)) {
                continue;   // no bundle can make a fixed parser fail: ParserDefectRuleTest fires it and keeps it quiet
            }
            if (!FIRING.containsKey(e.code())) {
                missing.add(e.code() + " has no scenario where it fires");
            }
            if (!NOT_FIRING.containsKey(e.code())) {
                missing.add(e.code() + " has no scenario where it must not fire");
            }
        }
        assertThat(missing).as("catalog codes without scenarios").isEmpty();
    }
}
