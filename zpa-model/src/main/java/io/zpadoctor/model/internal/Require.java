package io.zpadoctor.model.internal;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
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

    /**
     * An unmodifiable copy that iterates in the given set's order: {@code Set.copyOf} iterates in an order that
     * changes from one JVM to the next, which reports (a case's groups, a finding's concerns) must not follow.
     */
    public static <T> Set<T> set(Set<T> values) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        if (values.size() == 1) {
            return Set.of(values.iterator().next());
        }
        Set<T> copy = new LinkedHashSet<>(values.size() * 4 / 3 + 1);
        for (T v : values) {
            copy.add(Objects.requireNonNull(v, "a set of a record holds no null"));
        }
        return Collections.unmodifiableSet(copy);
    }

    public static int nonNegative(int value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + value);
        }
        return value;
    }
}
