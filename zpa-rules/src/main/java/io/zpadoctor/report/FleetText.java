package io.zpadoctor.report;

import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.rules.FleetReport;
import io.zpadoctor.rules.HotSpots;

import java.util.ArrayList;
import java.util.List;

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
        FleetReport.Impact im = f.impact();
        t.append("  problems: ").append(Views.problemLine(f)).append('\n');
        t.append(bold).append("Impact").append(reset).append('\n');
        t.append("  applications unreachable: ").append(im.unreachable().size()).append('\n');
        int n = 0;
        for (FleetReport.UnreachableApplication a : im.unreachable()) {
            if (n++ == FleetMarkdown.LIST_LIMIT) {
                t.append("    and ").append(im.unreachable().size() - FleetMarkdown.LIST_LIMIT).append(" more\n");
                break;
            }
            t.append("    ").append(a.segmentName()).append(": ").append(Views.chain(a)).append('\n');
        }
        List<String> down = new ArrayList<>();
        im.groupsDown().forEach(g -> down.add(g.groupName() + (g.outage() != null ? " (together)" : "")));
        t.append("  groups down: ").append(im.groupsDown().size()).append(down.isEmpty() ? "" : ": " + Views.limit(down, 10))
                .append('\n');
        t.append("  connectors down: ").append(im.connectorsDown()).append(" of ").append(f.connectors()).append('\n');
        t.append(bold).append("Cleanup").append(reset).append('\n');
        t.append("  long disconnected: ").append(im.longDisconnected().size()).append(", stale duplicates: ")
                .append(im.duplicates().size()).append(", keys near exhaustion: ").append(im.keysNearExhaustion().size())
                .append('\n');
        t.append(bold).append("Fleet").append(reset).append('\n');
        t.append("  status:   ").append(FleetMarkdown.counts(f.statuses())).append('\n');
        t.append("  versions: ").append(FleetMarkdown.counts(f.versions())).append('\n');
        t.append("  no N+1: ").append(f.groupsWithoutRedundancy().size()).append(", empty groups in use: ")
                .append(f.groupsWithoutConnectors().size()).append('\n');
        t.append("  findings: ").append(FleetMarkdown.severityLine(f)).append('\n');
        t.append('\n').append(bold).append("Problems").append(reset).append('\n');
        for (FleetReport.Problem p : f.problems()) {
            Finding x = p.cause();
            t.append(String.format("  %-8s %-12s %s (%s)%s%n", x.severity(), x.code(), x.title(), Views.subject(x),
                    Views.suppressed(x)));
            for (Finding y : p.explains()) {
                t.append(String.format("           explains %-12s %s (%s)%n", y.code(), y.title(), Views.subject(y)));
            }
        }
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
