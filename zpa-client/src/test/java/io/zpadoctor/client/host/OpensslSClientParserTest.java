package io.zpadoctor.client.host;

import io.zpadoctor.model.host.CertificateOrigin;
import io.zpadoctor.model.host.TlsProbe;
import org.junit.jupiter.api.Test;

import static io.zpadoctor.client.host.Fixtures.file;
import static io.zpadoctor.client.host.Fixtures.malformed;
import static io.zpadoctor.client.host.Fixtures.notApplicable;
import static io.zpadoctor.client.host.Fixtures.one;
import static io.zpadoctor.client.host.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fixture notes: {@code openssl-zscaler-chain.txt} follows OpenSSL 1.1.1's layout with the broker subject the Zscaler
 * runbook prints; the names of the broker's issuing CAs are not published, so those two names are placeholders.
 */
class OpensslSClientParserTest {
    final OpensslSClientParser parser = new OpensslSClientParser();

    static HostFile tls(String fixture) {
        return file("tls-broker.txt", "openssl-s-client", fixture);
    }

    @Test
    void aZscalerChainIsZscalerEvenThoughOpensslCannotVerifyIt() {
        TlsProbe t = one(parser, tls("openssl-zscaler-chain.txt"), TlsProbe.class);
        assertThat(t.connected()).isTrue();
        assertThat(t.certificatePresented()).isTrue();
        assertThat(t.target()).isEqualTo("165.225.72.38:443");
        assertThat(t.serverName()).isEqualTo("example.com.server1.net");
        assertThat(t.subjectOrganization()).isEqualTo("Zscaler");
        assertThat(t.subjectCommonName()).isEqualTo("broker1a.fra4.prod.zpath.net");
        assertThat(t.issuerOrganization()).isEqualTo("Zscaler");
        assertThat(t.chainLength()).isEqualTo(2);
        assertThat(t.rootIssuer()).endsWith("CN = ZPA Root CA");
        assertThat(t.verifyCode()).isEqualTo(20);
        assertThat(t.verifyMessage()).isEqualTo("unable to get local issuer certificate");
        assertThat(t.origin()).isEqualTo(CertificateOrigin.ZSCALER);
        assertThat(t.intercepted()).isFalse();
        assertThat(t.line()).isEqualTo(2);
    }

    @Test
    void anInspectionCaIsInterceptionInOpenssl3Layout() {
        TlsProbe t = one(parser, tls("openssl-inspection-ca-self-signed.txt"), TlsProbe.class);
        assertThat(t.target()).isEqualTo("165.225.72.38:443");
        assertThat(t.subject()).isEqualTo("CN=*.prod.zpath.net");
        assertThat(t.subjectOrganization()).isNull();
        assertThat(t.issuerOrganization()).isEqualTo("Example AG");
        assertThat(t.issuerCommonName()).isEqualTo("Example Inspection CA");
        assertThat(t.chainLength()).isEqualTo(2);
        assertThat(t.verifyCode()).isEqualTo(19);
        assertThat(t.verifyMessage()).isEqualTo("self-signed certificate in certificate chain");
        assertThat(t.origin()).isEqualTo(CertificateOrigin.OTHER);
        assertThat(t.intercepted()).isTrue();
    }

    @Test
    void theRunbooksGrepSubjectFormDecidesBySubject() {
        TlsProbe ok = one(parser, tls("openssl-10-grep-subject-zscaler.txt"), TlsProbe.class);
        assertThat(ok.subjectOrganization()).isEqualTo("Zscaler");
        assertThat(ok.subjectCommonName()).isEqualTo("broker1a.sjc8.prod.zpath.net");
        assertThat(ok.issuer()).isNull();
        assertThat(ok.origin()).isEqualTo(CertificateOrigin.ZSCALER);
        assertThat(ok.serverName()).isEqualTo("mockcompany.com.server1.net");
        TlsProbe bad = one(parser, tls("openssl-10-grep-subject-intercepted.txt"), TlsProbe.class);
        assertThat(bad.subjectOrganization()).isEqualTo("Example AG");
        assertThat(bad.origin()).isEqualTo(CertificateOrigin.OTHER);
    }

    @Test
    void zscalerInternetAccessInspectionIsRecognised() {
        TlsProbe t = one(parser, tls("openssl-zia-inspection.txt"), TlsProbe.class);
        assertThat(t.subjectOrganization()).isEqualTo("Zscaler");
        assertThat(t.issuerCommonName()).startsWith("Zscaler Intermediate Root CA (zscalerthree.net)");
        assertThat(t.origin()).isEqualTo(CertificateOrigin.ZIA_INSPECTION);
        assertThat(t.intercepted()).isTrue();
    }

    @Test
    void connectFailuresCarryNoCertificate() {
        TlsProbe timeout = one(parser, tls("openssl-11-connect-timeout.txt"), TlsProbe.class);
        assertThat(timeout.connected()).isFalse();
        assertThat(timeout.connectError()).isEqualTo("Connection timed out");
        assertThat(timeout.origin()).isEqualTo(CertificateOrigin.UNKNOWN);
        assertThat(timeout.subject()).isNull();
        TlsProbe refused = one(parser, tls("openssl-3-connect-refused.txt"), TlsProbe.class);
        assertThat(refused.connected()).isFalse();
        assertThat(refused.connectError()).isEqualTo("Connection refused");
        TlsProbe bare = one(parser, text("tls-broker.txt", "connect:errno=110\n"), TlsProbe.class);
        assertThat(bare.connectError()).isEqualTo("errno=110 (Connection timed out)");
    }

    @Test
    void aResetDuringTheHandshakeIsNotOkWhateverTheVerifyCodeSays() {
        TlsProbe t = one(parser, tls("openssl-reset-during-handshake.txt"), TlsProbe.class);
        assertThat(t.connected()).isTrue();
        assertThat(t.handshakeError()).startsWith("write:errno=104");
        assertThat(t.certificatePresented()).isFalse();
        assertThat(t.verifyCode()).isZero();
        assertThat(t.origin()).isEqualTo(CertificateOrigin.UNKNOWN);
    }

    @Test
    void emptyOrAnotherCommandIsNotApplicableAndGarbageMalformed() {
        notApplicable(parser, text("tls-broker.txt", ""));
        assertThat(notApplicable(parser, file("tls-broker.txt", "dig", "dig-servfail.txt")).detail()).contains("dig");
        assertThat(malformed(parser, text("tls-broker.txt", "no idea what this is\n")).line()).isEqualTo(1);
    }
}
