package io.zpadoctor.model.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostPatternsTest {

    @ParameterizedTest
    @CsvSource({
            "intranet.corp.example.com, intranet.corp.example.com, true",
            "INTRANET.corp.example.com., intranet.corp.example.com, true",
            "*.corp.example.com, intranet.corp.example.com, true",
            "*.corp.example.com, a.b.corp.example.com, true",
            "*.corp.example.com, corp.example.com, false",
            ".corp.example.com, wiki.corp.example.com, true",
            "*.corp.example.com, corp.example.com.evil.net, false",
            "intranet.corp.example.com, intranet.corp.example.co, false",
            "10.40.0.0/16, 10.40.9.20, true",
            "10.40.0.0/16, 10.41.0.1, false",
            "10.40.9.20, 10.40.9.20, true",
            "0.0.0.0/0, 192.0.2.1, true",
            "2001:db8::/32, 2001:db8::5, true",
            "2001:db8::/32, 2001:db9::5, false",
            "10.40.0.0/16, intranet.corp.example.com, false",
            "10.40.0.0/99, 10.40.0.1, false",
            "*, anything.example, true",
    })
    void matches(String entry, String host, boolean expected) {
        assertThat(HostPatterns.specificity(entry, host) >= 0).isEqualTo(expected);
    }

    @Test
    void exactBeatsWildcardAndLongerWildcardBeatsShorter() {
        String host = "pay.hr.corp.example.com";
        int exact = HostPatterns.specificity(host, host);
        int narrow = HostPatterns.specificity("*.hr.corp.example.com", host);
        int wide = HostPatterns.specificity("*.corp.example.com", host);
        int any = HostPatterns.specificity("*", host);
        assertThat(exact).isGreaterThan(narrow);
        assertThat(narrow).isGreaterThan(wide);
        assertThat(wide).isGreaterThan(any);
        assertThat(HostPatterns.specificity("10.0.0.0/24", "10.0.0.1"))
                .isGreaterThan(HostPatterns.specificity("10.0.0.0/8", "10.0.0.1"));
    }

    @Test
    void neverResolvesNames() {
        // a name is not an address literal: no DNS lookup may happen (this would hang or leak otherwise)
        assertThat(HostPatterns.literal("intranet.corp.example.com")).isNull();
        assertThat(HostPatterns.literal("300.1.1.1")).isNull();
        assertThat(HostPatterns.literal("::1")).hasSize(16);
    }
}
