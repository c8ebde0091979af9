package io.zpadoctor.examples.mcp;

import io.zpadoctor.examples.cli.FixDryRun;
import io.zpadoctor.model.finding.Evidence;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.RemediationStep;
import io.zpadoctor.model.finding.Severity;
import io.zpadoctor.rules.CatalogEntry;
import io.zpadoctor.rules.Diagnosis;
import io.zpadoctor.rules.FleetReport;
import io.zpadoctor.rules.NotEvaluated;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The short Markdown each tool returns beside its structured result, for the assistant to quote: the diagnosis's
 * own findings and catalog words, laid out; no wording about the problem is made up here.
 */
final class Summaries {
    private static final int OTHER_FINDINGS = 15;

    private Summaries() {
    }

    static String diagnosis(Diagnosis d) {
        StringBuilder sb = new StringBuilder();
        Finding p = d.primary();
        if (p == null) {
            sb.append("**No problem at WARNING or above found.**\n");
        } else {
            sb.append("**Root cause: ").append(p.code()).append(" (").append(p.severity()).append(") ")
                    .append(p.title()).append("** (").append(p.subject().label()).append(")\n\n");
            sb.append(p.rootCause()).append("\n\n");
            evidence(sb, p.evidence());
            remediation(sb, p);
        }
        List<Finding> others = d.findings().stream().filter(f -> f != p).toList();
        if (!others.isEmpty()) {
            sb.append("\n**").append(p == null ? "Findings" : "Other findings").append(" (").append(others.size())
                    .append(")**\n");
            others.stream().limit(OTHER_FINDINGS).forEach(f -> sb.append(line(f)));
            if (others.size() > OTHER_FINDINGS) {
                sb.append("- ... ").append(others.size() - OTHER_FINDINGS).append(" more in structuredContent.findings\n");
            }
        }
        notEvaluated(sb, d.notEvaluated());
        sb.append("\nChecks passed: ").append(d.passed().size()).append(". Evaluated as of ")
                .append(d.evaluationTime().instant()).append(".\n");
        return sb.toString();
    }

    static String fleet(FleetReport f, List<Finding> page, int offset, Integer nextOffset) {
        StringBuilder sb = new StringBuilder();
        sb.append("**Fleet: ").append(f.connectors()).append(" connectors (").append(f.disabledConnectors())
                .append(" disabled), ").append(f.groups()).append(" groups, ").append(f.keys())
                .append(" provisioning keys.**\n\n");
        sb.append("Connectors by status: ").append(counts(f.statuses())).append(".\n");
        sb.append("Connectors by version: ").append(counts(f.versions())).append(".\n");
        StringBuilder sev = new StringBuilder();
        for (Severity s : Severity.values()) {
            sev.append(sev.length() == 0 ? "" : ", ").append(f.bySeverity().getOrDefault(s, 0)).append(' ').append(s);
        }
        sb.append("Findings: ").append(sev).append(".\n");
        sb.append("Groups without a spare connector (N+1): ").append(f.groupsWithoutRedundancy().size())
                .append("; groups without connectors: ").append(f.groupsWithoutConnectors().size())
                .append("; keys near exhaustion: ").append(f.keysNearExhaustion().size())
                .append("; groups down together: ").append(f.correlatedOutages().size()).append(".\n");
        int total = f.diagnosis().findings().size();
        if (page.isEmpty()) {
            sb.append("\nNo findings ").append(total == 0 ? "at all" : "from offset " + offset + " (there are " + total + ")")
                    .append(".\n");
        } else {
            sb.append("\n**Findings ").append(offset + 1).append("-").append(offset + page.size()).append(" of ")
                    .append(total).append(", worst first**\n");
            page.forEach(x -> sb.append(line(x)));
        }
        if (nextOffset != null) {
            sb.append("\nMore: call fleet again with offset ").append(nextOffset).append(".\n");
        }
        notEvaluated(sb, f.diagnosis().notEvaluated());
        return sb.toString();
    }

