package io.zpadoctor.model;

import io.zpadoctor.model.telemetry.TelemetryThresholds;

/**
 * The limits rules compare against, with the runbook's defaults. A fact: rules read it from working memory,
 * so a caller's override applies everywhere at once.
 *
 * @param cpuPercent normalised CPU (per core) above which the connector is overloaded
 * @param minFreeDiskMb free space below which the connector restarts itself
 * @param maxDiskUsedPercent use above which disaster-recovery snapshots stop
 * @param certificateExpiryDays how close a certificate's expiry may come before it is flagged
 * @param keyUsageWarnPercent provisioning-key usage at which the fleet view warns
 * @param clockSkewSeconds clock offset beyond which certificate validation is at risk
 * @param staleDisconnectDays how long a connector may be disconnected before it is a delete candidate
 * @param correlatedOutageMinutes window in which a whole group's disconnects point at a site cause
 * @param minMemoryMb RAM below the sizing guide (4 GiB VMs report about 3.6 GiB to {@code free})
 * @param memoryPercent share of the VM's memory one process may hold before it is "most of the memory"
 * @param telemetry how the Log Streaming Service records are read over time (windows, and their own limits)
 */
public record Thresholds(
        double cpuPercent,
        long minFreeDiskMb,
        double maxDiskUsedPercent,
        int certificateExpiryDays,
        double keyUsageWarnPercent,
        double clockSkewSeconds,
        int staleDisconnectDays,
        int correlatedOutageMinutes,
        long minMemoryMb,
        double memoryPercent,
        TelemetryThresholds telemetry) {

    public static final Thresholds DEFAULTS = new Thresholds(80, 100, 90, 30, 80, 60, 30, 15, 3584, 70);

    /** The limits with the default telemetry windows. */
    public Thresholds(double cpuPercent, long minFreeDiskMb, double maxDiskUsedPercent, int certificateExpiryDays,
                      double keyUsageWarnPercent, double clockSkewSeconds, int staleDisconnectDays,
                      int correlatedOutageMinutes, long minMemoryMb, double memoryPercent) {
        this(cpuPercent, minFreeDiskMb, maxDiskUsedPercent, certificateExpiryDays, keyUsageWarnPercent,
                clockSkewSeconds, staleDisconnectDays, correlatedOutageMinutes, minMemoryMb, memoryPercent,
                TelemetryThresholds.DEFAULTS);
    }

    public Thresholds {
        telemetry = telemetry == null ? TelemetryThresholds.DEFAULTS : telemetry;
        positive(cpuPercent, "cpuPercent");
        positive(minFreeDiskMb, "minFreeDiskMb");
        if (maxDiskUsedPercent <= 0 || maxDiskUsedPercent > 100) {
            throw new IllegalArgumentException("maxDiskUsedPercent must be within (0, 100], got " + maxDiskUsedPercent);
        }
        positive(certificateExpiryDays, "certificateExpiryDays");
        if (keyUsageWarnPercent <= 0 || keyUsageWarnPercent > 100) {
            throw new IllegalArgumentException("keyUsageWarnPercent must be within (0, 100], got " + keyUsageWarnPercent);
        }
        positive(clockSkewSeconds, "clockSkewSeconds");
        positive(staleDisconnectDays, "staleDisconnectDays");
        positive(correlatedOutageMinutes, "correlatedOutageMinutes");
        positive(minMemoryMb, "minMemoryMb");
        if (memoryPercent <= 0 || memoryPercent > 100) {
            throw new IllegalArgumentException("memoryPercent must be within (0, 100], got " + memoryPercent);
        }
    }

    private static void positive(double v, String name) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a positive number, got " + v);
        }
    }

    public Thresholds withCpuPercent(double v) {
        return new Thresholds(v, minFreeDiskMb, maxDiskUsedPercent, certificateExpiryDays, keyUsageWarnPercent,
                clockSkewSeconds, staleDisconnectDays, correlatedOutageMinutes, minMemoryMb, memoryPercent, telemetry);
    }

    public Thresholds withMinFreeDiskMb(long v) {
        return new Thresholds(cpuPercent, v, maxDiskUsedPercent, certificateExpiryDays, keyUsageWarnPercent,
                clockSkewSeconds, staleDisconnectDays, correlatedOutageMinutes, minMemoryMb, memoryPercent, telemetry);
    }

    public Thresholds withMaxDiskUsedPercent(double v) {
        return new Thresholds(cpuPercent, minFreeDiskMb, v, certificateExpiryDays, keyUsageWarnPercent,
                clockSkewSeconds, staleDisconnectDays, correlatedOutageMinutes, minMemoryMb, memoryPercent, telemetry);
    }

    public Thresholds withCertificateExpiryDays(int v) {
        return new Thresholds(cpuPercent, minFreeDiskMb, maxDiskUsedPercent, v, keyUsageWarnPercent,
                clockSkewSeconds, staleDisconnectDays, correlatedOutageMinutes, minMemoryMb, memoryPercent, telemetry);
    }

    public Thresholds withKeyUsageWarnPercent(double v) {
        return new Thresholds(cpuPercent, minFreeDiskMb, maxDiskUsedPercent, certificateExpiryDays, v,
                clockSkewSeconds, staleDisconnectDays, correlatedOutageMinutes, minMemoryMb, memoryPercent, telemetry);
    }

    public Thresholds withClockSkewSeconds(double v) {
        return new Thresholds(cpuPercent, minFreeDiskMb, maxDiskUsedPercent, certificateExpiryDays,
                keyUsageWarnPercent, v, staleDisconnectDays, correlatedOutageMinutes, minMemoryMb, memoryPercent, telemetry);
    }

    public Thresholds withStaleDisconnectDays(int v) {
        return new Thresholds(cpuPercent, minFreeDiskMb, maxDiskUsedPercent, certificateExpiryDays,
                keyUsageWarnPercent, clockSkewSeconds, v, correlatedOutageMinutes, minMemoryMb, memoryPercent, telemetry);
    }

    public Thresholds withCorrelatedOutageMinutes(int v) {
        return new Thresholds(cpuPercent, minFreeDiskMb, maxDiskUsedPercent, certificateExpiryDays,
                keyUsageWarnPercent, clockSkewSeconds, staleDisconnectDays, v, minMemoryMb, memoryPercent, telemetry);
    }

    public Thresholds withMemoryPercent(double v) {
        return new Thresholds(cpuPercent, minFreeDiskMb, maxDiskUsedPercent, certificateExpiryDays,
                keyUsageWarnPercent, clockSkewSeconds, staleDisconnectDays, correlatedOutageMinutes, minMemoryMb, v, telemetry);
    }

    public Thresholds withMinMemoryMb(long v) {
        return new Thresholds(cpuPercent, minFreeDiskMb, maxDiskUsedPercent, certificateExpiryDays,
                keyUsageWarnPercent, clockSkewSeconds, staleDisconnectDays, correlatedOutageMinutes, v, memoryPercent, telemetry);
    }

    public Thresholds withTelemetry(TelemetryThresholds v) {
        return new Thresholds(cpuPercent, minFreeDiskMb, maxDiskUsedPercent, certificateExpiryDays,
                keyUsageWarnPercent, clockSkewSeconds, staleDisconnectDays, correlatedOutageMinutes, minMemoryMb,
                memoryPercent, v);
    }
}
