package io.zpadoctor.rules.internal.engine;

import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which fact classes some pattern of a rule base can match. A fact only reaches rules through the object type
 * nodes of its class and supertypes, so one no node accepts is invisible to every rule and query: inserting it
 * would cost a handle and a store entry for nothing. Built per session, as rule packs and queries add types.
 */
final class FactSieve {
    private final List<ObjectType> types;
    /** False when the rule base has a type this sieve cannot reason about: then every fact goes in. */
    private final boolean sieving;
    private final Map<Class<?>, Boolean> seen = new IdentityHashMap<>();

    private FactSieve(List<ObjectType> types, boolean sieving) {
        this.types = types;
        this.sieving = sieving;
    }

    static FactSieve of(KieBase kieBase) {
        if (!(kieBase instanceof InternalRuleBase rb)) {
            return new FactSieve(List.of(), false);
        }
        List<ObjectType> types = new ArrayList<>();
        for (ObjectTypeNode otn : rb.getRete().getObjectTypeNodes()) {
            ObjectType t = otn.getObjectType();
            if (!(t instanceof ClassObjectType)) {
                return new FactSieve(List.of(), false);
            }
            types.add(t);
        }
        return new FactSieve(types, true);
    }

    /** Whether a fact of this class could reach any rule or query. */
    boolean passes(Class<?> c) {
        if (!sieving) {
            return true;
        }
        Boolean known = seen.get(c);
        if (known == null) {
            known = Boolean.FALSE;
            for (ObjectType t : types) {
                if (t.isAssignableFrom(c)) {
                    known = Boolean.TRUE;
                    break;
                }
            }
            seen.put(c, known);
        }
        return known;
    }
}
