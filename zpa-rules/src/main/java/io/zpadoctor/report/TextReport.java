package io.zpadoctor.report;

import io.zpadoctor.model.finding.Evidence;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.RemediationStep;
import io.zpadoctor.model.finding.Severity;
import io.zpadoctor.rules.Diagnosis;
import io.zpadoctor.rules.GroupSummary;
import io.zpadoctor.rules.KeySummary;
import io.zpadoctor.rules.ServerGroupSummary;

import java.util.ArrayList;
import java.util.List;

/** A compact report for terminals: the root cause and its fix first, everything else after. */
final class TextReport {
    private static final int WIDTH = 100;

    private TextReport() {
    }

    static String render(Diagnosis d, boolean color) {
        Ansi a = new Ansi(color);
        StringBuilder t = new StringBuilder(4096);
        t.append(a.bold("ZPA Doctor: App Connector diagnosis")).append('\n');
        line(t, "Group", Views.groupLine(d));
        line(t, "Connector", Views.affected(d));
        line(t, "Symptom", Views.symptom(d.reportedCase().symptom()));
        if (d.reportedCase().application() != null) {
            line(t, "App", d.reportedCase().application().toString());
        }
        line(t, "Status", Views.status(d));
        line(t, "As of", d.evaluationTime().instant() + " (" + d.evaluationTime().basis() + ")");
        t.append('\n');

        Finding p = d.primary();
        if (p == null) {
            t.append(a.green("No problem found.")).append(d.findings().isEmpty() ? "" : " (informational findings below)")
                    .append('\n');
        } else {
            t.append(a.bold("ROOT CAUSE")).append("  ").append(a.severity(p.severity())).append("  ")
                    .append(p.code()).append("  ").append(a.bold(p.title())).append('\n');
            wrap(t, p.rootCause(), "  ");
            evidence(t, p, a);
            t.append("  Fix:\n");
            int n = 1;
            for (RemediationStep s : p.remediation()) {
                wrap(t, n++ + ". [" + s.kind() + "] " + s.text(), "    ");
                command(t, "       ", s.command(), a);
            }
            if (p.verification() != null) {
                wrap(t, "Verify: " + p.verification(), "    ");
            }
        }

        List<Finding> others = d.findings().stream().filter(f -> f != p).toList();
        if (!others.isEmpty()) {
            t.append('\n').append(a.bold(p == null ? "FINDINGS" : "ALSO FOUND")).append('\n');
            for (Finding f : others) {
                String head = a.severity(f.severity()) + "  " + f.code() + "  " + f.title() + " (" + Views.subject(f) + ")"
                        + (f.isExplained() ? a.dim(" explained by " + String.join(", ", f.explainedBy())) : "")
                        + a.dim(Views.suppressed(f));
                t.append("  ").append(head).append('\n');
                if (!f.isExplained() && !f.isSuppressed()) {
                    wrap(t, f.rootCause(), "      ");
                    if (!f.remediation().isEmpty() && f.severity() != Severity.INFO) {
                        RemediationStep s = f.remediation().get(0);
                        wrap(t, "Fix: " + s.text(), "      ");
                        command(t, "        ", s.command(), a);
                    }
                }
            }
        }

        if (!d.groups().isEmpty()) {
            t.append('\n').append(a.bold("GROUPS")).append('\n');
            for (GroupSummary g : d.groups()) {
                t.append("  ").append(g.group().displayName()).append(": ")
                        .append(g.group().enabled() ? "enabled" : a.red("DISABLED")).append(", ")
                        .append(g.health().total()).append(" connector(s), ").append(g.health().authenticated())
                        .append(" authenticated, ").append(g.health().disconnected()).append(" disconnected; versions ")
                        .append(Views.versions(g)).append('\n');
                for (KeySummary k : g.keys()) {
                    t.append("    key ").append(k.key().displayName()).append(": ").append(k.usage()).append(' ')
                            .append(k.state() == KeySummary.State.ACTIVE ? k.state().label() : a.red(k.state().label()))
                            .append('\n');
                }
                for (ServerGroupSummary s : g.serverGroups()) {
                    List<String> segs = new ArrayList<>();
                    s.segments().forEach(x -> segs.add(x.displayName()));
                    t.append("    server group ").append(s.serverGroup().displayName()).append(": ")
                            .append(Views.serverGroup(s.serverGroup())).append("; segments ")
                            .append(segs.isEmpty() ? "none" : Views.limit(segs, 5)).append('\n');
                }
            }
        }

        t.append('\n').append(a.bold("CHECKS")).append("  passed ").append(d.passed().size()).append(", not evaluated ")
                .append(d.notEvaluated().size()).append('\n');
        Views.notEvaluatedByReason(d).forEach((reason, codes) -> wrap(t, String.join(", ", codes) + ": " + reason,
                "  "));
        if (!d.notes().isEmpty()) {
            t.append('\n').append(a.bold("NOTES")).append('\n');
            for (String n : d.notes()) {
                wrap(t, "- " + n, "  ");
            }
        }
        return t.toString();
    }

    private static void evidence(StringBuilder t, Finding f, Ansi a) {
        if (f.evidence().isEmpty()) {
            return;
        }
        t.append("  Evidence:\n");
        for (Evidence e : f.evidence()) {
            t.append("    ").append(a.dim(e.source() + (e.line() != null ? ":" + e.line() : ""))).append("  ")
                    .append(e.field()).append(" = ").append(e.value()).append('\n');
        }
    }

    private static void line(StringBuilder t, String label, String value) {
        t.append("  ").append(String.format("%-12s", label + ":")).append(value).append('\n');
    }

    /** Word-wraps text at the report width with a hanging indent. */
    static void wrap(StringBuilder t, String text, String indent) {
        if (text == null) {
            return;
        }
        int col = 0;
        t.append(indent);
        col = indent.length();
        for (String word : text.split(" ")) {
            if (col + word.length() + 1 > WIDTH && col > indent.length()) {
                t.append('\n').append(indent).append("  ");
                col = indent.length() + 2;
            } else if (col > indent.length()) {
                t.append(' ');
                col++;
            }
            t.append(word);
            col += word.length();
        }
        t.append('\n');
    }

    /** ANSI colours, or plain text when off. */
    private record Ansi(boolean on) {
        String wrap(String code, String s) {
            return on ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
        }

        String bold(String s) { return wrap("1", s); }
        String dim(String s) { return wrap("2", s); }
        String red(String s) { return wrap("31", s); }
        String green(String s) { return wrap("32", s); }

        String severity(Severity s) {
            String label = String.format("%-8s", s.name());
            return switch (s) {
                case CRITICAL -> wrap("1;31", label);
                case WARNING -> wrap("33", label);
                case UNKNOWN -> wrap("35", label);
                case INFO -> wrap("36", label);
            };
        }
    }

    /** A command, each of its lines as a prompt line, so several commands stay separate. */
    private static void command(StringBuilder t, String indent, String command, Ansi a) {
        if (command != null) {
            for (String line : command.split("\n")) {
                t.append(indent).append(a.dim("$ ")).append(line).append('\n');
            }
        }
    }
}
