package io.zpadoctor.model.tenant;

/**
 * Health of a connector's control connection to the ZPA cloud, the API's {@code controlChannelStatus}.
 * There is no {@code runtimeStatus} on the wire; this is the field that says whether a connector is up.
 */
public enum ControlChannelStatus {
    AUTHENTICATED("ZPN_STATUS_AUTHENTICATED"),
    DISCONNECTED("ZPN_STATUS_DISCONNECTED"),
    /** Absent, {@code UNKNOWN}, or a value this version does not know; the record keeps the raw text. */
    UNKNOWN("UNKNOWN");

    private final String wireName;

    ControlChannelStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Maps the wire text (with or without the {@code ZPN_STATUS_} prefix, any case) to a constant. */
    public static ControlChannelStatus fromWire(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        String s = raw.trim().toUpperCase(java.util.Locale.ROOT);
        for (ControlChannelStatus v : values()) {
            if (v.wireName.equals(s) || v.name().equals(s)) {
                return v;
            }
        }
        return UNKNOWN;
    }
}
