package io.zpadoctor.model.tenant;

import io.zpadoctor.model.internal.HostPatterns;
import io.zpadoctor.model.internal.Require;

import java.util.List;

/**
 * An application segment ({@code GET .../application}): which domains and ports users reach through which
 * server groups.
 *
 * @param domainNames FQDNs, wildcards ({@code *.corp.example.com}), IP addresses or CIDR blocks
 */
public record ApplicationSegment(
        String id,
        String name,
        boolean enabled,
        List<String> domainNames,
        List<PortRange> tcpPortRanges,
        List<PortRange> udpPortRanges,
        List<String> serverGroupIds,
        String segmentGroupName,
        String healthReporting,
        String source) {

    public ApplicationSegment {
        Require.id(id, "application segment");
        name = Require.blankToNull(name);
        domainNames = Require.list(domainNames);
        tcpPortRanges = Require.list(tcpPortRanges);
        udpPortRanges = Require.list(udpPortRanges);
        serverGroupIds = Require.list(serverGroupIds);
    }

    public String displayName() {
        return name != null ? name : id;
    }

    /**
     * How specifically one of this segment's domain entries matches the host (higher is more specific:
     * exact name, then longer wildcard, then narrower CIDR), or -1 when none matches.
     */
    public int matchSpecificity(String host) {
        int best = HostPatterns.NO_MATCH;
        for (String entry : domainNames) {
            best = Math.max(best, HostPatterns.specificity(entry, host));
        }
        return best;
    }

    /** The domain entry that matches the host best, or null. */
    public String matchingDomain(String host) {
        String found = null;
        int best = HostPatterns.NO_MATCH;
        for (String entry : domainNames) {
            int s = HostPatterns.specificity(entry, host);
            if (s > best) {
                best = s;
                found = entry;
            }
        }
        return found;
    }

    /** Whether the port is in one of the TCP or UDP ranges. */
    public boolean coversPort(int port) {
        return tcpPortRanges.stream().anyMatch(r -> r.contains(port))
                || udpPortRanges.stream().anyMatch(r -> r.contains(port));
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public static final class Builder {
        private final String id;
        private String name;
        private boolean enabled = true;
        private List<String> domainNames = List.of();
        private List<PortRange> tcp = List.of();
        private List<PortRange> udp = List.of();
        private List<String> serverGroupIds = List.of();
        private String segmentGroupName;
        private String healthReporting;
        private String source;

        private Builder(String id) {
            this.id = id;
        }

        public Builder name(String v) { this.name = v; return this; }
        public Builder enabled(boolean v) { this.enabled = v; return this; }
        public Builder domainNames(List<String> v) { this.domainNames = v; return this; }
        public Builder tcpPortRanges(List<PortRange> v) { this.tcp = v; return this; }
        public Builder udpPortRanges(List<PortRange> v) { this.udp = v; return this; }
        public Builder serverGroupIds(List<String> v) { this.serverGroupIds = v; return this; }
        public Builder segmentGroupName(String v) { this.segmentGroupName = v; return this; }
        public Builder healthReporting(String v) { this.healthReporting = v; return this; }
        public Builder source(String v) { this.source = v; return this; }

        public ApplicationSegment build() {
            return new ApplicationSegment(id, name, enabled, domainNames, tcp, udp, serverGroupIds, segmentGroupName,
                    healthReporting, source);
        }
    }
}
