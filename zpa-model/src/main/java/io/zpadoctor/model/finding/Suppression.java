package io.zpadoctor.model.finding;

import io.zpadoctor.model.internal.Require;

import java.time.LocalDate;

/**
 * Why a finding is suppressed: an administrator accepted it, with a reason, possibly until a date.
 *
 * @param expires the last day the suppression applies, or null for no end
 * @param origin where it was declared, e.g. {@code zpa-doctor.yaml:14}
 */
public record Suppression(String reason, LocalDate expires, String origin) {
    public Suppression {
        Require.nonBlank(reason, "suppression reason");
    }
}
