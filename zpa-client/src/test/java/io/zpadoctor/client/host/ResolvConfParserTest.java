package io.zpadoctor.client.host;

import io.zpadoctor.model.host.ResolverConfig;
import org.junit.jupiter.api.Test;

import static io.zpadoctor.client.host.Fixtures.file;
import static io.zpadoctor.client.host.Fixtures.malformed;
import static io.zpadoctor.client.host.Fixtures.notApplicable;
import static io.zpadoctor.client.host.Fixtures.one;
import static io.zpadoctor.client.host.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

class ResolvConfParserTest {
    final ResolvConfParser parser = new ResolvConfParser();

    static HostFile resolv(String fixture) {
        return file("resolv-conf.txt", "resolv-conf", fixture);
    }

    @Test
    void readsModeOwnerAndNameservers() {
        ResolverConfig r = one(parser, resolv("resolv-conf-rhel9-networkmanager.txt"), ResolverConfig.class);
        assertThat(r.exists()).isTrue();
        assertThat(r.mode()).isEqualTo("-rw-r--r--.");
        assertThat(r.owner()).isEqualTo("root");
        assertThat(r.group()).isEqualTo("root");
        assertThat(r.worldReadable()).isTrue();
        assertThat(r.symlinkTarget()).isNull();
        assertThat(r.contentShown()).isTrue();
        assertThat(r.nameservers()).containsExactly("10.20.0.53", "10.20.1.53");
        assertThat(r.searchDomains()).containsExactly("corp.example.com");
        assertThat(r.line()).isEqualTo(2);
    }

    @Test
    void aFileOnlyRootCanReadIsNotWorldReadable() {
        ResolverConfig r = one(parser, resolv("resolv-conf-not-world-readable.txt"), ResolverConfig.class);
        assertThat(r.worldReadable()).isFalse();
        assertThat(r.options()).containsExactly("timeout:2", "attempts:3");
    }

    @Test
    void aSymlinksOwnModeSaysNothingAboutItsTarget() {
        ResolverConfig r = one(parser, resolv("resolv-conf-ubuntu-stub-symlink.txt"), ResolverConfig.class);
        assertThat(r.symlinkTarget()).isEqualTo("../run/systemd/resolve/stub-resolv.conf");
        assertThat(r.worldReadable()).isNull();
        assertThat(r.nameservers()).containsExactly("127.0.0.53");
        assertThat(r.options()).containsExactly("edns0", "trust-ad");
    }

    @Test
    void noNameserverIsAnEmptyListWhenTheContentWasShown() {
        ResolverConfig r = one(parser, resolv("resolv-conf-no-nameserver.txt"), ResolverConfig.class);
        assertThat(r.contentShown()).isTrue();
        assertThat(r.nameservers()).isEmpty();
        ResolverConfig lsOnly = one(parser, resolv("resolv-conf-ls-only.txt"), ResolverConfig.class);
        assertThat(lsOnly.contentShown()).isFalse();
        assertThat(lsOnly.nameservers()).isEmpty();
    }

    @Test
    void aMissingFileIsReadAsMissing() {
        ResolverConfig r = one(parser, resolv("resolv-conf-missing.txt"), ResolverConfig.class);
        assertThat(r.exists()).isFalse();
        assertThat(r.worldReadable()).isNull();
    }

    @Test
    void permissionDeniedFromCatIsKept() {
        ResolverConfig r = one(parser, text("resolv-conf.txt",
                "-rw-------. 1 root root 72 Jul 17 16:20 /etc/resolv.conf\ncat: /etc/resolv.conf: Permission denied\n"),
                ResolverConfig.class);
        assertThat(r.catError()).isEqualTo("Permission denied");
        assertThat(r.contentShown()).isFalse();
    }

    @Test
    void emptyOrAnotherCommandIsNotApplicableAndGarbageMalformed() {
        notApplicable(parser, text("resolv-conf.txt", ""));
        assertThat(notApplicable(parser, file("resolv-conf.txt", "dig", "dig-noerror-cname-chain.txt")).detail())
                .contains("dig");
        String digWithoutPrompt = Fixtures.read("dig", "dig-nxdomain.txt").replaceFirst("^\\$ .*\n", "");
        assertThat(notApplicable(parser, text("resolv-conf.txt", digWithoutPrompt)).detail()).contains("`dig`");
        assertThat(malformed(parser, text("resolv-conf.txt", "this is not a resolver file\n")).line()).isEqualTo(1);
    }
}
