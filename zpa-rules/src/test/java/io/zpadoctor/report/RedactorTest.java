package io.zpadoctor.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {
    @Test
    void provisioningKeysLoseTheirSecretPartWherever() {
        String key = "3|api.private.zscaler.com|xxuCGPQmFzZTY0RXhhbXBsZUtleU1hdGVyaWFs-2161962573";
        String out = Redactor.scrub("name: \"my key " + key + " copied here\"");
        assertThat(out).doesNotContain("xxuCGP").contains("3|api.private.zscaler.com|<redacted>");
        assertThat(Redactor.scrub("{\"desc\":\"" + key + "\"}")).isEqualTo("{\"desc\":\"3|api.private.zscaler.com|<redacted>\"}");
    }

    @Test
    void markdownEscapedSeparatorsDoNotHideAKey() {
        String escaped = "3\\|api.private.zscaler.com\\|xxuCGPQmFzZTY0RXhhbXBsZUtleU1hdGVyaWFs";
        assertThat(Redactor.scrub("| " + escaped + " |")).doesNotContain("xxuCGP");
    }

    @Test
    void thePublicPrefixAloneIsKept() {
        assertThat(Redactor.scrub("prefix 3|api.private.zscaler.com| shown")).isEqualTo("prefix 3|api.private.zscaler.com| shown");
    }

    @Test
    void tokensAndSecrets() {
        assertThat(Redactor.scrub("Authorization: Bearer abcdefghijklmnop")).isEqualTo("Authorization: Bearer <redacted>");
        assertThat(Redactor.scrub("t=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl")).isEqualTo("t=<redacted>");
        assertThat(Redactor.scrub("client_secret=s3cr3tValue&x=1")).isEqualTo("client_secret=<redacted>&x=1");
        assertThat(Redactor.scrub("{\"clientSecret\": \"s3cr3tValue\"}")).isEqualTo("{\"clientSecret\": \"<redacted>\"}");
    }

    @Test
    void ordinaryTextIsUntouched() {
        String s = "Key \"dc1-acg-key\": 10/10 enrollments used; tcp 443|8443; a|b|c";
        assertThat(Redactor.scrub(s)).isEqualTo(s);
    }
}
