package io.zpadoctor.report;

import io.zpadoctor.model.finding.Finding;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One finding that opened, resolved or changed between two diagnoses of the same tenant.
 *
 * @param finding the finding as it is now (for {@code RESOLVED}: as it was last seen)
 * @param before the finding as it was before a {@code CHANGED}, else null
 * @param primary whether {@code finding} is (was, for {@code RESOLVED}) the primary root cause
 * @param changes for {@code CHANGED}: which of {@code severity}, {@code primary}, {@code rootCause},
 *                {@code suppressed} differ; else empty
 * @param at when the change was seen
 */
public record FindingChange(Kind kind, Finding finding, Finding before, boolean primary, List<String> changes,
                            Instant at) {
    public enum Kind {
        OPENED, RESOLVED, CHANGED;

        /** The lower-case name events carry: {@code opened}, {@code resolved}, {@code changed}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public FindingChange {
        if (kind == null || finding == null || at == null) {
            throw new IllegalArgumentException("a finding change needs a kind, a finding and a time");
        }
        changes = List.copyOf(changes);
    }
}
