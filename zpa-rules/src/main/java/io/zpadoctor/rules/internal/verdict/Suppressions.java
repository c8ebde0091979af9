package io.zpadoctor.rules.internal.verdict;

import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.SuppressionRule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Marks the findings an administrator accepted; says which suppressions expired or matched nothing. */
public final class Suppressions {
    /** The findings (suppressed ones marked) and the notes for the report. */
    public record Result(List<Finding> findings, List<String> notes) {
    }

    private Suppressions() {
    }

    public static Result apply(List<Finding> findings, List<SuppressionRule> rules, LocalDate today) {
        if (rules.isEmpty()) {
            return new Result(findings, List.of());
        }
        List<Finding> out = new ArrayList<>(findings.size());
        Set<SuppressionRule> used = new LinkedHashSet<>();
        Set<String> notes = new LinkedHashSet<>();
        for (Finding f : findings) {
            Finding marked = f;
            for (SuppressionRule r : rules) {
                if (!r.matches(f)) {
                    continue;
                }
                used.add(r);
                if (r.expiredOn(today)) {
                    notes.add("The suppression of " + r.code() + (r.subject() != null ? " for " + r.subject() : "")
                            + " (" + r.origin() + ") expired on " + r.expires() + " and no longer applies.");
                    continue;
                }
                marked = f.withSuppression(r.toSuppression());
                break;
            }
            out.add(marked);
        }
        for (SuppressionRule r : rules) {
            if (!used.contains(r)) {
                notes.add("The suppression of " + r.code() + (r.subject() != null ? " for " + r.subject() : "")
                        + " (" + r.origin() + ") matched no finding.");
            }
        }
        return new Result(out, new ArrayList<>(notes));
    }
}
