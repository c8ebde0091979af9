package io.zpadoctor.examples.cli;

import io.zpadoctor.client.api.ApiObject;
import io.zpadoctor.client.api.TenantRead;
import io.zpadoctor.client.api.ZpaApiConfig;
import io.zpadoctor.client.api.ZpaApiException;
import io.zpadoctor.client.api.ZpaClient;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.Symptom;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.EnrollmentCertificate;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.Tenant;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.Diagnosis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "fix", mixinStandardHelpOptions = true, versionProvider = ZpaDoctor.Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Repair a finding whose remediation is one API call: print the request (dry run), or send"
                + " it with --apply and read the object back. Nothing is ever deleted.",
        footerHeading = "%nFixes:%n",
        footer = {
                "  ZPA-ENR-001  raise the exhausted key's maxUsage (--max-usage N),",
                "               or --new-key: create a fresh key for the group",
                "  ZPA-ENR-002  enable the disabled key, or --new-key: create a replacement",
                "  ZPA-ENR-009  create a key for the group (maxUsage 1, or --max-usage N)",
                "  ZPA-CON-005  enable the connector",
                "  ZPA-CON-007  enable the connector group",
                "  ZPA-APP-008  enable the connector group serving the application (--app)",
                "  ZPA-APP-005  enable the server group (--app)",
                "  ZPA-APP-002  enable the application segment (--app)",
                "",
                "Examples:",
                "  zpa-doctor fix ZPA-CON-005 --api --connector dc1-acg-key-3",
                "  zpa-doctor fix ZPA-ENR-001 --api --connector dc1-acg-key-4 --apply",
                "  zpa-doctor fix ZPA-APP-005 --api --app intranet.corp.example.com:443 --apply",
                "",
                "The tenant is read and diagnosed first; only a finding it shows is repaired.",
                "--apply shows the change and asks before sending it; --yes sends without",
                "asking (a script must say --yes: without a terminal --apply is refused).",
                "A PUT sends the whole object back as just read, one field changed (ZPA",
                "replaces objects). A new key's string is never printed: copy it from the",
                "admin portal. Exit codes: 0 done or nothing to do, 64 usage or settings,",
                "65 a broken API answer, 69 the API failed or refused."})
final class FixCommand implements Callable<Integer> {
    private static final String KEYS = "associationType/CONNECTOR_GRP/provisioningKey";

    /** The codes this command repairs, and the parameter naming the object each one changes. */
    static final Map<String, String> FIXES = new LinkedHashMap<>();

    static {
        FIXES.put("ZPA-ENR-001", "keyId");
        FIXES.put("ZPA-ENR-002", "keyId");
        FIXES.put("ZPA-ENR-009", "groupId");
        FIXES.put("ZPA-CON-005", "connectorId");
        FIXES.put("ZPA-CON-007", "groupId");
        FIXES.put("ZPA-APP-008", "groupId");
        FIXES.put("ZPA-APP-005", "serverGroupId");
        FIXES.put("ZPA-APP-002", "segmentId");
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE", description = "The finding to repair, e.g. ZPA-CON-005.")
    String code;

    @Mixin
    ApiOptions api = new ApiOptions();

    @Mixin
    CaseOptions caseOptions = new CaseOptions();

    @Option(names = "--id", paramLabel = "ID", description = "Which object, when the finding concerns several.")
    String id;

    @Option(names = "--max-usage", paramLabel = "N",
            description = "ZPA-ENR-001: the new maximum; ZPA-ENR-009 and --new-key: the new key's maximum.")
    Integer maxUsage;

    @Option(names = "--new-key", description = "ZPA-ENR-001 / ZPA-ENR-002: create a fresh key for the group instead.")
    boolean newKey;

    @Option(names = "--apply", description = "Send the request, once you answer yes to the change shown. Without it"
            + " nothing is sent (dry run).")
    boolean apply;

    @Option(names = {"-y", "--yes"}, description = "With --apply: send without asking (a script has no terminal to"
            + " answer on, so --apply needs it there).")
    boolean yes;

    /** Where --apply asks before sending; tests put their own here. */
    interface Terminal {
        boolean present();

        /** The answer typed, or null at end of input. */
        String ask(String question);
    }

    static volatile Terminal terminal = new Terminal() {
        @Override
        public boolean present() {
            return System.console() != null;
        }

        @Override
        public String ask(String question) {
            return System.console().readLine("%s", question);
        }
    };

    @Override
    public Integer call() {
        String c = checkedCode();
        Terminal t = terminal;
        if (apply && !yes && !t.present()) {
            // refused before anything is read: a change nobody confirmed is never sent
            throw new ParameterException(spec.commandLine(), "--apply asks before sending, and there is no terminal"
                    + " to answer on: add --yes to send without asking");
        }
        ZpaApiConfig config = api.config();
        ReportedCase rc = reportedCase(c, config);
        PrintStream out = System.out;
        try (ZpaClient zpa = ZpaClient.create(config)) {
            Proposal p = propose(c, rc, config, zpa);
            p.print(zpa, out, apply);
            if (p.plan() == null || !apply) {
                return ExitCodes.OK;
            }
            if (!yes) {
                out.flush();
                String answer = t.ask("Send this " + p.plan().method() + " to " + zpa.uri(p.plan().resource()).getHost()
                        + "? [y/N] ");
                if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes")) {
                    out.println("Not sent; nothing was changed.");
                    return ExitCodes.OK;
                }
            }
            String readBack;
            try {
                readBack = p.plan().send(zpa);
            } catch (ZpaApiException e) {
                throw unsure(e, p.plan(), zpa);
            }
            out.println("Sent.");
            report(p.plan(), readBack, zpa, out);
            return ExitCodes.OK;
        } catch (ZpaApiException e) {
            throw ApiOptions.failure(e);
        }
    }

