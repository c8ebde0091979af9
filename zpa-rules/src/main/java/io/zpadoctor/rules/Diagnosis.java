package io.zpadoctor.rules;

import io.zpadoctor.model.EvaluationTime;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.Thresholds;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.Severity;

import java.util.List;
import java.util.Optional;

/**
 * The result of one diagnosis: every finding (worst first, causes before the symptoms they explain), the
 * primary root cause, the checks that passed and those that could not be run, and what the report needs
 * about the groups involved.
 *
 * @param withheld umbrella findings ("not enrolling, no specific cause found") that a reported cause explains:
 *                 found by the rules, left out of the report because they would deny that cause
 * @param primary the primary root cause, or null when nothing at WARNING or above was found
 * @param passed codes of the checks that ran and found nothing
 * @param notes how the case was resolved (a connector missing from the API, a group inferred...)
 * @param persist what to collect for Zscaler Support if the fix does not work
 * @param rulesFired how many rule activations the engine fired
 * @param engineNanos time spent in the rule engine
 */
public record Diagnosis(
        String toolVersion,
        ReportedCase reportedCase,
        String origin,
        EvaluationTime evaluationTime,
        Thresholds thresholds,
        List<Finding> findings,
        List<Finding> withheld,
        Finding primary,
        List<String> passed,
        List<NotEvaluated> notEvaluated,
        List<String> notes,
        List<AffectedConnector> affectedConnectors,
        List<GroupSummary> groups,
        List<CatalogEntry.Step> persist,
        int rulesFired,
        long engineNanos) {

    public Diagnosis {
        findings = List.copyOf(findings);
        withheld = List.copyOf(withheld);
        passed = List.copyOf(passed);
        notEvaluated = List.copyOf(notEvaluated);
        notes = List.copyOf(notes);
        affectedConnectors = List.copyOf(affectedConnectors);
        groups = List.copyOf(groups);
        persist = List.copyOf(persist);
    }

    public Optional<Finding> primaryCause() {
        return Optional.ofNullable(primary);
    }

    /** The worst severity among the findings not suppressed (INFO does not count), or empty when all is well. */
    public Optional<Severity> worstSeverity() {
        return findings.stream().filter(f -> !f.isSuppressed()).map(Finding::severity)
                .filter(s -> s != Severity.INFO).min(Enum::compareTo);
    }

    /** The findings with this code. */
    public List<Finding> findings(String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }

    public boolean hasFinding(String code) {
        return findings.stream().anyMatch(f -> f.code().equals(code));
    }
}
