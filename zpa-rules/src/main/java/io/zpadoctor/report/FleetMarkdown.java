package io.zpadoctor.report;

import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.Severity;
import io.zpadoctor.rules.FleetReport;
import io.zpadoctor.rules.HotSpots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The fleet report in Markdown: impact, cleanup, the fleet, each problem with what it explains, findings per group. */
final class FleetMarkdown {
    /** Beyond this many rows a list says how many more there are. */
    static final int LIST_LIMIT = 25;

    private FleetMarkdown() {
    }

    static String render(FleetReport f) {
        var d = f.diagnosis();
        StringBuilder md = new StringBuilder(8192);
        md.append("# ZPA Fleet Report\n\n");
        md.append("**Tenant:** ").append(f.connectors()).append(" connectors in ").append(f.groups())
                .append(" connector groups, ").append(f.keys()).append(" provisioning keys  \n");
        md.append("**Evaluated at:** ").append(d.evaluationTime().instant()).append(" (").append(d.evaluationTime().basis())
                .append(")");
        if (d.origin() != null) {
            md.append(" from `").append(d.origin().replace("`", "'")).append('`');
        }
        md.append("  \n**Problems:** ").append(Views.problemLine(f)).append("  \n**Findings:** ").append(severityLine(f))
                .append("\n\n## Impact\n\n");
        FleetReport.Impact im = f.impact();
        list(md, "Applications unreachable", im.unreachable(), a -> "\"" + a.segmentName() + "\""
                + (a.domains().isEmpty() ? "" : " (" + Views.limit(a.domains(), 3) + ")") + ": " + Views.chain(a)
                + codes(a.findings()));
        list(md, "Connector groups down", im.groupsDown(), g -> g.groupName() + ": none of " + g.total()
                + " connectors up" + (g.outage() != null ? ", all down between " + g.outage().params().get("first")
                + " and " + g.outage().params().get("last") + " (ZPA-FLT-005)" : ""));
        md.append("- Connectors down: ").append(im.connectorsDown()).append(" of ").append(f.connectors()).append('\n');
        md.append("\n## Cleanup\n\n");
        list(md, "Connectors disconnected for a long time (delete candidates)", im.longDisconnected(),
                x -> x.subject().label() + ": " + x.params().get("days") + " days");
        list(md, "Stale duplicates of live connectors", im.duplicates(), x -> x.subject().label());
        list(md, "Provisioning keys near exhaustion", im.keysNearExhaustion(),
                x -> x.subject().label() + ": " + x.params().get("usageCount") + "/" + x.params().get("maxUsage"));
        md.append("\n## Fleet\n\n");
        md.append("- Connectors by status: ").append(counts(f.statuses())).append(f.disabledConnectors() > 0
                ? "; " + f.disabledConnectors() + " disabled" : "").append('\n');
        md.append("- Connectors by version: ").append(counts(f.versions())).append('\n');
        list(md, "Groups serving applications without N+1", f.groupsWithoutRedundancy(),
                x -> x.subject().label() + ": " + x.params().get("serving") + " of " + x.params().get("total") + " serving");
        list(md, "Groups that server groups use but that have no connectors", f.groupsWithoutConnectors(),
                x -> x.subject().label());

        md.append("\n## Problems\n\nEach problem once, with the findings it explains beneath it.\n\n");
        if (f.problems().isEmpty()) {
            md.append("None.\n");
        }
        for (FleetReport.Problem p : f.problems()) {
            Finding x = p.cause();
            md.append("- **").append(x.severity()).append(' ').append(x.code()).append("** ")
                    .append(MarkdownReport.esc(Views.subject(x))).append(": ").append(MarkdownReport.esc(x.rootCause()))
                    .append(MarkdownReport.esc(Views.suppressed(x))).append('\n');
            if (!p.explains().isEmpty()) {
                List<String> under = new ArrayList<>();
                for (Finding y : p.explains()) {
                    under.add(y.code() + " " + Views.subject(y));
                }
                md.append("  - explains ").append(p.explains().size()).append(": ")
                        .append(MarkdownReport.esc(Views.limit(under, LIST_LIMIT))).append('\n');
            }
        }
        hotSpots(md, f.hotSpots());

        md.append("\n## Findings by connector group\n");
        if (f.byGroup().isEmpty()) {
            md.append("\nNo finding: every check that could run passed.\n");
        }
        for (FleetReport.GroupFindings g : f.byGroup()) {
            md.append("\n### ").append(g.groupId() == null ? "Tenant-wide" : MarkdownReport.esc(g.groupName()))
                    .append(" (").append(g.worst()).append(", ").append(g.findings().size()).append(" finding")
                    .append(g.findings().size() == 1 ? "" : "s").append(")\n\n");
            md.append("| Severity | Code | About | Finding |\n|---|---|---|---|\n");
            for (Finding x : g.findings()) {
                md.append("| ").append(x.severity()).append(" | ").append(x.code()).append(" | ")
                        .append(MarkdownReport.esc(Views.subject(x)).replace("|", "\\|")).append(" | ")
                        .append(MarkdownReport.esc(x.rootCause()).replace("|", "\\|"))
                        .append(x.isExplained() ? " (explained by " + String.join(", ", x.explainedBy()) + ")" : "")
                        .append(MarkdownReport.esc(Views.suppressed(x)).replace("|", "\\|")).append(" |\n");
            }
        }
        md.append("\nFor the fix of a finding, run `zpa-doctor diagnose` with `--group` or `--connector`.\n");
        md.append("\n<sub>zpa-doctor ").append(d.toolVersion()).append("</sub>\n");
        return md.toString();
    }