    /** The request {@code fix} would send, as it prints it without {@code --apply}; nothing is sent. */
    FixDryRun dryRun() {
        if (apply) {
            throw new ParameterException(spec.commandLine(), "--apply is not offered here: this is the dry run");
        }
        String c = checkedCode();
        ZpaApiConfig config = api.config();
        ReportedCase rc = reportedCase(c, config);
        try (ZpaClient zpa = ZpaClient.create(config)) {
            Proposal p = propose(c, rc, config, zpa);
            java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
            p.print(zpa, new PrintStream(text, true, java.nio.charset.StandardCharsets.UTF_8), false);
            String shown = text.toString(java.nio.charset.StandardCharsets.UTF_8);
            if (p.plan() == null) {
                return new FixDryRun(c, false, null, null, null, null, shown);
            }
            return new FixDryRun(c, true, p.finding().title(), p.finding().subject().label(), p.plan().method(),
                    zpa.uri(p.plan().resource()).toString(), shown);
        } catch (ZpaApiException e) {
            throw ApiOptions.failure(e);
        }
    }

    /** The code in capitals, once the options that go with it are checked. */
    private String checkedCode() {
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (!FIXES.containsKey(c)) {
            throw new ParameterException(spec.commandLine(), c + " has no API fix; fix repairs " + String.join(", ",
                    FIXES.keySet()) + ". The report's remediation steps say how to repair the others.");
        }
        if (!api.api) {
            throw new ParameterException(spec.commandLine(), "fix works on the live tenant: add --api (credentials"
                    + " come from the environment; see --help)");
        }
        if (newKey && !c.equals("ZPA-ENR-001") && !c.equals("ZPA-ENR-002")) {
            throw new ParameterException(spec.commandLine(), "--new-key goes with ZPA-ENR-001 or ZPA-ENR-002");
        }
        if (maxUsage != null && maxUsage < 1) {
            throw new ParameterException(spec.commandLine(), "--max-usage must be at least 1");
        }
        return c;
    }

    private ReportedCase reportedCase(String c, ZpaApiConfig config) {
        ReportedCase rc = caseOptions.over(ReportedCase.at(config.location()));
        if (c.startsWith("ZPA-ENR-") && rc.symptom() == null) {
            rc = rc.withSymptom(Symptom.NOT_ENROLLING);   // the enrollment checks run for a connector failing to enroll
        }
        if (c.startsWith("ZPA-APP-") && rc.application() == null) {
            throw new ParameterException(spec.commandLine(), c + " is found for an application users cannot reach:"
                    + " add --app HOST:PORT");
        }
        return rc;
    }

