package io.zpadoctor.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.finding.Evidence;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.RemediationStep;
import io.zpadoctor.rules.AffectedConnector;
import io.zpadoctor.model.finding.Severity;
import io.zpadoctor.rules.Diagnosis;
import io.zpadoctor.rules.FleetReport;
import io.zpadoctor.rules.HotSpots;
import io.zpadoctor.rules.GroupSummary;
import io.zpadoctor.rules.KeySummary;
import io.zpadoctor.rules.NotEvaluated;
import io.zpadoctor.rules.ServerGroupSummary;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The machine-readable report, {@code schemaVersion} 1, as {@code catalog.md} section 3 fixes it. Fields may
 * be added in later versions, never renamed or removed.
 */
final class JsonReport {
    static final int SCHEMA_VERSION = 1;
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReport() {
    }

    static String render(Diagnosis d) {
        return render(d, null);
    }

    /** The diagnosis document; with a fleet, plus a {@code fleet} section. */
    static String render(Diagnosis d, FleetReport fleet) {
        StringWriter w = new StringWriter(8192);
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            g.setPrettyPrinter(pp);
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeObjectFieldStart("tool");
            g.writeStringField("name", "zpa-doctor");
            g.writeStringField("version", d.toolVersion());
            g.writeEndObject();
            writeCase(g, d.reportedCase());
            g.writeStringField("evaluatedAt", d.evaluationTime().instant().toString());
            g.writeStringField("primary", d.primary() == null ? null : d.primary().code());
            g.writeArrayFieldStart("findings");
            for (Finding f : d.findings()) {
                writeFinding(g, f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("passed");
            for (String p : d.passed()) {
                g.writeString(p);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notEvaluated");
            for (NotEvaluated n : d.notEvaluated()) {
                g.writeStartObject();
                g.writeStringField("check", n.check());
                g.writeStringField("reason", n.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notes");
            for (String n : d.notes()) {
                g.writeString(n);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("affectedConnectors");
            for (AffectedConnector a : d.affectedConnectors()) {
                g.writeStartObject();
                g.writeStringField("name", a.name());
                g.writeStringField("id", a.id());
                g.writeStringField("status", a.status());
                g.writeStringField("connectorGroup", a.groupName());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("groups");
            for (GroupSummary s : d.groups()) {
                writeGroup(g, s);
            }
            g.writeEndArray();
            if (fleet != null) {
                writeFleet(g, fleet);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.append('\n').toString();
    }

    private static void writeCase(JsonGenerator g, ReportedCase c) throws IOException {
        g.writeObjectFieldStart("case");
        g.writeStringField("symptom", c.symptom() == null ? null : c.symptom().label());
        g.writeStringField("connector", c.connectorName());
        g.writeStringField("connectorGroup", c.groupName());
        g.writeStringField("application", c.application() == null ? null : c.application().toString());
        g.writeEndObject();
    }

    private static void writeFinding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("code", f.code());
        g.writeStringField("severity", f.severity().name());
        g.writeStringField("category", f.category().name());
        g.writeStringField("title", f.title());
        g.writeObjectFieldStart("subject");
        g.writeStringField("type", f.subject().type().name());
        g.writeStringField("id", f.subject().id());
        g.writeStringField("name", f.subject().name());
        g.writeEndObject();
        g.writeArrayFieldStart("evidence");
        for (Evidence e : f.evidence()) {
            g.writeStartObject();
            g.writeStringField("source", e.source());
            g.writeStringField("field", e.field());
            g.writeStringField("value", e.value());
            if (e.line() != null) {
                g.writeNumberField("line", e.line());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("rootCause", f.rootCause());
        g.writeArrayFieldStart("remediation");
        for (RemediationStep s : f.remediation()) {
            g.writeStartObject();
            g.writeStringField("kind", s.kind().name());
            g.writeStringField("text", s.text());
            g.writeStringField("command", s.command());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("verification", f.verification());
        g.writeStringField("rule", f.rule());
        g.writeArrayFieldStart("explainedBy");
        for (String c : f.explainedBy()) {
            g.writeString(c);
        }
        g.writeEndArray();
        if (f.suppression() == null) {
            g.writeNullField("suppressed");
        } else {
            g.writeObjectFieldStart("suppressed");
            g.writeStringField("reason", f.suppression().reason());
            g.writeStringField("expires", f.suppression().expires() == null ? null : f.suppression().expires().toString());
            g.writeStringField("origin", f.suppression().origin());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeGroup(JsonGenerator g, GroupSummary s) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", s.group().id());
        g.writeStringField("name", s.group().name());
        g.writeBooleanField("enabled", s.group().enabled());
        g.writeObjectFieldStart("connectors");
        g.writeNumberField("total", s.health().total());
        g.writeNumberField("authenticated", s.health().authenticated());
        g.writeNumberField("disconnected", s.health().disconnected());
        g.writeNumberField("unknownStatus", s.health().unknownStatus());
        g.writeNumberField("disabled", s.health().disabled());
        g.writeEndObject();
        g.writeObjectFieldStart("versions");
        for (Map.Entry<String, Integer> e : s.versions().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeStringField("versionProfile", s.group().versionProfile());
        g.writeStringField("upgradeDay", s.group().upgradeDayRaw());
        if (s.group().upgradeTimeInSecs() != null) {
            g.writeNumberField("upgradeTimeInSecs", s.group().upgradeTimeInSecs());
        } else {
            g.writeNullField("upgradeTimeInSecs");
        }
        g.writeArrayFieldStart("provisioningKeys");
        for (KeySummary k : s.keys()) {
            g.writeStartObject();
            g.writeStringField("id", k.key().id());
            g.writeStringField("name", k.key().name());
            writeNumberOrNull(g, "usageCount", k.key().usageCount());
            writeNumberOrNull(g, "maxUsage", k.key().maxUsage());
            g.writeStringField("state", k.state().name());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("serverGroups");
        for (ServerGroupSummary sg : s.serverGroups()) {
            g.writeStartObject();
            g.writeStringField("id", sg.serverGroup().id());
            g.writeStringField("name", sg.serverGroup().name());
            g.writeBooleanField("enabled", sg.serverGroup().enabled());
            g.writeArrayFieldStart("applicationSegments");
            for (var seg : sg.segments()) {
                g.writeString(seg.displayName());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The busiest connectors and groups by their LSS records; left out without records. */
    private static void writeHotSpots(JsonGenerator g, HotSpots h) throws IOException {
        if (h.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("resourceHotSpots");
        g.writeStringField("asOf", String.valueOf(h.asOf()));
        g.writeNumberField("reporting", h.reporting());
        g.writeArrayFieldStart("connectors");
        for (HotSpots.Connector c : h.connectors()) {
            g.writeStartObject();
            g.writeStringField("connectorId", c.connectorId());
            g.writeStringField("connectorName", c.connectorName());
            g.writeStringField("groupId", c.groupId());
            g.writeStringField("groupName", c.groupName());
            g.writeStringField("busiest", c.busiest());
            g.writeNumberField("busiestPercent", c.busiestPercent());
            number(g, "cpuPercent", c.cpuPercent());
            number(g, "memoryPercent", c.memoryPercent());
            number(g, "processMemoryPercent", c.processMemoryPercent());
            number(g, "portsPercent", c.portsPercent());
            number(g, "fileDescriptorsPercent", c.fdPercent());
            if (c.availableDiskMb() != null) {
                g.writeNumberField("availableDiskMb", c.availableDiskMb());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("groups");
        for (HotSpots.Group x : h.groups()) {
            g.writeStartObject();
            g.writeStringField("groupId", x.groupId());
            g.writeStringField("groupName", x.groupName());
            g.writeNumberField("reporting", x.reporting());
            g.writeNumberField("cpuAverage", x.cpuAverage());
            g.writeNumberField("cpuMax", x.cpuMax());
            g.writeNumberField("memoryAverage", x.memoryAverage());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, Double v) throws IOException {
        if (v != null) {
            g.writeNumberField(name, Math.round(v * 10) / 10.0);
        }
    }

    private static void writeFleet(JsonGenerator g, FleetReport f) throws IOException {
        g.writeObjectFieldStart("fleet");
        g.writeObjectFieldStart("connectors");
        g.writeNumberField("total", f.connectors());
        g.writeNumberField("disabled", f.disabledConnectors());
        g.writeObjectFieldStart("byStatus");
        for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(f.statuses()).entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("byVersion");
        for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(f.versions()).entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeNumberField("groups", f.groups());
        g.writeNumberField("provisioningKeys", f.keys());
        g.writeObjectFieldStart("findingsBySeverity");
        for (Severity s : Severity.values()) {
            g.writeNumberField(s.name(), f.bySeverity().getOrDefault(s, 0));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("problemsBySeverity");
        Map<Severity, Integer> problems = f.problemsBySeverity();
        for (Severity s : Severity.values()) {
            g.writeNumberField(s.name(), problems.getOrDefault(s, 0));
        }
        g.writeEndObject();
        writeImpact(g, f);
        g.writeArrayFieldStart("problems");
        for (FleetReport.Problem p : f.problems()) {
            g.writeStartObject();
            writeRef(g, p.cause());
            g.writeArrayFieldStart("explains");
            for (Finding x : p.explains()) {
                g.writeStartObject();
                writeRef(g, x);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        writeSubjects(g, "groupsWithoutRedundancy", f.groupsWithoutRedundancy());
        writeSubjects(g, "groupsWithoutConnectors", f.groupsWithoutConnectors());
        writeSubjects(g, "keysNearExhaustion", f.keysNearExhaustion());
        writeSubjects(g, "correlatedOutages", f.correlatedOutages());
        writeHotSpots(g, f.hotSpots());
        g.writeArrayFieldStart("byGroup");
        for (FleetReport.GroupFindings gf : f.byGroup()) {
            g.writeStartObject();
            g.writeStringField("groupId", gf.groupId());
            g.writeStringField("groupName", gf.groupName());
            g.writeStringField("worst", gf.worst().name());
            g.writeArrayFieldStart("findings");
            for (Finding x : gf.findings()) {
                g.writeStartObject();
                g.writeStringField("code", x.code());
                g.writeStringField("severity", x.severity().name());
                g.writeStringField("subjectType", x.subject().type().name());
                g.writeStringField("subjectId", x.subject().id());
                g.writeStringField("subjectName", x.subject().name());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Applications unreachable, groups down and connectors down, then what to clean up. */
    private static void writeImpact(JsonGenerator g, FleetReport f) throws IOException {
        FleetReport.Impact im = f.impact();
        g.writeObjectFieldStart("impact");
        g.writeArrayFieldStart("applicationsUnreachable");
        for (FleetReport.UnreachableApplication a : im.unreachable()) {
            g.writeStartObject();
            g.writeStringField("segmentId", a.segmentId());
            g.writeStringField("segmentName", a.segmentName());
            g.writeArrayFieldStart("domains");
            for (String d : a.domains()) {
                g.writeString(d);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("chain");
            for (FleetReport.ChainLink l : a.chain()) {
                g.writeStartObject();
                g.writeStringField("serverGroupId", l.serverGroupId());
                g.writeStringField("serverGroupName", l.serverGroupName());
                g.writeStringField("problem", l.problem());
                g.writeArrayFieldStart("connectorGroups");
                for (FleetReport.ChainGroup cg : l.groups()) {
                    g.writeStartObject();
                    g.writeStringField("groupId", cg.groupId());
                    g.writeStringField("groupName", cg.groupName());
                    g.writeBooleanField("enabled", cg.enabled());
                    g.writeNumberField("serving", cg.serving());
                    g.writeNumberField("total", cg.total());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("findings");
            for (Finding x : a.findings()) {
                g.writeStartObject();
                writeRef(g, x);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("groupsDown");
        for (FleetReport.GroupDown d : im.groupsDown()) {
            g.writeStartObject();
            g.writeStringField("groupId", d.groupId());
            g.writeStringField("groupName", d.groupName());
            g.writeNumberField("connectors", d.total());
            g.writeNumberField("disconnected", d.disconnected());
            g.writeBooleanField("wentDownTogether", d.outage() != null);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("connectorsDown", im.connectorsDown());
        g.writeEndObject();
        g.writeObjectFieldStart("cleanup");
        writeSubjects(g, "longDisconnected", im.longDisconnected());
        writeSubjects(g, "duplicates", im.duplicates());
        writeSubjects(g, "keysNearExhaustion", im.keysNearExhaustion());
        g.writeEndObject();
    }

    /** Which finding: its code, severity and subject, and the causes that explain it. */
    private static void writeRef(JsonGenerator g, Finding x) throws IOException {
        g.writeStringField("code", x.code());
        g.writeStringField("severity", x.severity().name());
        g.writeStringField("subjectType", x.subject().type().name());
        g.writeStringField("subjectId", x.subject().id());
        g.writeStringField("subjectName", x.subject().name());
        if (x.isExplained()) {
            g.writeArrayFieldStart("explainedBy");
            for (String c : x.explainedBy()) {
                g.writeString(c);
            }
            g.writeEndArray();
        }
    }

    /** A placeholder value as JSON: a count as a number, an id (however numeric) or anything else as its string. */
    private static void writeValue(JsonGenerator g, String field, String v) throws IOException {
        if (v != null && !field.endsWith("Id") && v.matches("-?(0|[1-9][0-9]{0,8})")) {
            g.writeNumberField(field, Long.parseLong(v));
        } else {
            g.writeStringField(field, v);
        }
    }

    private static void writeSubjects(JsonGenerator g, String field, java.util.List<Finding> findings) throws IOException {
        g.writeArrayFieldStart(field);
        for (Finding x : findings) {
            g.writeStartObject();
            g.writeStringField("code", x.code());
            g.writeStringField("id", x.subject().id());
            g.writeStringField("name", x.subject().name());
            g.writeObjectFieldStart("values");
            for (Map.Entry<String, String> e : x.params().entrySet()) {
                writeValue(g, e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeNumberOrNull(JsonGenerator g, String field, Integer v) throws IOException {
        if (v == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, v);
        }
    }
}
