package io.zpadoctor.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The objects a fake tenant serves, per list endpoint, in the API's wire shape (camelCase, numbers and times as
 * strings). Generated at any size, or loaded from a bundle's {@code api/*.json}; writable as a bundle, so the
 * same tenant can be diagnosed from the API and from files.
 */
public final class FakeTenant {
    /** The list endpoints, relative to the customer, and the bundle file each is saved as. */
    public static final Map<String, String> FILES = Map.of(
            "connector", "api/connectors.json",
            "appConnectorGroup", "api/connector-groups.json",
            "associationType/CONNECTOR_GRP/provisioningKey", "api/provisioning-keys.json",
            "enrollmentCert", "api/enrollment-certificates.json",
            "serverGroup", "api/server-groups.json",
            "application", "api/application-segments.json");

    /** Epoch seconds the generated tenant's times are relative to: 2026-03-13T02:45:24Z. */
    public static final long NOW = 1_773_369_924L;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Map<String, ObjectNode>> collections = new LinkedHashMap<>();

    private FakeTenant() {
        for (String c : FILES.keySet()) {
            collections.put(c, new LinkedHashMap<>());
        }
    }

    /** Which collection a resource path belongs to ({@code connector/12} is in {@code connector}), or null. */
    public static String collectionOf(String resource) {
        String best = null;
        for (String c : FILES.keySet()) {
            if ((resource.equals(c) || resource.startsWith(c + "/")) && (best == null || c.length() > best.length())) {
                best = c;
            }
        }
        return best;
    }

    public synchronized List<ObjectNode> list(String collection) {
        return new ArrayList<>(collections.get(collection).values());
    }

    public synchronized ObjectNode get(String collection, String id) {
        ObjectNode o = collections.get(collection).get(id);
        return o == null ? null : o.deepCopy();
    }

    public synchronized void put(String collection, ObjectNode o) {
        collections.get(collection).put(o.get("id").asText(), o);
    }

    public synchronized void remove(String collection, String id) {
        collections.get(collection).remove(id);
    }

    /** Finds an object by name, for tests that break one thing on purpose. */
    public synchronized ObjectNode named(String collection, String name) {
        for (ObjectNode o : collections.get(collection).values()) {
            if (name.equals(o.path("name").asText())) {
                return o.deepCopy();
            }
        }
        throw new IllegalArgumentException("no " + collection + " named " + name);
    }

    public synchronized int size(String collection) {
        return collections.get(collection).size();
    }

    /** A provisioning key string as ZPA hands it out: {@code 3|<enrollment host>|<secret>}. */
    public static String keyString(String keyId) {
        byte[] secret = new byte[48];
        new Random(keyId.hashCode()).nextBytes(secret);
        return "3|api.private.zscaler.com|" + Base64.getEncoder().encodeToString(secret).replace('/', '_')
                + "-72058304855015424";
    }

    /** Every key string the tenant holds: what must never leave a client. */
    public synchronized List<String> keyStrings() {
        List<String> out = new ArrayList<>();
        for (ObjectNode k : collections.get("associationType/CONNECTOR_GRP/provisioningKey").values()) {
            if (k.hasNonNull("provisioningKey")) {
                out.add(k.get("provisioningKey").asText());
            }
        }
        return out;
    }

