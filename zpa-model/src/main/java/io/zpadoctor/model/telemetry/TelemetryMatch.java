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
    /** The matched summaries, and how many named no known connector (with examples). */
    public record Result(List<ConnectorTelemetry> matched, long unmatched, List<TelemetryIntake.Rejected> examples) {
        public Result {
            matched = List.copyOf(matched);
            examples = List.copyOf(examples);
        }
    }

    private TelemetryMatch() {
    }

    public static Result match(List<ConnectorTelemetry> summaries, Tenant tenant) {
        Map<String, List<AppConnector>> byName = new HashMap<>();
        for (AppConnector c : tenant.connectors()) {
            if (c.name() != null) {
                byName.computeIfAbsent(key(c.name()), k -> new ArrayList<>(1)).add(c);
            }
        }
        Map<String, String> groupNames = new HashMap<>();
        for (ConnectorGroup g : tenant.groups()) {
            groupNames.put(g.id(), g.name());
        }
        List<ConnectorTelemetry> out = new ArrayList<>(summaries.size());
        List<TelemetryIntake.Rejected> examples = new ArrayList<>();
        long unmatched = 0;
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
                if (examples.size() < TelemetryIntake.EXAMPLES) {
                    examples.add(new TelemetryIntake.Rejected(0, TelemetryIntake.Rejected.Kind.UNMATCHED,
                            named.isEmpty() ? "connector \"" + t.connector() + "\" is not in the tenant"
                                    : named.size() + " connectors are named \"" + t.connector() + "\""
                                    + (t.group() == null ? " and the records name no group" : " in no one group "
                                    + t.group())));
                }
                continue;
            }
            String groupName = c.groupName() != null ? c.groupName() : groupNames.get(c.groupId());
            out.add(t.matched(c.id(), c.groupId(), groupName));
        }
        return new Result(out, unmatched, examples);
    }

    private static String key(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
