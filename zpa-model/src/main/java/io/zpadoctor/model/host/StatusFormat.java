package io.zpadoctor.model.host;

/** Which generation of the connector's 60-second status block a {@link StatusBlock} was read from. */
public enum StatusFormat {
    /** {@code Control connection state: ...} with the counters on separate lines. */
    CLASSIC,
    /** {@code Broker control connection, state ... uptime ..., RTT (tcp|app): ...} (2025 builds). */
    PER_CONNECTION,
    /** Only lines common to both (no control-connection line was seen). */
    UNKNOWN
}
