package io.zpadoctor.rules.internal.engine;

import io.zpadoctor.model.Facts;
import io.zpadoctor.model.Thresholds;
import io.zpadoctor.model.derived.CaseScope;
import io.zpadoctor.model.telemetry.ConnectorTelemetry;
import io.zpadoctor.model.telemetry.TelemetryFeed;
import io.zpadoctor.model.telemetry.TelemetryIntake;
import io.zpadoctor.model.telemetry.TelemetryMatch;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.Tenant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the Log Streaming Service records put into a session: each in-scope connector's summary, matched to the API's
 * connector, and every source that held lines or connectors that could not become facts. Records naming a connector
 * the tenant does not have are counted on their source, never summed up as facts.
 */
public final class TelemetryFacts {
    private TelemetryFacts() {
    }

    public static List<Object> of(Facts facts, CaseScope scope, Thresholds thr) {
        TelemetryFeed feed = facts.telemetry();
        if (feed.isEmpty()) {
            return List.of();
        }
        TelemetryMatch.Result m = feed.matched(thr.telemetry(), thr.cpuPercent(), facts.tenant());
        List<Object> out = new ArrayList<>(m.matched().size() + 2);
        for (ConnectorTelemetry t : m.matched()) {
            if (scope.covers(t.connectorId(), t.groupId())) {
                out.add(t);
            }
        }
        for (TelemetryIntake i : m.intakes(feed.intakes())) {
            if (i.rejected() + i.unmatchedRecords() > 0) {
                out.add(i);
            }
        }
        return out;
    }

    /** The part of {@code all} a shard of whole groups needs: its connectors' summaries, and the sources once. */
    public static List<Object> forShard(List<Object> all, Tenant shard, boolean first) {
        if (all.isEmpty()) {
            return all;
        }
        Set<String> ids = new HashSet<>();
        for (AppConnector c : shard.connectors()) {
            ids.add(c.id());
        }
        List<Object> out = new ArrayList<>();
        for (Object o : all) {
            if (o instanceof ConnectorTelemetry t ? ids.contains(t.connectorId()) : first) {
                out.add(o);
            }
        }
        return out;
    }
}
