package io.zpadoctor.rules.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Locality: adding an unrelated, healthy site (a group of two authenticated connectors, its key, a server group and
 * a segment) changes neither the primary nor any finding; and renaming every id of the tenant consistently, in the
 * API files and the host files alike, changes nothing but the ids the findings carry.
 */
class LocalityPropertyTest {
    private static final Diagnoser DOCTOR = Diagnoser.builder().partitioning(20_000, 5_000, false).build();
    private static final Pattern ID = Pattern.compile("\\b(7205830485\\d{7}|\\d{4,6})\\b");

    @TempDir
    static Path temp;

    @TestFactory
    Stream<DynamicTest> anUnrelatedHealthySiteChangesNothing() throws Exception {
        return ScenarioAccess.dirs().stream().filter(d -> Files.isDirectory(d.resolve("api")))
                .map(dir -> DynamicTest.dynamicTest(ScenarioAccess.name(dir), () -> {
                    Set<String> before = findings(DOCTOR.diagnose(BundleReader.read(dir).toFacts()), Map.of());
                    Path copy = copy(dir, "site/" + ScenarioAccess.name(dir));
                    addHealthySite(copy);
                    Set<String> after = findings(DOCTOR.diagnose(BundleReader.read(copy).toFacts()), Map.of());
                    assertThat(after).as("findings with an unrelated healthy site added").isEqualTo(before);
                }));
    }

    @TestFactory
    Stream<DynamicTest> renamingEveryIdChangesOnlyTheIds() throws Exception {
        return ScenarioAccess.dirs().stream().filter(d -> Files.isDirectory(d.resolve("api")))
                .map(dir -> DynamicTest.dynamicTest(ScenarioAccess.name(dir), () -> {
                    Set<String> before = findings(DOCTOR.diagnose(BundleReader.read(dir).toFacts()), Map.of());
                    Path copy = copy(dir, "ids/" + ScenarioAccess.name(dir));
                    Map<String, String> back = renameIds(copy);
                    Set<String> after = findings(DOCTOR.diagnose(BundleReader.read(copy).toFacts()), back);
                    assertThat(after).as("findings with every id renamed (mapped back)").isEqualTo(before);
                }));
    }

    /** "primary CODE" and "CODE type id name" of each finding, ids mapped through {@code back}. */
    static Set<String> findings(Diagnosis d, Map<String, String> back) {
        Set<String> out = new TreeSet<>();
        out.add("primary " + (d.primary() == null ? "none" : d.primary().code() + " " + subject(d.primary(), back)));
        for (Finding f : d.findings()) {
            out.add(f.code() + " " + subject(f, back) + " " + f.severity());
        }
        return out;
    }

    private static String subject(Finding f, Map<String, String> back) {
        String id = f.subject().id();
        return f.subject().type() + " " + (id == null ? "-" : back.getOrDefault(id, id)) + " " + f.subject().name();
    }

    // --- a healthy site ----------------------------------------------------------------------------------------

    private static void addHealthySite(Path bundle) throws IOException {
        Instant now = collectedAt(bundle);
        // a site in the tenant's own style: a tenant that enrolls with OAuth2 user codes has no keys at all
        Path keys = bundle.resolve("api/provisioning-keys.json");
        boolean usesKeys = Files.isRegularFile(keys) && !Shapes.objects(Shapes.JSON.readTree(keys.toFile())).isEmpty();
        String group = "72058304855099901";
        String key = "99901";
        String sg = "72058304855099902";
        String seg = "72058304855099903";
        for (int i = 1; i <= 2; i++) {
            ObjectNode c = Shapes.JSON.createObjectNode();
            c.put("id", "7205830485509991" + i);
            c.put("name", "locality-site-" + i);
            c.put("enabled", true);
            c.put("controlChannelStatus", "ZPN_STATUS_AUTHENTICATED");
            c.put("currentVersion", "25.44.6");
            c.put("expectedVersion", "25.44.6");
            c.put("upgradeStatus", "COMPLETE");
            c.put("upgradeAttempt", "0");
            c.put("lastBrokerConnectTime", Long.toString(now.minusSeconds(3600).getEpochSecond()));
            c.put("fingerprint", "fp-locality-site-" + i);
            c.put("privateIp", "198.51.100." + (10 + i));
            if (usesKeys) {
                c.put("provisioningKeyId", key);
            }
            c.put("appConnectorGroupId", group);
            c.put("appConnectorGroupName", "Locality-Site");
            append(bundle, "connectors.json", c);
        }
        ObjectNode g = Shapes.JSON.createObjectNode();
        g.put("id", group);
        g.put("name", "Locality-Site");
        g.put("enabled", true);
        append(bundle, "connector-groups.json", g);
        ObjectNode k = Shapes.JSON.createObjectNode();
        k.put("id", key);
        k.put("name", "locality-site-key");
        k.put("associationType", "CONNECTOR_GRP");
        k.put("zcomponentId", group);
        k.put("usageCount", "2");
        k.put("maxUsage", "10");
        k.put("enabled", true);
        if (usesKeys) {
            append(bundle, "provisioning-keys.json", k);
        }
        ObjectNode s = Shapes.JSON.createObjectNode();
        s.put("id", sg);
        s.put("name", "Locality-Servers");
        s.put("enabled", true);
        s.put("dynamicDiscovery", true);
        s.putArray("appConnectorGroups").addObject().put("id", group).put("name", "Locality-Site");
        s.putArray("applications").addObject().put("id", seg).put("name", "Locality-App");
        s.putArray("servers");
        append(bundle, "server-groups.json", s);
        ObjectNode a = Shapes.JSON.createObjectNode();
        a.put("id", seg);
        a.put("name", "Locality-App");
        a.put("enabled", true);
        a.putArray("domainNames").add("app.locality-site.example");
        a.putArray("tcpPortRanges").add("443").add("443");
        a.putArray("serverGroups").addObject().put("id", sg).put("name", "Locality-Servers");
        append(bundle, "application-segments.json", a);
    }

