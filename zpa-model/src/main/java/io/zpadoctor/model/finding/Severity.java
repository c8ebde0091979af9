package io.zpadoctor.model.finding;

import java.util.Locale;

/**
 * How bad a finding is. {@code UNKNOWN} is not a finding about the tenant but about the evidence: a check
 * that could not be evaluated. The order of the constants is the report order, worst first.
 */
public enum Severity {
    CRITICAL, WARNING, UNKNOWN, INFO;

    /** True for the severities that can be a primary cause. */
    public boolean isProblem() {
        return this == CRITICAL || this == WARNING;
    }

    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown severity '" + text + "' (expected critical, warning, unknown or info)");
        }
    }
}
