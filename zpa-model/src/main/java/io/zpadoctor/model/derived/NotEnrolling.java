package io.zpadoctor.model.derived;

/**
 * A connector that is failing to enroll: reported by the administrator or shown by the host's journal.
 * A connector that never enrolled has no API object, so this may name a VM the API does not know.
 *
 * @param connectorName the connector or VM, or null when only the group (or nothing) is known
 * @param connectorId the API connector, or null
 * @param groupId the group it enrolls into, or null when unknown
 * @param basis why it is believed to be failing, e.g. {@code reported symptom}
 */
public record NotEnrolling(String connectorName, String connectorId, String groupId, String basis) {
}
