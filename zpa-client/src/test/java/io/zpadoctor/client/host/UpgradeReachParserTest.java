package io.zpadoctor.client.host;

import io.zpadoctor.model.host.UpgradeReach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.zpadoctor.client.host.Fixtures.file;
import static io.zpadoctor.client.host.Fixtures.malformed;
import static io.zpadoctor.client.host.Fixtures.notApplicable;
import static io.zpadoctor.client.host.Fixtures.parsed;
import static io.zpadoctor.client.host.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class UpgradeReachParserTest {
    final UpgradeReachParser parser = new UpgradeReachParser();

    static HostFile reach(String fixture) {
        return file("upgrade-reach.txt", "upgrade-reach", fixture);
    }

    @Test
    void anyHttpStatusMeansReachable() {
        List<UpgradeReach> all = parsed(parser, reach("upgrade-reach-both-answer.txt"), UpgradeReach.class);
        assertThat(all).extracting(UpgradeReach::server, UpgradeReach::httpStatus, UpgradeReach::reachable)
                .containsExactly(tuple("dist.private.zscaler.com", 200, true), tuple("yum.private.zscaler.com", 403, true));
        assertThat(all.get(0).line()).isEqualTo(2);
    }

    @Test
    void code000IsNoStatusAndCurlsErrorIsAttached() {
        List<UpgradeReach> all = parsed(parser, reach("upgrade-reach-dns-failure.txt"), UpgradeReach.class);
        assertThat(all).hasSize(2);
        assertThat(all).allSatisfy(r -> {
            assertThat(r.reachable()).isFalse();
            assertThat(r.httpStatus()).isNull();
            assertThat(r.curlExitCode()).isEqualTo(6);
        });
        assertThat(all.get(0).error()).isEqualTo("Could not resolve host: dist.private.zscaler.com");
        assertThat(all.get(1).error()).isEqualTo("Could not resolve host: yum.private.zscaler.com");
    }

    @Test
    void anErrorNamingNoHostGoesToTheNextServerLine() {
        List<UpgradeReach> all = parsed(parser, reach("upgrade-reach-timeout-and-interception.txt"), UpgradeReach.class);
        assertThat(all).extracting(UpgradeReach::server, UpgradeReach::curlExitCode)
                .containsExactly(tuple("dist.private.zscaler.com", 28), tuple("yum.private.zscaler.com", 60));
        assertThat(all.get(1).error()).contains("self-signed certificate in certificate chain");
    }

    @Test
    void anErrorNamingItsHostIsAttachedToIt() {
        List<UpgradeReach> all = parsed(parser, reach("upgrade-reach-newer-curl-names-host.txt"), UpgradeReach.class);
        assertThat(all.get(0).reachable()).isTrue();
        assertThat(all.get(0).error()).isNull();
        assertThat(all.get(1).error()).contains("Timeout was reached");
        assertThat(all.get(1).reachable()).isFalse();
    }

    @Test
    void emptyOrAnotherCommandIsNotApplicableAndGarbageMalformed() {
        notApplicable(parser, text("upgrade-reach.txt", ""));
        assertThat(notApplicable(parser, file("upgrade-reach.txt", "ping", "ping-replies.txt")).detail()).contains("ping");
        assertThat(malformed(parser, text("upgrade-reach.txt", "it worked, I think\n")).line()).isEqualTo(1);
    }
}
