package io.zpadoctor.examples.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.zpadoctor.examples.cli.CommandCalls;
import io.zpadoctor.examples.cli.FixDryRun;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.report.Format;
import io.zpadoctor.report.Redactor;
import io.zpadoctor.report.Reports;
import io.zpadoctor.rules.Catalog;
import io.zpadoctor.rules.CatalogEntry;
import io.zpadoctor.rules.Diagnosis;
import io.zpadoctor.rules.Explanation;
import io.zpadoctor.rules.FleetReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The six tools. Each turns its arguments into the command line's options, runs that command's code path
 * ({@link CommandCalls}), and returns the report's JSON as structured content with a short Markdown beside it. A
 * failure is a tool error carrying the command line's one line; everything returned passes the redaction pass.
 */
final class DoctorTools {
    /** Checks, in the collector's own words: what it never takes from the VM. */
    static final List<String> NEVER_COLLECTED = List.of(
            "the provisioning key: provision-key.txt holds only the key file's mode, owner, size and shape (length,"
                    + " quote characters, whitespace, the public <n>|<host>| prefix)",
            "key-like strings in any command output (a refused login's nonce in the journal) are cut to that public"
                    + " prefix before anything is written",
            "nothing on the host is changed: every command only reads, under a timeout");
    static final List<String> USAGE = List.of(
            "zpa-doctor collect-script > collect-host.sh",
            "scp collect-host.sh admin@<vm>:",
            "ssh -t admin@<vm> sudo bash collect-host.sh --symptom <symptom> --connector <name>",
            "scp 'admin@<vm>:/tmp/zpa-host-<vm>.*/zpa-host-<vm>-*.tar.gz' .   # the script prints the path",
            "then diagnose with hostBundles: [\"<that .tar.gz>\"] (or as bundle)");

    private final Schemas schemas;
    private final List<String> engineOptions;
    private final List<String> packOptions;
    private final FleetCache fleets = new FleetCache(java.time.Clock.systemUTC());

    /**
     * @param engineOptions options every diagnosis gets ({@code --rules}, {@code --config}...), as the server was started
     * @param packOptions the {@code --rules} options alone, for the catalog
     */
    DoctorTools(Schemas schemas, List<String> engineOptions, List<String> packOptions) {
        this.schemas = schemas;
        this.engineOptions = List.copyOf(engineOptions);
        this.packOptions = List.copyOf(packOptions);
    }

    List<SyncToolSpecification> specifications() {
        List<SyncToolSpecification> specs = new ArrayList<>();
        specs.add(spec("diagnose", schemas.diagnosisOutput(), this::diagnose));
        specs.add(spec("fleet", schemas.fleetOutput(), this::fleet));
        specs.add(spec("explain", null, this::explain));
        specs.add(spec("checks", null, this::checks));
        specs.add(spec("collect_script", null, this::collectScript));
        specs.add(spec("plan_fix", null, this::planFix));
        return specs;
    }

    private interface Handler {
        CallToolResult call(Map<String, Object> args) throws CommandCalls.Failure;
    }

