package io.zpadoctor.rules;

import io.zpadoctor.model.tenant.ProvisioningKey;

/** A provisioning key of a group with its state as the report shows it. */
public record KeySummary(ProvisioningKey key, State state) {
    public enum State {
        ACTIVE("Active"), EXHAUSTED("Exhausted"), DISABLED("Disabled"), EXPIRED("Expired");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** "10/10" style usage, with "?" for a count the API did not give. */
    public String usage() {
        return (key.usageCount() == null ? "?" : key.usageCount()) + "/" + (key.maxUsage() == null ? "?" : key.maxUsage());
    }
}
