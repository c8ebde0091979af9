package io.zpadoctor.model.finding;

import io.zpadoctor.model.internal.Require;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A verdict: a stable code about a subject, with the evidence behind it.
 *
 * <p>A rule emits only the code, subject, evidence and the placeholder values ({@code params}); the words
 * (title, root cause, remediation, verification) come from the finding catalog and are filled in by the
 * diagnoser. So a finding straight from a rule has null {@code title}, {@code rootCause} and
 * {@code verification}, and an empty {@code remediation}.
 *
 * @param severity the rule's severity when it sets one (some codes escalate), else the catalog's
 * @param params placeholder values for the catalog's templates: ids, names, counts
 * @param concerns ids (and names) of every object the finding is about: the subject, its group, its key...
 *                 A cause supersedes a symptom only when the two share one of these.
 * @param rule the name of the rule that emitted it
 * @param explainedBy codes of the causes found that account for this symptom (filled by the diagnoser)
 * @param suppression why an administrator accepted this finding, or null; a suppressed finding is still
 *                    reported and counted, but is never the primary cause and does not fail a run
 */
public record Finding(
        String code,
        Severity severity,
        Category category,
        Subject subject,
        List<Evidence> evidence,
        Map<String, String> params,
        Set<String> concerns,
        String rule,
        String title,
        String rootCause,
        List<RemediationStep> remediation,
        String verification,
        List<String> explainedBy,
        Suppression suppression) {

    /** Built-in codes are {@code ZPA-AREA-NNN}; rule packs use their own prefix, e.g. {@code ACME-CPU-001}. */
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{1,15}(-[A-Z0-9]{1,15}){1,3}");

    public Finding {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("finding code '" + code + "' is not of the form PREFIX-AREA-NNN");
        }
        if (subject == null) {
            throw new IllegalArgumentException(code + ": a finding needs a subject");
        }
        evidence = Require.list(evidence);
        params = params == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(params));
        concerns = Require.set(concerns);
        remediation = Require.list(remediation);
        explainedBy = Require.list(explainedBy);
    }

    public static Builder builder(String code) {
        return new Builder(code);
    }

    /** A copy with the catalog's words and defaults filled in. */
    public Finding explained(Severity defaultSeverity, Category category, String title, String rootCause,
                             List<RemediationStep> remediation, String verification) {
        return new Finding(code, severity != null ? severity : defaultSeverity, category, subject, evidence, params,
                concerns, rule, title, rootCause, remediation, verification, explainedBy, suppression);
    }

    /** A copy that names the causes accounting for this symptom. */
    public Finding withExplainedBy(List<String> causes) {
        return new Finding(code, severity, category, subject, evidence, params, concerns, rule, title, rootCause,
                remediation, verification, causes, suppression);
    }

    /** A copy naming the rule that emitted it (the engine records it as the finding goes in). */
    public Finding withRule(String ruleName) {
        return new Finding(code, severity, category, subject, evidence, params, concerns, ruleName, title, rootCause,
                remediation, verification, explainedBy, suppression);
    }

    /** A copy marked as accepted by an administrator. */
    public Finding withSuppression(Suppression s) {
        return new Finding(code, severity, category, subject, evidence, params, concerns, rule, title, rootCause,
                remediation, verification, explainedBy, s);
    }

    public boolean isSuppressed() {
        return suppression != null;
    }

    /** Whether a cause found elsewhere accounts for this finding. */
    public boolean isExplained() {
        return !explainedBy.isEmpty();
    }

    /** A copy whose evidence and concerns include another finding's (same code and subject). */
    public Finding mergedWith(Finding other) {
        List<Evidence> ev = new ArrayList<>(evidence);
        for (Evidence e : other.evidence) {
            if (!ev.contains(e)) {
                ev.add(e);
            }
        }
        Set<String> c = new LinkedHashSet<>(concerns);
        c.addAll(other.concerns);
        Map<String, String> p = new TreeMap<>(other.params);
        p.putAll(params);
        return new Finding(code, severity, category, subject, ev, p, c, rule, title, rootCause, remediation,
                verification, explainedBy, suppression);
    }

    /** Whether this finding is about the object with this id or name. */
    public boolean concerns(String idOrName) {
        return idOrName != null && (concerns.contains(idOrName) || idOrName.equals(subject.id())
                || idOrName.equals(subject.name()));
    }

    public static final class Builder {
        private final String code;
        private Severity severity;
        private Subject subject;
        private final List<Evidence> evidence = new ArrayList<>();
        private final Map<String, String> params = new TreeMap<>();
        private final Set<String> concerns = new LinkedHashSet<>();
        private String rule;

        private Builder(String code) {
            this.code = code;
        }

        public Builder severity(Severity v) { this.severity = v; return this; }

        /** The subject; its id and name are also recorded as concerns. */
        public Builder subject(Subject v) {
            this.subject = v;
            concern(v.id());
            concern(v.name());
            return this;
        }

        public Builder evidence(Evidence e) { this.evidence.add(e); return this; }

        public Builder evidence(String source, String field, Object value) {
            return evidence(Evidence.of(source, field, value));
        }

        public Builder evidence(String source, String field, Object value, int line) {
            return evidence(new Evidence(source, field, value == null ? null : String.valueOf(value), line));
        }

        /** A placeholder value for the catalog templates; null values are left out. */
        public Builder param(String name, Object value) {
            if (value != null) {
                params.put(name, String.valueOf(value));
            }
            return this;
        }

        public Builder concern(String idOrName) {
            if (idOrName != null && !idOrName.isBlank()) {
                concerns.add(idOrName);
            }
            return this;
        }

        public Builder rule(String v) { this.rule = v; return this; }

        public Finding build() {
            return new Finding(code, severity, null, subject, evidence, params, concerns, rule, null, null,
                    List.of(), null, List.of(), null);
        }
    }
}