    static String checks(List<CatalogEntry> entries) {
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(entries.size()).append(" check").append(entries.size() == 1 ? "" : "s").append("**\n");
        for (CatalogEntry e : entries) {
            sb.append("- ").append(e.code()).append(' ').append(e.severity()).append(' ').append(e.category())
                    .append(": ").append(e.title());
            if (e.trigger() != null) {
                sb.append(". Fires when: ").append(e.trigger());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** One catalog entry in full: the resource {@code zpa-doctor://checks/CODE}. */
    static String check(CatalogEntry e) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(e.code()).append(": ").append(e.title()).append("\n\n");
        sb.append("Severity ").append(e.severity()).append(", category ").append(e.category()).append(", role ")
                .append(e.role().name().toLowerCase(java.util.Locale.ROOT)).append(" (").append(e.origin())
                .append(").\n\n");
        if (e.trigger() != null) {
            sb.append("**Fires when:** ").append(e.trigger()).append("\n\n");
        }
        if (!e.requires().isEmpty()) {
            sb.append("**Needs:** ").append(String.join(", ", e.requires())).append("\n\n");
        }
        if (e.rootCause() != null) {
            sb.append("**Root cause (template):** ").append(e.rootCause().strip()).append("\n\n");
        }
        if (!e.remediation().isEmpty()) {
            sb.append("**Remediation:**\n");
            int n = 1;
            for (CatalogEntry.Step s : e.remediation()) {
                sb.append(n++).append(". [").append(s.kind()).append("] ").append(s.text().strip());
                if (s.command() != null) {
                    sb.append("\n   `").append(s.command().strip()).append('`');
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        if (e.verification() != null) {
            sb.append("**Verify:** ").append(e.verification().strip()).append("\n\n");
        }
        if (!e.supersedes().isEmpty()) {
            sb.append("**Explains these symptoms:** ").append(String.join(", ", e.supersedes())).append('\n');
        }
        return sb.toString();
    }

    static String fix(FixDryRun r) {
        if (!r.found()) {
            return r.text();
        }
        return "**Dry run only: nothing was sent.** To apply it the admin runs `zpa-doctor fix " + r.code()
                + " --api ... --apply` themselves.\n\n```text\n" + r.text() + "```\n";
    }

    private static String line(Finding f) {
        StringBuilder sb = new StringBuilder("- ").append(f.severity()).append(' ').append(f.code()).append(' ')
                .append(f.title()).append(" (").append(f.subject().label()).append(')');
        if (!f.explainedBy().isEmpty()) {
            sb.append(", explained by ").append(String.join(", ", f.explainedBy()));
        }
        if (f.isSuppressed()) {
            sb.append(", suppressed: ").append(f.suppression().reason());
        }
        return sb.append('\n').toString();
    }

    private static void evidence(StringBuilder sb, List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            return;
        }
        sb.append("Evidence:\n");
        for (Evidence e : evidence) {
            sb.append("- ").append(e.source()).append(e.line() != null ? ":" + e.line() : "").append(' ')
                    .append(e.field()).append(" = ").append(e.value()).append('\n');
        }
        sb.append('\n');
    }

    private static void remediation(StringBuilder sb, Finding p) {
        if (!p.remediation().isEmpty()) {
            sb.append("Fix:\n");
            int n = 1;
            for (RemediationStep s : p.remediation()) {
                sb.append(n++).append(". ").append(s.text().strip());
                if (s.command() != null) {
                    sb.append("\n   `").append(s.command().strip()).append('`');
                }
                sb.append('\n');
            }
        }
        if (p.verification() != null) {
            sb.append("\nVerify: ").append(p.verification().strip()).append('\n');
        }
    }

    private static void notEvaluated(StringBuilder sb, List<NotEvaluated> ne) {
        if (ne.isEmpty()) {
            return;
        }
        sb.append("\n**Could not evaluate (").append(ne.size()).append(")**: host evidence may be missing; the"
                + " collect_script tool gives the collector to run on the VM.\n");
        ne.stream().limit(OTHER_FINDINGS).forEach(n -> sb.append("- ").append(n.check()).append(": ")
                .append(n.reason()).append('\n'));
        if (ne.size() > OTHER_FINDINGS) {
            sb.append("- ... ").append(ne.size() - OTHER_FINDINGS).append(" more in structuredContent.notEvaluated\n");
        }
    }

    private static String counts(Map<String, Integer> m) {
        if (m.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(m).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return sb.toString();
    }
}
