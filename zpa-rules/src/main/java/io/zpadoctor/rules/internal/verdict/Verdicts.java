package io.zpadoctor.rules.internal.verdict;

import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.Symptom;
import io.zpadoctor.model.derived.CaseScope;
import io.zpadoctor.model.finding.Category;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.Subject;
import io.zpadoctor.model.finding.SubjectType;
import io.zpadoctor.rules.Catalog;
import io.zpadoctor.rules.CatalogEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Relates causes to the symptoms they explain, orders the findings and picks the primary root cause, as
 * {@code catalog.md} lays down: a cause supersedes a symptom it lists when both concern the same connector
 * or group; among the rest the higher severity wins, then the one about the reported connector or group,
 * then the one the reported symptom points at.
 */
public final class Verdicts {
    private final Catalog catalog;
    private final Set<String> caseIds = new HashSet<>();
    /** The reported connector itself (id and name), more specific than its group. */
    private final Set<String> caseConnector = new HashSet<>();
    private final Set<Category> symptomCategories;

    public Verdicts(Catalog catalog, ReportedCase reported, CaseScope scope) {
        this.catalog = catalog;
        caseIds.addAll(scope.connectorIds());
        caseIds.addAll(scope.groupIds());
        if (scope.connector() != null) {
            caseIds.add(scope.connector().name());
            caseConnector.add(scope.connector().name());
            if (scope.connector().id() != null) {
                caseConnector.add(scope.connector().id());
            }
        }
        symptomCategories = categoriesOf(reported.symptom());
    }

    static Set<Category> categoriesOf(Symptom s) {
        if (s == null) {
            return Set.of();
        }
        return switch (s) {
            case NOT_ENROLLING -> Set.of(Category.ENROLLMENT);
            case DISCONNECTED -> Set.of(Category.CONNECTOR, Category.NETWORK);
            case UPGRADE_FAILED -> Set.of(Category.UPGRADE);
            case HIGH_CPU, HIGH_MEMORY, HIGH_DISK -> Set.of(Category.RESOURCES);
            case APP_UNREACHABLE -> Set.of(Category.APPLICATION);
        };
    }

    /**
     * The findings as reported and those withheld. Each finding names the codes of the causes that explain it; an
     * umbrella a cause explains ("not enrolling, no specific cause found") is withheld, since reporting it would
     * deny that cause, and what it explained is then explained by its causes instead.
     */
    public record Linked(List<Finding> reported, List<Finding> withheld) {
    }

