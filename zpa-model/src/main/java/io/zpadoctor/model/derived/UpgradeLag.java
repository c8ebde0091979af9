package io.zpadoctor.model.derived;

/**
 * An in-scope connector that does not run the version its profile expects, and is not about to: no upgrade is
 * scheduled ahead and none is running inside its window.
 *
 * @param overdueSeconds how long past the expected upgrade time, or -1 when the API gave no such time
 */
public record UpgradeLag(String connectorId, String groupId, String currentVersion, String expectedVersion,
                         long overdueSeconds) {
}