    /** The tenant read and diagnosed, and the request that repairs the finding; no plan when it is not found. */
    private Proposal propose(String c, ReportedCase rc, ZpaApiConfig config, ZpaClient zpa) throws ZpaApiException {
        TenantRead read = ApiOptions.read(zpa);
        caseOptions.check(read.tenant(), List.of());
        Diagnosis d = Diagnoser.builder().build().diagnose(Facts.builder().tenant(read.tenant()).reportedCase(rc)
                .origin(config.describe()).build());
        Finding f = choose(c, d.findings(c));
        if (f == null) {
            return new Proposal(c, rc, null, null);
        }
        return new Proposal(c, rc, f, plan(c, f, read.tenant(), zpa));
    }

    private record Proposal(String code, ReportedCase rc, Finding finding, FixPlan plan) {
        void print(ZpaClient zpa, PrintStream out, boolean sending) {
            if (plan == null) {
                out.println(code + " is not found in this tenant" + scope(rc) + "; nothing to fix.");
                return;
            }
            out.println(code + "  " + finding.title() + ": " + finding.subject().label());
            out.println();
            out.println(sending ? "To send:" : "Would send (dry run; add --apply to send it):");
            plan.print(zpa, out);
            if (!sending) {
                out.println("Nothing was sent.");
            }
        }
    }

    /**
     * A write that failed without an answer saying it was refused (a timeout, a reset, a 5xx after the retries) may
     * still have been applied: say so, and how to check, before anyone sends it again.
     */
    static CliException unsure(ZpaApiException e, FixPlan plan, ZpaClient zpa) {
        boolean refused = switch (e.kind()) {
            case REJECTED, NOT_FOUND, AUTHENTICATION, CUSTOMER, LEGACY_REFUSED, CONFIGURATION -> true;
            default -> false;
        };
        if (refused) {
            return ApiOptions.failure(e);
        }
        return new CliException(ExitCodes.UNAVAILABLE, e.getMessage() + "; the " + plan.method() + " may still have"
                + " been applied: check with GET " + zpa.uri(plan.resource()) + " before sending it again");
    }

    /** The one finding to repair; null when there is none; a usage error when several and no --id. */
    private Finding choose(String c, List<Finding> found) {
        String param = FIXES.get(c);
        List<Finding> matching = found.stream()
                .filter(f -> id == null || id.equals(f.params().get(param)) || id.equals(f.subject().id()))
                .toList();
        Set<String> objects = matching.stream().map(f -> f.params().get(param)).collect(Collectors.toSet());
        if (objects.size() > 1) {
            String list = matching.stream().map(f -> f.params().get(param) + " (" + f.subject().label() + ")")
                    .distinct().sorted().limit(10).collect(Collectors.joining(", "));
            throw new CliException(ExitCodes.USAGE, c + " is found for " + objects.size() + " objects; choose one"
                    + " with --id: " + list + (objects.size() > 10 ? ", ..." : ""));
        }
        return matching.isEmpty() ? null : matching.get(0);
    }

    private FixPlan plan(String c, Finding f, Tenant tenant, ZpaClient zpa) throws ZpaApiException {
        Map<String, String> p = f.params();
        switch (c) {
            case "ZPA-ENR-001": {
                ProvisioningKey k = key(tenant, p.get("keyId"));
                if (newKey) {
                    return newKeyPlan(tenant, k.groupId(), k.name(), maxUsage != null ? maxUsage
                            : Integer.parseInt(p.getOrDefault("needed", "1")), k.enrollmentCertId());
                }
                int target = maxUsage != null ? maxUsage : Integer.parseInt(p.get("newMaxUsage"));
                int used = k.usageCount() == null ? 0 : k.usageCount();
                if (target <= used) {
                    throw new CliException(ExitCodes.USAGE, "--max-usage " + target + " leaves no enrollment: key "
                            + k.displayName() + " has already enrolled " + used);
                }
                return FixPlan.put(KEYS + "/" + k.id(), zpa.get(KEYS + "/" + k.id()), "maxUsage",
                        String.valueOf(target));   // a string, as the API writes numbers
            }
            case "ZPA-ENR-002": {
                ProvisioningKey k = key(tenant, p.get("keyId"));
                if (newKey) {
                    return newKeyPlan(tenant, k.groupId(), k.name(), maxUsage != null ? maxUsage : 1,
                            k.enrollmentCertId());
                }
                return FixPlan.put(KEYS + "/" + k.id(), zpa.get(KEYS + "/" + k.id()), "enabled", true);
            }
            case "ZPA-ENR-009": {
                ConnectorGroup g = tenant.groups().stream().filter(x -> x.id().equals(p.get("groupId"))).findFirst()
                        .orElse(null);
                String name = g != null && g.name() != null ? g.name() : "group-" + p.get("groupId");
                return newKeyPlan(tenant, p.get("groupId"), name, maxUsage != null ? maxUsage : 1,
                        g == null ? null : g.enrollmentCertId());
            }
            default: {
                String resource = switch (c) {
                    case "ZPA-CON-005" -> "connector/" + p.get("connectorId");
                    case "ZPA-CON-007", "ZPA-APP-008" -> "appConnectorGroup/" + p.get("groupId");
                    case "ZPA-APP-005" -> "serverGroup/" + p.get("serverGroupId");
                    case "ZPA-APP-002" -> "application/" + p.get("segmentId");
                    default -> throw new IllegalStateException(c);
                };
                return FixPlan.put(resource, zpa.get(resource), "enabled", true);
            }
        }
    }

