package io.zpadoctor.model.derived;

/**
 * A connector that is failing to enroll: reported by the administrator or shown by the host's journal.
 * A connector that never enrolled has no API object, so this may name a VM the API does not know.
 *
 * @param connectorName the connector or VM, or null when only the group (or nothing) is known
 * @param connectorId the API connector, or null
 * @param groupId the group it enrolls into, or null when unknown
 * @param host the host folder whose journal shows the failure, or null when the administrator reported it
 */
public record NotEnrolling(String connectorName, String connectorId, String groupId, String host) {

    /** Why it is believed to be failing, in words. */
    public String basis() {
        return host == null ? "reported symptom" : "journal of " + host;
    }

    /** Whether only the administrator's report says so. */
    public boolean reported() {
        return host == null;
    }
}
