package io.zpadoctor.report;

import io.zpadoctor.model.finding.Evidence;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.RemediationStep;
import io.zpadoctor.model.finding.Severity;
import io.zpadoctor.model.tenant.ApplicationSegment;
import io.zpadoctor.rules.CatalogEntry;
import io.zpadoctor.rules.Diagnosis;
import io.zpadoctor.rules.GroupSummary;
import io.zpadoctor.rules.KeySummary;
import io.zpadoctor.rules.ServerGroupSummary;

import java.util.List;

/** The runbook's "App Connector Troubleshooting Report", filled from the tenant and the findings. */
final class MarkdownReport {
    private MarkdownReport() {
    }

    static String render(Diagnosis d) {
        StringBuilder md = new StringBuilder(4096);
        md.append("# App Connector Troubleshooting Report\n\n");
        md.append("**Connector Group:** ").append(esc(Views.groupLine(d))).append("  \n");
        md.append("**Affected Connector(s):** ").append(esc(Views.affected(d))).append("  \n");
        md.append("**Symptom:** ").append(Views.symptom(d.reportedCase().symptom())).append("  \n");
        if (d.reportedCase().application() != null) {
            md.append("**Application:** ").append(esc(d.reportedCase().application().toString())).append("  \n");
        }
        md.append("**Status:** ").append(esc(Views.status(d))).append("  \n");
        md.append("**Evaluated at:** ").append(d.evaluationTime().instant()).append(" (")
                .append(d.evaluationTime().basis()).append(")");
        if (d.origin() != null) {
            md.append(" from `").append(code(d.origin())).append('`');
        }
        md.append("\n\n---\n\n");

        Finding p = d.primary();
        if (p != null) {
            md.append("## Diagnosis: ").append(esc(p.title())).append(" (").append(p.code()).append(", ")
                    .append(p.severity()).append(")\n\n");
        } else {
            md.append("## Diagnosis: no problem found\n\n");
        }
        md.append("---\n\n## API Findings\n\n");
        if (d.groups().isEmpty()) {
            md.append("No connector group is in scope of this diagnosis.\n\n");
        }
        for (GroupSummary g : d.groups()) {
            group(md, g, d.groups().size() > 1);
        }

        md.append("---\n\n## Root Cause\n\n");
        if (p != null) {
            md.append(esc(p.rootCause())).append("\n\n");
            evidence(md, p);
            List<Finding> explained = d.findings().stream().filter(f -> f.explainedBy().contains(p.code())).toList();
            if (!explained.isEmpty()) {
                md.append("\nThis also accounts for:\n");
                for (Finding f : explained) {
                    md.append("- ").append(f.code()).append(" ").append(esc(f.title())).append(" (")
                            .append(esc(Views.subject(f))).append(")\n");
                }
            }
        } else if (d.findings().isEmpty()) {
            md.append("Every check that could run passed").append(d.passed().isEmpty() ? "" : ": "
                    + String.join(", ", d.passed())).append(".\n");
        } else {
            md.append("Only informational findings; none is a fault.\n");
        }

        md.append("\n---\n\n## Remediation Steps\n\n");
        if (p != null) {
            int n = 1;
            for (RemediationStep s : p.remediation()) {
                md.append(n++).append(". ").append(label(s)).append(esc(s.text())).append('\n');
                if (s.command() != null) {
                    md.append("   ```\n   ").append(s.command().replace("\n", "\n   ")).append("\n   ```\n");
                }
            }
            if (p.verification() != null) {
                md.append(n).append(". **Verify:** ").append(esc(p.verification())).append('\n');
            }
        } else {
            md.append("Nothing to fix.\n");
        }

        List<Finding> others = d.findings().stream().filter(f -> f != p).toList();
        if (!others.isEmpty()) {
            md.append("\n---\n\n## All Findings\n\n| Severity | Code | About | Finding |\n|---|---|---|---|\n");
            for (Finding f : d.findings()) {
                md.append("| ").append(f.severity()).append(" | ").append(f.code()).append(" | ")
                        .append(cell(Views.subject(f))).append(" | ").append(cell(f.title()))
                        .append(f.isExplained() ? " (explained by " + String.join(", ", f.explainedBy()) + ")" : "")
                        .append(cell(Views.suppressed(f))).append(" |\n");
            }
            for (Finding f : others) {
                md.append("\n### ").append(f.code()).append(": ").append(esc(f.title())).append("\n\n");
                md.append("*").append(f.severity()).append(", ").append(esc(Views.subject(f)))
                        .append(esc(Views.suppressed(f))).append("*\n\n");
                md.append(esc(f.rootCause())).append("\n\n");
                evidence(md, f);
                if (!f.isExplained() && !f.isSuppressed() && f.severity() != Severity.INFO) {
                    md.append("\nWhat to do:\n");
                    int n = 1;
                    for (RemediationStep s : f.remediation()) {
                        md.append(n++).append(". ").append(label(s)).append(esc(s.text()));
                        if (s.command() != null && s.command().contains("\n")) {
                            // several commands: a block keeps one per line, ready to paste
                            md.append("\n   ```\n   ").append(Redactor.scrub(s.command()).replace("\n", "\n   "))
                                    .append("\n   ```");
                        } else if (s.command() != null) {
                            md.append(" `").append(code(s.command())).append('`');
                        }
                        md.append('\n');
                    }
                }
            }
        }

        md.append("\n---\n\n## Checks\n\n");
        md.append("- Passed: ").append(d.passed().isEmpty() ? "none" : String.join(", ", d.passed())).append('\n');
        if (d.notEvaluated().isEmpty()) {
            md.append("- Not evaluated: none\n");
        } else {
            md.append("- Not evaluated:\n");
            Views.notEvaluatedByReason(d).forEach((reason, codes) -> md.append("  - ").append(String.join(", ", codes)).append(": ")
                    .append(esc(reason)).append('\n'));
        }
        if (!d.notes().isEmpty()) {
            md.append("\n**Notes**\n\n");
            for (String n : d.notes()) {
                md.append("- ").append(esc(n)).append('\n');
            }
        }

        md.append("\n---\n\n## If the Issue Persists\n\nCollect the following and contact Zscaler Support:\n");
        for (CatalogEntry.Step s : d.persist()) {
            md.append("- ").append(esc(s.text()));
            if (s.command() != null) {
                md.append(": `").append(code(s.command())).append('`');
            }
            md.append('\n');
        }
        md.append("\n<sub>zpa-doctor ").append(d.toolVersion()).append("</sub>\n");
        return md.toString();
    }

