package io.zpadoctor.model.internal.lookup;

import io.zpadoctor.model.tenant.AppConnector;

import java.util.List;
import java.util.Map;

/**
 * The tenant's connectors by id, as one fact: a rule that holds an id (a host folder's, a journal's) looks its
 * connectors up with {@code from} instead of joining every connector, which at 10,000 connectors costs a tuple
 * each whether or not any host folder is there to match.
 */
public final class ConnectorsById {
    private final FirstById<AppConnector> byId;

    /**
     * Wraps the maps without copying them (10,000 entries), once per diagnosis: the caller, the diagnoser,
     * does not change them afterwards. That is why this lookup is internal: a public type would copy them.
     *
     * @param first the first connector listed under each id
     * @param repeated every connector of each id listed more than once, in the tenant's order
     */
    public ConnectorsById(Map<String, AppConnector> first, Map<String, List<AppConnector>> repeated) {
        byId = new FirstById<>(first, repeated);
    }

    /** Every connector listed under this id, in the tenant's order: one, none, or (a bad export) several. */
    public List<AppConnector> withId(String id) {
        return byId.withId(id);
    }

    /** The first connector listed under this id, or null. */
    public AppConnector get(String id) {
        return byId.get(id);
    }

    /** Whether the tenant lists a connector with this id. */
    public boolean has(String id) {
        return byId.get(id) != null;
    }

    /** How many distinct ids. */
    public int size() {
        return byId.size();
    }

    @Override
    public String toString() {
        return "ConnectorsById[" + byId.size() + " ids]";
    }
}
