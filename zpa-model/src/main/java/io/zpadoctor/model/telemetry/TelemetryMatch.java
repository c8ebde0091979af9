package io.zpadoctor.model.telemetry;

import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.Tenant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ties each connector's telemetry to the API's connector: by name, and by group where the name alone is not unique
 * (names repeat across groups). A record naming no connector the API knows stays out of the facts and is counted.
 */
public final class TelemetryMatch {
    /**
     * The matched summaries, and how many named no known connector (with examples), also by the source of each
     * unmatched connector's latest record, so the report can name the file or listener they came from.
     */
    public record Result(List<ConnectorTelemetry> matched, long unmatched, List<TelemetryIntake.Rejected> examples,
                         Map<String, Long> unmatchedBySource,
                         Map<String, List<TelemetryIntake.Rejected>> examplesBySource) {
        public Result {
            matched = List.copyOf(matched);
            examples = List.copyOf(examples);
            unmatchedBySource = Map.copyOf(unmatchedBySource);
            examplesBySource = Map.copyOf(examplesBySource);
        }

        /** Each source's intake with the connectors of that source the tenant does not have. */
        public List<TelemetryIntake> intakes(List<TelemetryIntake> read) {
            List<TelemetryIntake> out = new ArrayList<>(read.size());
            for (TelemetryIntake i : read) {
                long n = unmatchedBySource.getOrDefault(i.source(), 0L);
                out.add(n == 0 ? i : i.withUnmatched(n, examplesBySource.getOrDefault(i.source(), List.of())));
            }
            return out;
        }
    }

    private TelemetryMatch() {
    }

    public static Result match(List<ConnectorTelemetry> summaries, Tenant tenant) {
        return match(summaries, Names.of(tenant));
    }

    /**
     * The tenant's connectors by name and its groups' names: made once per reading of the tenant, as a watch matches
     * every diagnosis's summaries against the same tenant until the next poll.
     */
    public static final class Names {
        private final Tenant tenant;
        private final Map<String, List<AppConnector>> byName = new HashMap<>();
        private final Map<String, String> groupNames = new HashMap<>();

        private Names(Tenant tenant) {
            this.tenant = tenant;
            for (AppConnector c : tenant.connectors()) {
                if (c.name() != null) {
                    byName.computeIfAbsent(key(c.name()), k -> new ArrayList<>(1)).add(c);
                }
            }
            for (ConnectorGroup g : tenant.groups()) {
                groupNames.put(g.id(), g.name());
            }
        }

        public static Names of(Tenant tenant) {
            return new Names(tenant);
        }

        /** Whether these are the names of {@code t} (the same reading, not an equal one). */
        public boolean isOf(Tenant t) {
            return tenant == t;
        }
    }

    public static Result match(List<ConnectorTelemetry> summaries, Names names) {
        Map<String, List<AppConnector>> byName = names.byName;
        Map<String, String> groupNames = names.groupNames;
        List<ConnectorTelemetry> out = new ArrayList<>(summaries.size());
        List<TelemetryIntake.Rejected> examples = new ArrayList<>();
        long unmatched = 0;
        Map<String, ConnectorTelemetry> byId = new java.util.LinkedHashMap<>();
        Map<String, String> recordGroup = new HashMap<>();
        Map<String, Long> bySource = new HashMap<>();
        Map<String, List<TelemetryIntake.Rejected>> examplesBySource = new HashMap<>();
        for (ConnectorTelemetry t : summaries) {
            List<AppConnector> named = byName.getOrDefault(key(t.connector()), List.of());
            AppConnector c = named.size() == 1 ? named.get(0) : null;
            if (named.size() > 1 && t.group() != null) {
                List<AppConnector> inGroup = named.stream().filter(x -> x.groupName() != null
                        && key(x.groupName()).equals(key(t.group()))
                        || key(String.valueOf(groupNames.get(x.groupId()))).equals(key(t.group()))).toList();
                c = inGroup.size() == 1 ? inGroup.get(0) : null;
            }
            if (c == null) {
                unmatched++;
                TelemetryIntake.Rejected why = new TelemetryIntake.Rejected(0, TelemetryIntake.Rejected.Kind.UNMATCHED,
                        named.isEmpty() ? "connector \"" + t.connector() + "\" is not in the tenant"
                                : named.size() + " connectors are named \"" + t.connector() + "\""
                                + (t.group() == null ? " and the records name no group" : " in no one group "
                                + t.group()));
                if (examples.size() < TelemetryIntake.EXAMPLES) {
                    examples.add(why);
                }
                String src = String.valueOf(t.source());
                bySource.merge(src, 1L, Long::sum);
                List<TelemetryIntake.Rejected> mine = examplesBySource.computeIfAbsent(src, k -> new ArrayList<>());
                if (mine.size() < TelemetryIntake.EXAMPLES) {
                    mine.add(why);
                }
                continue;
            }
            String groupName = c.groupName() != null ? c.groupName() : groupNames.get(c.groupId());
            ConnectorTelemetry m = t.matched(c.id(), c.groupId(), groupName);
            // one connector, one fact: series of a unique name under another group (it moved) yield to its own
            ConnectorTelemetry before = byId.get(c.id());
            if (before == null || better(t, before, recordGroup.get(c.id()), groupName)) {
                byId.put(c.id(), m);
                recordGroup.put(c.id(), t.group());
            }
        }
        for (ConnectorTelemetry t : byId.values()) {
            out.add(t);
        }
        return new Result(out, unmatched, examples, bySource, examplesBySource);
    }

    /** Whether {@code t} is the connector's own series rather than {@code kept}: its group's, else the later. */
    private static boolean better(ConnectorTelemetry t, ConnectorTelemetry kept, String keptGroup, String groupName) {
        boolean mine = t.group() != null && groupName != null && key(t.group()).equals(key(groupName));
        boolean theirs = keptGroup != null && groupName != null && key(keptGroup).equals(key(groupName));
        if (mine != theirs) {
            return mine;
        }
        return t.lastSeen().isAfter(kept.lastSeen());
    }

    private static String key(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
