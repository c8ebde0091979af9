package io.zpadoctor.examples.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ApplicationSegment;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.EnrollmentCertificate;
import io.zpadoctor.model.tenant.PortRange;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.ServerGroup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes a generated tenant as a support bundle in the API's wire format (camelCase, numbers and times as
 * strings, pages of 500), with {@code expected-findings.txt} listing what its faults must produce.
 */
public final class SyntheticBundle {
    private static final JsonFactory JSON = new JsonFactory();
    private static final int PAGE = 500;

    private SyntheticBundle() {
    }

    public static void write(SyntheticTenant.Generated g, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("api"));
        Files.writeString(dir.resolve("case.json"), "{\"cloud\": \"prod.zpath.net\", \"collectedAt\": \""
                + SyntheticTenant.NOW + "\"}\n");
        var t = g.tenant();
        pages(dir.resolve("api/connectors.json"), t.connectors(), SyntheticBundle::connector);
        pages(dir.resolve("api/connector-groups.json"), t.groups(), SyntheticBundle::group);
        pages(dir.resolve("api/provisioning-keys.json"), t.keys(), SyntheticBundle::key);
        pages(dir.resolve("api/enrollment-certificates.json"), t.certificates(), SyntheticBundle::certificate);
        pages(dir.resolve("api/server-groups.json"), t.serverGroups(), SyntheticBundle::serverGroup);
        pages(dir.resolve("api/application-segments.json"), t.segments(), SyntheticBundle::segment);
        StringBuilder sb = new StringBuilder("# code subject-id: the findings the injected faults must produce\n");
        g.expected().stream().sorted().forEach(e -> sb.append(e.code()).append(' ').append(e.subjectId()).append('\n'));
        Files.writeString(dir.resolve("expected-findings.txt"), sb);
    }

    interface Writer<T> {
        void write(JsonGenerator g, T item) throws IOException;
    }

    /** An array of API pages, as a paging client saves them. */
    private static <T> void pages(Path file, List<T> items, Writer<T> writer) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JsonGenerator g = JSON.createGenerator(out)) {
            int pages = Math.max(1, (items.size() + PAGE - 1) / PAGE);
            g.writeStartArray();
            for (int p = 0; p < pages; p++) {
                g.writeStartObject();
                g.writeStringField("totalPages", Integer.toString(pages));
                g.writeStringField("totalCount", Integer.toString(items.size()));
                g.writeArrayFieldStart("list");
                for (T item : items.subList(p * PAGE, Math.min(items.size(), (p + 1) * PAGE))) {
                    g.writeStartObject();
                    writer.write(g, item);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeRaw('\n');
            }
            g.writeEndArray();
        }
    }

    private static void connector(JsonGenerator g, AppConnector c) throws IOException {
        g.writeStringField("id", c.id());
        g.writeStringField("name", c.name());
        g.writeBooleanField("enabled", c.enabled());
        text(g, "controlChannelStatus", c.controlChannelStatusRaw());
        text(g, "currentVersion", c.currentVersion());
        text(g, "expectedVersion", c.expectedVersion());
        text(g, "upgradeStatus", c.upgradeStatusRaw());
        g.writeStringField("upgradeAttempt", Integer.toString(c.upgradeAttempt()));
        time(g, "lastBrokerConnectTime", c.lastBrokerConnectTime());
        time(g, "lastBrokerDisconnectTime", c.lastBrokerDisconnectTime());
        time(g, "expectedUpgradeTime", c.expectedUpgradeTime());
        text(g, "ctrlBrokerName", c.ctrlBrokerName());
        text(g, "privateIp", c.privateIp());
        text(g, "publicIp", c.publicIp());
        text(g, "platform", c.platform());
        text(g, "runtimeOS", c.runtimeOs());
        text(g, "sargeVersion", c.sargeVersion());
        text(g, "fingerprint", c.fingerprint());
        text(g, "appConnectorGroupId", c.groupId());
        text(g, "appConnectorGroupName", c.groupName());
        text(g, "provisioningKeyId", c.provisioningKeyId());
        text(g, "provisioningKeyName", c.provisioningKeyName());
        if (c.enrollmentCertId() != null) {
            g.writeObjectFieldStart("enrollmentCert");
            g.writeStringField("id", c.enrollmentCertId());
            g.writeStringField("name", "Connector");
            g.writeEndObject();
        }
    }

    private static void group(JsonGenerator g, ConnectorGroup x) throws IOException {
        g.writeStringField("id", x.id());
        g.writeStringField("name", x.name());
        g.writeBooleanField("enabled", x.enabled());
        text(g, "upgradeDay", x.upgradeDayRaw());
        if (x.upgradeTimeInSecs() != null) {
            g.writeStringField("upgradeTimeInSecs", x.upgradeTimeInSecs().toString());
        }
        text(g, "versionProfileId", x.versionProfileId());
        text(g, "enrollmentCertId", x.enrollmentCertId());
    }

    private static void key(JsonGenerator g, ProvisioningKey k) throws IOException {
        g.writeStringField("id", k.id());
        g.writeStringField("name", k.name());
        text(g, "associationType", k.associationTypeRaw());
        text(g, "zcomponentId", k.groupId());
        text(g, "zcomponentName", k.groupName());
        g.writeStringField("maxUsage", String.valueOf(k.maxUsage()));
        g.writeStringField("usageCount", String.valueOf(k.usageCount()));
        g.writeBooleanField("enabled", k.enabled());
        text(g, "enrollmentCertId", k.enrollmentCertId());
    }

    private static void certificate(JsonGenerator g, EnrollmentCertificate c) throws IOException {
        g.writeStringField("id", c.id());
        g.writeStringField("name", c.name());
        time(g, "validFromInEpochSec", c.validFrom());
        time(g, "validToInEpochSec", c.validTo());
    }

    private static void serverGroup(JsonGenerator g, ServerGroup s) throws IOException {
        g.writeStringField("id", s.id());
        g.writeStringField("name", s.name());
        g.writeBooleanField("enabled", s.enabled());
        g.writeBooleanField("dynamicDiscovery", s.dynamicDiscovery());
        g.writeArrayFieldStart("appConnectorGroups");
        for (String id : s.connectorGroupIds()) {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("servers");
        g.writeEndArray();
        g.writeArrayFieldStart("applications");
        for (String id : s.applicationIds()) {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void segment(JsonGenerator g, ApplicationSegment s) throws IOException {
        g.writeStringField("id", s.id());
        g.writeStringField("name", s.name());
        g.writeBooleanField("enabled", s.enabled());
        g.writeArrayFieldStart("domainNames");
        for (String d : s.domainNames()) {
            g.writeString(d);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("tcpPortRanges");
        for (PortRange r : s.tcpPortRanges()) {
            g.writeString(Integer.toString(r.from()));
            g.writeString(Integer.toString(r.to()));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("serverGroups");
        for (String id : s.serverGroupIds()) {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void text(JsonGenerator g, String field, String v) throws IOException {
        if (v != null) {
            g.writeStringField(field, v);
        }
    }

    private static void time(JsonGenerator g, String field, Instant t) throws IOException {
        if (t != null) {
            g.writeStringField(field, Long.toString(t.getEpochSecond()));
        }
    }

    /** For callers that cannot throw. */
    public static void writeUnchecked(SyntheticTenant.Generated g, Path dir) {
        try {
            write(g, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
