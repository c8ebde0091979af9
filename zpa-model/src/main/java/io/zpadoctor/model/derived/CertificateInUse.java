package io.zpadoctor.model.derived;

/**
 * An enrollment certificate id that groups, provisioning keys or connectors name as their CA, with how many of
 * each: one fact per id, so a rule asks whether a CA matters without joining every connector.
 */
public record CertificateInUse(String certificateId, int groups, int keys, int connectors) {
}
