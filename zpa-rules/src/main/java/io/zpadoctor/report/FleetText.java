package io.zpadoctor.report;

import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.rules.FleetReport;
import io.zpadoctor.rules.HotSpots;

/** The fleet report for terminals. */
final class FleetText {
    private FleetText() {
    }

    static String render(FleetReport f, boolean color) {
        String bold = color ? "\u001b[1m" : "";
        String reset = color ? "\u001b[0m" : "";
        StringBuilder t = new StringBuilder(4096);
        t.append(bold).append("ZPA Doctor: fleet").append(reset).append('\n');
        t.append("  ").append(f.connectors()).append(" connectors, ").append(f.groups()).append(" groups, ")
                .append(f.keys()).append(" keys; as of ").append(f.diagnosis().evaluationTime().instant()).append('\n');
        t.append("  status:   ").append(FleetMarkdown.counts(f.statuses())).append('\n');
        t.append("  versions: ").append(FleetMarkdown.counts(f.versions())).append('\n');
        t.append("  no N+1: ").append(f.groupsWithoutRedundancy().size()).append(", empty groups in use: ")
                .append(f.groupsWithoutConnectors().size()).append(", keys near exhaustion: ")
                .append(f.keysNearExhaustion().size()).append(", correlated outages: ")
                .append(f.correlatedOutages().size()).append('\n');
        t.append("  findings: ").append(FleetMarkdown.severityLine(f)).append("\n");
        HotSpots h = f.hotSpots();
        if (!h.isEmpty()) {
            t.append('\n').append(bold).append("Resource hot spots").append(reset).append(" (LSS records of ")
                    .append(h.reporting()).append(" connectors, as of ").append(h.asOf()).append(")\n");
            for (HotSpots.Connector c : h.connectors()) {
                t.append(String.format("  %-28s %-20s %s %s%%  (cpu %s, mem %s, ports %s, fds %s)%n",
                        c.connectorName(), c.groupName() == null ? "" : c.groupName(), c.busiest(),
                        FleetMarkdown.pct(c.busiestPercent()), dash(c.cpuPercent()), dash(c.memoryPercent()),
                        dash(c.portsPercent()), dash(c.fdPercent())));
            }
            for (HotSpots.Group g : h.groups()) {
                t.append(String.format("  group %-22s %d reporting, cpu average %s%%, highest %s%%%n",
                        g.groupName() == null ? g.groupId() : g.groupName(), g.reporting(),
                        FleetMarkdown.pct(g.cpuAverage()), FleetMarkdown.pct(g.cpuMax())));
            }
        }
        for (FleetReport.GroupFindings g : f.byGroup()) {
            t.append('\n').append(bold).append(g.groupId() == null ? "Tenant-wide" : g.groupName()).append(reset)
                    .append("  ").append(g.worst()).append('\n');
            for (Finding x : g.findings()) {
                t.append(String.format("  %-8s %-12s %s (%s)%s%s%n", x.severity(), x.code(), x.title(), Views.subject(x),
                        x.isExplained() ? " explained by " + String.join(", ", x.explainedBy()) : "",
                        Views.suppressed(x)));
            }
        }
        return t.toString();
    }

    private static String dash(Double v) {
        return v == null ? "-" : FleetMarkdown.pct(v) + "%";
    }
}