    /**
     * A tenant of {@code connectors} connectors, 20 to a group, each group with its key, server groups and
     * segments; a few of everything broken (a disconnected connector in 13, an exhausted key in 50 groups...).
     */
    public static FakeTenant generate(int connectors, long seed) {
        FakeTenant t = new FakeTenant();
        Random rnd = new Random(seed);
        t.put("enrollmentCert", cert("6571", "Root", null));
        t.put("enrollmentCert", cert("6572", "Client", "6571"));
        t.put("enrollmentCert", cert("6573", "Connector", "6571"));
        t.put("enrollmentCert", cert("6574", "Service Edge", "6571"));
        int groups = Math.max(1, (connectors + 19) / 20);
        for (int g = 0; g < groups; g++) {
            String gid = String.valueOf(72_058_304_855_089_000L + g);
            String name = "DC" + (g + 1) + "-Group";
            ObjectNode o = MAPPER.createObjectNode();
            o.put("id", gid);
            o.put("name", name);
            o.put("enabled", g % 60 != 59);
            o.put("description", "");
            o.put("versionProfileId", "0");
            o.put("versionProfileName", "Default");
            o.put("overrideVersionProfile", false);
            o.put("upgradeDay", "SUNDAY");
            o.put("upgradeTimeInSecs", "66600");
            o.put("location", "Frankfurt, Germany");
            o.put("latitude", "50.1109");
            o.put("longitude", "8.6821");
            o.put("cityCountry", "Frankfurt, DE");
            o.put("countryCode", "DE");
            o.put("dnsQueryType", "IPV4_IPV6");
            o.put("connectorGroupType", "APP");
            o.put("lssAppConnectorGroup", false);
            o.put("enrollmentCertId", "6573");
            o.put("creationTime", String.valueOf(NOW - 400 * 86_400L));
            o.put("modifiedTime", String.valueOf(NOW - 30 * 86_400L));
            o.put("modifiedBy", "72058304855015555");
            t.put("appConnectorGroup", o);

            String kid = String.valueOf(58_000 + g);
            ObjectNode k = MAPPER.createObjectNode();
            k.put("id", kid);
            k.put("name", "dc" + (g + 1) + "-key");
            k.put("associationType", "CONNECTOR_GRP");
            k.put("zcomponentId", gid);
            k.put("zcomponentName", name);
            boolean exhausted = g % 50 == 7;
            k.put("maxUsage", exhausted ? "20" : "25");
            k.put("usageCount", "20");
            k.put("enabled", g % 97 != 11);
            k.put("exportable", true);
            k.put("enrollmentCertId", "6573");
            k.put("enrollmentCertName", "Connector");
            k.put("provisioningKey", keyString(kid));
            k.put("creationTime", String.valueOf(NOW - 400 * 86_400L));
            t.put("associationType/CONNECTOR_GRP/provisioningKey", k);
        }
        for (int i = 0; i < connectors; i++) {
            int g = i % groups;
            String gid = String.valueOf(72_058_304_855_089_000L + g);
            ObjectNode c = MAPPER.createObjectNode();
            c.put("id", String.valueOf(72_058_304_855_100_000L + i));
            c.put("name", "dc" + (g + 1) + "-key-" + (i / groups + 1));
            c.put("description", "");
            c.put("enabled", i % 101 != 100);
            boolean down = i % 13 == 5;
            long connect = NOW - 86_400L * (5 + rnd.nextInt(30));
            c.put("controlChannelStatus", down ? "ZPN_STATUS_DISCONNECTED" : "ZPN_STATUS_AUTHENTICATED");
            c.put("lastBrokerConnectTime", String.valueOf(connect));
            if (down) {
                c.put("lastBrokerDisconnectTime", String.valueOf(NOW - 3_600L * (1 + rnd.nextInt(96))));
            }
            c.put("currentVersion", "25.44.6");
            c.put("expectedVersion", "25.44.6");
            c.put("upgradeStatus", "COMPLETE");
            c.put("upgradeAttempt", "0");
            c.put("ctrlBrokerName", "DE-FRA-4410");
            c.put("privateIp", "10." + (g / 250) + "." + (g % 250) + "." + (i / groups + 10));
            c.put("publicIp", "203.0.113." + (g % 250));
            c.put("platform", "el9");
            c.put("platformDetail", "ESXi");
            c.put("runtimeOS", "Red Hat Enterprise Linux 9.5");
            c.put("sargeVersion", "18.66.2");
            c.put("appConnectorGroupId", gid);
            c.put("appConnectorGroupName", "DC" + (g + 1) + "-Group");
            c.put("provisioningKeyId", String.valueOf(58_000 + g));
            c.put("provisioningKeyName", "dc" + (g + 1) + "-key");
            ObjectNode cert = c.putObject("enrollmentCert");
            cert.put("id", "6573");
            cert.put("name", "Connector");
            c.put("issuedCertId", String.valueOf(880_000 + i));
            c.put("fingerprint", Base64.getEncoder().encodeToString(("fp" + i).getBytes()));
            c.put("creationTime", String.valueOf(NOW - 300 * 86_400L));
            c.put("modifiedTime", String.valueOf(connect));
            t.put("connector", c);
        }
        int serverGroups = Math.max(1, groups / 2);
        for (int s = 0; s < serverGroups; s++) {
            ObjectNode o = MAPPER.createObjectNode();
            String sid = String.valueOf(72_058_304_855_090_000L + s);
            o.put("id", sid);
            o.put("name", "Apps-" + (s + 1));
            o.put("enabled", s % 40 != 39);
            o.put("dynamicDiscovery", true);
            o.put("configSpace", "DEFAULT");
            ArrayNode acg = o.putArray("appConnectorGroups");
            for (int g : new int[] {(2 * s) % groups, (2 * s + 1) % groups}) {
                ObjectNode ref = acg.addObject();
                ref.put("id", String.valueOf(72_058_304_855_089_000L + g));
                ref.put("name", "DC" + (g + 1) + "-Group");
            }
            t.put("serverGroup", o);
        }
        int segments = serverGroups;
        for (int a = 0; a < segments; a++) {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("id", String.valueOf(72_058_304_855_091_000L + a));
            o.put("name", "App " + (a + 1));
            o.put("enabled", a % 50 != 49);
            o.putArray("domainNames").add("app" + (a + 1) + ".corp.example.com");
            o.putArray("tcpPortRanges").add("443").add("443");
            ArrayNode range = o.putArray("tcpPortRange");
            range.addObject().put("from", "443").put("to", "443");
            ObjectNode sg = o.putArray("serverGroups").addObject();
            sg.put("id", String.valueOf(72_058_304_855_090_000L + a));
            sg.put("name", "Apps-" + (a + 1));
            o.put("segmentGroupName", "Corp Apps");
            o.put("healthReporting", "ON_ACCESS");
            o.put("bypassType", "NEVER");
            t.put("application", o);
        }
        return t;
    }