    /** A new key bound to the group, named after the old one or the group, signed by the group's CA. */
    private static FixPlan newKeyPlan(Tenant tenant, String groupId, String baseName, int max, String certId) {
        Set<String> taken = tenant.keys().stream().map(ProvisioningKey::name).collect(Collectors.toSet());
        String stem = baseName.endsWith("-key") || baseName.matches(".*-key-\\d+") ? baseName : baseName + "-key";
        String name = stem;
        for (int n = 2; taken.contains(name); n++) {
            name = stem + "-" + n;
        }
        String cert = certId != null ? certId : tenant.certificates().stream()
                .filter(e -> "Connector".equals(e.name())).map(EnrollmentCertificate::id).findFirst().orElse(null);
        ApiObject body = ApiObject.empty().with("name", name).with("maxUsage", String.valueOf(max))
                .with("zcomponentId", groupId);
        if (cert != null) {
            body = body.with("enrollmentCertId", cert);
        }
        body = body.with("exportable", true);   // otherwise its string could never be copied from the portal
        return FixPlan.post(KEYS, body);
    }

    private static ProvisioningKey key(Tenant t, String keyId) {
        return t.keys().stream().filter(k -> k.id().equals(keyId)).findFirst()
                .orElseThrow(() -> new CliException(ExitCodes.SOFTWARE, "key " + keyId + " vanished from the tenant"));
    }

    /** Reads the object back and shows what the API now holds. */
    private static void report(FixPlan plan, String resource, ZpaClient zpa, PrintStream out) throws ZpaApiException {
        if (resource == null) {
            out.println("The API answered without an id; find the new key in the admin portal.");
            return;
        }
        ApiObject now = zpa.get(resource);
        out.println("Read back: GET " + zpa.uri(resource));
        if (plan.method().equals("PUT")) {
            String v = now.text(plan.field());
            boolean changed = v != null && v.equals(plan.after());
            out.println("  " + plan.field() + ": " + FixPlan.show(plan.before()) + " -> " + FixPlan.show(v));
            if (!changed) {
                throw new CliException(ExitCodes.UNAVAILABLE, "the API accepted the PUT but " + resource + " still"
                        + " reads " + plan.field() + " " + FixPlan.show(v));
            }
            return;
        }
        out.println("  created key \"" + orEmpty(now.text("name")) + "\" (id " + orEmpty(now.id()) + ") for group "
                + orEmpty(now.text("zcomponentId")) + ", maxUsage " + orEmpty(now.text("maxUsage")) + ", enabled "
                + (now.text("enabled") != null ? now.text("enabled") : "true"));
        out.println("  Its key string is not printed: copy it from the admin portal (App Connector Provisioning Keys)"
                + " into /opt/zscaler/var/provision_key on the VM.");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String scope(ReportedCase rc) {
        StringBuilder sb = new StringBuilder();
        if (rc.connectorName() != null) {
            sb.append(" for connector ").append(rc.connectorName());
        }
        if (rc.groupName() != null) {
            sb.append(sb.length() == 0 ? " for" : " and").append(" group ").append(rc.groupName());
        }
        if (rc.application() != null) {
            sb.append(sb.length() == 0 ? " for" : " and").append(" application ").append(rc.application());
        }
        return sb.toString();
    }
}
