package io.zpadoctor.model.tenant;

import io.zpadoctor.model.internal.Require;

import java.time.Instant;

/**
 * A provisioning key ({@code GET .../associationType/CONNECTOR_GRP/provisioningKey}). The key string itself
 * is a secret and is never held here: only its public prefix ({@code <n>|<enrollment host>|}), which the
 * connector also prints in its journal and which identifies the cloud the key enrolls into.
 *
 * @param groupId the group the key enrolls into: the wire's {@code zcomponentId} (or {@code appConnectorGroupId})
 * @param maxUsage how many enrollments the key allows; null when the API sent none
 * @param usageCount how many enrollments it has consumed; enrollment is refused once it reaches maxUsage
 * @param keyIndex the leading number of the key string, null when the key was hidden (not exportable)
 * @param enrollmentHost the middle part of the key string, e.g. {@code api.private.zscaler.com}
 */
public record ProvisioningKey(
        String id,
        String name,
        AssociationType associationType,
        String associationTypeRaw,
        String groupId,
        String groupName,
        Integer maxUsage,
        Integer usageCount,
        boolean enabled,
        String enrollmentCertId,
        String enrollmentCertName,
        Instant expiration,
        String keyIndex,
        String enrollmentHost,
        String source) {

    public ProvisioningKey {
        Require.id(id, "provisioning key");
        name = Require.blankToNull(name);
        associationType = associationType == null ? AssociationType.UNKNOWN : associationType;
        groupId = Require.blankToNull(groupId);
        keyIndex = Require.blankToNull(keyIndex);
        enrollmentHost = Require.blankToNull(enrollmentHost);
        if (maxUsage != null && maxUsage < 0 || usageCount != null && usageCount < 0) {
            throw new IllegalArgumentException("key " + id + ": usage counts must not be negative");
        }
    }

    public String displayName() {
        return name != null ? name : id;
    }

    /** No enrollment left: the API refuses further enrollments with this key. */
    public boolean isExhausted() {
        return maxUsage != null && usageCount != null && usageCount >= maxUsage;
    }

    /** Enrollments still available, or null when the counts are unknown. */
    public Integer remaining() {
        return maxUsage == null || usageCount == null ? null : Math.max(0, maxUsage - usageCount);
    }

    /** Whether the key is for App Connector groups (keys of an unknown type are given the benefit of the doubt). */
    public boolean isForConnectors() {
        return associationType == AssociationType.CONNECTOR_GRP || associationType == AssociationType.UNKNOWN;
    }

    /** The key's public prefix as the connector prints it, e.g. {@code 3|api.private.zscaler.com|}. */
    public String publicPrefix() {
        return keyIndex == null || enrollmentHost == null ? null : keyIndex + "|" + enrollmentHost + "|";
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public static final class Builder {
        private final String id;
        private String name;
        private String associationType;
        private String groupId;
        private String groupName;
        private Integer maxUsage;
        private Integer usageCount;
        private boolean enabled = true;
        private String enrollmentCertId;
        private String enrollmentCertName;
        private Instant expiration;
        private String keyIndex;
        private String enrollmentHost;
        private String source;

        private Builder(String id) {
            this.id = id;
        }

        public Builder name(String v) { this.name = v; return this; }
        public Builder associationType(String wire) { this.associationType = wire; return this; }
        public Builder groupId(String v) { this.groupId = v; return this; }
        public Builder groupName(String v) { this.groupName = v; return this; }
        public Builder maxUsage(Integer v) { this.maxUsage = v; return this; }
        public Builder usageCount(Integer v) { this.usageCount = v; return this; }
        public Builder enabled(boolean v) { this.enabled = v; return this; }
        public Builder enrollmentCertId(String v) { this.enrollmentCertId = v; return this; }
        public Builder enrollmentCertName(String v) { this.enrollmentCertName = v; return this; }
        public Builder expiration(Instant v) { this.expiration = v; return this; }
        public Builder source(String v) { this.source = v; return this; }

        /**
         * Keeps only the public prefix of a key string ({@code <n>|<host>|...}); the secret part is dropped here,
         * so it never reaches a fact, a report or a log.
         */
        public Builder keyPrefixFrom(String keyString) {
            if (keyString == null) {
                return this;
            }
            String[] parts = keyString.strip().split("\\|", 3);
            if (parts.length == 3 && parts[0].matches("\\d{1,4}") && parts[1].matches("[A-Za-z0-9.-]{1,253}")) {
                this.keyIndex = parts[0];
                this.enrollmentHost = parts[1];
            }
            return this;
        }

        public ProvisioningKey build() {
            return new ProvisioningKey(id, name, AssociationType.fromWire(associationType), associationType, groupId,
                    groupName, maxUsage, usageCount, enabled, enrollmentCertId, enrollmentCertName, expiration,
                    keyIndex, enrollmentHost, source);
        }
    }
}
