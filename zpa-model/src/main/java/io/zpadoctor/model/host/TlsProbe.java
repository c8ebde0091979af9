package io.zpadoctor.model.host;

import io.zpadoctor.model.internal.Require;

/**
 * A TLS handshake to a broker with {@code openssl s_client} ({@code tls-broker.txt}). ZPA pins its
 * certificates, so any issuer but Zscaler means interception. Distinguished names are kept as printed
 * (OpenSSL 1.0 prints {@code /C=US/O=Zscaler/CN=..}, 1.1 {@code C = US, O = Zscaler, CN = ..}, 3.x either).
 * Note that {@code openssl} does not trust Zscaler's private PKI, so a verify error alone does not mean
 * interception: {@link #origin()} does.
 *
 * @param line the first line of the output that was read
 * @param target the {@code -connect} address, from a pasted command line or {@code Connecting to}, or null
 * @param serverName the {@code -servername} from a pasted command line, or null
 * @param connected true when a TCP connection was made ({@code CONNECTED(...)}), false when the connect failed,
 *        null when the output does not say (e.g. only {@code | grep subject} was pasted)
 * @param connectError the connect failure, e.g. {@code Connection refused}, {@code Connection timed out},
 *        {@code errno=110}, or null
 * @param handshakeError what broke the handshake after connecting, e.g. {@code write:errno=104} (reset),
 *        {@code unexpected eof}, {@code no peer certificate available}, or null
 * @param certificatePresented true when a certificate was shown, false when openssl said none was available,
 *        null when the output does not say
 * @param subject the leaf certificate's subject, as printed
 * @param issuer the leaf certificate's issuer, as printed
 * @param subjectOrganization the {@code O} of the subject
 * @param subjectCommonName the {@code CN} of the subject
 * @param issuerOrganization the {@code O} of the issuer
 * @param issuerCommonName the {@code CN} of the issuer
 * @param chainLength how many certificates the {@code Certificate chain} section lists, or null
 * @param rootIssuer the issuer of the last certificate in the chain, as printed, or null
 * @param verifyCode {@code Verify return code} (or the first {@code verify error:num=}), 0 meaning ok
 * @param verifyMessage the text with that code, e.g. {@code self signed certificate in certificate chain}
 * @param origin who issued the certificate
 */
public record TlsProbe(String host, String source, Integer line, String target, String serverName, Boolean connected,
                       String connectError, String handshakeError, Boolean certificatePresented, String subject,
                       String issuer, String subjectOrganization, String subjectCommonName,
                       String issuerOrganization, String issuerCommonName, Integer chainLength, String rootIssuer,
                       Integer verifyCode, String verifyMessage, CertificateOrigin origin) implements HostObservation {
    public TlsProbe {
        Checks.origin(host, source, line);
        target = Require.blankToNull(target);
        serverName = Require.blankToNull(serverName);
        connectError = Require.blankToNull(connectError);
        handshakeError = Require.blankToNull(handshakeError);
        subject = Require.blankToNull(subject);
        issuer = Require.blankToNull(issuer);
        subjectOrganization = Require.blankToNull(subjectOrganization);
        subjectCommonName = Require.blankToNull(subjectCommonName);
        issuerOrganization = Require.blankToNull(issuerOrganization);
        issuerCommonName = Require.blankToNull(issuerCommonName);
        Checks.nonNegative(chainLength, "chainLength");
        rootIssuer = Require.blankToNull(rootIssuer);
        verifyMessage = Require.blankToNull(verifyMessage);
        origin = origin == null ? CertificateOrigin.UNKNOWN : origin;
    }

    /** Something other than Zscaler issued the certificate. */
    public boolean intercepted() {
        return origin == CertificateOrigin.OTHER || origin == CertificateOrigin.ZIA_INSPECTION;
    }
}
