package io.zpadoctor.report;

import io.zpadoctor.model.finding.Evidence;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.RemediationStep;
import io.zpadoctor.model.finding.Severity;
import io.zpadoctor.report.internal.html.HtmlPage;
import io.zpadoctor.rules.CatalogEntry;
import io.zpadoctor.rules.Diagnosis;
import io.zpadoctor.rules.FleetReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The HTML pages' contents, from a fleet view or a diagnosis, in the words the other formats use. */
final class HtmlPages {
    /** Beyond this many groups the grid shows small squares (the name and counts on hover) instead of tiles. */
    static final int TILES_UP_TO = 120;
    /** Beneath a problem, the findings it explains one per line up to this many (as Markdown lists); each has its full entry under its code. */
    static final int EXPLAINS_LISTED = FleetMarkdown.LIST_LIMIT;

    private HtmlPages() {
    }

    static HtmlPage.Fleet fleet(FleetReport f) {
        Diagnosis d = f.diagnosis();
        List<HtmlPage.Fact> facts = new ArrayList<>();
        facts.add(new HtmlPage.Fact("Tenant", f.connectors() + " connectors in " + f.groups() + " connector groups, "
                + f.keys() + " provisioning keys"));
        facts.add(new HtmlPage.Fact("Evaluated at", d.evaluationTime().instant() + " (" + d.evaluationTime().basis() + ")"
                + (d.origin() != null ? " from " + d.origin() : "")));
        facts.add(new HtmlPage.Fact("Problems", Views.problemLine(f)));
        facts.add(new HtmlPage.Fact("Findings", FleetMarkdown.severityLine(f)));

        FleetReport.Impact im = f.impact();
        List<String> apps = new ArrayList<>();
        im.unreachable().forEach(a -> apps.add(a.segmentName()));
        List<String> down = new ArrayList<>();
        im.groupsDown().forEach(g -> down.add(g.groupName()));
        List<HtmlPage.Figure> impact = List.of(
                new HtmlPage.Figure("Applications unreachable", im.unreachable().size(),
                        im.unreachable().isEmpty() ? "ok" : "crit", Views.limit(apps, 8)),
                new HtmlPage.Figure("Connector groups down", im.groupsDown().size(),
                        im.groupsDown().isEmpty() ? "ok" : "crit", Views.limit(down, 8)),
                new HtmlPage.Figure("Connectors down", im.connectorsDown(), im.connectorsDown() == 0 ? "ok" : "warn",
                        "of " + f.connectors()));
        List<HtmlPage.Figure> cleanup = List.of(
                figure("Disconnected for a long time", im.longDisconnected()),
                figure("Stale duplicates", im.duplicates()),
                figure("Keys near exhaustion", im.keysNearExhaustion()));

        // segments cut off by the same broken chain share a row: twelve segments behind one server group are one line
        Map<String, List<FleetReport.UnreachableApplication>> byChain = new LinkedHashMap<>();
        for (FleetReport.UnreachableApplication a : im.unreachable()) {
            byChain.computeIfAbsent(Views.chain(a) + "|" + codes(a), k -> new ArrayList<>()).add(a);
        }
        List<HtmlPage.Unreachable> unreachable = new ArrayList<>();
        byChain.forEach((key, list) -> {
            List<String> names = new ArrayList<>();
            List<String> domains = new ArrayList<>();
            for (FleetReport.UnreachableApplication a : list) {
                names.add(a.segmentName());
                domains.addAll(a.domains());
            }
            unreachable.add(new HtmlPage.Unreachable(Views.limit(names, 6), list.size(), Views.limit(domains, 3),
                    Views.chain(list.get(0)), codes(list.get(0))));
        });
        Map<String, int[]> tones = new LinkedHashMap<>();
        for (String t : List.of("down", "crit", "warn", "unknown", "info", "ok", "off")) {
            tones.put(t, new int[1]);
        }
        List<HtmlPage.Cell> grid = new ArrayList<>();
        for (FleetReport.GroupState g : f.groupStates()) {
            String tone = tone(g);
            tones.get(tone)[0]++;
            grid.add(new HtmlPage.Cell(g.groupName(), tone, (g.enabled() ? g.serving() + " of " + g.total() + " up"
                    : "disabled") + ", " + (g.findings() == 0 ? "no finding" : g.findings() + " finding"
                    + (g.findings() == 1 ? "" : "s") + ", worst " + g.worst())));
        }
        List<HtmlPage.Legend> legend = new ArrayList<>();
        Map<String, String> labels = Map.of("down", "down (no connector up)", "crit", "critical", "warn", "warning",
                "unknown", "unknown", "info", "informational", "ok", "healthy", "off", "disabled");
        tones.forEach((t, n) -> {
            if (n[0] > 0) {
                legend.add(new HtmlPage.Legend(t, labels.get(t), n[0]));
            }
        });

        Map<String, List<Finding>> byCode = new LinkedHashMap<>();
        for (Finding x : d.findings()) {
            byCode.computeIfAbsent(x.code(), k -> new ArrayList<>()).add(x);
        }
        // a problem's cause shows its evidence and fix under Problems: once per page, not again in the roll-up
        java.util.Set<Finding> causes = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        f.problems().forEach(p -> causes.add(p.cause()));
        List<HtmlPage.CodeGroup> codes = new ArrayList<>();
        byCode.forEach((code, list) -> {
            List<HtmlPage.Finding> views = new ArrayList<>();
            list.forEach(x -> views.add(causes.contains(x) ? shownAbove(x) : finding(x)));
            Severity worst = list.stream().map(Finding::severity).min(Enum::compareTo).orElse(Severity.INFO);
            int explained = (int) list.stream().filter(Finding::isExplained).count();
            codes.add(new HtmlPage.CodeGroup(code, worst.name(), list.get(0).title(), list.size(), explained, views));
        });
        codes.sort(java.util.Comparator.comparing((HtmlPage.CodeGroup c) -> Severity.valueOf(c.severity()))
                .thenComparing(c -> -c.count()).thenComparing(HtmlPage.CodeGroup::code));

        return new HtmlPage.Fleet("ZPA Fleet Report", facts, impact, cleanup,
                HtmlPage.Chart.of("status", "Connectors by status", bars(f.statuses(), true)),
                HtmlPage.Chart.of("version", "Connectors by version", bars(f.versions(), false)),
                legend, grid, grid.size() > TILES_UP_TO, unreachable, Views.problemLine(f), problems(f), hotSpots(f.hotSpots()),
                codes, d.toolVersion());
    }

