package io.zpadoctor.model.finding;

import io.zpadoctor.model.internal.Require;

/**
 * One observed value a finding rests on.
 *
 * @param source where it was read: a bundle file ({@code api/provisioning-keys.json}, {@code hosts/vm1/df.txt})
 *               or an API path
 * @param field the field or line kind, e.g. {@code usageCount}
 * @param value the value as observed; {@code (absent)} when the field was missing
 * @param line the 1-based line in a host file, or null for API data
 */
public record Evidence(String source, String field, String value, Integer line) {

    public static final String ABSENT = "(absent)";

    public Evidence {
        source = source == null ? "(unknown source)" : source;
        Require.nonBlank(field, "evidence field");
        value = value == null ? ABSENT : value;
        if (line != null && line < 1) {
            throw new IllegalArgumentException("evidence line must be 1 or more, got " + line);
        }
    }

    public static Evidence of(String source, String field, Object value) {
        return new Evidence(source, field, value == null ? null : String.valueOf(value), null);
    }
}
