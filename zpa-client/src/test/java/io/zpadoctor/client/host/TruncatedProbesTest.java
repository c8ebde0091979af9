package io.zpadoctor.client.host;

import io.zpadoctor.model.host.CpuInfo;
import io.zpadoctor.model.host.DnsLookup;
import io.zpadoctor.model.host.MemoryTotals;
import io.zpadoctor.model.host.ResolverConfig;
import io.zpadoctor.model.host.TcpProbe;
import io.zpadoctor.model.host.TlsProbe;
import org.junit.jupiter.api.Test;

import static io.zpadoctor.client.host.Fixtures.file;
import static io.zpadoctor.client.host.Fixtures.malformed;
import static io.zpadoctor.client.host.Fixtures.one;
import static io.zpadoctor.client.host.Fixtures.partial;
import static io.zpadoctor.client.host.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probe files cut short, as a paste or a size limit leaves them (issue "Conclusions that hold", class 2): what was
 * read is kept, the file is reported as read in part, and nothing the missing part would have said is taken as
 * absent. Each test cuts a real fixture.
 */
class TruncatedProbesTest {

    private static String cutBefore(String text, String marker, int keep) {
        return text.substring(0, text.indexOf(marker) + keep);
    }

    @Test
    void digCutInTheMiddleOfItsHeaderIsNoFailedLookup() {
        // the blind corpus's a-net-001-trap: "status: NOER" and nothing after it
        String whole = file("dig-broker.txt", "dig", "dig-noerror-cname-chain.txt").text();
        ParseResult r = partial(new DigParser(), text("dig-broker.txt", cutBefore(whole, "status: NOERROR", 12)));
        DnsLookup d = r.factsOf(DnsLookup.class).get(0);
        assertThat(d.failed()).isFalse();
        assertThat(r.problem().detail()).contains("stops before dig's status line");
    }

    @Test
    void digCutBeforeItsAnswerIsUnknownButAWholeEmptyAnswerFails() {
        String whole = file("dig-broker.txt", "dig", "dig-noerror-cname-chain.txt").text();
        ParseResult r = partial(new DigParser(), text("dig-broker.txt", cutBefore(whole, ";; ANSWER SECTION:", 0)));
        assertThat(r.factsOf(DnsLookup.class).get(0).failed()).isFalse();
        assertThat(one(new DigParser(), file("dig-broker.txt", "dig", "dig-noerror-no-answer.txt"), DnsLookup.class)
                .failed()).isTrue();
        assertThat(one(new DigParser(), file("dig-broker.txt", "dig", "dig-nxdomain.txt"), DnsLookup.class)
                .failed()).isTrue();
    }

    @Test
    void digAddressCutInTheMiddleIsNotRead() {
        String whole = file("dig-broker.txt", "dig", "dig-short-two-addresses.txt").text();
        String cut = whole.substring(0, whole.stripTrailing().length() - 3);
        ParseResult r = new DigParser().parse(text("dig-broker.txt", cut));
        assertThat(r.factsOf(DnsLookup.class)).allMatch(d -> d.addresses().stream().allMatch(a -> whole.contains(a + "\n")));
        assertThat(r.problem()).isNotNull();
    }

    @Test
    void anEmptyDigShortIsNoAnswerOnlyWhenThePromptCameBack() {
        DnsLookup finished = one(new DigParser(), file("dig-broker.txt", "dig", "dig-short-empty-with-prompt.txt"),
                DnsLookup.class);
        assertThat(finished.failed()).isTrue();
        ParseResult cut = partial(new DigParser(), text("dig-broker.txt", "$ dig +short co2br.prod.zpath.net\n"));
        assertThat(cut.factsOf(DnsLookup.class).get(0).failed()).isFalse();
    }

    @Test
    void resolvConfShorterThanItsSizeSaysNothingAboutNameservers() {
        String whole = file("resolv-conf.txt", "resolv-conf", "resolv-conf-rhel9-networkmanager.txt").text();
        ParseResult r = partial(new ResolvConfParser(), text("resolv-conf.txt", cutBefore(whole, "nameserver", 0)));
        ResolverConfig c = r.factsOf(ResolverConfig.class).get(0);
        assertThat(c.contentShown()).isFalse();   // so "no nameserver" cannot be concluded
        assertThat(r.problem().detail()).contains("shorter than the file");
        ResolverConfig none = one(new ResolvConfParser(), file("resolv-conf.txt", "resolv-conf",
                "resolv-conf-no-nameserver.txt"), ResolverConfig.class);
        assertThat(none.contentShown()).isTrue();
        assertThat(none.nameservers()).isEmpty();
    }

    @Test
    void lscpuCutInItsCpuCountOrItsWrappedFlagsIsNoSmallVm() {
        String whole = file("lscpu.txt", "lscpu", "lscpu-rhel9-kvm-sections-wrapped-flags.txt").text();
        // "CPU(s): 1" of 16 (the blind corpus's b-prb-truncated-lscpu)
        String count = whole.substring(0, whole.indexOf("CPU(s):") + whole.substring(whole.indexOf("CPU(s):")).indexOf('\n') - 1);
        ParseResult r = new LscpuParser().parse(text("lscpu.txt", count));
        assertThat(r.factsOf(CpuInfo.class)).allMatch(c -> c.cpus() == null);
        assertThat(r.problem()).isNotNull();
        // the wrapped flags stop after their first line: aes unknown, not absent
        int flags = whole.indexOf("Flags:");
        String firstFlagsLine = whole.substring(0, whole.indexOf('\n', flags) + 1);
        ParseResult f = partial(new LscpuParser(), text("lscpu.txt", firstFlagsLine));
        assertThat(f.factsOf(CpuInfo.class).get(0).aesNi()).isNull();
        assertThat(one(new LscpuParser(), file("lscpu.txt", "lscpu", "lscpu-azure-no-aes.txt"), CpuInfo.class).aesNi())
                .isFalse();
    }

    @Test
    void freeCutInItsMemLineGivesNoTotal() {
        String whole = file("free.txt", "free", "free-m-rhel9.txt").text();
        String cut = whole.substring(0, whole.indexOf("Mem:") + 15);
        assertThat(malformed(new FreeParser(), text("free.txt", cut)).detail()).contains("ends in the middle");
        assertThat(one(new FreeParser(), text("free.txt", whole), MemoryTotals.class).totalMb()).isGreaterThan(1000);
    }

    @Test
    void aTcpLineCutInTheMiddleIsUnknown() {
        // the blind corpus's a-net-003-trap: "165.225.72.39:4"
        ParseResult r = partial(new TcpProbeParser(), text("tcp-broker.txt", "165.225.72.38:443 open\n165.225.72.39:4"));
        assertThat(r.factsOf(TcpProbe.class)).hasSize(1).allMatch(p -> !p.outcome().failed());
    }

    @Test
    void tlsCutBeforeTheCertificateOrInItsIssuerIsNoInterception() {
        String whole = file("tls-broker.txt", "openssl-s-client", "openssl-zscaler-chain.txt").text();
        ParseResult r = partial(new OpensslSClientParser(), text("tls-broker.txt", cutBefore(whole, "depth=0", 0)));
        assertThat(r.factsOf(TlsProbe.class)).allMatch(t -> !t.intercepted());
        int issuer = whole.indexOf("O = Zscaler");
        if (issuer > 0) {
            ParseResult mid = new OpensslSClientParser().parse(text("tls-broker.txt", whole.substring(0, issuer + 7)));
            assertThat(mid.factsOf(TlsProbe.class)).allMatch(t -> !t.intercepted());
        }
    }
}