    /** Each problem once with its evidence and fix, the findings it explains in a line each beneath it. */
    static List<HtmlPage.Problem> problems(FleetReport f) {
        List<HtmlPage.Problem> out = new ArrayList<>(f.problems().size());
        for (FleetReport.Problem p : f.problems()) {
            List<HtmlPage.Explained> under = new ArrayList<>();
            for (Finding y : p.explains()) {
                if (under.size() == EXPLAINS_LISTED) {
                    break;
                }
                under.add(new HtmlPage.Explained(y.code(), y.title(), Views.subject(y)));
            }
            out.add(new HtmlPage.Problem(finding(p.cause()), under, p.explains().size(),
                    p.explains().size() - under.size()));
        }
        return out;
    }

    /** The hot spots in the Markdown table's words and figures. */
    static HtmlPage.HotSpots hotSpots(io.zpadoctor.rules.HotSpots h) {
        if (h.isEmpty()) {
            return new HtmlPage.HotSpots("", List.of(), List.of());
        }
        List<HtmlPage.HotConnector> connectors = new ArrayList<>();
        for (io.zpadoctor.rules.HotSpots.Connector c : h.connectors()) {
            connectors.add(new HtmlPage.HotConnector(c.connectorName(), c.groupName() == null ? "" : c.groupName(),
                    c.busiest(), FleetMarkdown.pct(c.busiestPercent()), FleetMarkdown.pct(c.cpuPercent()),
                    FleetMarkdown.pct(c.memoryPercent()), FleetMarkdown.pct(c.processMemoryPercent()),
                    FleetMarkdown.pct(c.portsPercent()), FleetMarkdown.pct(c.fdPercent()),
                    c.availableDiskMb() == null ? "" : Long.toString(c.availableDiskMb())));
        }
        List<HtmlPage.HotGroup> groups = new ArrayList<>();
        for (io.zpadoctor.rules.HotSpots.Group g : h.groups()) {
            groups.add(new HtmlPage.HotGroup(g.groupName() == null ? g.groupId() : g.groupName(), g.reporting(),
                    FleetMarkdown.pct(g.cpuAverage()), FleetMarkdown.pct(g.cpuMax()), FleetMarkdown.pct(g.memoryAverage())));
        }
        String note = "From the Log Streaming Service records of " + h.reporting() + " connector"
                + (h.reporting() == 1 ? "" : "s") + ", as of " + h.asOf() + ". CPU and memory are the highest within the"
                + " window, the rest the latest; the findings say which cross a limit.";
        return new HtmlPage.HotSpots(note, connectors, groups);
    }

