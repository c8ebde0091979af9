package io.zpadoctor.client.host;

import io.zpadoctor.model.host.DnsLookup;
import io.zpadoctor.model.host.DnsStatus;
import io.zpadoctor.model.host.ProbeProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.zpadoctor.client.host.Fixtures.file;
import static io.zpadoctor.client.host.Fixtures.malformed;
import static io.zpadoctor.client.host.Fixtures.notApplicable;
import static io.zpadoctor.client.host.Fixtures.one;
import static io.zpadoctor.client.host.Fixtures.parsed;
import static io.zpadoctor.client.host.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

class DigParserTest {
    final DigParser parser = new DigParser();

    static HostFile dig(String fixture) {
        return file("dig-broker.txt", "dig", fixture);
    }

    @Test
    void readsTheCnameChainAndAddresses() {
        DnsLookup d = one(parser, dig("dig-noerror-cname-chain.txt"), DnsLookup.class);
        assertThat(d.queryName()).isEqualTo("co2br.prod.zpath.net");
        assertThat(d.status()).isEqualTo(DnsStatus.NOERROR);
        assertThat(d.cnameChain()).containsExactly("co2br.gslb.prod.zpath.net", "fra4.co2br.gslb.prod.zpath.net");
        assertThat(d.addresses()).containsExactly("165.225.72.38", "165.225.72.39", "165.225.72.40", "165.225.72.41");
        assertThat(d.server()).isEqualTo("10.20.0.53");
        assertThat(d.queryTimeMsec()).isEqualTo(41);
        assertThat(d.shortForm()).isFalse();
        assertThat(d.resolved()).isTrue();
        assertThat(d.line()).isEqualTo(3);
    }

    @Test
    void readsEachFailureStatus() {
        DnsLookup nx = one(parser, dig("dig-nxdomain.txt"), DnsLookup.class);
        assertThat(nx.status()).isEqualTo(DnsStatus.NXDOMAIN);
        assertThat(nx.addresses()).isEmpty();
        assertThat(one(parser, dig("dig-servfail.txt"), DnsLookup.class).status()).isEqualTo(DnsStatus.SERVFAIL);
        DnsLookup refused = one(parser, dig("dig-refused.txt"), DnsLookup.class);
        assertThat(refused.status()).isEqualTo(DnsStatus.REFUSED);
        assertThat(refused.server()).isEqualTo("10.20.0.53");
        DnsLookup empty = one(parser, dig("dig-noerror-no-answer.txt"), DnsLookup.class);
        assertThat(empty.status()).isEqualTo(DnsStatus.NOERROR);
        assertThat(empty.resolved()).isFalse();
    }

    @Test
    void readsBothTimeoutWordings() {
        DnsLookup old = one(parser, dig("dig-timeout-no-servers.txt"), DnsLookup.class);
        assertThat(old.status()).isEqualTo(DnsStatus.TIMEOUT);
        assertThat(old.queryName()).isEqualTo("co2br.prod.zpath.net");
        assertThat(old.addresses()).isEmpty();
        DnsLookup bind918 = one(parser, dig("dig-918-communications-error-timeout.txt"), DnsLookup.class);
        assertThat(bind918.status()).isEqualTo(DnsStatus.TIMEOUT);
        assertThat(bind918.server()).isEqualTo("10.20.0.53");
        assertThat(bind918.statusRaw()).contains("timed out");
        assertThat(bind918.queryName()).isEqualTo("co2br.prod.zpath.net");
    }

    @Test
    void readsDigShort() {
        DnsLookup d = one(parser, dig("dig-short-two-addresses.txt"), DnsLookup.class);
        assertThat(d.shortForm()).isTrue();
        assertThat(d.status()).isEqualTo(DnsStatus.UNKNOWN);
        assertThat(d.addresses()).containsExactly("13.60.119.37", "42.68.244.163");
        assertThat(d.queryName()).isEqualTo("co2br.prod.zpath.net");
        DnsLookup chain = one(parser, dig("dig-short-cname-and-addresses.txt"), DnsLookup.class);
        assertThat(chain.cnameChain()).containsExactly("co2br.gslb.prod.zpath.net", "fra4.co2br.gslb.prod.zpath.net");
        assertThat(chain.queryName()).isNull();
        DnsLookup timeout = one(parser, dig("dig-short-timeout.txt"), DnsLookup.class);
        assertThat(timeout.status()).isEqualTo(DnsStatus.TIMEOUT);
        assertThat(timeout.shortForm()).isTrue();
    }

    @Test
    void anEmptyDigShortAnswerWithItsCommandLineIsAnEmptyLookup() {
        DnsLookup d = one(parser, dig("dig-short-empty-with-prompt.txt"), DnsLookup.class);
        assertThat(d.addresses()).isEmpty();
        assertThat(d.status()).isEqualTo(DnsStatus.UNKNOWN);
        assertThat(d.queryName()).isEqualTo("co2br.prod.zpath.net");
        assertThat(d.line()).isEqualTo(1);
    }

    @Test
    void readsSeveralQueriesInOneFile() {
        String two = dig("dig-nxdomain.txt").text() + "\n" + dig("dig-noerror-cname-chain.txt").text();
        List<DnsLookup> all = parsed(parser, text("dig-broker.txt", two), DnsLookup.class);
        assertThat(all).extracting(DnsLookup::status).containsExactly(DnsStatus.NXDOMAIN, DnsStatus.NOERROR);
    }

    @Test
    void emptyOrAnotherCommandIsNotApplicable() {
        notApplicable(parser, text("dig-broker.txt", ""));
        assertThat(notApplicable(parser, dig("nslookup-pasted.txt")).detail()).contains("nslookup");
        assertThat(notApplicable(parser, file("dig-broker.txt", "tcp-probe", "tcp-bash-loop-one-refused-one-silent.txt"))
                .detail()).contains("/dev/tcp");
        assertThat(notApplicable(parser, text("dig-broker.txt", "-bash: dig: command not found\n")).detail())
                .contains("did not run");
    }

    @Test
    void aGarbledRecordIsMalformedAndNeverAnAddress() {
        ProbeProblem p = malformed(parser, dig("dig-answer-record-garbled.txt"));
        assertThat(p.line()).isEqualTo(8);
        assertThat(p.detail()).contains("IPv4");
        assertThat(malformed(parser, text("dig-broker.txt", "165.225.72.38\nhello world\n")).line()).isEqualTo(2);
        assertThat(malformed(parser, text("dig-broker.txt", "hello world\n")).line()).isEqualTo(1);
    }
}