    /** The busiest connectors and groups by their LSS records; nothing without records. */
    private static void hotSpots(StringBuilder md, HotSpots h) {
        if (h.isEmpty()) {
            return;
        }
        md.append("\n## Resource hot spots\n\nFrom the Log Streaming Service records of ").append(h.reporting())
                .append(" connector").append(h.reporting() == 1 ? "" : "s").append(", as of ").append(h.asOf())
                .append(". CPU and memory are the highest within the window, the rest the latest; the findings below say")
                .append(" which cross a limit.\n\n");
        md.append("| Connector | Group | Busiest | CPU % | Memory % | Process memory % | Ports % | File descriptors %")
                .append(" | Free disk MB |\n|---|---|---|---|---|---|---|---|---|\n");
        for (HotSpots.Connector c : h.connectors()) {
            md.append("| ").append(MarkdownReport.esc(c.connectorName()).replace("|", "\\|")).append(" | ")
                    .append(c.groupName() == null ? "" : MarkdownReport.esc(c.groupName()).replace("|", "\\|"))
                    .append(" | ").append(c.busiest()).append(" | ").append(pct(c.cpuPercent())).append(" | ")
                    .append(pct(c.memoryPercent())).append(" | ").append(pct(c.processMemoryPercent())).append(" | ")
                    .append(pct(c.portsPercent())).append(" | ").append(pct(c.fdPercent())).append(" | ")
                    .append(c.availableDiskMb() == null ? "" : c.availableDiskMb()).append(" |\n");
        }
        if (!h.groups().isEmpty()) {
            md.append("\n| Group | Reporting connectors | Average CPU % | Highest CPU % | Average memory % |\n")
                    .append("|---|---|---|---|---|\n");
            for (HotSpots.Group g : h.groups()) {
                md.append("| ").append(g.groupName() == null ? g.groupId() : MarkdownReport.esc(g.groupName())
                                .replace("|", "\\|")).append(" | ").append(g.reporting()).append(" | ")
                        .append(pct(g.cpuAverage())).append(" | ").append(pct(g.cpuMax())).append(" | ")
                        .append(pct(g.memoryAverage())).append(" |\n");
            }
        }
    }

    /** A percentage with at most one decimal, blank when unknown. */
    static String pct(Double v) {
        if (v == null) {
            return "";
        }
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }

    static String severityLine(FleetReport f) {
        List<String> parts = new ArrayList<>();
        for (Severity s : Severity.values()) {
            int n = f.bySeverity().getOrDefault(s, 0);
            long quiet = f.diagnosis().findings().stream().filter(x -> x.severity() == s && x.isSuppressed()).count();
            if (n > 0) {
                parts.add(n + " " + s + (quiet > 0 ? " (" + quiet + " suppressed)" : ""));
            }
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    static String counts(Map<String, Integer> m) {
        List<String> parts = new ArrayList<>();
        m.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> parts.add(e.getKey() + " " + e.getValue()));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static String codes(List<Finding> findings) {
        List<String> codes = new ArrayList<>();
        for (Finding x : findings) {
            if (!x.isExplained() && !codes.contains(x.code())) {
                codes.add(x.code());
            }
        }
        return codes.isEmpty() ? "" : " (" + String.join(", ", codes) + ")";
    }

    private static <T> void list(StringBuilder md, String title, List<T> items,
                                 java.util.function.Function<T, String> line) {
        md.append("- ").append(title).append(": ").append(items.size()).append('\n');
        int n = 0;
        for (T x : items) {
            if (n++ == LIST_LIMIT) {
                md.append("  - and ").append(items.size() - LIST_LIMIT).append(" more\n");
                break;
            }
            md.append("  - ").append(MarkdownReport.esc(line.apply(x))).append('\n');
        }
    }
}
