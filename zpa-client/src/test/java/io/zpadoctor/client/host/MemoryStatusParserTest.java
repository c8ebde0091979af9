package io.zpadoctor.client.host;

import io.zpadoctor.model.host.ConnectorMemory;
import io.zpadoctor.model.host.ProbeProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.zpadoctor.client.host.Fixtures.file;
import static io.zpadoctor.client.host.Fixtures.malformed;
import static io.zpadoctor.client.host.Fixtures.notApplicable;
import static io.zpadoctor.client.host.Fixtures.parsed;
import static io.zpadoctor.client.host.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

class MemoryStatusParserTest {
    final MemoryStatusParser parser = new MemoryStatusParser();

    static HostFile status(String fixture) {
        return file("memory-status.txt", "memory-status", fixture);
    }

    @Test
    void readsEveryPoolAndTheTotal() {
        List<ConnectorMemory> pools = parsed(parser, status("memory-status-healthy.txt"), ConnectorMemory.class);
        assertThat(pools).hasSize(9);
        ConnectorMemory dns = pools.stream().filter(p -> p.pool().equals("dns")).findFirst().orElseThrow();
        assertThat(dns.outMb()).isEqualTo(7.408);
        assertThat(dns.outBytes()).isEqualTo(7767456);
        assertThat(dns.overheadMb()).isEqualTo(0.0);
        ConnectorMemory total = pools.get(pools.size() - 1);
        assertThat(total.total()).isTrue();
        assertThat(total.pool()).isEqualTo("Total");
        assertThat(total.allocBytes()).isEqualTo(11362141688L);
        assertThat(total.outCount()).isEqualTo(65210);
        assertThat(total.outMb()).isEqualTo(21.102);
        assertThat(total.overheadMb()).isEqualTo(1.982);
        assertThat(total.line()).isEqualTo(10);
        assertThat(pools).filteredOn(ConnectorMemory::total).hasSize(1);
    }

    @Test
    void aCurlErrorArgoOrAnEmptyFileIsNotApplicable() {
        assertThat(notApplicable(parser, status("memory-status-curl-connection-refused.txt")).detail())
                .contains("did not answer").contains("curl: (7)");
        assertThat(notApplicable(parser, status("memory-argo-pasted.txt")).detail()).contains("memory/argo");
        notApplicable(parser, text("memory-status.txt", ""));
    }

    @Test
    void aCutLineIsMalformedAtItsLine() {
        ProbeProblem p = malformed(parser, status("memory-status-line-cut.txt"));
        assertThat(p.line()).isEqualTo(3);
        assertThat(malformed(parser, text("memory-status.txt", "<html><body>404</body></html>\n")).line()).isEqualTo(1);
    }
}
