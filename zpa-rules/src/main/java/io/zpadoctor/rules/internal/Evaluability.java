package io.zpadoctor.rules.internal;

import io.zpadoctor.model.host.HostFact;
import io.zpadoctor.model.host.HostInventory;
import io.zpadoctor.model.tenant.Tenant;
import io.zpadoctor.model.tenant.TenantCollection;
import io.zpadoctor.rules.Catalog;
import io.zpadoctor.rules.CatalogEntry;
import io.zpadoctor.rules.NotEvaluated;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which checks ran and found nothing ("passed"), and which could not run for want of evidence. A check
 * whose context does not hold (no application named, nothing failing to enroll) simply does not apply.
 */
public final class Evaluability {
    private static final Map<String, TenantCollection> API = Map.of(
            "connectors", TenantCollection.CONNECTORS,
            "connector-groups", TenantCollection.CONNECTOR_GROUPS,
            "provisioning-keys", TenantCollection.PROVISIONING_KEYS,
            "enrollment-certificates", TenantCollection.ENROLLMENT_CERTIFICATES,
            "server-groups", TenantCollection.SERVER_GROUPS,
            "application-segments", TenantCollection.APPLICATION_SEGMENTS);

    /** The outcome: codes that passed, and checks that could not be evaluated. */
    public record Result(List<String> passed, List<NotEvaluated> notEvaluated) {
    }

    private Evaluability() {
    }

    public static Result assess(Catalog catalog, Tenant tenant, List<HostFact> hostFacts, Set<String> contexts,
                                Set<String> firedCodes) {
        List<String> passed = new ArrayList<>();
        List<NotEvaluated> notEvaluated = new ArrayList<>();
        List<HostInventory> hosts = hostFacts.stream().filter(HostInventory.class::isInstance)
                .map(HostInventory.class::cast).toList();
        // a file that is present but unusable is no evidence: the check cannot tell
        Set<String> unusable = new java.util.HashSet<>();
        hostFacts.stream().filter(io.zpadoctor.model.host.ProbeProblem.class::isInstance)
                .map(io.zpadoctor.model.host.ProbeProblem.class::cast)
                .forEach(p -> unusable.add(p.host() + "/" + p.file()));
        for (CatalogEntry e : catalog.entries()) {
            if (firedCodes.contains(e.code())) {
                continue;
            }
            boolean applies = true;
            List<String> missing = new ArrayList<>();
            for (String r : e.requires()) {
                int colon = r.indexOf(':');
                String kind = r.substring(0, colon);
                String what = r.substring(colon + 1);
                switch (kind) {
                    case "context" -> applies &= contexts.contains(what);
                    case "api" -> {
                        TenantCollection c = API.get(what);
                        if (c == null || !tenant.isLoaded(c)) {
                            missing.add("api/" + what + ".json");
                        }
                    }
                    case "host" -> {
                        if (hosts.stream().noneMatch(h -> h.has(what) && !unusable.contains(h.host() + "/" + what))) {
                            missing.add("hosts/<host>/" + what + (hosts.stream().anyMatch(h -> h.has(what))
                                    ? " that can be read (see ZPA-PRB-001)" : ""));
                        }
                    }
                    default -> applies = false;
                }
            }
            if (!applies) {
                continue;
            }
            if (missing.isEmpty()) {
                passed.add(e.code());
            } else {
                notEvaluated.add(new NotEvaluated(e.code(), "needs " + String.join(" and ", missing)
                        + ", which the input does not have"));
            }
        }
        return new Result(passed, notEvaluated);
    }
}
