package io.zpadoctor.model.telemetry;

import java.time.Instant;

/**
 * One Log Streaming Service record about an App Connector: a Status record ({@code zpn_ast_auth_log}) or a Metrics
 * record ({@code zpn_ast_comprehensive_stats}). A value the record does not carry is null, never zero.
 */
public sealed interface TelemetryRecord permits StatusRecord, MetricsRecord {
    /** {@code LogTimestamp}: when LSS wrote the record. */
    Instant at();

    /** {@code Connector}: the connector's name as the portal shows it. */
    String connector();

    /** {@code ConnectorGroup} where the record carries it, else null. */
    String group();

    /** Where the record came from: a file (bundle-relative or as given) or the listener's peer. */
    String source();

    /** 1-based line in {@link #source()}. */
    long line();
}
