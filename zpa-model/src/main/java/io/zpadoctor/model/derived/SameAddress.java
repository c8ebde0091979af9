package io.zpadoctor.model.derived;

import io.zpadoctor.model.tenant.AppConnector;

import java.util.List;

/**
 * Two or more connectors of one group report one private address (the same address in two sites is normal, in
 * one group it is the same VM): grouped once in Java like {@link SameFingerprint}.
 *
 * @param connectors the group's connectors with this address, in the tenant's order (at least two)
 */
public record SameAddress(String groupId, String privateIp, List<AppConnector> connectors) {
    public SameAddress {
        connectors = List.copyOf(connectors);
    }
}
