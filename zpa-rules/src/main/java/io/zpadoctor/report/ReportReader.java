package io.zpadoctor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zpadoctor.model.finding.Category;
import io.zpadoctor.model.finding.Evidence;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.Severity;
import io.zpadoctor.model.finding.Subject;
import io.zpadoctor.model.finding.SubjectType;
import io.zpadoctor.model.finding.Suppression;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads back the findings of a JSON report ({@code schemaVersion} 1) as {@link JsonReport} writes it. */
final class ReportReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EXPECTED = "expected a zpa-doctor JSON report (diagnose or fleet --format json):"
            + " an object with schemaVersion 1, evaluatedAt and a findings array";

    record Read(List<Finding> findings, Finding primary, Instant evaluatedAt) {
    }

    private ReportReader() {
    }

    static Read read(String json, String which) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(which + " is not JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + "); " + EXPECTED);
        }
        if (root == null || !root.isObject() || !root.path("findings").isArray()
                || !root.path("evaluatedAt").isTextual()) {
            throw new IllegalArgumentException(which + ": " + EXPECTED);
        }
        if (root.path("schemaVersion").asInt(-1) != JsonReport.SCHEMA_VERSION) {
            throw new IllegalArgumentException(which + " has schemaVersion " + root.path("schemaVersion")
                    + "; this version reads " + JsonReport.SCHEMA_VERSION);
        }
        Instant at;
        try {
            at = Instant.parse(root.get("evaluatedAt").asText());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(which + ": evaluatedAt '" + root.get("evaluatedAt").asText()
                    + "' is not an ISO-8601 instant");
        }
        List<Finding> findings = new ArrayList<>();
        String primaryCode = root.path("primary").isTextual() ? root.get("primary").asText() : null;
        Finding primary = null;
        int i = 0;
        for (JsonNode f : root.get("findings")) {
            try {
                Finding read = finding(f);
                findings.add(read);
                // the report names the primary by code; findings are written worst first, so it is the first
                if (primary == null && read.code().equals(primaryCode)) {
                    primary = read;
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(which + ": findings[" + i + "] is not a finding: " + e.getMessage());
            }
            i++;
        }
        return new Read(findings, primary, at);
    }

    private static Finding finding(JsonNode f) {
        JsonNode s = f.path("subject");
        Subject subject = new Subject(SubjectType.valueOf(text(s, "type")), text(s, "id"), text(s, "name"));
        List<Evidence> evidence = new ArrayList<>();
        for (JsonNode e : f.path("evidence")) {
            evidence.add(new Evidence(text(e, "source"), text(e, "field"), text(e, "value"),
                    e.path("line").isInt() ? e.get("line").asInt() : null));
        }
        List<String> explainedBy = new ArrayList<>();
        for (JsonNode e : f.path("explainedBy")) {
            explainedBy.add(e.asText());
        }
        JsonNode sup = f.path("suppressed");
        Suppression suppression = sup.isObject() ? new Suppression(text(sup, "reason"),
                text(sup, "expires") == null ? null : LocalDate.parse(text(sup, "expires")), text(sup, "origin")) : null;
        String category = text(f, "category");
        return new Finding(text(f, "code"), Severity.parse(String.valueOf(text(f, "severity"))),
                category == null ? null : Category.valueOf(category), subject, evidence, null, null, text(f, "rule"),
                text(f, "title"), text(f, "rootCause"), null, text(f, "verification"), explainedBy, suppression);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