    private static ObjectNode cert(String id, String name, String parent) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", id);
        o.put("name", name);
        o.put("cName", "72058304855015424.zpa-customer.com/" + name);
        o.put("validFromInEpochSec", "1619585839");
        o.put("validToInEpochSec", "2092712239");
        o.put("allowSigning", true);
        o.put("privateKeyPresent", true);
        o.put("clientCertType", "NONE");
        if (parent != null) {
            o.put("parentCertId", parent);
            o.put("parentCertName", "Root");
        }
        o.put("issuedTo", "O=Zscaler,OU=Private Access,CN=72058304855015424.zpa-customer.com/" + name);
        o.put("issuedBy", "O=Zscaler,OU=Private Access,CN=72058304855015424.zpa-customer.com/Root");
        return o;
    }

    /** The tenant a bundle's {@code api/*.json} describe (arrays, pages or arrays of pages, camelCase). */
    public static FakeTenant fromBundle(Path dir) throws IOException {
        FakeTenant t = new FakeTenant();
        for (Map.Entry<String, String> e : FILES.entrySet()) {
            Path f = dir.resolve(e.getValue());
            if (!Files.exists(f)) {
                continue;
            }
            JsonNode n = MAPPER.readTree(f.toFile());
            List<JsonNode> items = new ArrayList<>();
            collect(n, items);
            for (JsonNode i : items) {
                if (i.isObject() && i.hasNonNull("id")) {
                    t.put(e.getKey(), (ObjectNode) i);
                }
            }
        }
        return t;
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isArray()) {
            for (JsonNode x : n) {
                if (x.has("list") || x.has("totalPages")) {
                    collect(x, out);
                } else {
                    out.add(x);
                }
            }
        } else if (n.has("list")) {
            n.get("list").forEach(out::add);
        } else if (n.isObject() && !n.has("totalPages")) {
            out.add(n);
        }
    }

    /** Writes the tenant as a bundle folder: {@code api/*.json} as the API returns them, and a case.json. */
    public synchronized void writeBundle(Path dir, String collectedAtIso) throws IOException {
        Files.createDirectories(dir.resolve("api"));
        for (Map.Entry<String, String> e : FILES.entrySet()) {
            ArrayNode a = MAPPER.createArrayNode();
            collections.get(e.getKey()).values().forEach(a::add);
            MAPPER.writeValue(dir.resolve(e.getValue()).toFile(), a);
        }
        ObjectNode c = MAPPER.createObjectNode();
        c.put("collectedAt", collectedAtIso);
        c.put("customerId", "72058304855015424");
        MAPPER.writeValue(dir.resolve("case.json").toFile(), c);
    }
}
