package io.zpadoctor.model.telemetry;

/** The few things every record must hold: a value outside them is a malformed line, not a fact. */
final class TelemetryChecks {
    private TelemetryChecks() {
    }

    static void require(Object at, String connector) {
        if (at == null) {
            throw new IllegalArgumentException("LogTimestamp is missing");
        }
        if (connector == null || connector.isBlank()) {
            throw new IllegalArgumentException("Connector is missing");
        }
    }

    static void percent(String field, Integer v) {
        if (v != null && (v < 0 || v > 100)) {
            throw new IllegalArgumentException(field + " " + v + " is not a percentage (0-100)");
        }
    }

    static void notNegative(String field, Long v) {
        if (v != null && v < 0) {
            throw new IllegalArgumentException(field + " " + v + " is negative");
        }
    }
}
