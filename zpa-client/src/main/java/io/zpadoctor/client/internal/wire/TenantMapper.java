package io.zpadoctor.client.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ApplicationSegment;
import io.zpadoctor.model.tenant.ApplicationServer;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.EnrollmentCertificate;
import io.zpadoctor.model.tenant.PortRange;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.ServerGroup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps API JSON objects (wire camelCase, or the SDK's snake_case already turned back) to model records. Only
 * diagnostic fields are read; everything else, including the provisioning key string, is dropped here.
 */
public final class TenantMapper {
    private TenantMapper() {
    }

    public static AppConnector connector(Fields f, String source, String groupFallback) throws WireException {
        // list results may carry the runtime fields only in the assistantVersion sub-record
        JsonNode av = f.object("assistantVersion");
        AppConnector.Builder b = AppConnector.builder(f.id())
                .name(f.text("name"))
                .enabled(f.bool("enabled", true))
                .controlChannelStatus(firstText(f.text("controlChannelStatus"), av, "ctrlChannelStatus"))
                .currentVersion(firstText(f.text("currentVersion"), av, "currentVersion"))
                .expectedVersion(firstText(f.text("expectedVersion"), av, "expectedVersion"))
                .previousVersion(firstText(f.text("previousVersion"), av, "previousVersion"))
                .upgradeStatus(firstText(f.text("upgradeStatus"), av, "upgradeStatus"))
                .upgradeAttempt(f.count("upgradeAttempt"))
                .lastUpgradeTime(f.instant("lastUpgradeTime"))
                .expectedUpgradeTime(f.instant("expectedUpgradeTime"))
                .lastBrokerConnectTime(f.instant("lastBrokerConnectTime"))
                .lastBrokerDisconnectTime(f.instant("lastBrokerDisconnectTime"))
                .ctrlBrokerName(f.text("ctrlBrokerName"))
                .applicationStartTime(f.instant("applicationStartTime"))
                .privateIp(firstText(f.text("privateIp"), av, "privateIp"))
                .publicIp(firstText(f.text("publicIp"), av, "publicIp"))
                .platform(firstText(f.text("platform"), av, "platform"))
                .platformDetail(firstText(f.text("platformDetail"), av, "platformDetail"))
                .runtimeOs(firstText(f.text("runtimeOS"), av, "runtimeOS"))
                .sargeVersion(firstText(f.text("sargeVersion"), av, "sargeVersion"))
                .groupId(orElse(f.text("appConnectorGroupId", "connectorGroupId"), groupFallback))
                .groupName(f.text("appConnectorGroupName", "connectorGroupName"))
                .provisioningKeyId(f.text("provisioningKeyId"))
                .provisioningKeyName(f.text("provisioningKeyName"))
                .issuedCertId(f.text("issuedCertId"))
                .fingerprint(f.text("fingerprint"))
                .enrollmentTime(f.instant("enrollmentTime"))
                .source(source);
        JsonNode cert = f.object("enrollmentCert");
        b.enrollmentCertId(cert != null && cert.hasNonNull("id") ? cert.get("id").asText() : f.text("enrollmentCertId"));
        if (f.raw("lastBrokerDisconnectTime") == null && av != null && av.hasNonNull("lastBrokerDisconnectTime")) {
            b.lastBrokerDisconnectTime(nested(f, av, "lastBrokerDisconnectTime"));
        }
        if (f.raw("lastBrokerConnectTime") == null && av != null && av.hasNonNull("lastBrokerConnectTime")) {
            b.lastBrokerConnectTime(nested(f, av, "lastBrokerConnectTime"));
        }
        return b.build();
    }

    public static ConnectorGroup group(Fields f, String source) throws WireException {
        return ConnectorGroup.builder(f.id())
                .name(f.text("name"))
                .enabled(f.bool("enabled", true))
                .upgradeDay(f.text("upgradeDay"))
                .upgradeTimeInSecs(secondsOfDay(f))
                .versionProfileId(f.text("versionProfileId"))
                .versionProfileName(f.text("versionProfileName"))
                .overrideVersionProfile(f.bool("overrideVersionProfile", false))
                .location(f.text("location", "cityCountry"))
                .countryCode(f.text("countryCode"))
                .lssAppConnectorGroup(f.bool("lssAppConnectorGroup", false))
                .connectorGroupType(f.text("connectorGroupType"))
                .enrollmentCertId(f.text("enrollmentCertId"))
                .source(source)
                .build();
    }

    /** Connectors embedded in a group's record ({@code GET appConnectorGroup/{id}} returns them). */
    public static List<AppConnector> embeddedConnectors(Fields group, ApiJson.Item item, String groupId,
                                                        String file, String source) throws WireException {
        List<JsonNode> list = group.array("connectors");
        List<AppConnector> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (JsonNode n : list) {
            if (n.isObject() && n.hasNonNull("id")) {
                out.add(connector(new Fields(n, item, "connectors", file, "connector embedded in group"), source,
                        groupId));
            }
        }
        return out;
    }

    public static ProvisioningKey key(Fields f, String source) throws WireException {
        ProvisioningKey.Builder b = ProvisioningKey.builder(f.id())
                .name(f.text("name"))
                .associationType(f.text("associationType"))
                .groupId(f.text("zcomponentId", "appConnectorGroupId", "componentId"))
                .groupName(f.text("zcomponentName", "appConnectorGroupName", "componentName"))
                .maxUsage(f.nonNegative("maxUsage"))
                .usageCount(f.nonNegative("usageCount"))
                .enabled(f.bool("enabled", true))
                .enrollmentCertId(f.text("enrollmentCertId"))
                .enrollmentCertName(f.text("enrollmentCertName"))
                .expiration(f.instant("expirationInEpochSec"))
                .source(source);
        // only the public prefix of the secret survives this line
        b.keyPrefixFrom(f.text("provisioningKey"));
        return b.build();
    }

    public static EnrollmentCertificate certificate(Fields f, String source) throws WireException {
        return new EnrollmentCertificate(f.id(), f.text("name"), f.instant("validFromInEpochSec"),
                f.instant("validToInEpochSec"), f.text("issuedTo"), f.text("issuedBy"), source);
    }

    public static ServerGroup serverGroup(Fields f, String source) throws WireException {
        ServerGroup.Builder b = ServerGroup.builder(f.id())
                .name(f.text("name"))
                .enabled(f.bool("enabled", true))
                .dynamicDiscovery(f.bool("dynamicDiscovery", true))
                .connectorGroupIds(orEmpty(orElse(f.ids("appConnectorGroups"), f.ids("appConnectorGroupIds"))))
                .applicationIds(orEmpty(f.ids("applications")))
                .source(source);
        List<JsonNode> servers = f.array("servers");
        if (servers != null) {
            List<ApplicationServer> list = new ArrayList<>();
            for (JsonNode s : servers) {
                if (s.isObject()) {
                    list.add(new ApplicationServer(text(s, "id"), text(s, "name"), text(s, "address"),
                            !s.has("enabled") || s.get("enabled").asBoolean(true)));
                } else if (!s.isNull()) {
                    list.add(new ApplicationServer(s.asText(), null, null, true));
                }
            }
            b.servers(list);
        }
        return b.build();
    }

    public static ApplicationSegment segment(Fields f, String source) throws WireException {
        return ApplicationSegment.builder(f.id())
                .name(f.text("name"))
                .enabled(f.bool("enabled", true))
                .domainNames(orEmpty(f.strings("domainNames")))
                .tcpPortRanges(ports(f, "tcpPortRanges", "tcpPortRange"))
                .udpPortRanges(ports(f, "udpPortRanges", "udpPortRange"))
                .serverGroupIds(orEmpty(orElse(f.ids("serverGroups"), f.ids("serverGroupIds"))))
                .segmentGroupName(f.text("segmentGroupName"))
                .healthReporting(f.text("healthReporting"))
                .source(source)
                .build();
    }

    /** Both spellings the API returns: a flat from/to string list and a list of {from, to} objects. */
    static List<PortRange> ports(Fields f, String flatField, String structuredField) throws WireException {
        Set<PortRange> out = new LinkedHashSet<>();
        List<String> flat = f.strings(flatField);
        if (flat != null) {
            if (flat.size() % 2 != 0) {
                throw f.error(flatField, "expected from/to pairs, found " + flat.size() + " values " + flat);
            }
            for (int i = 0; i < flat.size(); i += 2) {
                out.add(range(f, flatField, flat.get(i), flat.get(i + 1)));
            }
        }
        List<JsonNode> structured = f.array(structuredField);
        if (structured != null) {
            for (JsonNode r : structured) {
                if (!r.isObject()) {
                    throw f.error(structuredField, "expected objects like {\"from\": \"443\", \"to\": \"443\"}");
                }
                String from = text(r, "from");
                String to = text(r, "to");
                out.add(range(f, structuredField, from, to != null ? to : from));
            }
        }
        return new ArrayList<>(out);
    }

    private static PortRange range(Fields f, String field, String from, String to) throws WireException {
        try {
            int a = Integer.parseInt(from.strip());
            int b = Integer.parseInt(to.strip());
            return new PortRange(a, b);
        } catch (NumberFormatException | NullPointerException e) {
            throw f.error(field, "expected port numbers, found from \"" + from + "\" to \"" + to + "\"");
        } catch (IllegalArgumentException e) {
            throw f.error(field, e.getMessage());
        }
    }

    private static Integer secondsOfDay(Fields f) throws WireException {
        Integer v = f.integer("upgradeTimeInSecs");
        if (v != null && (v < 0 || v >= 86_400)) {
            throw f.error("upgradeTimeInSecs", "expected seconds after midnight (0-86399), found " + v);
        }
        return v;
    }

    private static java.time.Instant nested(Fields f, JsonNode av, String field) throws WireException {
        try {
            long n = Long.parseLong(av.get(field).asText().strip());
            return n <= 0 ? null : n > 100_000_000_000L ? java.time.Instant.ofEpochMilli(n) : java.time.Instant.ofEpochSecond(n);
        } catch (NumberFormatException e) {
            throw f.error("assistantVersion", field + ": expected epoch seconds, found \"" + av.get(field).asText() + "\"");
        }
    }

    private static String firstText(String top, JsonNode sub, String field) {
        if (top != null) {
            return top;
        }
        return sub == null ? null : text(sub, field);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static <T> T orElse(T a, T b) {
        return a != null ? a : b;
    }

    private static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }
}
