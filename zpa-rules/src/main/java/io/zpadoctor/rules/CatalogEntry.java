package io.zpadoctor.rules;

import io.zpadoctor.model.finding.Category;
import io.zpadoctor.model.finding.Severity;
import io.zpadoctor.model.finding.StepKind;

import java.util.List;

/**
 * The words and defaults of one finding code, as templates with {@code {{placeholders}}}.
 *
 * @param role whether the code names a cause, a symptom (a cause can supersede a symptom), or an umbrella: a
 *             symptom that says "nothing specific was found", so it is not reported at all once a cause explains it
 * @param trigger what makes it fire, in a sentence (for the rule catalog page)
 * @param requires what the check needs to be evaluated: {@code api:<file>}, {@code host:<probe>},
 *                 {@code context:not-enrolling}, {@code context:application}, {@code context:segments}
 * @param supersedes the symptom codes this cause explains when both concern the same connector or group
 * @param origin where the entry was defined: {@code built-in} or a rule pack's catalog file
 */
public record CatalogEntry(
        String code,
        Severity severity,
        Category category,
        Role role,
        String title,
        String trigger,
        List<String> requires,
        String rootCause,
        List<Step> remediation,
        String verification,
        List<String> supersedes,
        String origin) {

    public enum Role {
        CAUSE, SYMPTOM, UMBRELLA;

        /** Whether a finding of this role describes an effect (symptom or umbrella), never the primary cause. */
        public boolean isSymptom() {
            return this != CAUSE;
        }
    }

    /** A remediation step template. */
    public record Step(StepKind kind, String text, String command) {
    }

    public CatalogEntry {
        requires = List.copyOf(requires);
        remediation = List.copyOf(remediation);
        supersedes = List.copyOf(supersedes);
    }
}
