package io.zpadoctor.examples.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools' descriptions and JSON schemas ({@code tools.json} beside this class), and the output schemas taken
 * from the report's own contract ({@code report.schema.json}), so a tool's structured result is held to the same
 * schema as {@code --format json}.
 */
final class Schemas {
    static final ObjectMapper JSON = new ObjectMapper();
    static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String TOOLS = "io/zpadoctor/examples/mcp/tools.json";
    private static final String REPORT = "io/zpadoctor/report/report.schema.json";

    private final Map<String, Map<String, Object>> tools;
    private final Map<String, Object> report;

    private Schemas(Map<String, Map<String, Object>> tools, Map<String, Object> report) {
        this.tools = tools;
        this.report = report;
    }

    @SuppressWarnings("unchecked")
    static Schemas load() {
        Map<String, Object> all = read(TOOLS);
        Map<String, Map<String, Object>> tools = new LinkedHashMap<>();
        all.forEach((k, v) -> tools.put(k, (Map<String, Object>) v));
        Map<String, Object> report = read(REPORT);
        // the schema's identity fields name a draft some clients' validators do not load by default; the keywords
        // used are the same in draft-07
        report.remove("$schema");
        report.remove("$id");
        return new Schemas(tools, report);
    }

    /** The entry of {@code tools.json} for the tool: title, description, inputSchema, outputSchema, annotations. */
    Map<String, Object> tool(String name) {
        Map<String, Object> t = tools.get(name);
        if (t == null) {
            throw new IllegalStateException(TOOLS + " has no entry for tool " + name);
        }
        return t;
    }

    List<String> toolNames() {
        return List.copyOf(tools.keySet());
    }

    /** {@code diagnose}: the report document itself. */
    Map<String, Object> diagnosisOutput() {
        return copy(report);
    }

    /**
     * {@code fleet}: the report's head and summary, with one page of findings instead of all of them (a 100k tenant
     * has thousands), and the page's position.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> fleetOutput() {
        Map<String, Object> r = copy(report);
        Map<String, Object> props = (Map<String, Object>) r.get("properties");
        Map<String, Object> fleet = (Map<String, Object>) props.get("fleet");
        ((Map<String, Object>) fleet.get("properties")).remove("byGroup");
        ((List<Object>) fleet.get("required")).remove("byGroup");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "object");
        out.put("required", List.of("schemaVersion", "tool", "primary", "fleet", "findings", "page", "passed",
                "notEvaluated"));
        Map<String, Object> p = new LinkedHashMap<>();
        for (String k : List.of("schemaVersion", "tool", "evaluatedAt", "primary", "fleet", "findings", "passed",
                "notEvaluated")) {
            p.put(k, props.get(k));
        }
        p.put("page", Map.of("type", "object",
                "required", List.of("offset", "limit", "returned", "total", "nextOffset"),
                "properties", Map.of(
                        "offset", Map.of("type", "integer"),
                        "limit", Map.of("type", "integer"),
                        "returned", Map.of("type", "integer"),
                        "total", Map.of("type", "integer", "description", "Findings in the whole tenant."),
                        "nextOffset", Map.of("type", List.of("integer", "null"),
                                "description", "The offset of the next page; null on the last."))));
        out.put("properties", p);
        out.put("$defs", r.get("$defs"));
        return out;
    }

    /** A deep copy, so one tool's changes never reach another's schema. */
    private static Map<String, Object> copy(Map<String, Object> m) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(m), MAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> read(String resource) {
        try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return JSON.readValue(in, MAP);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
