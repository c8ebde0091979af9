package io.zpadoctor.rules.internal.engine;

import io.zpadoctor.model.tenant.Tenant;
import io.zpadoctor.rules.internal.tenant.Relations;
import io.zpadoctor.rules.internal.tenant.TenantIndex;
import org.kie.api.KieBase;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * The tenant's index and the relations the session needs, made on another core while the session takes the
 * tenant's records and runs them through the alpha network: neither reads the other, and at 10,000 connectors each
 * side is a few milliseconds. Whoever needs them first and finds the work not yet started does it itself
 * ({@link Background}), so a busy or absent pool costs only the overlap.
 */
public final class Preparation {
    record Parts(TenantIndex index, List<Object> relations) {
    }

    private final Tenant tenant;
    private final Background<Parts> work;

    private Preparation(Tenant tenant, Background<Parts> work) {
        this.tenant = tenant;
        this.work = work;
    }

    /**
     * Starts preparing {@code tenant} for a session of {@code kieBase}: on the common pool when {@code parallel} and
     * the machine has a second core, else when first asked for.
     */
    public static Preparation start(Tenant tenant, KieBase kieBase, boolean parallel) {
        return start(tenant, kieBase, parallel, true);
    }

    /** The same; without {@code relations} only the index (for a tenant whose shards each relate their own). */
    public static Preparation start(Tenant tenant, KieBase kieBase, boolean parallel, boolean relations) {
        return start(tenant, kieBase, parallel, relations, false);
    }

    /** The same; with {@code fleetCounts} the index also counts the connectors for the fleet summary. */
    public static Preparation start(Tenant tenant, KieBase kieBase, boolean parallel, boolean relations,
                                    boolean fleetCounts) {
        // a sieve of its own for the thread that prepares: a sieve is not meant to be shared between threads
        FactSieve sieve = FactSieve.of(kieBase);
        return of(tenant, () -> {
            TenantIndex index = new TenantIndex(tenant, fleetCounts);
            return new Parts(index, !relations ? List.of() : Relations.relations(tenant, index, sieve::passes));
        }, parallel);
    }

    static Preparation of(Tenant tenant, Callable<Parts> work, boolean parallel) {
        return new Preparation(tenant, Background.start(work, parallel));
    }

    /** The index of the tenant, waiting for it (or building it here) when it is not ready yet. */
    public TenantIndex index() {
        return work.get().index();
    }

    /** The relations for the session, as {@link Relations#relations} computes them. */
    List<Object> relations() {
        return work.get().relations();
    }

    boolean prepares(Tenant t) {
        return tenant == t;
    }
}