    static HtmlPage.Diagnosis diagnosis(Diagnosis d) {
        List<HtmlPage.Fact> facts = new ArrayList<>();
        facts.add(new HtmlPage.Fact("Connector group", Views.groupLine(d)));
        facts.add(new HtmlPage.Fact("Affected connector(s)", Views.affected(d)));
        facts.add(new HtmlPage.Fact("Symptom", Views.symptom(d.reportedCase().symptom())));
        if (d.reportedCase().application() != null) {
            facts.add(new HtmlPage.Fact("Application", d.reportedCase().application().toString()));
        }
        facts.add(new HtmlPage.Fact("Status", Views.status(d)));
        facts.add(new HtmlPage.Fact("Evaluated at", d.evaluationTime().instant() + " (" + d.evaluationTime().basis() + ")"
                + (d.origin() != null ? " from " + d.origin() : "")));
        Finding p = d.primary();
        List<String> also = new ArrayList<>();
        List<HtmlPage.Finding> others = new ArrayList<>();
        for (Finding x : d.findings()) {
            if (p != null && x != p && x.explainedBy().contains(p.code())) {
                also.add(x.code() + " " + x.title() + " (" + Views.subject(x) + ")");
            }
            if (x != p) {
                others.add(finding(x));
            }
        }
        List<HtmlPage.Fact> checks = new ArrayList<>();
        checks.add(new HtmlPage.Fact("Passed", d.passed().isEmpty() ? "none" : String.join(", ", d.passed())));
        if (d.notEvaluated().isEmpty()) {
            checks.add(new HtmlPage.Fact("Not evaluated", "none"));
        }
        Views.notEvaluatedByReason(d).forEach((reason, codes) ->
                checks.add(new HtmlPage.Fact("Not evaluated", String.join(", ", codes) + ": " + reason)));
        List<HtmlPage.Step> persist = new ArrayList<>();
        int n = 1;
        for (CatalogEntry.Step s : d.persist()) {
            persist.add(new HtmlPage.Step(n++, s.kind() == null ? "" : s.kind().name(), s.text(), s.command()));
        }
        String verdict = p != null ? "Diagnosis: " + p.title() + " (" + p.code() + ", " + p.severity() + ")"
                : d.findings().isEmpty() ? "Diagnosis: no problem found" : "Diagnosis: only informational findings";
        return new HtmlPage.Diagnosis("App Connector Troubleshooting Report", facts, verdict,
                p != null ? p.severity().name() : "ok", p != null ? finding(p) : null, also, others, checks, d.notes(),
                persist, d.toolVersion());
    }

    private static String codes(FleetReport.UnreachableApplication a) {
        List<String> codes = new ArrayList<>();
        for (Finding x : a.findings()) {
            if (!codes.contains(x.code())) {
                codes.add(x.code());
            }
        }
        return String.join(", ", codes);
    }

    private static HtmlPage.Figure figure(String label, List<Finding> items) {
        List<String> names = new ArrayList<>();
        items.forEach(x -> names.add(x.subject().label()));
        return new HtmlPage.Figure(label, items.size(), items.isEmpty() ? "ok" : "warn", Views.limit(names, 6));
    }

    private static String tone(FleetReport.GroupState g) {
        if (!g.enabled()) {
            return "off";
        }
        if (g.down()) {
            return "down";
        }
        if (g.worst() == null) {
            return "ok";
        }
        return switch (g.worst()) {
            case CRITICAL -> "crit";
            case WARNING -> "warn";
            case UNKNOWN -> "unknown";
            case INFO -> "info";
        };
    }

    /** Bars largest first; a status bar is toned by what the status means. */
    private static List<HtmlPage.Bar> bars(Map<String, Integer> counts, boolean status) {
        List<HtmlPage.Bar> out = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.add(new HtmlPage.Bar(e.getKey(), e.getValue(), 0, 0, !status ? "info"
                        : e.getKey().endsWith("AUTHENTICATED") ? "ok" : e.getKey().endsWith("DISCONNECTED") ? "crit"
                        : "warn")));
        return out;
    }

    /** A problem's cause in the roll-up: what and why, its evidence and fix being under Problems. */
    static HtmlPage.Finding shownAbove(Finding x) {
        return new HtmlPage.Finding(x.code(), x.severity().name(), x.title(), Views.subject(x), x.rootCause(), List.of(),
                List.of(), null, "Its evidence and fix are under Problems, above.");
    }

    /** A finding as the page shows it: the fix only when it is the one to act on (not explained, not accepted). */
    static HtmlPage.Finding finding(Finding x) {
        List<HtmlPage.Evidence> evidence = new ArrayList<>();
        for (Evidence e : x.evidence()) {
            evidence.add(new HtmlPage.Evidence(e.source() + (e.line() != null ? ":" + e.line() : ""), e.field(),
                    e.value()));
        }
        boolean act = !x.isExplained() && !x.isSuppressed();
        List<HtmlPage.Step> steps = new ArrayList<>();
        int n = 1;
        for (RemediationStep s : act ? x.remediation() : List.<RemediationStep>of()) {
            steps.add(new HtmlPage.Step(n++, s.kind().name(), s.text(), s.command()));
        }
        String note = x.isExplained() ? "Explained by " + String.join(", ", x.explainedBy()) + "."
                : x.isSuppressed() ? Views.suppressed(x).trim() : null;
        return new HtmlPage.Finding(x.code(), x.severity().name(), x.title(), Views.subject(x), x.rootCause(), evidence,
                steps, act ? x.verification() : null, note);
    }
}
