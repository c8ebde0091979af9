package io.zpadoctor.model.derived;

import io.zpadoctor.model.tenant.AppConnector;

/**
 * An in-scope connector that does not run the version its profile expects, and is not about to: no upgrade is
 * scheduled ahead and none is running inside its window.
 *
 * @param overdueSeconds how long past the expected upgrade time, or -1 when the API gave no such time
 * @param connector the connector itself, so rules need no join back to it
 */
public record UpgradeLag(String connectorId, String groupId, String currentVersion, String expectedVersion,
                         long overdueSeconds, AppConnector connector) {
}
