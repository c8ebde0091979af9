package io.zpadoctor.model.internal.lookup;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Records by id, for the lookup facts: the first record listed under each id, and every record of an id listed more
 * than once (a bad export or a hand-built tenant), in the tenant's order. Wraps the maps without copying them.
 */
final class FirstById<T> {
    private final Map<String, T> first;
    private final Map<String, List<T>> repeated;

    FirstById(Map<String, T> first, Map<String, List<T>> repeated) {
        this.first = first;
        this.repeated = repeated;
    }

    /** Every record listed under this id, in the tenant's order: one, none, or several. */
    List<T> withId(String id) {
        if (id == null) {
            return List.of();
        }
        List<T> all = repeated.get(id);
        if (all != null) {
            return Collections.unmodifiableList(all);
        }
        T one = first.get(id);
        return one == null ? List.of() : List.of(one);
    }

    /** The first record listed under this id, or null. */
    T get(String id) {
        return id == null ? null : first.get(id);
    }

    /** How many distinct ids. */
    int size() {
        return first.size();
    }
}
