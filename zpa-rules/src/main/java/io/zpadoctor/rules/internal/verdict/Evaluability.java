package io.zpadoctor.rules.internal.verdict;

import io.zpadoctor.model.host.HostFact;
import io.zpadoctor.model.host.HostInventory;
import io.zpadoctor.model.telemetry.TelemetryFeed;
import io.zpadoctor.model.telemetry.TelemetryIntake;
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
    /** The contexts a catalog's {@code requires} may name, and what sets each. */
    public static final Set<String> CONTEXTS = Set.of("not-enrolling", "application");

    /** What {@code requires: api:<name>} may name: the bundle's api/<name>.json. */
    public static java.util.Set<String> apiNames() {
        return new java.util.TreeSet<>(API.keySet());
    }

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
        return assess(catalog, tenant, hostFacts, TelemetryFeed.empty(), contexts, firedCodes);
    }

    /**
     * The same, with the Log Streaming Service records: an {@code lss:} check does not apply to input that has no
     * LSS source at all, and is not evaluated when the sources hold none of the record type it needs.
     */
    public static Result assess(Catalog catalog, Tenant tenant, List<HostFact> hostFacts, TelemetryFeed telemetry,
                                Set<String> contexts, Set<String> firedCodes) {
        long status = telemetry.intakes().stream().mapToLong(TelemetryIntake::statusRecords).sum();
        long metrics = telemetry.intakes().stream().mapToLong(TelemetryIntake::metricsRecords).sum();
        List<String> passed = new ArrayList<>();
        List<NotEvaluated> notEvaluated = new ArrayList<>();
        List<HostInventory> hosts = hostFacts.stream().filter(HostInventory.class::isInstance)
                .map(HostInventory.class::cast).toList();
        // a file that is present but unusable is no evidence: the check cannot tell
        Set<String> unusable = new java.util.HashSet<>();
        hostFacts.stream().filter(io.zpadoctor.model.host.ProbeProblem.class::isInstance)
                .map(io.zpadoctor.model.host.ProbeProblem.class::cast)
                .forEach(p -> unusable.add(p.host() + "/" + p.file()));
        // a clock file present and readable, but holding no measurement (chronyd down, clock not synchronised)
        Map<String, String> unmeasured = unmeasuredClocks(hostFacts);
        for (CatalogEntry e : catalog.entries()) {
            if (firedCodes.contains(e.code())) {
                continue;
            }
            boolean applies = true;
            List<String> missing = new ArrayList<>();
            List<String> silent = new ArrayList<>();
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
                        } else if (hosts.stream().filter(h -> h.has(what) && !unusable.contains(h.host() + "/" + what))
                                .allMatch(h -> unmeasured.containsKey(h.host() + "/" + what))) {
                            hosts.stream().filter(h -> unmeasured.containsKey(h.host() + "/" + what)).forEach(h ->
                                    silent.add("hosts/" + h.host() + "/" + what + " " + unmeasured.get(h.host() + "/" + what)));
                        }
                    }
                    case "lss" -> {
                        if (telemetry.isEmpty()) {
                            applies = false;
                        } else if ("status".equals(what) ? status == 0 : metrics == 0) {
                            missing.add("status".equals(what) ? "App Connector Status records (LSS)"
                                    : "App Connector Metrics records (LSS)");
                        }
                    }
                    default -> applies = false;
                }
            }
            if (!applies) {
                continue;
            }
            if (missing.isEmpty() && !silent.isEmpty()) {
                notEvaluated.add(new NotEvaluated(e.code(), String.join("; ", silent)));
            } else if (missing.isEmpty()) {
                passed.add(e.code());
            } else {
                notEvaluated.add(new NotEvaluated(e.code(), "needs " + String.join(" and ", missing)
                        + ", which the input does not have"));
            }
        }
        return new Result(passed, notEvaluated);
    }

    /**
     * host/time-sync.txt of every host whose clock file measured nothing, with what it shows instead. A clock
     * counts as measured when chrony or timedatectl says it is synchronised, or the connector's journal logged
     * its own offset to the cloud ({@code Time synchronized, Local time - N s = cloud_time}). chrony prints an
     * offset of 0 while it has no source, and {@code 506 Cannot talk to daemon} when chronyd is down: neither
     * says the clock is right, so a clock check cannot pass on them.
     */
    private static Map<String, String> unmeasuredClocks(List<HostFact> hostFacts) {
        Map<String, List<io.zpadoctor.model.host.ClockSync>> clocks = new java.util.LinkedHashMap<>();
        Set<String> connectorMeasured = new java.util.HashSet<>();
        for (HostFact f : hostFacts) {
            if (f instanceof io.zpadoctor.model.host.ClockSync c) {
                clocks.computeIfAbsent(c.host() + "/" + fileName(c.source()), k -> new ArrayList<>()).add(c);
            } else if (f instanceof io.zpadoctor.model.host.LogEvent l
                    && l.kind() == io.zpadoctor.model.host.LogEventKind.TIME_SYNCHRONIZED && l.seconds() != null) {
                connectorMeasured.add(l.host());
            }
        }
        Map<String, String> out = new java.util.HashMap<>();
        clocks.forEach((key, list) -> {
            String host = list.get(0).host();
            if (connectorMeasured.contains(host) || list.stream().anyMatch(c -> Boolean.TRUE.equals(c.synced()))) {
                return;
            }
            io.zpadoctor.model.host.ClockSync c = list.get(0);
            String shows = c.problem() != null ? "\"" + c.problem() + "\" (chronyd is not running)"
                    : Boolean.FALSE.equals(c.synced()) ? "a clock that is not synchronised"
                    + (c.leapStatus() != null ? " (Leap status: " + c.leapStatus() + ")" : "")
                    : "no clock offset and no synchronisation state";
            out.put(key, "shows " + shows + " (line " + c.line() + "), so the clock offset is unknown:"
                    + " start chronyd and let it synchronise, then collect it again");
        });
        return out;
    }

    private static String fileName(String source) {
        int slash = source.lastIndexOf('/');
        return slash < 0 ? source : source.substring(slash + 1);
    }
}