    private static void group(StringBuilder md, GroupSummary g, boolean named) {
        md.append("### Connector Group Status").append(named ? ": " + esc(g.group().displayName()) : "").append("\n\n");
        md.append("- Group enabled: ").append(Views.yesNo(g.group().enabled())).append('\n');
        md.append("- Total connectors: ").append(g.health().total()).append('\n');
        md.append("- Healthy (AUTHENTICATED): ").append(g.health().authenticated()).append('\n');
        md.append("- Disconnected: ").append(g.health().disconnected()).append('\n');
        if (g.health().unknownStatus() > 0) {
            md.append("- Status unknown: ").append(g.health().unknownStatus()).append('\n');
        }
        if (g.health().disabled() > 0) {
            md.append("- Disabled: ").append(g.health().disabled()).append('\n');
        }
        md.append("- Version: ").append(esc(Views.versions(g))).append('\n');
        if (g.group().versionProfile() != null) {
            md.append("- Version profile: ").append(esc(g.group().versionProfile())).append('\n');
        }
        md.append("- Upgrade window: ").append(esc(Views.upgradeWindow(g.group()))).append("\n\n");

        md.append("#### Provisioning Keys").append(named ? " of " + esc(g.group().displayName()) : "").append("\n\n");
        if (g.keys().isEmpty()) {
            md.append("- No App Connector provisioning key is bound to this group.\n");
        }
        for (KeySummary k : g.keys()) {
            md.append("- Key \"").append(esc(k.key().displayName())).append("\": ").append(k.usage())
                    .append(" enrollments used, ").append(k.state().label()).append('\n');
        }
        md.append("\n#### Server Groups Using This Connector Group\n\n");
        if (g.serverGroups().isEmpty()) {
            md.append("- None: no server group references this connector group.\n");
        }
        for (ServerGroupSummary s : g.serverGroups()) {
            md.append("- \"").append(esc(s.serverGroup().displayName())).append("\": ")
                    .append(Views.serverGroup(s.serverGroup())).append('\n');
            if (s.segments().isEmpty()) {
                md.append("  - Application segments: none\n");
            } else {
                md.append("  - Application segments: ");
                boolean first = true;
                for (ApplicationSegment seg : s.segments()) {
                    md.append(first ? "" : "; ").append(esc(Views.segment(seg)));
                    first = false;
                }
                md.append('\n');
            }
        }
        md.append('\n');
    }

    private static void evidence(StringBuilder md, Finding f) {
        if (f.evidence().isEmpty()) {
            return;
        }
        md.append("Evidence:\n");
        for (Evidence e : f.evidence()) {
            md.append("- `").append(code(e.source())).append(e.line() != null ? ":" + e.line() : "").append("` ")
                    .append(esc(e.field())).append(" = `").append(code(e.value())).append("`\n");
        }
    }

    private static String label(RemediationStep s) {
        return switch (s.kind()) {
            case API -> "**API:** ";
            case HOST -> "**On the connector VM:** ";
            case PORTAL -> "**Admin portal:** ";
            case VERIFY -> "**Verify:** ";
        };
    }

    /** Text from tenant data may hold Markdown; keep it literal. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        s = Redactor.scrub(s); // before escaping changes what a secret looks like
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("`", "\\`").replace("<", "\\<")
                .replace("[", "\\[").replace("\n", " ");
    }

    private static String cell(String s) {
        return esc(s).replace("|", "\\|");
    }

    /** Inside inline code only a backtick needs care. */
    private static String code(String s) {
        return s == null ? "" : Redactor.scrub(s).replace("`", "'").replace("\n", " ");
    }
}
