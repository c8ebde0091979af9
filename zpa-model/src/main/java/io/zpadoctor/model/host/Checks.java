package io.zpadoctor.model.host;

import io.zpadoctor.model.internal.Require;

/** Constructor checks shared by the host observations. */
final class Checks {
    private Checks() {
    }

    /** Every observation names its host folder and the bundle file it was read from; a line is 1-based. */
    static void origin(String host, String source, Integer line) {
        Require.nonBlank(host, "host");
        Require.nonBlank(source, "source");
        if (line != null && line < 1) {
            throw new IllegalArgumentException("line is 1-based, got " + line);
        }
    }

    static Long nonNegative(Long value, String what) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + value);
        }
        return value;
    }

    static Integer nonNegative(Integer value, String what) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + value);
        }
        return value;
    }

    static Double nonNegative(Double value, String what) {
        if (value != null && (value < 0 || value.isNaN())) {
            throw new IllegalArgumentException(what + " must be a non-negative number, got " + value);
        }
        return value;
    }
}
