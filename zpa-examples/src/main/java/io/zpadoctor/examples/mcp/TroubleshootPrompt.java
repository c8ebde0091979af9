package io.zpadoctor.examples.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.zpadoctor.model.Symptom;
import io.zpadoctor.report.Redactor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code troubleshoot-connector}: leads an assistant from the admin's words to the right {@code diagnose} call,
 * and to asking for the host bundle when a check could not be evaluated. The symptom is suggested from the words
 * the runbook uses for each; the assistant still confirms it with the admin.
 */
final class TroubleshootPrompt {
    static final String NAME = "troubleshoot-connector";

    /** Words an admin uses, to the symptom they report; first match wins, so the specific ones come first. */
    private static final Map<String, Symptom> WORDS = new LinkedHashMap<>();

    static {
        for (String w : List.of("enrol", "provision", "key")) {
            WORDS.put(w, Symptom.NOT_ENROLLING);
        }
        for (String w : List.of("upgrad", "version", "update")) {
            WORDS.put(w, Symptom.UPGRADE_FAILED);
        }
        for (String w : List.of("cpu", "processor", "load")) {
            WORDS.put(w, Symptom.HIGH_CPU);
        }
        for (String w : List.of("memory", "ram", "oom")) {
            WORDS.put(w, Symptom.HIGH_MEMORY);
        }
        for (String w : List.of("disk", "space", "filesystem", "storage")) {
            WORDS.put(w, Symptom.HIGH_DISK);
        }
        for (String w : List.of("reach", "access", "app", "application", "segment", "timeout")) {
            WORDS.put(w, Symptom.APP_UNREACHABLE);
        }
        for (String w : List.of("disconnect", "offline", "down", "unhealthy", "connect")) {
            WORDS.put(w, Symptom.DISCONNECTED);
        }
    }

    private TroubleshootPrompt() {
    }

    static SyncPromptSpecification spec() {
        McpSchema.Prompt prompt = new McpSchema.Prompt(NAME, "Troubleshoot an App Connector",
                "From the admin's description of a ZPA App Connector problem to ZPA Doctor's evidenced root cause"
                        + " and fix.",
                List.of(new McpSchema.PromptArgument("problem", "What the admin says is wrong, in their words", true),
                        new McpSchema.PromptArgument("connector", "The connector or VM name, if known", false),
                        new McpSchema.PromptArgument("group", "The connector group, if known", false),
                        new McpSchema.PromptArgument("application", "host:port users cannot reach, if any", false),
                        new McpSchema.PromptArgument("bundle", "A support bundle path on the server's machine;"
                                + " without it the live tenant is read", false)));
        return new SyncPromptSpecification(prompt, (exchange, request) -> {
            Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
            String text = Redactor.scrub(text(str(args, "problem"), str(args, "connector"), str(args, "group"),
                    str(args, "application"), str(args, "bundle")));
            return new McpSchema.GetPromptResult("Troubleshoot a ZPA App Connector with ZPA Doctor",
                    List.of(new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(text))));
        });
    }

    /** The symptom the words point at, or null when none does (then every check runs). */
    static Symptom suggest(String problem, String application) {
        if (application != null && !application.isBlank()) {
            return Symptom.APP_UNREACHABLE;
        }
        String p = problem == null ? "" : problem.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Symptom> e : WORDS.entrySet()) {
            if (p.matches("(?s).*\\b" + e.getKey() + ".*")) {
                return e.getValue();
            }
        }
        return null;
    }

    static String text(String problem, String connector, String group, String application, String bundle) {
        Symptom s = suggest(problem, application);
        StringBuilder call = new StringBuilder("{");
        call.append(bundle != null && !bundle.isBlank() ? "\"bundle\": \"" + bundle + "\"" : "\"api\": true");
        if (connector != null && !connector.isBlank()) {
            call.append(", \"connector\": \"").append(connector).append('"');
        }
        if (group != null && !group.isBlank()) {
            call.append(", \"group\": \"").append(group).append('"');
        }
        if (application != null && !application.isBlank()) {
            call.append(", \"application\": \"").append(application).append('"');
        }
        if (s != null) {
            call.append(", \"symptom\": \"").append(s.label()).append('"');
        }
        call.append('}');
        return """
                An administrator reports a Zscaler Private Access App Connector problem: "%s"

                Diagnose it with ZPA Doctor's tools, which answer from deterministic rules with evidence; do not \
                guess causes of your own.

                1. Call `diagnose` with %s
                   %s
                   The symptoms are: not-enrolling (a connector or new VM will not enroll: provisioning key, DNS, \
                443, TLS interception, clock), disconnected (a connector shows disconnected or offline), \
                upgrade-failed, high-cpu, high-memory, high-disk, app-unreachable (users cannot reach an \
                application; give application as host:port). If the words fit another symptom better, ask the admin \
                and use that one; leave symptom out to run every check.
                   Without a bundle, `api: true` reads the live tenant with the credentials the server was started \
                with; if that fails, the error names what failed: say so and ask for a support bundle instead.
                2. Lead with the root cause (`primary`): its code, title and subject, the evidence lines, then the \
                numbered fix steps with their commands exactly as given, and the verification step. Mention other \
                findings briefly; findings "explained by" the root cause are its consequences, not separate problems.
                3. If `notEvaluated` is not empty (ZPA-PRB-002, "could not evaluate"), the answer lacks evidence \
                from the connector VM: call `collect_script`, give the admin the script and its usage, ask them to \
                run it on the VM with sudo and send the .tar.gz it prints, then call `diagnose` again with that file \
                in `hostBundles` (with the same bundle or api).
                4. If the admin asks why something was not reported, call `explain` with that code and the same \
                bundle. For the whole tenant's health, call `fleet`. `checks` and the resources \
                zpa-doctor://checks/<code> describe every code.
                5. When the fix is one API call (ZPA-ENR-001, ZPA-ENR-002, ZPA-ENR-009, ZPA-CON-005, ZPA-CON-007, \
                ZPA-APP-002, ZPA-APP-005, ZPA-APP-008), `plan_fix` shows the exact request as a dry run. Nothing is \
                ever sent from here: the admin applies it with `zpa-doctor fix CODE --api ... --apply`.
                Never ask for or repeat provisioning keys, client secrets or tokens.
                """.formatted(problem == null ? "" : problem, call,
                s == null ? "(no symptom: the words name none of them, so every check runs)"
                        : "(symptom " + s.label() + " from the words used)");
    }

    private static String str(Map<String, Object> args, String name) {
        Object v = args.get(name);
        return v == null ? null : v.toString();
    }
}
