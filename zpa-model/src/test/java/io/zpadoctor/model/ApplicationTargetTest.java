package io.zpadoctor.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApplicationTargetTest {

    @Test
    void parsesHostAndPortInTheFormsPeoplePaste() {
        assertThat(ApplicationTarget.parse("Intranet.Corp.Example.com:443"))
                .isEqualTo(new ApplicationTarget("intranet.corp.example.com", 443));
        assertThat(ApplicationTarget.parse("https://wiki.corp.example.com:8443/path")).extracting(ApplicationTarget::port)
                .isEqualTo(8443);
        assertThat(ApplicationTarget.parse("10.1.2.3")).isEqualTo(new ApplicationTarget("10.1.2.3", null));
        assertThat(ApplicationTarget.parse("[2001:db8::1]:22")).isEqualTo(new ApplicationTarget("2001:db8::1", 22));
        assertThat(ApplicationTarget.parse("2001:db8::1").port()).isNull();
        assertThat(ApplicationTarget.parse("[2001:db8::1]:22")).hasToString("[2001:db8::1]:22");
    }

    @Test
    void saysWhatIsWrong() {
        assertThatThrownBy(() -> ApplicationTarget.parse("host:https")).hasMessageContaining("port 'https' is not a number");
        assertThatThrownBy(() -> ApplicationTarget.parse("host:70000")).hasMessageContaining("outside 1-65535");
        assertThatThrownBy(() -> ApplicationTarget.parse(" ")).hasMessageContaining("expected host:port");
        assertThatThrownBy(() -> ApplicationTarget.parse("bad host:1")).hasMessageContaining("not a host name");
    }
}
