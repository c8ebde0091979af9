package io.zpadoctor.model.tenant;

import java.util.Locale;

/** What a provisioning key enrolls: App Connectors ({@code CONNECTOR_GRP}) or other components. */
public enum AssociationType {
    CONNECTOR_GRP, SERVICE_EDGE_GRP, NP_ASSISTANT_GRP, SITE_CONTROLLER_GRP,
    /** Absent or a value this version does not know; the record keeps the raw text. */
    UNKNOWN;

    public static AssociationType fromWire(String raw) {
        if (raw == null || raw.isBlank()) {
            return UNKNOWN;
        }
        try {
            return valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
