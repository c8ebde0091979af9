package io.zpadoctor.model.tenant;

import io.zpadoctor.model.internal.Require;

import java.time.Instant;

/**
 * An enrollment (signing) CA certificate ({@code GET .../enrollmentCert}), such as the one named "Connector"
 * that signs every connector's client certificate. Not the connector's own certificate, whose expiry only
 * the connector's journal shows.
 */
public record EnrollmentCertificate(
        String id,
        String name,
        Instant validFrom,
        Instant validTo,
        String issuedTo,
        String issuedBy,
        String source) {

    public EnrollmentCertificate {
        Require.id(id, "enrollment certificate");
        name = Require.blankToNull(name);
    }

    public String displayName() {
        return name != null ? name : id;
    }
}
