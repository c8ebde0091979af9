package io.zpadoctor.rules.internal.verdict;

import io.zpadoctor.model.finding.Evidence;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.Severity;
import io.zpadoctor.model.finding.SubjectType;
import io.zpadoctor.rules.Catalog;
import io.zpadoctor.rules.CatalogEntry;
import io.zpadoctor.rules.Diagnosis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Whether a diagnosis contradicts itself, checked on its output alone (the tests run it over every scenario and
 * generated tenant). Each contradiction is a sentence naming the findings involved; none means consistent.
 *
 * <ul>
 * <li>an umbrella ("no specific cause was found") is reported while a cause the catalog says explains it is
 *     reported about the same connector, group or host;</li>
 * <li>a symptom explained by a cause does not name that cause in its words, or names a cause the report lacks;</li>
 * <li>two findings about one subject cite the same evidence (file and field) with different values;</li>
 * <li>a finding says the connector is healthy, or that TCP and TLS work, beside one that says otherwise;</li>
 * <li>a check is listed as passed although it fired, and the primary is not an unexplained problem.</li>
 * </ul>
 */
public final class SelfCheck {
    /** What "every healthy indicator" (HLT-003) denies: the connector is down, stopped, looping, flapping... */
    private static final Set<String> UNHEALTHY = Set.of("ZPA-CON-001", "ZPA-CON-002", "ZPA-CON-003", "ZPA-CON-006",
            "ZPA-UPG-005", "ZPA-NET-001", "ZPA-NET-002", "ZPA-NET-003", "ZPA-NET-004", "ZPA-NET-005", "ZPA-NET-006",
            "ZPA-APP-010", "ZPA-HLT-001", "ZPA-ENR-004", "ZPA-ENR-006", "ZPA-ENR-007", "ZPA-ENR-008");
    /** What "ICMP is filtered but TCP 443 and TLS work" (NET-007) denies. */
    private static final Set<String> PATH_BROKEN = Set.of("ZPA-NET-003", "ZPA-NET-004");

    private SelfCheck() {
    }

    public static List<String> contradictions(Diagnosis d, Catalog catalog) {
        List<String> out = new ArrayList<>();
        List<Finding> fs = d.findings();
        for (Finding u : fs) {
            CatalogEntry ue = catalog.entry(u.code()).orElse(null);
            if (ue == null || ue.role() != CatalogEntry.Role.UMBRELLA) {
                continue;
            }
            for (Finding c : fs) {
                boolean lists = catalog.entry(c.code()).map(e -> e.supersedes().contains(u.code())).orElse(false);
                if (c != u && lists && (related(c, u) || u.subject().type() == SubjectType.TENANT)) {
                    out.add(u.code() + " (" + u.subject().label() + ") says nothing specific explains it, but "
                            + c.code() + " (" + c.subject().label() + ") does");
                }
            }
        }
        Set<String> reported = new HashSet<>();
        fs.forEach(f -> reported.add(f.code()));
        for (Finding f : fs) {
            for (String cause : f.explainedBy()) {
                if (!reported.contains(cause)) {
                    out.add(f.code() + " is explained by " + cause + ", which the report does not hold");
                }
                boolean symptom = catalog.entry(f.code()).map(e -> e.role().isSymptom()).orElse(false);
                if (symptom && (f.rootCause() == null || !f.rootCause().contains(cause))) {
                    out.add(f.code() + " (" + f.subject().label() + ") is explained by " + cause
                            + " but its words do not say so");
                }
            }
        }
        sameEvidence(fs, out);
        denials(fs, "ZPA-HLT-003", UNHEALTHY, "shows every healthy indicator", out);
        denials(fs, "ZPA-NET-007", PATH_BROKEN, "says TCP 443 and TLS work", out);
        for (String p : d.passed()) {
            if (reported.contains(p)) {
                out.add(p + " is listed as passed and as a finding");
            }
        }
        Finding primary = d.primary();
        if (primary != null && (!primary.severity().isProblem() || primary.isExplained() || primary.isSuppressed())
                && fs.stream().anyMatch(f -> f.severity().isProblem() && !f.isExplained() && !f.isSuppressed())) {
            out.add("the primary " + primary.code() + " is explained, suppressed or not a problem, while an"
                    + " unexplained problem is reported");
        }
        if (primary == null && fs.stream().anyMatch(f -> f.severity().isProblem() && !f.isSuppressed())) {
            out.add("no primary, although a problem is reported");
        }
        return out;
    }

    /** Two findings about one subject that cite one file's field with different values. */
    private static void sameEvidence(List<Finding> fs, List<String> out) {
        Map<String, List<Finding>> bySubject = new HashMap<>();
        for (Finding f : fs) {
            bySubject.computeIfAbsent(f.subject().type() + "/" + f.subject().label(), k -> new ArrayList<>()).add(f);
        }
        for (List<Finding> group : bySubject.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    Finding a = group.get(i);
                    Finding b = group.get(j);
                    for (Evidence ea : a.evidence()) {
                        for (Evidence eb : b.evidence()) {
                            if (ea.source().equals(eb.source()) && ea.field().equals(eb.field())
                                    && !Objects.equals(ea.value(), eb.value())) {
                                out.add(a.code() + " and " + b.code() + " about " + a.subject().label() + " cite "
                                        + ea.source() + " " + ea.field() + " as \"" + ea.value() + "\" and \""
                                        + eb.value() + "\"");
                            }
                        }
                    }
                }
            }
        }
    }

    /** A finding whose words deny what another finding about the same connector or host states. */
    private static void denials(List<Finding> fs, String code, Set<String> denied, String says, List<String> out) {
        for (Finding a : fs) {
            if (!a.code().equals(code)) {
                continue;
            }
            for (Finding b : fs) {
                if (denied.contains(b.code()) && b.severity() != Severity.INFO && sameConnector(a, b)) {
                    out.add(code + " " + says + " about " + a.subject().label() + ", but " + b.code() + " ("
                            + b.subject().label() + ") says otherwise");
                }
            }
        }
    }

    /** Whether two findings are about one connector (or one host folder). */
    private static boolean sameConnector(Finding a, Finding b) {
        String host = a.params().get("host");
        return a.subject().equals(b.subject()) || host != null && host.equals(b.params().get("host"));
    }

    /** Whether two findings concern a common connector, group, key or host folder. */
    private static boolean related(Finding a, Finding b) {
        for (String c : a.concerns()) {
            if (b.concerns(c)) {
                return true;
            }
        }
        return a.subject().equals(b.subject());
    }
}
