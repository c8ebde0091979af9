package io.zpadoctor.model.tenant;

import io.zpadoctor.model.internal.Require;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Locale;

/**
 * An App Connector group ({@code GET .../appConnectorGroup}): the unit that enrollment keys, version
 * profiles, upgrade windows and server groups refer to.
 *
 * @param upgradeDay the maintenance day, null when absent or not a day name ({@code upgradeDayRaw} keeps the text)
 * @param upgradeTimeInSecs seconds after midnight when upgrades start (time zone not stated by the API)
 * @param versionProfileId "0" Default, "1" Previous Default, "2" New Release, other ids custom profiles
 */
public record ConnectorGroup(
        String id,
        String name,
        boolean enabled,
        DayOfWeek upgradeDay,
        String upgradeDayRaw,
        Integer upgradeTimeInSecs,
        String versionProfileId,
        String versionProfileName,
        boolean overrideVersionProfile,
        String location,
        String countryCode,
        boolean lssAppConnectorGroup,
        String connectorGroupType,
        String enrollmentCertId,
        String source) {

    public ConnectorGroup {
        Require.id(id, "connector group");
        name = Require.blankToNull(name);
        upgradeDayRaw = Require.blankToNull(upgradeDayRaw);
        versionProfileId = Require.blankToNull(versionProfileId);
        versionProfileName = Require.blankToNull(versionProfileName);
        if (upgradeTimeInSecs != null && (upgradeTimeInSecs < 0 || upgradeTimeInSecs >= 86_400)) {
            throw new IllegalArgumentException("upgradeTimeInSecs must be within a day, got " + upgradeTimeInSecs);
        }
    }

    public String displayName() {
        return name != null ? name : id;
    }

    /** The upgrade start as a wall-clock time, or null when the API gave none. */
    public LocalTime upgradeTime() {
        return upgradeTimeInSecs == null ? null : LocalTime.ofSecondOfDay(upgradeTimeInSecs);
    }

    /** The version profile's name, falling back to the documented names of the built-in ids. */
    public String versionProfile() {
        if (versionProfileName != null) {
            return versionProfileName;
        }
        if (versionProfileId == null) {
            return null;
        }
        return switch (versionProfileId) {
            case "0" -> "Default";
            case "1" -> "Previous Default";
            case "2" -> "New Release";
            default -> "custom profile " + versionProfileId;
        };
    }

    public static DayOfWeek parseDay(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return DayOfWeek.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public static final class Builder {
        private final String id;
        private String name;
        private boolean enabled = true;
        private String upgradeDay;
        private Integer upgradeTimeInSecs;
        private String versionProfileId;
        private String versionProfileName;
        private boolean overrideVersionProfile;
        private String location;
        private String countryCode;
        private boolean lss;
        private String connectorGroupType;
        private String enrollmentCertId;
        private String source;

        private Builder(String id) {
            this.id = id;
        }

        public Builder name(String v) { this.name = v; return this; }
        public Builder enabled(boolean v) { this.enabled = v; return this; }
        public Builder upgradeDay(String wire) { this.upgradeDay = wire; return this; }
        public Builder upgradeTimeInSecs(Integer v) { this.upgradeTimeInSecs = v; return this; }
        public Builder versionProfileId(String v) { this.versionProfileId = v; return this; }
        public Builder versionProfileName(String v) { this.versionProfileName = v; return this; }
        public Builder overrideVersionProfile(boolean v) { this.overrideVersionProfile = v; return this; }
        public Builder location(String v) { this.location = v; return this; }
        public Builder countryCode(String v) { this.countryCode = v; return this; }
        public Builder lssAppConnectorGroup(boolean v) { this.lss = v; return this; }
        public Builder connectorGroupType(String v) { this.connectorGroupType = v; return this; }
        public Builder enrollmentCertId(String v) { this.enrollmentCertId = v; return this; }
        public Builder source(String v) { this.source = v; return this; }

        public ConnectorGroup build() {
            return new ConnectorGroup(id, name, enabled, parseDay(upgradeDay), upgradeDay, upgradeTimeInSecs,
                    versionProfileId, versionProfileName, overrideVersionProfile, location, countryCode, lss,
                    connectorGroupType, enrollmentCertId, source);
        }
    }
}
