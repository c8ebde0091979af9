package io.zpadoctor.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.Severity;
import io.zpadoctor.rules.Diagnosis;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** The watch events as single JSON lines: a finding's identity and words, never its evidence values. */
final class EventJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private EventJson() {
    }

    static String change(FindingChange c) {
        StringWriter w = new StringWriter(512);
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("event", c.kind().label());
            g.writeStringField("at", c.at().toString());
            g.writeFieldName("finding");
            finding(g, c.finding(), c.primary());
            if (c.before() != null) {
                g.writeObjectFieldStart("before");
                g.writeStringField("severity", c.before().severity().name());
                g.writeStringField("rootCause", c.before().rootCause());
                g.writeBooleanField("suppressed", c.before().isSuppressed());
                g.writeEndObject();
                g.writeArrayFieldStart("changes");
                for (String s : c.changes()) {
                    g.writeString(s);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    static String snapshot(Diagnosis d, Instant at) {
        StringWriter w = new StringWriter(4096);
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("event", "snapshot");
            g.writeStringField("at", at.toString());
            g.writeNumberField("open", d.findings().size());
            Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
            for (Finding f : d.findings()) {
                counts.merge(f.severity(), 1, Integer::sum);
            }
            g.writeObjectFieldStart("bySeverity");
            for (Severity s : Severity.values()) {
                g.writeNumberField(s.name(), counts.getOrDefault(s, 0));
            }
            g.writeEndObject();
            g.writeArrayFieldStart("findings");
            for (Finding f : d.findings()) {
                finding(g, f, f == d.primary());
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void finding(JsonGenerator g, Finding f, boolean primary) throws IOException {
        g.writeStartObject();
        g.writeStringField("code", f.code());
        g.writeStringField("severity", f.severity().name());
        g.writeStringField("category", f.category() == null ? null : f.category().name());
        g.writeObjectFieldStart("subject");
        g.writeStringField("type", f.subject().type().name());
        g.writeStringField("id", f.subject().id());
        g.writeStringField("name", f.subject().name());
        g.writeEndObject();
        g.writeStringField("title", f.title());
        g.writeStringField("rootCause", f.rootCause());
        g.writeBooleanField("primary", primary);
        g.writeBooleanField("suppressed", f.isSuppressed());
        g.writeArrayFieldStart("explainedBy");
        for (String s : f.explainedBy()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
