package io.zpadoctor.model.tenant;

import java.util.Locale;

/** The API's {@code upgradeStatus} of a connector's software. */
public enum UpgradeStatus {
    COMPLETE, IN_PROGRESS, FAILED, RESTARTING, PARTIAL_FAILURE, REMOVAL_IN_PROGRESS,
    /** Absent, {@code UNKNOWN}, or a value this version does not know; the record keeps the raw text. */
    UNKNOWN;

    public static UpgradeStatus fromWire(String raw) {
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
