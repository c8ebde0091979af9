package io.zpadoctor.rules.properties;

import com.fasterxml.jackson.databind.JsonNode;
import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.Diagnosis;
import io.zpadoctor.rules.ScenarioAccess;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shape: the same tenant as one API page, a bare array, an array of pages, or snake_case (the Python SDK and the
 * Zscaler MCP server), and the host files in each accepted variant ({@code df -hP/-h/-k}, {@code free -m/-h},
 * {@code chronyc}/{@code timedatectl}, classic and newer status blocks) give the same codes and the same primary.
 */
class ShapePropertyTest {
    private static final Diagnoser DOCTOR = Diagnoser.builder().partitioning(20_000, 5_000, false).build();

    @TempDir
    static Path temp;

    /** How many scenarios each variant was tried on: a converter that never applies would test nothing. */
    private static final Map<String, java.util.concurrent.atomic.AtomicInteger> TRIED = new java.util.concurrent.ConcurrentHashMap<>();

    /** A variant of the whole bundle: API files reshaped, or one host file rewritten. */
    private static final Map<String, Function<List<JsonNode>, JsonNode>> API = new LinkedHashMap<>();
    private static final Map<String, Map.Entry<String, Function<String, String>>> HOST = new LinkedHashMap<>();

    static {
        API.put("one API page", Shapes::onePage);
        API.put("a bare array", Shapes::bareArray);
        API.put("an array of pages of two", Shapes::pagesOfTwo);
        API.put("snake_case (MCP)", objects -> Shapes.snakeCase(Shapes.bareArray(objects)));
        HOST.put("df -k", Map.entry("df.txt", Shapes::dfK));
        HOST.put("df -h", Map.entry("df.txt", Shapes::dfH));
        HOST.put("free -h", Map.entry("free.txt", Shapes::freeH));
        HOST.put("timedatectl", Map.entry("time-sync.txt", Shapes::timedatectl));
        HOST.put("newer status blocks", Map.entry("journal.txt", Shapes::newerStatusBlocks));
    }

    @TestFactory
    Stream<DynamicTest> everyAcceptedShapeGivesTheSameDiagnosis() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : ScenarioAccess.dirs()) {
            String name = ScenarioAccess.name(dir);
            tests.add(DynamicTest.dynamicTest(name, () -> {
                String whole = verdict(DOCTOR.diagnose(BundleReader.read(dir).toFacts()));
                List<String> differ = new ArrayList<>();
                for (var api : API.entrySet()) {
                    Path copy = copy(dir, name + "/" + api.getKey());
                    if (reshapeApi(copy, api.getValue())) {
                        TRIED.computeIfAbsent(api.getKey(), k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                        String v = verdict(DOCTOR.diagnose(BundleReader.read(copy).toFacts()));
                        if (!v.equals(whole)) {
                            differ.add(api.getKey() + ": " + v);
                        }
                    }
                }
                for (var host : HOST.entrySet()) {
                    Path copy = copy(dir, name + "/" + host.getKey());
                    if (rewriteHosts(copy, host.getValue().getKey(), host.getValue().getValue())) {
                        TRIED.computeIfAbsent(host.getKey(), k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                        String v = verdict(DOCTOR.diagnose(BundleReader.read(copy).toFacts()));
                        if (!v.equals(whole)) {
                            differ.add(host.getKey() + ": " + v);
                        }
                    }
                }
                assertThat(differ).as("shapes whose diagnosis differs from the original's %s", whole).isEmpty();
            }));
        }
        return tests.stream();
    }

    @org.junit.jupiter.api.AfterAll
    static void everyVariantWasTried() {
        if (TRIED.isEmpty()) {
            return; // run with a filter that selected no scenario
        }
        for (String v : API.keySet()) {
            assertThat(TRIED.getOrDefault(v, new java.util.concurrent.atomic.AtomicInteger()).get()).as(v).isGreaterThan(50);
        }
        for (String v : HOST.keySet()) {
            assertThat(TRIED.getOrDefault(v, new java.util.concurrent.atomic.AtomicInteger()).get()).as(v).isGreaterThan(10);
        }
    }

    /** The codes found and the primary: what must not depend on the shape. */
    static String verdict(Diagnosis d) {
        Set<String> codes = new TreeSet<>();
        for (Finding f : d.findings()) {
            codes.add(f.code());
        }
        return "primary " + (d.primary() == null ? "none" : d.primary().code()) + ", codes " + codes;
    }

    private static Path copy(Path dir, String as) throws IOException {
        Path to = temp.resolve(as.replaceAll("[^A-Za-z0-9/._-]", "_"));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(dir.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("expected.yaml")) {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private static boolean reshapeApi(Path bundle, Function<List<JsonNode>, JsonNode> shape) throws IOException {
        Path api = bundle.resolve("api");
        if (!Files.isDirectory(api)) {
            return false;
        }
        try (Stream<Path> files = Files.list(api)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode n = Shapes.JSON.readTree(f.toFile());
                Files.writeString(f, Shapes.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                        shape.apply(Shapes.objects(n))));
            }
        }
        return true;
    }

    private static boolean rewriteHosts(Path bundle, String file, Function<String, String> rewrite) throws IOException {
        Path hosts = bundle.resolve("hosts");
        if (!Files.isDirectory(hosts)) {
            return false;
        }
        boolean any = false;
        try (Stream<Path> dirs = Files.list(hosts)) {
            for (Path h : dirs.toList()) {
                Path f = h.resolve(file);
                if (Files.isRegularFile(f)) {
                    String out = rewrite.apply(Files.readString(f));
                    if (out != null) {
                        Files.writeString(f, out);
                        any = true;
                    }
                }
            }
        }
        return any;
    }
}
