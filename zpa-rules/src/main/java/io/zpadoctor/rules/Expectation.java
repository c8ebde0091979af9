package io.zpadoctor.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.zpadoctor.model.finding.Finding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a scenario expects of a diagnosis, from its {@code expected.yaml}:
 * <pre>
 * description: An exhausted key stops a connector of its group from enrolling.
 * primary: ZPA-ENR-001          # or ~ when nothing at WARNING or above may be found
 * fires: [ZPA-ENR-001, ZPA-ENR-008]
 * must-not-fire: [ZPA-ENR-002]
 * exactly: true                 # optional: fires is the complete list
 * severity: {ZPA-HLT-002: CRITICAL}   # optional
 * not-evaluated: [ZPA-ENR-006]  # optional: checks that must be listed as not evaluated (neither passed nor fired)
 * </pre>
 * The same format serves the built-in scenarios and every rule pack's.
 */
public record Expectation(String description, String primary, boolean primaryGiven, Set<String> fires,
                          Set<String> mustNotFire, boolean exactly, Map<String, String> severity,
                          Set<String> notEvaluated) {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    private static final Set<String> KEYS = Set.of("description", "primary", "fires", "must-not-fire", "exactly",
            "severity", "not-evaluated");

    public static Expectation read(Path file) throws IOException {
        JsonNode n;
        try {
            n = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ":" + (e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":")
                    + " not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new IOException(file + ": expected a mapping with primary, fires and must-not-fire");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new IOException(file + ": unknown key '" + k + "' (expected description, primary, fires,"
                        + " must-not-fire, exactly, severity, not-evaluated)");
            }
        }
        JsonNode p = n.get("primary");
        Map<String, String> severity = new TreeMap<>();
        n.path("severity").fields().forEachRemaining(e -> severity.put(e.getKey(), e.getValue().asText()));
        return new Expectation(n.path("description").asText(""), p == null || p.isNull() ? null : p.asText(),
                p != null, codes(n.path("fires")), codes(n.path("must-not-fire")), n.path("exactly").asBoolean(false),
                severity, codes(n.path("not-evaluated")));
    }

    /** The expectation without a not-evaluated list (the format before that key existed). */
    public Expectation(String description, String primary, boolean primaryGiven, Set<String> fires,
                       Set<String> mustNotFire, boolean exactly, Map<String, String> severity) {
        this(description, primary, primaryGiven, fires, mustNotFire, exactly, severity, Set.of());
    }

    private static Set<String> codes(JsonNode a) {
        Set<String> s = new TreeSet<>();
        a.forEach(v -> s.add(v.asText().strip()));
        return s;
    }

    /** What the diagnosis does not live up to; empty when it meets every expectation. */
    public List<String> check(Diagnosis d) {
        List<String> failures = new ArrayList<>();
        Set<String> codes = new TreeSet<>();
        d.findings().forEach(f -> codes.add(f.code()));
        for (String c : fires) {
            if (!codes.contains(c)) {
                failures.add(c + " should fire but did not");
            }
        }
        for (String c : mustNotFire) {
            if (codes.contains(c)) {
                failures.add(c + " must not fire but did");
            }
        }
        if (exactly) {
            Set<String> extra = new TreeSet<>(codes);
            extra.removeAll(fires);
            if (!extra.isEmpty()) {
                failures.add("fired beyond the expected list (exactly: true): " + String.join(", ", extra));
            }
        }
        if (primaryGiven) {
            String actual = d.primary() == null ? null : d.primary().code();
            if (!java.util.Objects.equals(primary, actual)) {
                failures.add("primary should be " + (primary == null ? "none" : primary) + " but is "
                        + (actual == null ? "none" : actual));
            }
        }
        severity.forEach((code, sev) -> {
            for (Finding f : d.findings(code)) {
                if (!f.severity().name().equalsIgnoreCase(sev)) {
                    failures.add(code + " should be " + sev + " but is " + f.severity());
                }
            }
            if (d.findings(code).isEmpty()) {
                failures.add(code + " should fire with severity " + sev + " but did not fire");
            }
        });
        for (String c : notEvaluated) {
            if (d.notEvaluated().stream().noneMatch(n -> n.check().equals(c))) {
                failures.add(c + " should be listed as not evaluated but is "
                        + (d.passed().contains(c) ? "listed as passed" : codes.contains(c) ? "a finding" : "absent"));
            }
        }
        return failures;
    }
}
