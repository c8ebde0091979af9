package io.zpadoctor.model.internal;

import java.util.List;
import java.util.Set;

/** Constructor checks shared by the records. Not part of the public API. */
public final class Require {
    private Require() {
    }

    public static String id(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " needs a non-blank id");
        }
        return value;
    }

    public static String nonBlank(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    /** Blank text carries no information; normalising it to null keeps "absent" checks in rules simple. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    public static <T> Set<T> set(Set<T> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }

    public static int nonNegative(int value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + value);
        }
        return value;
    }
}
