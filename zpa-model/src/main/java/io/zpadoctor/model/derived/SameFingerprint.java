package io.zpadoctor.model.derived;

import io.zpadoctor.model.tenant.AppConnector;

import java.util.List;

/**
 * Two or more connectors report one hardware fingerprint: grouped once in Java, so the duplicate rule walks a
 * handful of candidates with {@code from} instead of joining every connector with every other.
 *
 * @param connectors the connectors with this fingerprint, in the tenant's order (at least two)
 */
public record SameFingerprint(String fingerprint, List<AppConnector> connectors) {
    public SameFingerprint {
        connectors = List.copyOf(connectors);
    }
}
