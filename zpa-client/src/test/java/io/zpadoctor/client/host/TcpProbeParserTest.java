package io.zpadoctor.client.host;

import io.zpadoctor.model.host.TcpOutcome;
import io.zpadoctor.model.host.TcpProbe;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.zpadoctor.client.host.Fixtures.file;
import static io.zpadoctor.client.host.Fixtures.malformed;
import static io.zpadoctor.client.host.Fixtures.notApplicable;
import static io.zpadoctor.client.host.Fixtures.parsed;
import static io.zpadoctor.client.host.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TcpProbeParserTest {
    final TcpProbeParser parser = new TcpProbeParser();

    static HostFile tcp(String fixture) {
        return file("tcp-broker.txt", "tcp-probe", fixture);
    }

    @Test
    void readsTheCollectorsBashLoopWithBashsReasons() {
        List<TcpProbe> probes = parsed(parser, tcp("tcp-bash-loop-one-refused-one-silent.txt"), TcpProbe.class);
        assertThat(probes).extracting(TcpProbe::target, TcpProbe::port, TcpProbe::outcome, TcpProbe::tool)
                .containsExactly(tuple("165.225.72.38", 443, TcpOutcome.OPEN, "bash"),
                        tuple("165.225.72.39", 443, TcpOutcome.REFUSED, "bash"),
                        tuple("165.225.72.40", 443, TcpOutcome.FAILED, "bash"));
        assertThat(probes.get(1).detail()).isEqualTo("Connection refused");
        assertThat(probes.get(1).line()).isEqualTo(5);
        assertThat(probes.get(2).detail()).isNull(); // `timeout` kills silently: no reason is made up
    }

    @Test
    void readsOpenBsdNetcat() {
        List<TcpProbe> probes = parsed(parser, tcp("nc-openbsd-ubuntu.txt"), TcpProbe.class);
        assertThat(probes).extracting(TcpProbe::target, TcpProbe::outcome)
                .containsExactly(tuple("165.225.72.38", TcpOutcome.OPEN), tuple("165.225.72.39", TcpOutcome.TIMED_OUT),
                        tuple("165.225.72.40", TcpOutcome.REFUSED));
        assertThat(probes).allMatch(p -> p.port() == 443 && p.tool().equals("nc"));
    }

    @Test
    void readsNmapNcatTakingTheTargetFromTheCommandLine() {
        List<TcpProbe> probes = parsed(parser, tcp("ncat-rhel9-connected-timeout-refused.txt"), TcpProbe.class);
        assertThat(probes).extracting(TcpProbe::target, TcpProbe::port, TcpProbe::outcome)
                .containsExactly(tuple("165.225.72.38", 443, TcpOutcome.OPEN), tuple("165.225.72.39", 443, TcpOutcome.TIMED_OUT),
                        tuple("165.225.72.40", 443, TcpOutcome.REFUSED));
        assertThat(probes.get(2).detail()).isEqualTo("Connection refused");
    }

    @Test
    void ncatWithoutACommandLineKeepsTheTargetUnknown() {
        List<TcpProbe> probes = parsed(parser, text("tcp-broker.txt", "Ncat: Version 7.92 ( https://nmap.org/ncat )\nNcat: Connection timed out.\n"),
                TcpProbe.class);
        assertThat(probes).singleElement().satisfies(p -> {
            assertThat(p.target()).isNull();
            assertThat(p.port()).isNull();
            assertThat(p.outcome()).isEqualTo(TcpOutcome.TIMED_OUT);
        });
    }

    @Test
    void readsTelnet() {
        List<TcpProbe> probes = parsed(parser, tcp("telnet-connected-and-timed-out.txt"), TcpProbe.class);
        assertThat(probes).extracting(TcpProbe::target, TcpProbe::port, TcpProbe::outcome, TcpProbe::tool)
                .containsExactly(tuple("165.225.112.252", 443, TcpOutcome.OPEN, "telnet"),
                        tuple("165.225.112.253", 443, TcpOutcome.TIMED_OUT, "telnet"));
    }

    @Test
    void emptyOrAnotherCommandIsNotApplicableAndGarbageMalformed() {
        notApplicable(parser, text("tcp-broker.txt", ""));
        assertThat(notApplicable(parser, file("tcp-broker.txt", "ping", "ping-replies.txt")).detail()).contains("ping");
        assertThat(malformed(parser, text("tcp-broker.txt", "something went wrong here\n")).line()).isEqualTo(1);
    }
}
