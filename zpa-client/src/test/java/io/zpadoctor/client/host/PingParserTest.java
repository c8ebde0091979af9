package io.zpadoctor.client.host;

import io.zpadoctor.model.host.PingOutcome;
import io.zpadoctor.model.host.PingResult;
import org.junit.jupiter.api.Test;

import static io.zpadoctor.client.host.Fixtures.file;
import static io.zpadoctor.client.host.Fixtures.malformed;
import static io.zpadoctor.client.host.Fixtures.notApplicable;
import static io.zpadoctor.client.host.Fixtures.one;
import static io.zpadoctor.client.host.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

class PingParserTest {
    final PingParser parser = new PingParser();

    static HostFile ping(String fixture) {
        return file("ping-broker.txt", "ping", fixture);
    }

    @Test
    void readsRepliesAndTheSummary() {
        PingResult p = one(parser, ping("ping-replies.txt"), PingResult.class);
        assertThat(p.target()).isEqualTo("sin4.co2br.gslb.prod.zpath.net");
        assertThat(p.resolvedAddress()).isEqualTo("165.225.112.252");
        assertThat(p.transmitted()).isEqualTo(4);
        assertThat(p.received()).isEqualTo(4);
        assertThat(p.lossPercent()).isEqualTo(0.0);
        assertThat(p.rttAvgMs()).isEqualTo(1.221);
        assertThat(p.outcome()).isEqualTo(PingOutcome.REPLIES);
        assertThat(p.line()).isEqualTo(9);
    }

    @Test
    void totalLossHasNoRoundTripTime() {
        PingResult p = one(parser, ping("ping-100-percent-loss.txt"), PingResult.class);
        assertThat(p.outcome()).isEqualTo(PingOutcome.NO_REPLIES);
        assertThat(p.lossPercent()).isEqualTo(100.0);
        assertThat(p.rttAvgMs()).isNull();
        PingResult errors = one(parser, ping("ping-destination-unreachable-errors.txt"), PingResult.class);
        assertThat(errors.outcome()).isEqualTo(PingOutcome.NO_REPLIES);
        assertThat(errors.transmitted()).isEqualTo(4);
        assertThat(errors.received()).isZero();
    }

    @Test
    void readsUnknownHostInOldAndNewWording() {
        PingResult old = one(parser, ping("ping-unknown-host-old-iputils.txt"), PingResult.class);
        assertThat(old.outcome()).isEqualTo(PingOutcome.UNKNOWN_HOST);
        assertThat(old.target()).isEqualTo("co2br.prod.zpath.net");
        assertThat(old.transmitted()).isNull();
        PingResult current = one(parser, ping("ping-name-or-service-not-known.txt"), PingResult.class);
        assertThat(current.outcome()).isEqualTo(PingOutcome.UNKNOWN_HOST);
        assertThat(current.detail()).isEqualTo("Name or service not known");
    }

    @Test
    void anInterruptedPingWithoutSummaryInventsNoCounts() {
        PingResult p = one(parser, ping("ping-interrupted-before-summary.txt"), PingResult.class);
        assertThat(p.outcome()).isEqualTo(PingOutcome.UNKNOWN);
        assertThat(p.transmitted()).isNull();
        assertThat(p.lossPercent()).isNull();
        assertThat(p.resolvedAddress()).isEqualTo("165.225.72.38");
    }

    @Test
    void emptyOrAnotherCommandIsNotApplicableAndGarbageMalformed() {
        notApplicable(parser, text("ping-broker.txt", ""));
        assertThat(notApplicable(parser, file("ping-broker.txt", "dig", "dig-short-two-addresses.txt")).detail())
                .contains("dig");
        assertThat(malformed(parser, text("ping-broker.txt", "pong\n")).line()).isEqualTo(1);
    }
}
