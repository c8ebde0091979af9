package io.zpadoctor.model.derived;

import io.zpadoctor.model.tenant.AppConnector;

import java.util.Map;

/**
 * The tenant's connectors by id, as one fact: a rule that holds an id (a host folder's, a journal's) looks its
 * connector up with {@code from} instead of joining every connector, which at 10,000 connectors costs a tuple
 * each whether or not any host folder is there to match. The first connector listed under an id wins.
 */
public final class ConnectorsById {
    private final Map<String, AppConnector> byId;

    /** Wraps {@code byId} without copying it (10,000 entries): the caller must not change it afterwards. */
    public ConnectorsById(Map<String, AppConnector> byId) {
        this.byId = java.util.Collections.unmodifiableMap(byId);
    }

    /** The connector with this id, or null (so a {@code from} over it matches nothing). */
    public AppConnector get(String id) {
        return id == null ? null : byId.get(id);
    }

    /** Whether the tenant lists a connector with this id. */
    public boolean has(String id) {
        return id != null && byId.containsKey(id);
    }

    public int size() {
        return byId.size();
    }

    @Override
    public String toString() {
        return "ConnectorsById[" + byId.size() + " connectors]";
    }
}