    @SuppressWarnings("unchecked")
    private SyncToolSpecification spec(String name, Map<String, Object> output, Handler handler) {
        Map<String, Object> t = schemas.tool(name);
        Map<String, Object> a = (Map<String, Object>) t.get("annotations");
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(name)
                .title((String) t.get("title"))
                .description((String) t.get("description"))
                .inputSchema((Map<String, Object>) t.get("inputSchema"))
                .outputSchema(output != null ? output : (Map<String, Object>) t.get("outputSchema"))
                // read-only, all of them: nothing here writes to the tenant or the host
                .annotations(new McpSchema.ToolAnnotations((String) t.get("title"), (Boolean) a.get("readOnlyHint"),
                        (Boolean) a.get("destructiveHint"), (Boolean) a.get("idempotentHint"),
                        (Boolean) a.get("openWorldHint"), null))
                .build();
        return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
            try {
                return handler.call(request.arguments());
            } catch (CommandCalls.Failure f) {
                return Results.error(f.getMessage(), f.exitCode());
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                // never a stack trace, never a dead server: the command line's internal-error line
                return Results.error(Results.internalError(e), 70);
            }
        }).build();
    }

    private CallToolResult diagnose(Map<String, Object> arguments) throws CommandCalls.Failure {
        ToolArgs a = ToolArgs.of("diagnose", arguments, Set.of("bundle", "api", "hostBundles", "connector", "group",
                "application", "symptom"));
        List<String> argv = ToolArgs.argv();
        a.option(argv, "bundle", "--bundle");
        if (a.flag("api")) {
            argv.add("--api");
        }
        for (String h : a.strings("hostBundles")) {
            argv.add("--host-bundle=" + h);
        }
        a.caseOptions(argv);
        argv.addAll(engineOptions);
        Diagnosis d = CommandCalls.diagnose(argv);
        return Results.ok(Summaries.diagnosis(d), Results.report(Reports.render(d, Format.JSON)), true);
    }

    @SuppressWarnings("unchecked")
    private CallToolResult fleet(Map<String, Object> arguments) throws CommandCalls.Failure {
        ToolArgs a = ToolArgs.of("fleet", arguments, Set.of("bundle", "api", "offset", "limit"));
        int offset = a.integer("offset", 0, 0, Integer.MAX_VALUE);
        int limit = a.integer("limit", 20, 1, 200);
        List<String> argv = ToolArgs.argv();
        a.option(argv, "bundle", "--bundle");
        if (a.flag("api")) {
            argv.add("--api");
        }
        argv.addAll(engineOptions);
        String bundle = a.string("bundle").orElse(null);
        FleetReport f = bundle == null && !argv.contains("--api") ? CommandCalls.fleet(argv)
                : fleets.get(argv, bundle == null ? null : FleetCache.path(bundle), () -> CommandCalls.fleet(argv));
        List<Finding> all = f.diagnosis().findings();
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + limit);
        Integer next = to < all.size() ? to : null;
        // the report renderer writes only this page: a 10k tenant's whole document is most of a megabyte, and its
        // per-group sections repeat the findings the page is for
        Diagnosis d = f.diagnosis();
        Diagnosis page = new Diagnosis(d.toolVersion(), d.reportedCase(), d.origin(), d.evaluationTime(),
                d.thresholds(), all.subList(from, to), d.withheld(), d.primary(), d.passed(), d.notEvaluated(),
                d.notes(), List.of(), List.of(), d.persist(), d.rulesFired(), d.engineNanos());
        FleetReport paged = f.paged(page);
        Map<String, Object> report = Results.report(Reports.renderFleet(paged, Format.JSON, false));
        Map<String, Object> fleet = (Map<String, Object>) report.get("fleet");
        fleet.remove("byGroup");
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : List.of("schemaVersion", "tool", "evaluatedAt", "primary", "fleet", "findings")) {
            out.put(k, report.get(k));
        }
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("offset", offset);
        position.put("limit", limit);
        position.put("returned", to - from);
        position.put("total", all.size());
        position.put("nextOffset", next);
        out.put("page", position);
        out.put("passed", report.get("passed"));
        out.put("notEvaluated", report.get("notEvaluated"));
        return Results.ok(Summaries.fleet(f, all.subList(from, to), offset, next), out, true);
    }

    private CallToolResult explain(Map<String, Object> arguments) throws CommandCalls.Failure {
        ToolArgs a = ToolArgs.of("explain", arguments, Set.of("code", "bundle", "connector", "group", "application",
                "symptom"));
        String code = a.string("code").orElseThrow(() -> ToolArgs.usage("explain needs code, e.g. ZPA-ENR-001"));
        List<String> argv = ToolArgs.argv();
        a.option(argv, "bundle", "--bundle");
        a.caseOptions(argv);
        argv.addAll(engineOptions);
        argv.add("--");   // the code is a value even if it starts with a dash
        argv.add(code);
        Explanation e = CommandCalls.explain(argv);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", e.code());
        out.put("fired", e.fired());
        out.put("note", e.note());
        List<Object> rules = new ArrayList<>();
        for (Explanation.RuleTrace r : e.rules()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", r.rule());
            m.put("file", r.file());
            m.put("line", r.line());
            m.put("firings", r.firings());
            m.put("stoppedAt", r.stoppedAt() == null ? null : r.stoppedAt().index());
            List<Object> conditions = new ArrayList<>();
            for (Explanation.Condition c : r.conditions()) {
                conditions.add(Map.of("index", c.index(), "text", c.text(), "line", c.line(), "matches", c.matches()));
            }
            m.put("conditions", conditions);
            rules.add(m);
        }
        out.put("rules", rules);
        return Results.ok("```text\n" + CommandCalls.explanationText(e) + "```\n", out);
    }

    private CallToolResult checks(Map<String, Object> arguments) throws CommandCalls.Failure {
        ToolArgs a = ToolArgs.of("checks", arguments, Set.of("code", "category"));
        String code = a.string("code").map(s -> s.strip().toUpperCase(Locale.ROOT)).orElse("");
        String category = a.string("category").map(s -> s.strip().toUpperCase(Locale.ROOT)).orElse(null);
        Catalog catalog = CommandCalls.catalog(packOptions);
        List<CatalogEntry> entries = catalog.entries().stream()
                .filter(e -> e.code().equals(code) || e.code().startsWith(code.isEmpty() ? "" : code + "-")
                        || code.isEmpty())
                .filter(e -> category == null || e.category().name().equals(category))
                .toList();
        if (entries.isEmpty()) {
            throw ToolArgs.usage("no check matches" + (code.isEmpty() ? "" : " code " + code)
                    + (category == null ? "" : " in category " + category) + "; codes look like ZPA-ENR-001 (a"
                    + " prefix such as ZPA-ENR works too), and checks without arguments lists them all");
        }
        List<Object> list = new ArrayList<>();
        for (CatalogEntry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", e.code());
            m.put("severity", e.severity().name());
            m.put("category", e.category().name());
            m.put("role", e.role().name());
            m.put("title", e.title());
            m.put("trigger", e.trigger());
            m.put("requires", e.requires());
            List<Object> steps = new ArrayList<>();
            for (CatalogEntry.Step s : e.remediation()) {
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("kind", s.kind().name());
                step.put("text", s.text());
                step.put("command", s.command());
                steps.add(step);
            }
            m.put("remediation", steps);
            m.put("verification", e.verification());
            m.put("supersedes", e.supersedes());
            m.put("origin", e.origin());
            m.put("uri", CheckResources.uri(e.code()));
            list.add(m);
        }
        return Results.ok(Summaries.checks(entries), Map.of("checks", list));
    }

    private CallToolResult collectScript(Map<String, Object> arguments) throws CommandCalls.Failure {
        ToolArgs.of("collect_script", arguments, Set.of());
        String script = new String(CommandCalls.collectScript(), StandardCharsets.UTF_8);
        List<Object> collects = new ArrayList<>();
        Catalog.builtIn().probes().forEach((file, command) -> collects.add(Map.of("file", file, "command", command)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fileName", "collect-host.sh");
        out.put("usage", USAGE);
        out.put("collects", collects);
        out.put("neverCollects", NEVER_COLLECTED);
        out.put("script", script);
        StringBuilder md = new StringBuilder("**collect-host.sh** gathers a connector VM's evidence (bash only, RHEL/Rocky"
                + " 8 or 9). Run it with sudo; it prints the path of the .tar.gz to diagnose.\n\n");
        USAGE.forEach(u -> md.append("    ").append(u).append('\n'));
        md.append("\nIt writes hosts/<hostname>/<file> for each of: ");
        md.append(String.join(", ", Catalog.builtIn().probes().keySet())).append(".\n\nIt never collects:\n");
        NEVER_COLLECTED.forEach(n -> md.append("- ").append(n).append('\n'));
        md.append("\n```bash\n").append(script).append(script.endsWith("\n") ? "" : "\n").append("```\n");
        return Results.ok(md.toString(), out);
    }

    private CallToolResult planFix(Map<String, Object> arguments) throws CommandCalls.Failure {
        ToolArgs a = ToolArgs.of("plan_fix", arguments, Set.of("code", "connector", "group", "application", "symptom",
                "id", "maxUsage", "newKey"));
        String code = a.string("code").orElseThrow(() -> ToolArgs.usage("plan_fix needs code, e.g. ZPA-CON-005"));
        List<String> argv = ToolArgs.argv();
        argv.add("--api");   // fix works on the live tenant only, as on the command line
        a.caseOptions(argv);
        a.option(argv, "id", "--id");
        a.option(argv, "maxUsage", "--max-usage");
        if (a.flag("newKey")) {
            argv.add("--new-key");
        }
        argv.add("--");
        argv.add(code);
        FixDryRun r = CommandCalls.planFix(argv);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", r.code());
        out.put("found", r.found());
        out.put("sent", false);
        out.put("title", r.title());
        out.put("subject", r.subject());
        out.put("method", r.method());
        out.put("url", r.url());
        out.put("dryRun", r.text());
        return Results.ok(Summaries.fix(r), out);
    }

    /** Building results; every text and structured value passes the redaction pass here. */
    static final class Results {
        private Results() {
        }

        static CallToolResult ok(String markdown, Object structured) {
            return ok(markdown, scrubbed(structured), true);
        }

        /** @param scrubbed whether {@code structured} is already scrubbed (read from a report, which is) */
        static CallToolResult ok(String markdown, Map<String, Object> structured, boolean scrubbed) {
            return CallToolResult.builder()
                    .addTextContent(Redactor.scrub(markdown))
                    .structuredContent(scrubbed ? structured : scrubbed(structured))
                    .isError(false)
                    .build();
        }

        static CallToolResult error(String line, int exitCode) {
            return CallToolResult.builder()
                    .addTextContent(Redactor.scrub(line))
                    .isError(true)
                    .meta(Map.of("exitCode", exitCode))
                    .build();
        }

        static String internalError(Throwable t) {
            if (t instanceof OutOfMemoryError) {
                return "zpa-doctor: ran out of memory (maximum heap " + (Runtime.getRuntime().maxMemory() >> 20)
                        + " MiB): the input is larger than this server can hold; give more with"
                        + " ZPA_DOCTOR_JAVA_OPTS=-Xmx4g, or split the input";
            }
            return "zpa-doctor: internal error: " + String.valueOf(t).replaceAll("\\s+", " ");
        }

        /** The JSON {@link Reports} wrote, which its renderers have scrubbed already (as text, escaping and all). */
        static Map<String, Object> report(String text) {
            try {
                return Schemas.JSON.readValue(text, Schemas.MAP);
            } catch (IOException e) {
                throw new IllegalStateException("the report's JSON could not be read back: " + e.getMessage(), e);
            }
        }

        /** A value scrubbed as JSON text (the pass knows JSON's escaping), then read back. */
        static Map<String, Object> scrubbed(Object value) {
            try {
                return report(Redactor.scrub(Schemas.JSON.writeValueAsString(value)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
