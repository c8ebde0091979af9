package io.zpadoctor.model.host;

/** Who issued the certificate a broker connection presented: Zscaler, or something in the path. */
public enum CertificateOrigin {
    /** The certificate names Zscaler (the issuer's organisation when shown, else the subject's). */
    ZSCALER,
    /**
     * Issued by a Zscaler Internet Access inspection CA ({@code Zscaler Intermediate Root CA (<cloud>)}): the
     * tenant's own ZIA is decrypting the connector's traffic, which ZPA does not support.
     */
    ZIA_INSPECTION,
    /** Another organisation: a firewall or proxy re-signing TLS (interception). */
    OTHER,
    /** No certificate was shown (connection failed, handshake reset, or nothing pasted). */
    UNKNOWN
}
