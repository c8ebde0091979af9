package io.zpadoctor.rules.internal.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.zpadoctor.model.finding.Category;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.Severity;
import io.zpadoctor.model.finding.StepKind;
import io.zpadoctor.rules.CatalogEntry;
import io.zpadoctor.rules.RulePackException;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a catalog YAML file, checking every entry and naming the file and code of each problem. It hands back what
 * the file holds ({@link CatalogFile}); {@link io.zpadoctor.rules.Catalog} is built from that, so the public catalog
 * and this reader do not know each other.
 */
public final class CatalogLoader {
    /** Made on first use: a run that reads the compiled built-in catalog never needs a YAML mapper (40 ms cold). */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    }

    /**
     * What a catalog file holds: its sound entries, the "if the issue persists" collection steps and the probe
     * commands, and every problem found (an entry with a problem is left out).
     */
    public record CatalogFile(List<CatalogEntry> entries, List<CatalogEntry.Step> persist, Map<String, String> probes,
                              List<RulePackException.Problem> problemList) {
        public CatalogFile {
            entries = List.copyOf(entries);
            persist = List.copyOf(persist);
            probes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(probes));
            problemList = List.copyOf(problemList);
        }

        /** The problems found, as "file: code: what" lines; empty when the file is sound. */
        public List<String> problems() {
            return problemList.stream().map(RulePackException.Problem::toString).toList();
        }

        /** This file, or an exception listing every problem when it has any. */
        public CatalogFile requireSound() {
            if (!problemList.isEmpty()) {
                throw new IllegalArgumentException(String.join("\n", problems()));
            }
            return this;
        }
    }

    private final List<CatalogEntry> entries = new ArrayList<>();
    private final List<CatalogEntry.Step> persist = new ArrayList<>();
    private final Map<String, String> probes = new LinkedHashMap<>();
    private final List<RulePackException.Problem> problems = new ArrayList<>();
    private String file;
    private final java.util.Map<String, Integer> codeLines = new java.util.HashMap<>();
    private int currentLine = -1;
    /** Read from the build's compiled copy, whose templates the build rendered once already (a third of the time). */
    private boolean compiled;

    private CatalogLoader() {
    }

    private CatalogFile result() {
        return new CatalogFile(entries, persist, probes, problems);
    }

    public static CatalogFile load(InputStream in, String origin, String fileName) throws IOException {
        CatalogLoader l = new CatalogLoader();
        l.file = fileName;
        JsonNode root;
        byte[] bytes = in.readAllBytes();
        String[] lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (t.endsWith(":") && Finding.CODE.matcher(t.substring(0, t.length() - 1)).matches()) {
                l.codeLines.putIfAbsent(t.substring(0, t.length() - 1), i + 1);
            }
        }
        try {
            root = yamlTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            l.problems.add(new RulePackException.Problem(fileName, loc == null ? -1 : loc.getLineNr(),
                    loc == null ? -1 : loc.getColumnNr(), "not valid YAML: " + e.getOriginalMessage()));
            return l.result();
        }
        return l.interpret(root, origin);
    }

    /** The YAML file as a tree, before any check. */
    static JsonNode yamlTree(byte[] bytes) throws IOException {
        return Yaml.MAPPER.readTree(bytes);
    }

    /**
     * The catalog the build compiled ({@link CatalogCompiler}): the YAML file's tree written as JSON, read with a
     * plain parser. A cold YAML parser and the object mapper it needs took 100 ms of every run's start; this takes
     * a few. The build checked the YAML before compiling it (templates included, which are not rendered again here), so
     * positions of problems are not kept.
     */
    public static CatalogFile loadCompiled(JsonNode tree, String origin, String fileName) {
        CatalogLoader l = new CatalogLoader();
        l.file = fileName;
        l.compiled = true;
        return l.interpret(tree, origin);
    }

    private CatalogFile interpret(JsonNode root, String origin) {
        if (root == null || !root.isObject()) {
            problem("expected a mapping with 'codes:' at the top");
            return result();
        }
        for (JsonNode p : root.path("persist")) {
            persist.add(new CatalogEntry.Step(StepKind.HOST, text(p, "text"), text(p, "command")));
        }
        root.path("probes").fields().forEachRemaining(e -> probes.put(e.getKey(), e.getValue().asText()));
        JsonNode codes = root.path("codes");
        if (!codes.isObject() || codes.isEmpty()) {
            problem("no 'codes:' mapping");
            return result();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = codes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            entry(e.getKey(), e.getValue(), origin, file);
        }
        return result();
    }

    private void problem(String message) {
        problems.add(new RulePackException.Problem(file, currentLine, -1, message));
    }

    private void entry(String code, JsonNode n, String origin, String file) {
        String where = code;
        currentLine = codeLines.getOrDefault(code, -1);
        int before = problems.size();
        if (!Finding.CODE.matcher(code).matches()) {
            problem(where + ": the code is not of the form PREFIX-AREA-NNN (e.g. ACME-CPU-001)");
        }
        Severity severity = null;
        Category category = null;
        CatalogEntry.Role role = CatalogEntry.Role.CAUSE;
        try {
            severity = Severity.parse(required(n, "severity", where));
        } catch (IllegalArgumentException ex) {
            problem(where + ": " + ex.getMessage());
        }
        try {
            category = Category.parse(required(n, "category", where));
        } catch (IllegalArgumentException ex) {
            problem(where + ": " + ex.getMessage());
        }
        String roleText = text(n, "role");
        if (roleText != null) {
            try {
                role = CatalogEntry.Role.valueOf(roleText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                problem(where + ": role '" + roleText + "' is not cause, symptom or umbrella");
            }
        }
        String title = required(n, "title", where);
        String trigger = required(n, "trigger", where);
        String rootCause = required(n, "rootCause", where);
        String verification = required(n, "verification", where);
        List<CatalogEntry.Step> steps = new ArrayList<>();
        JsonNode rem = n.path("remediation");
        if (!rem.isArray() || rem.isEmpty()) {
            problem(where + ": needs at least one remediation step");
        }
        int i = 0;
        for (JsonNode s : rem) {
            i++;
            StepKind kind = StepKind.HOST;
            String kindText = text(s, "kind");
            try {
                kind = StepKind.valueOf(kindText == null ? "" : kindText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                problem(where + ": remediation step " + i + ": kind '" + kindText
                        + "' is not one of API, HOST, PORTAL, VERIFY");
            }
            String text = text(s, "text");
            if (text == null) {
                problem(where + ": remediation step " + i + " has no text");
            }
            steps.add(new CatalogEntry.Step(kind, text, text(s, "command")));
        }
        if (!compiled) {
            for (String t : new String[] {rootCause, verification, title}) {
                String problem = Template.check(t);
                if (problem != null) {
                    problem(where + ": " + problem);
                }
            }
            for (CatalogEntry.Step s : steps) {
                for (String t : new String[] {s.text(), s.command()}) {
                    String problem = Template.check(t);
                    if (problem != null) {
                        problem(where + ": " + problem);
                    }
                }
            }
        }
        List<String> requires = strings(n.path("requires"));
        for (String r : requires) {
            if (!r.matches("(api|host|context):[a-z0-9._-]+|lss:(status|metrics)")) {
                problem(where + ": requires '" + r + "' is not api:<file>, host:<probe>, lss:status, lss:metrics or"
                        + " context:<name>");
            }
        }
        List<String> supersedes = strings(n.path("supersedes"));
        if (problems.size() == before) {
            entries.add(new CatalogEntry(code, severity, category, role, title, trigger, requires, rootCause, steps,
                    verification, supersedes, origin));
        }
    }

    private String required(JsonNode n, String field, String where) {
        String v = text(n, field);
        if (v == null) {
            problem(where + ": missing '" + field + "'");
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : n) {
            out.add(v.asText().trim());
        }
        return out;
    }
}