    /** Links every finding to the causes that explain it, and withholds the umbrellas a cause explains. */
    public Linked link(List<Finding> findings) {
        Map<String, List<Finding>> byConcern = new HashMap<>();
        List<Finding> tenantWide = new ArrayList<>();
        for (Finding f : findings) {
            for (String c : f.concerns()) {
                byConcern.computeIfAbsent(c, k -> new ArrayList<>()).add(f);
            }
            if (f.subject().type() == SubjectType.TENANT) {
                tenantWide.add(f);
            }
        }
        Map<Finding, Set<Finding>> causes = new IdentityHashMap<>();
        for (Finding f : findings) {
            Set<Finding> found = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            if (f.subject().type() == SubjectType.TENANT) {
                // a report that names nothing ("a connector is not enrolling"): any cause of that symptom explains it
                for (Finding g : findings) {
                    if (g != f && lists(g, f)) {
                        found.add(g);
                    }
                }
            }
            for (String c : f.concerns()) {
                for (Finding g : byConcern.getOrDefault(c, List.of())) {
                    if (g != f && supersedes(g, f)) {
                        found.add(g);
                    }
                }
            }
            for (Finding g : tenantWide) {
                if (g != f && supersedes(g, f)) {
                    found.add(g);
                }
            }
            causes.put(f, found);
        }
        Set<Finding> withheld = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Finding f : findings) {
            if (role(f) == CatalogEntry.Role.UMBRELLA && !causes.get(f).isEmpty()) {
                withheld.add(f);
            }
        }
        List<Finding> reported = new ArrayList<>(findings.size());
        List<Finding> held = new ArrayList<>();
        for (Finding f : findings) {
            Set<String> codes = new TreeSet<>();
            for (Finding g : reportedCauses(f, causes, withheld)) {
                codes.add(g.code());
            }
            Finding linked = codes.isEmpty() ? f : f.withExplainedBy(List.copyOf(codes));
            (withheld.contains(f) ? held : reported).add(linked);
        }
        return new Linked(reported, held);
    }

    /** The reported causes of a finding: a withheld umbrella stands for the causes that explain it. */
    private static Set<Finding> reportedCauses(Finding f, Map<Finding, Set<Finding>> causes, Set<Finding> withheld) {
        Set<Finding> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Finding> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        java.util.ArrayDeque<Finding> todo = new java.util.ArrayDeque<>(causes.get(f));
        while (!todo.isEmpty()) {
            Finding g = todo.pop();
            if (g == f || !seen.add(g)) {
                continue;
            }
            if (withheld.contains(g)) {
                todo.addAll(causes.get(g));
            } else {
                out.add(g);
            }
        }
        return out;
    }

    private boolean lists(Finding cause, Finding symptom) {
        return catalog.entry(cause.code()).map(e -> e.supersedes().contains(symptom.code())).orElse(false);
    }

    private boolean supersedes(Finding cause, Finding symptom) {
        return lists(cause, symptom) && sameConnectorIfBothAreAboutOne(cause, symptom);
    }

    /**
     * Two findings about two different connectors share their group, but what befell one connector (disabled,
     * a stale duplicate, its key deleted) explains nothing about another: a connector's cause explains a
     * connector's symptom only when it concerns that very connector. Group, key and host causes still explain
     * the symptoms of the connectors they concern.
     */
    private static boolean sameConnectorIfBothAreAboutOne(Finding cause, Finding symptom) {
        Subject c = cause.subject();
        Subject s = symptom.subject();
        if (c.type() != SubjectType.CONNECTOR || s.type() != SubjectType.CONNECTOR) {
            return true;
        }
        return cause.concerns(s.id()) || cause.concerns(s.name()) || symptom.concerns(c.id())
                || symptom.concerns(c.name());
    }

    /**
     * The primary root cause: the first unexplained problem in report order, or null when there is none. When that
     * is a symptom and an unexplained cause of the same severity is about the symptom's own group or connector (a
     * site outage beside one stopped service of the site), the cause is the primary, as the catalog says.
     */
    public Finding primary(List<Finding> ordered) {
        Finding fallback = null;
        Finding first = null;
        for (Finding f : ordered) {
            if (!f.severity().isProblem() || f.isSuppressed()) {
                continue;
            }
            if (!f.isExplained()) {
                first = f;
                break;
            }
            if (fallback == null) {
                fallback = f; // only when every problem is explained by another (a cycle in a pack's supersedes)
            }
        }
        if (first == null) {
            return fallback;
        }
        if (role(first).isSymptom()) {
            for (Finding q : ordered) {
                if (q != first && !q.isExplained() && !q.isSuppressed() && q.severity() == first.severity()
                        && role(q) == CatalogEntry.Role.CAUSE && aboutGroupOrSelf(q, first)) {
                    return q;
                }
            }
        }
        return first;
    }

    /** Whether the cause is about the symptom's group, or about the very subject of the symptom. */
    private static boolean aboutGroupOrSelf(Finding cause, Finding symptom) {
        Subject c = cause.subject();
        return c.equals(symptom.subject())
                || c.type() == SubjectType.CONNECTOR_GROUP && c.id() != null && symptom.concerns(c.id());
    }

    /**
     * Sorts into report order (suppressed last; then severity, unexplained first, about the case, pointed at by the
     * symptom, causes first; then code and subject), working out each finding's place once, not at every comparison.
     */
    public void sort(List<Finding> findings) {
        record Keyed(Finding finding, long rank, String code, String label) {
        }
        Keyed[] keyed = new Keyed[findings.size()];
        for (int i = 0; i < keyed.length; i++) {
            Finding f = findings.get(i);
            keyed[i] = new Keyed(f, rank(f), f.code(), f.subject().label());
        }
        java.util.Arrays.sort(keyed, Comparator.comparingLong(Keyed::rank).thenComparing(Keyed::code)
                .thenComparing(Keyed::label));
        for (int i = 0; i < keyed.length; i++) {
            findings.set(i, keyed[i].finding());
        }
    }

    /** The order's leading keys in one number, each false before true: a smaller rank comes first. */
    private long rank(Finding f) {
        long r = f.isSuppressed() ? 1 : 0;
        r = r << 8 | f.severity().ordinal();
        r = r << 1 | (f.isExplained() ? 1 : 0);
        r = r << 1 | (aboutCase(f) ? 0 : 1);
        r = r << 1 | (about(f, caseConnector) ? 0 : 1);
        r = r << 1 | (symptomCategories.contains(f.category()) ? 0 : 1);
        return r << 1 | (role(f).isSymptom() ? 1 : 0);
    }

    private boolean aboutCase(Finding f) {
        return about(f, caseIds);
    }

    private static boolean about(Finding f, Set<String> ids) {
        for (String c : f.concerns()) {
            if (ids.contains(c)) {
                return true;
            }
        }
        return false;
    }

    private CatalogEntry.Role role(Finding f) {
        return catalog.entry(f.code()).map(CatalogEntry::role).orElse(CatalogEntry.Role.CAUSE);
    }
}