    /** Adds an object to an API collection, in the collection's own key style; an absent file stays absent. */
    private static void append(Path bundle, String file, ObjectNode object) throws IOException {
        Path f = bundle.resolve("api").resolve(file);
        if (!Files.isRegularFile(f)) {
            return;
        }
        List<JsonNode> objects = Shapes.objects(Shapes.JSON.readTree(f.toFile()));
        boolean snake = objects.stream().anyMatch(o -> {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                if (it.next().contains("_")) {
                    return true;
                }
            }
            return false;
        });
        List<JsonNode> all = new ArrayList<>(objects);
        all.add(snake ? Shapes.snakeCase(object) : object);
        Files.writeString(f, Shapes.JSON.writeValueAsString(Shapes.bareArray(all)));
    }

    private static Instant collectedAt(Path bundle) throws IOException {
        Path c = bundle.resolve("case.json");
        if (Files.isRegularFile(c)) {
            JsonNode n = Shapes.JSON.readTree(c.toFile());
            if (n.hasNonNull("collectedAt")) {
                return Instant.parse(n.get("collectedAt").asText());
            }
        }
        return Instant.now();
    }

    // --- renamed ids -------------------------------------------------------------------------------------------

    /**
     * Gives every id of the API files a new value (the same digits count, shifted), in every file of the bundle
     * where it appears as a word; returns new id to old id.
     */
    private static Map<String, String> renameIds(Path bundle) throws IOException {
        Map<String, String> rename = new HashMap<>();
        try (Stream<Path> files = Files.list(bundle.resolve("api"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                collectIds(Shapes.JSON.readTree(f.toFile()), null, rename);
            }
        }
        Map<String, String> back = new HashMap<>();
        rename.forEach((o, n) -> back.put(n, o));
        try (Stream<Path> files = Files.walk(bundle)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                Matcher m = ID.matcher(text);
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(out, rename.getOrDefault(m.group(1), m.group(1)));
                }
                m.appendTail(out);
                Files.writeString(f, out.toString());
            }
        }
        return back;
    }

    private static void collectIds(JsonNode n, String field, Map<String, String> rename) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> collectIds(e.getValue(), e.getKey(), rename));
        } else if (n.isArray()) {
            n.forEach(x -> collectIds(x, field, rename));
        } else if (n.isTextual() && field != null && (field.equals("id") || field.endsWith("Id") || field.endsWith("_id"))
                && ID.matcher(n.asText()).matches()) {
            String id = n.asText();
            rename.computeIfAbsent(id, k -> shifted(k));
        }
    }

    /** Another id of the same length: the digits after the first turned by 3 (0-9 stay digits, never equal). */
    private static String shifted(String id) {
        StringBuilder b = new StringBuilder(id.substring(0, 1));
        for (char ch : id.substring(1).toCharArray()) {
            b.append((char) ('0' + (ch - '0' + 3) % 10));
        }
        return b.toString();
    }

    private static Path copy(Path dir, String as) throws IOException {
        Path to = temp.resolve(as);
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
}
