package io.zpadoctor.client.host;

import io.zpadoctor.model.host.HostAddresses;
import org.junit.jupiter.api.Test;

import static io.zpadoctor.client.host.Fixtures.file;
import static io.zpadoctor.client.host.Fixtures.malformed;
import static io.zpadoctor.client.host.Fixtures.notApplicable;
import static io.zpadoctor.client.host.Fixtures.one;
import static io.zpadoctor.client.host.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

class IpAddrParserTest {
    final IpAddrParser parser = new IpAddrParser();

    static HostFile ip(String fixture) {
        return file("ip-addr.txt", "ip-addr", fixture);
    }

    @Test
    void readsHostnameAndTheOneLineFormat() {
        HostAddresses a = one(parser, ip("hostname-ip-4-o-addr-show.txt"), HostAddresses.class);
        assertThat(a.hostname()).isEqualTo("ac-fra-3");
        assertThat(a.addresses()).containsExactly("127.0.0.1", "10.20.30.41");
        assertThat(a.nonLoopback()).containsExactly("10.20.30.41");
        assertThat(a.line()).isEqualTo(3);
    }

    @Test
    void readsTheLongFormatWithoutAHostname() {
        HostAddresses a = one(parser, ip("ip-addr-long-format.txt"), HostAddresses.class);
        assertThat(a.hostname()).isNull();
        assertThat(a.addresses()).containsExactly("127.0.0.1", "172.32.10.171");
    }

    @Test
    void readsHostnameDashCapitalI() {
        HostAddresses a = one(parser, ip("hostname-and-hostname-I.txt"), HostAddresses.class);
        assertThat(a.hostname()).isEqualTo("ip-172-32-10-171.ap-southeast-1.compute.internal");
        assertThat(a.addresses()).containsExactly("172.32.10.171", "172.17.0.1");
    }

    @Test
    void readsIfconfig() {
        HostAddresses a = one(parser, text("ip-addr.txt", """
                ens192: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500
                        inet 10.20.30.41  netmask 255.255.255.0  broadcast 10.20.30.255
                        ether 00:50:56:a1:b2:c3  txqueuelen 1000  (Ethernet)
                """), HostAddresses.class);
        assertThat(a.addresses()).containsExactly("10.20.30.41");
    }

    @Test
    void emptyOrAnotherCommandIsNotApplicableAndGarbageMalformed() {
        notApplicable(parser, text("ip-addr.txt", ""));
        assertThat(notApplicable(parser, file("ip-addr.txt", "df", "df-k-ubuntu.txt")).detail()).contains("df");
        assertThat(malformed(parser, text("ip-addr.txt", "no network here!\n")).line()).isEqualTo(1);
        assertThat(malformed(parser, text("ip-addr.txt", "2: eth0    inet 10.20.300.41/24 brd 10.20.30.255\n")).detail())
                .contains("not one");
    }
}
