package io.zpadoctor.model.tenant;

import io.zpadoctor.model.internal.Require;

import java.time.Instant;

/**
 * An App Connector as the ZPA API describes it ({@code GET .../connector}). Only the fields a diagnosis
 * uses are kept. Times are instants (the wire sends epoch seconds as strings); absent values are null.
 *
 * @param controlChannelStatus the connector's health (the runbook's "runtime status"), null when the API sent none
 * @param controlChannelStatusRaw the wire text, kept so a value this version does not know is still shown
 * @param upgradeAttempt how many times the current upgrade was tried (0 when the API sent none)
 * @param groupId the wire's {@code appConnectorGroupId}
 * @param groupName the wire's {@code appConnectorGroupName}
 * @param provisioningKeyId the key it enrolled with; null when the key was deleted since
 * @param enrollmentCertId the wire's {@code enrollmentCert.id}
 * @param runtimeOs the wire's {@code runtimeOS}
 * @param source where the record came from: a bundle file such as {@code api/connectors.json} or an API path
 */
public record AppConnector(
        String id,
        String name,
        boolean enabled,
        ControlChannelStatus controlChannelStatus,
        String controlChannelStatusRaw,
        String currentVersion,
        String expectedVersion,
        String previousVersion,
        UpgradeStatus upgradeStatus,
        String upgradeStatusRaw,
        int upgradeAttempt,
        Instant lastUpgradeTime,
        Instant expectedUpgradeTime,
        Instant lastBrokerConnectTime,
        Instant lastBrokerDisconnectTime,
        String ctrlBrokerName,
        Instant applicationStartTime,
        String privateIp,
        String publicIp,
        String platform,
        String platformDetail,
        String runtimeOs,
        String sargeVersion,
        String groupId,
        String groupName,
        String provisioningKeyId,
        String provisioningKeyName,
        String enrollmentCertId,
        String issuedCertId,
        String fingerprint,
        Instant enrollmentTime,
        String source) {

    public AppConnector {
        Require.id(id, "connector");
        name = Require.blankToNull(name);
        controlChannelStatus = controlChannelStatus == null ? ControlChannelStatus.UNKNOWN : controlChannelStatus;
        controlChannelStatusRaw = Require.blankToNull(controlChannelStatusRaw);
        upgradeStatus = upgradeStatus == null ? UpgradeStatus.UNKNOWN : upgradeStatus;
        upgradeStatusRaw = Require.blankToNull(upgradeStatusRaw);
        Require.nonNegative(upgradeAttempt, "upgradeAttempt");
        currentVersion = Require.blankToNull(currentVersion);
        expectedVersion = Require.blankToNull(expectedVersion);
        previousVersion = Require.blankToNull(previousVersion);
        ctrlBrokerName = Require.blankToNull(ctrlBrokerName);
        privateIp = Require.blankToNull(privateIp);
        publicIp = Require.blankToNull(publicIp);
        groupId = Require.blankToNull(groupId);
        groupName = Require.blankToNull(groupName);
        provisioningKeyId = Require.blankToNull(provisioningKeyId);
        provisioningKeyName = Require.blankToNull(provisioningKeyName);
        fingerprint = Require.blankToNull(fingerprint);
    }

    /** Enabled and holding an authenticated control connection: able to carry user traffic. */
    public boolean isServing() {
        return enabled && controlChannelStatus == ControlChannelStatus.AUTHENTICATED;
    }

    /** Whether the API names both versions and they differ. */
    public boolean versionDiffers() {
        return currentVersion != null && expectedVersion != null && !currentVersion.equals(expectedVersion);
    }

    /** An upgrade is scheduled for later: the connector moves to its expected version at its next window. */
    public boolean upgradeScheduledAfter(Instant now) {
        return expectedUpgradeTime != null && expectedUpgradeTime.isAfter(now);
    }

    /** An upgrade is running, within a day of its scheduled start (a longer one is stuck, not running). */
    public boolean upgradeRunningAt(Instant now) {
        boolean running = upgradeStatus == UpgradeStatus.IN_PROGRESS || upgradeStatus == UpgradeStatus.RESTARTING;
        return running && (expectedUpgradeTime == null
                || now.getEpochSecond() - expectedUpgradeTime.getEpochSecond() < 86_400);
    }

    /** The upgrade failed, or was retried three times or more. */
    public boolean upgradeFailed() {
        return upgradeStatus == UpgradeStatus.FAILED || upgradeStatus == UpgradeStatus.PARTIAL_FAILURE
                || upgradeAttempt >= 3;
    }

    /** The name when there is one, else the id: what a report shows. */
    public String displayName() {
        return name != null ? name : id;
    }

    /** The status as the API spells it, or null when the API sent none. */
    public String statusText() {
        return controlChannelStatusRaw;
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.name = name;
        b.enabled = enabled;
        b.controlChannelStatusRaw = controlChannelStatusRaw;
        b.currentVersion = currentVersion;
        b.expectedVersion = expectedVersion;
        b.previousVersion = previousVersion;
        b.upgradeStatusRaw = upgradeStatusRaw;
        b.upgradeAttempt = upgradeAttempt;
        b.lastUpgradeTime = lastUpgradeTime;
        b.expectedUpgradeTime = expectedUpgradeTime;
        b.lastBrokerConnectTime = lastBrokerConnectTime;
        b.lastBrokerDisconnectTime = lastBrokerDisconnectTime;
        b.ctrlBrokerName = ctrlBrokerName;
        b.applicationStartTime = applicationStartTime;
        b.privateIp = privateIp;
        b.publicIp = publicIp;
        b.platform = platform;
        b.platformDetail = platformDetail;
        b.runtimeOs = runtimeOs;
        b.sargeVersion = sargeVersion;
        b.groupId = groupId;
        b.groupName = groupName;
        b.provisioningKeyId = provisioningKeyId;
        b.provisioningKeyName = provisioningKeyName;
        b.enrollmentCertId = enrollmentCertId;
        b.issuedCertId = issuedCertId;
        b.fingerprint = fingerprint;
        b.enrollmentTime = enrollmentTime;
        b.source = source;
        return b;
    }

    /** Builds a connector; status strings are given as the wire spells them and mapped to the enums. */
    public static final class Builder {
        private final String id;
        private String name;
        private boolean enabled = true;
        private String controlChannelStatusRaw;
        private String currentVersion;
        private String expectedVersion;
        private String previousVersion;
        private String upgradeStatusRaw;
        private int upgradeAttempt;
        private Instant lastUpgradeTime;
        private Instant expectedUpgradeTime;
        private Instant lastBrokerConnectTime;
        private Instant lastBrokerDisconnectTime;
        private String ctrlBrokerName;
        private Instant applicationStartTime;
        private String privateIp;
        private String publicIp;
        private String platform;
        private String platformDetail;
        private String runtimeOs;
        private String sargeVersion;
        private String groupId;
        private String groupName;
        private String provisioningKeyId;
        private String provisioningKeyName;
        private String enrollmentCertId;
        private String issuedCertId;
        private String fingerprint;
        private Instant enrollmentTime;
        private String source;

        private Builder(String id) {
            this.id = id;
        }

        public Builder name(String v) { this.name = v; return this; }
        public Builder enabled(boolean v) { this.enabled = v; return this; }
        public Builder controlChannelStatus(String wire) { this.controlChannelStatusRaw = wire; return this; }
        public Builder currentVersion(String v) { this.currentVersion = v; return this; }
        public Builder expectedVersion(String v) { this.expectedVersion = v; return this; }
        public Builder previousVersion(String v) { this.previousVersion = v; return this; }
        public Builder upgradeStatus(String wire) { this.upgradeStatusRaw = wire; return this; }
        public Builder upgradeAttempt(int v) { this.upgradeAttempt = v; return this; }
        public Builder lastUpgradeTime(Instant v) { this.lastUpgradeTime = v; return this; }
        public Builder expectedUpgradeTime(Instant v) { this.expectedUpgradeTime = v; return this; }
        public Builder lastBrokerConnectTime(Instant v) { this.lastBrokerConnectTime = v; return this; }
        public Builder lastBrokerDisconnectTime(Instant v) { this.lastBrokerDisconnectTime = v; return this; }
        public Builder ctrlBrokerName(String v) { this.ctrlBrokerName = v; return this; }
        public Builder applicationStartTime(Instant v) { this.applicationStartTime = v; return this; }
        public Builder privateIp(String v) { this.privateIp = v; return this; }
        public Builder publicIp(String v) { this.publicIp = v; return this; }
        public Builder platform(String v) { this.platform = v; return this; }
        public Builder platformDetail(String v) { this.platformDetail = v; return this; }
        public Builder runtimeOs(String v) { this.runtimeOs = v; return this; }
        public Builder sargeVersion(String v) { this.sargeVersion = v; return this; }
        public Builder groupId(String v) { this.groupId = v; return this; }
        public Builder groupName(String v) { this.groupName = v; return this; }
        public Builder provisioningKeyId(String v) { this.provisioningKeyId = v; return this; }
        public Builder provisioningKeyName(String v) { this.provisioningKeyName = v; return this; }
        public Builder enrollmentCertId(String v) { this.enrollmentCertId = v; return this; }
        public Builder issuedCertId(String v) { this.issuedCertId = v; return this; }
        public Builder fingerprint(String v) { this.fingerprint = v; return this; }
        public Builder enrollmentTime(Instant v) { this.enrollmentTime = v; return this; }
        public Builder source(String v) { this.source = v; return this; }

        public AppConnector build() {
            return new AppConnector(id, name, enabled,
                    ControlChannelStatus.fromWire(controlChannelStatusRaw), controlChannelStatusRaw,
                    currentVersion, expectedVersion, previousVersion,
                    UpgradeStatus.fromWire(upgradeStatusRaw), upgradeStatusRaw, upgradeAttempt,
                    lastUpgradeTime, expectedUpgradeTime, lastBrokerConnectTime, lastBrokerDisconnectTime,
                    ctrlBrokerName, applicationStartTime, privateIp, publicIp, platform, platformDetail,
                    runtimeOs, sargeVersion, groupId, groupName, provisioningKeyId, provisioningKeyName,
                    enrollmentCertId, issuedCertId, fingerprint, enrollmentTime, source);
        }
    }
}
