package io.zpadoctor.model.tenant;

import io.zpadoctor.model.internal.Require;

import java.util.List;

/**
 * A server group ({@code GET .../serverGroup}): links application segments to the connector groups that
 * reach their servers.
 *
 * @param connectorGroupIds ids of the wire's {@code appConnectorGroups}
 * @param servers explicit servers; needed when {@code dynamicDiscovery} is off
 * @param serversListed whether the source listed servers at all: the Python SDK and MCP output drop the
 *                      field, and "not listed" must not read as "no servers"
 * @param applicationIds ids of the segments that use this group (the wire's {@code applications})
 */
public record ServerGroup(
        String id,
        String name,
        boolean enabled,
        boolean dynamicDiscovery,
        List<String> connectorGroupIds,
        List<ApplicationServer> servers,
        boolean serversListed,
        List<String> applicationIds,
        String source) {

    public ServerGroup {
        Require.id(id, "server group");
        name = Require.blankToNull(name);
        connectorGroupIds = Require.list(connectorGroupIds);
        servers = Require.list(servers);
        applicationIds = Require.list(applicationIds);
    }

    public String displayName() {
        return name != null ? name : id;
    }

    /**
     * Whether its connectors know where to send traffic: discovery on, or servers listed (or a source that left the
     * list out, which says nothing either way). False is ZPA-APP-007.
     */
    public boolean findsServers() {
        return dynamicDiscovery || !serversListed || !servers.isEmpty();
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public static final class Builder {
        private final String id;
        private String name;
        private boolean enabled = true;
        private boolean dynamicDiscovery = true;
        private List<String> connectorGroupIds = List.of();
        private List<ApplicationServer> servers = List.of();
        private boolean serversListed;
        private List<String> applicationIds = List.of();
        private String source;

        private Builder(String id) {
            this.id = id;
        }

        public Builder name(String v) { this.name = v; return this; }
        public Builder enabled(boolean v) { this.enabled = v; return this; }
        public Builder dynamicDiscovery(boolean v) { this.dynamicDiscovery = v; return this; }
        public Builder connectorGroupIds(List<String> v) { this.connectorGroupIds = v; return this; }
        /** The explicit servers; calling this (even with an empty list) records that the source listed them. */
        public Builder servers(List<ApplicationServer> v) {
            this.servers = v;
            this.serversListed = true;
            return this;
        }
        public Builder applicationIds(List<String> v) { this.applicationIds = v; return this; }
        public Builder source(String v) { this.source = v; return this; }

        public ServerGroup build() {
            return new ServerGroup(id, name, enabled, dynamicDiscovery, connectorGroupIds, servers, serversListed,
                    applicationIds, source);
        }
    }
}
