package io.zpadoctor.model.telemetry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Log Streaming Service records of a diagnosis: the per-connector windows they fed and what each source held
 * (counts and rejected lines). Filled by one reader thread, then read: a bundle's {@code lss/} files, {@code --lss}
 * files, or the watch loop's listener.
 */
public final class TelemetryFeed implements Consumer<TelemetryRecord> {
    /** No records from anywhere: the diagnosis has no telemetry and says nothing about it. */
    public static TelemetryFeed empty() {
        return new TelemetryFeed();
    }

    private final TelemetryWindows windows = new TelemetryWindows();
    private final List<TelemetryIntake> intakes = new ArrayList<>();

    @Override
    public void accept(TelemetryRecord r) {
        windows.accept(r);
    }

    /** What one source held (the reader's count of it). */
    public void intake(TelemetryIntake i) {
        intakes.add(i);
    }

    /** What the live sources hold now, in place of what they held before (a watch's receiver and followers). */
    public void replaceIntakes(List<TelemetryIntake> now) {
        intakes.clear();
        intakes.addAll(now);
    }

    public List<TelemetryIntake> intakes() {
        return List.copyOf(intakes);
    }

    public boolean isEmpty() {
        return intakes.isEmpty() && windows.connectors() == 0;
    }

    /** The feed's latest record, or null. */
    public Instant latest() {
        return windows.watermark();
    }

    public List<ConnectorTelemetry> summaries(TelemetryThresholds limits, double cpuLimit) {
        return windows.summaries(limits, cpuLimit);
    }

    /**
     * The summaries matched to {@code tenant}'s connectors; asked again about the same records, limits and tenant
     * (a diagnosis asks for its session and again for the fleet's hot spots), the same answer without the work.
     */
    public synchronized TelemetryMatch.Result matched(TelemetryThresholds limits, double cpuLimit,
                                         io.zpadoctor.model.tenant.Tenant tenant) {
        List<ConnectorTelemetry> s = windows.summaries(limits, cpuLimit);
        if (s != lastSummaries || tenant != lastTenant) {
            if (lastNames == null || !lastNames.isOf(tenant)) {
                lastNames = TelemetryMatch.Names.of(tenant);
            }
            lastMatch = TelemetryMatch.match(s, lastNames);
            lastSummaries = s;
            lastTenant = tenant;
        }
        return lastMatch;
    }

    private List<ConnectorTelemetry> lastSummaries;
    private io.zpadoctor.model.tenant.Tenant lastTenant;
    private TelemetryMatch.Result lastMatch;
    private TelemetryMatch.Names lastNames;

    public TelemetryWindows windows() {
        return windows;
    }
}
