package io.zpadoctor.model.internal.lookup;

import io.zpadoctor.model.derived.GroupHealth;

import java.util.List;
import java.util.Map;

/**
 * Every group's {@link GroupHealth} by group id, as one fact: a rule that has reached a group id through a server
 * group (the application path) looks the group up with {@code from} instead of joining every group's counts,
 * which costs a tuple per group in each such rule whether or not any application was asked about.
 */
public final class GroupHealthById {
    private final FirstById<GroupHealth> byId;

    /**
     * Wraps the maps without copying them, once per diagnosis: the caller, the diagnoser,
     * does not change them afterwards. That is why this lookup is internal: a public type would copy them.
     *
     * @param first the counts of the first group listed under each id
     * @param repeated the counts of every group of each id listed more than once, in the tenant's order
     */
    public GroupHealthById(Map<String, GroupHealth> first, Map<String, List<GroupHealth>> repeated) {
        byId = new FirstById<>(first, repeated);
    }

    /** The counts of every group listed under this id, in the tenant's order: one, none, or (a bad export) more. */
    public List<GroupHealth> withId(String groupId) {
        return byId.withId(groupId);
    }

    @Override
    public String toString() {
        return "GroupHealthById[" + byId.size() + " ids]";
    }
}
