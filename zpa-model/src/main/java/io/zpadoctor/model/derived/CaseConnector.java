package io.zpadoctor.model.derived;

import io.zpadoctor.model.internal.Require;

/**
 * The connector the case names, resolved against the API.
 *
 * @param id the API connector's id, or null when no connector of that name exists (it never enrolled, or
 *           was deleted)
 * @param groupId the connector's group; for a connector without an API object, the group inferred from
 *                the case or from the default naming {@code <provisioning key name>-<n>}
 * @param groupBasis how the group was found, for the report
 */
public record CaseConnector(String name, String id, String groupId, String groupBasis) {
    public CaseConnector {
        Require.nonBlank(name, "case connector name");
    }

    public boolean existsInApi() {
        return id != null;
    }
}
