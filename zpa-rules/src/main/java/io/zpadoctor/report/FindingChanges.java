package io.zpadoctor.report;

import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.Severity;
import io.zpadoctor.rules.Diagnosis;
import io.zpadoctor.rules.FleetReport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two diagnoses of one tenant: findings opened, resolved, or changed (severity, primary-ness,
 * root cause text, suppression). A finding is the same finding in both when its code and subject are the same (the
 * diagnoser merges findings of one code about one subject, so that pair names one finding). The watch loop and
 * {@code zpa-doctor diff} both use it.
 */
public final class FindingChanges {
    private FindingChanges() {
    }

    /** Changes from {@code before} (null: nothing was known, so everything found is opened) to {@code after}. */
    public static List<FindingChange> between(Diagnosis before, Diagnosis after) {
        return between(before == null ? List.of() : before.findings(), before == null ? null : before.primary(),
                after.findings(), after.primary(), after.evaluationTime().instant());
    }

    public static List<FindingChange> between(FleetReport before, FleetReport after) {
        return between(before == null ? null : before.diagnosis(), after.diagnosis());
    }

    /**
     * Changes between two sets of findings, each with its primary cause (or null), seen at {@code at}: opened and
     * changed in the order of {@code after} (worst first), then resolved in the order of {@code before}.
     */
    public static List<FindingChange> between(Collection<Finding> before, Finding beforePrimary,
                                              Collection<Finding> after, Finding afterPrimary, Instant at) {
        Map<String, Finding> old = index(before);
        Map<String, Finding> now = index(after);
        String oldPrimary = beforePrimary == null ? null : key(beforePrimary);
        String newPrimary = afterPrimary == null ? null : key(afterPrimary);
        List<FindingChange> out = new ArrayList<>();
        for (Map.Entry<String, Finding> e : now.entrySet()) {
            Finding f = e.getValue();
            boolean primary = e.getKey().equals(newPrimary);
            Finding was = old.get(e.getKey());
            if (was == null) {
                out.add(new FindingChange(FindingChange.Kind.OPENED, f, null, primary, List.of(), at));
                continue;
            }
            List<String> what = new ArrayList<>(4);
            if (was.severity() != f.severity()) {
                what.add("severity");
            }
            if (e.getKey().equals(oldPrimary) != primary) {
                what.add("primary");
            }
            if (!Objects.equals(was.rootCause(), f.rootCause())) {
                what.add("rootCause");
            }
            if (was.isSuppressed() != f.isSuppressed()) {
                what.add("suppressed");
            }
            if (!what.isEmpty()) {
                out.add(new FindingChange(FindingChange.Kind.CHANGED, f, was, primary, what, at));
            }
        }
        for (Map.Entry<String, Finding> e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                out.add(new FindingChange(FindingChange.Kind.RESOLVED, e.getValue(), null,
                        e.getKey().equals(oldPrimary), List.of(), at));
            }
        }
        return out;
    }

    /**
     * The changes between two JSON reports as {@code diagnose} or {@code fleet --format json} write them, seen at the
     * newer report's {@code evaluatedAt}.
     *
     * @throws IllegalArgumentException naming which report is not one and what was expected
     */
    public static List<FindingChange> betweenReports(String beforeJson, String afterJson) {
        ReportReader.Read before = ReportReader.read(beforeJson, "the older report");
        ReportReader.Read after = ReportReader.read(afterJson, "the newer report");
        return between(before.findings(), before.primary(), after.findings(), after.primary(), after.evaluatedAt());
    }

    /** The identity of a finding across diagnoses: its code and subject. */
    public static String key(Finding f) {
        return f.code() + '\u0000' + f.subject().type() + '\u0000' + f.subject().id() + '\u0000' + f.subject().name();
    }

    /**
     * The worst thing a list of changes opened, or an escalation reached: a finding not suppressed that opened, or
     * changed to a higher severity, at CRITICAL or WARNING. Empty when nothing got worse.
     */
    public static java.util.Optional<Severity> worstOpened(List<FindingChange> changes) {
        return changes.stream()
                .filter(c -> !c.finding().isSuppressed() && c.finding().severity().isProblem())
                .filter(c -> c.kind() == FindingChange.Kind.OPENED || c.kind() == FindingChange.Kind.CHANGED
                        && (c.before().severity().compareTo(c.finding().severity()) > 0
                        || c.before().isSuppressed()))
                .map(c -> c.finding().severity()).min(Enum::compareTo);
    }

    /** One change as a JSON line (no line break), secrets scrubbed: the event {@code zpa-doctor watch} prints. */
    public static String toJson(FindingChange c) {
        return Redactor.scrub(EventJson.change(c));
    }

    /**
     * The baseline event a watch prints first: every finding open when it started, counted by severity, as one JSON
     * line (secrets scrubbed), so that a restart does not replay them all as {@code opened}.
     */
    public static String snapshotJson(Diagnosis d, Instant at) {
        return Redactor.scrub(EventJson.snapshot(d, at));
    }

    /** One change as a line for a terminal or a chat message, secrets scrubbed. */
    public static String toText(FindingChange c) {
        Finding f = c.finding();
        StringBuilder b = new StringBuilder(160);
        b.append(switch (c.kind()) {
            case OPENED -> "+ opened   ";
            case RESOLVED -> "- resolved ";
            case CHANGED -> "~ changed  ";
        });
        b.append(f.severity()).append(' ').append(f.code()).append(' ').append(f.subject().type().name()
                .toLowerCase(java.util.Locale.ROOT)).append(" '").append(f.subject().label()).append('\'');
        if (f.title() != null) {
            b.append(": ").append(f.title());
        }
        if (c.primary()) {
            b.append(" [primary cause]");
        }
        if (c.kind() == FindingChange.Kind.CHANGED) {
            b.append(" (");
            for (int i = 0; i < c.changes().size(); i++) {
                String what = c.changes().get(i);
                b.append(i == 0 ? "" : ", ").append(what);
                if (what.equals("severity")) {
                    b.append(' ').append(c.before().severity()).append(" -> ").append(f.severity());
                }
            }
            b.append(')');
        }
        return Redactor.scrub(b.toString());
    }

    private static Map<String, Finding> index(Collection<Finding> findings) {
        Map<String, Finding> m = new LinkedHashMap<>(findings.size() * 2);
        for (Finding f : findings) {
            m.putIfAbsent(key(f), f);
        }
        return m;
    }
}
