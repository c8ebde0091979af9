package io.zpadoctor.model.finding;

import io.zpadoctor.model.internal.Require;

/**
 * One ordered step of a fix, with its placeholders already filled from the finding's evidence.
 *
 * @param command the exact command or API call, or null when the step is an instruction only
 */
public record RemediationStep(StepKind kind, String text, String command) {
    public RemediationStep {
        if (kind == null) {
            throw new IllegalArgumentException("remediation step needs a kind");
        }
        Require.nonBlank(text, "remediation step text");
        command = Require.blankToNull(command);
    }
}
