package io.zpadoctor.model.host;

import java.util.Locale;

/** The {@code Active:} state systemd prints for a unit, or that the unit does not exist. */
public enum ServiceState {
    ACTIVE, RELOADING, INACTIVE, FAILED, ACTIVATING, DEACTIVATING,
    /** {@code Unit zpa-connector.service could not be found.}: the package is not installed. */
    NOT_FOUND,
    /** A state this version does not know; the fact keeps the raw text. */
    UNKNOWN;

    /** Maps the first word after {@code Active:} ({@code active}, {@code failed}...) to a constant. */
    public static ServiceState fromSystemd(String word) {
        if (word == null) {
            return UNKNOWN;
        }
        return switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "active" -> ACTIVE;
            case "reloading" -> RELOADING;
            case "inactive" -> INACTIVE;
            case "failed" -> FAILED;
            case "activating" -> ACTIVATING;
            case "deactivating" -> DEACTIVATING;
            default -> UNKNOWN;
        };
    }
}
