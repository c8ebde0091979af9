package io.zpadoctor.client.host;

import io.zpadoctor.client.host.HostFolder;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.host.DiskUsage;
import io.zpadoctor.model.host.HostFact;
import io.zpadoctor.model.host.HostInventory;
import io.zpadoctor.model.host.HostMatch;
import io.zpadoctor.model.host.LogEvent;
import io.zpadoctor.model.host.ProbeProblem;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.Tenant;
import io.zpadoctor.model.tenant.TenantCollection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HostEvidenceTest {
    static final String HEADER_ID = "72058304855090012";

    static final String JOURNAL_WITH_HEADER = """
            Jul 18 10:40:53 vm-0231 zpa-connector-child[1190]: -------- Connector Status:ID=72058304855090012:Name=dc1-acg-key-2:Ver=25.31.2 --------
            Jul 18 10:40:53 vm-0231 zpa-connector-child[1190]: Control connection state: fohh_connection_connected, [10.20.30.41]:40112;broker3a.fra4.prod.zpath.net:[165.225.72.38]:443
            """;
    static final String IP_ADDR = "vm-0231\n2: ens192    inet 10.20.30.42/24 brd 10.20.30.255 scope global ens192\n";

    static Tenant tenant(AppConnector... connectors) {
        return new Tenant(List.of(connectors), null, null, null, null, null, Set.of(TenantCollection.CONNECTORS));
    }

    static AppConnector connector(String id, String name, String privateIp) {
        return AppConnector.builder(id).name(name).privateIp(privateIp).build();
    }

    static final Tenant TENANT = tenant(
            connector(HEADER_ID, "dc1-acg-key-2", "10.20.30.41"),
            connector("72058304855090013", "dc1-acg-key-3", "10.20.30.42"),
            connector("72058304855090014", "vm-0231", "10.20.30.43"),
            connector("72058304855090015", "dc1-acg-key-5", "10.20.30.45"));

    static HostFolder folder(String name, Map<String, String> files) {
        return new HostFolder(name, files);
    }

    static HostInventory inventory(List<HostFact> facts, String host) {
        return facts.stream().filter(HostInventory.class::isInstance).map(HostInventory.class::cast)
                .filter(i -> i.host().equals(host)).findFirst().orElseThrow();
    }

    static Map<String, String> files(String... nameText) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameText.length; i += 2) {
            m.put(nameText[i], nameText[i + 1]);
        }
        return m;
    }

    @Test
    void theStatusBlockHeaderWinsOverAddressAndFolderName() {
        List<HostFact> facts = HostEvidence.collect(List.of(folder("vm-0231",
                files("journal.txt", JOURNAL_WITH_HEADER, "ip-addr.txt", IP_ADDR))), TENANT, ReportedCase.NONE);
        HostInventory inv = inventory(facts, "vm-0231");
        assertThat(inv.match()).isEqualTo(HostMatch.STATUS_BLOCK);
        assertThat(inv.connectorId()).isEqualTo(HEADER_ID);
        assertThat(inv.connectorName()).isEqualTo("dc1-acg-key-2");
        assertThat(inv.files()).containsExactlyInAnyOrder("journal.txt", "ip-addr.txt");
    }

    @Test
    void theHeaderNamesAConnectorTheApiNoLongerLists() {
        List<HostFact> facts = HostEvidence.collect(List.of(folder("vm-0231", files("journal.txt", JOURNAL_WITH_HEADER))),
                tenant(), ReportedCase.NONE);
        HostInventory inv = inventory(facts, "vm-0231");
        assertThat(inv.match()).isEqualTo(HostMatch.STATUS_BLOCK);
        assertThat(inv.connectorId()).isEqualTo(HEADER_ID);
        assertThat(inv.connectorName()).isEqualTo("dc1-acg-key-2");
    }

    @Test
    void theAddressWinsOverTheFolderName() {
        List<HostFact> facts = HostEvidence.collect(List.of(folder("vm-0231", files("ip-addr.txt", IP_ADDR))),
                TENANT, ReportedCase.NONE);
        HostInventory inv = inventory(facts, "vm-0231");
        assertThat(inv.match()).isEqualTo(HostMatch.IP_ADDRESS);
        assertThat(inv.connectorName()).isEqualTo("dc1-acg-key-3");
    }

    @Test
    void anAddressTwoConnectorsClaimDecidesNothing() {
        Tenant clones = tenant(connector("1", "dc1-acg-key-3", "10.20.30.42"), connector("2", "dc1-acg-key-9", "10.20.30.42"),
                connector("3", "vm-0231", "10.9.9.9"));
        HostInventory inv = inventory(HostEvidence.collect(List.of(folder("vm-0231", files("ip-addr.txt", IP_ADDR))),
                clones, ReportedCase.NONE), "vm-0231");
        assertThat(inv.match()).isEqualTo(HostMatch.FOLDER_NAME);
        assertThat(inv.connectorId()).isEqualTo("3");
    }

    @Test
    void theFolderNameWinsOverTheCase() {
        List<HostFact> facts = HostEvidence.collect(List.of(folder("dc1-acg-key-5", files("df.txt", ""))), TENANT,
                ReportedCase.NONE.withConnectorName("dc1-acg-key-3"));
        HostInventory inv = inventory(facts, "dc1-acg-key-5");
        assertThat(inv.match()).isEqualTo(HostMatch.FOLDER_NAME);
        assertThat(inv.connectorId()).isEqualTo("72058304855090015");
    }

    @Test
    void aSingleHostTakesTheCasesConnector() {
        HostInventory inv = inventory(HostEvidence.collect(List.of(folder("localhost", files())), TENANT,
                ReportedCase.NONE.withConnectorName("dc1-acg-key-3")), "localhost");
        assertThat(inv.match()).isEqualTo(HostMatch.CASE_CONNECTOR);
        assertThat(inv.connectorId()).isEqualTo("72058304855090013");
        HostInventory unknown = inventory(HostEvidence.collect(List.of(folder("localhost", files())), tenant(),
                ReportedCase.NONE.withConnectorName("never-enrolled-1")), "localhost");
        assertThat(unknown.match()).isEqualTo(HostMatch.CASE_CONNECTOR);
        assertThat(unknown.connectorId()).isNull();
        assertThat(unknown.connectorName()).isEqualTo("never-enrolled-1");
    }

    @Test
    void withSeveralHostsTheCaseDecidesNothing() {
        List<HostFact> facts = HostEvidence.collect(List.of(folder("a", files()), folder("b", files())), TENANT,
                ReportedCase.NONE.withConnectorName("dc1-acg-key-3"));
        assertThat(inventory(facts, "a").match()).isEqualTo(HostMatch.NONE);
        assertThat(inventory(facts, "b").connectorId()).isNull();
    }

    @Test
    void everyProbeFileBecomesFactsOrAProblemAndUnknownFilesAreSkipped() {
        List<HostFact> facts = HostEvidence.collect(List.of(folder("ac-fra-3", files(
                "df.txt", Fixtures.read("df", "df-hP-rhel9-root-almost-full.txt"),
                "free.txt", Fixtures.read("df", "df-k-ubuntu.txt"),
                "du.txt", "garbage that is not du\n",
                "notes.txt", "the admin's own notes"))), TENANT, ReportedCase.NONE);
        assertThat(facts.get(0)).isInstanceOf(HostInventory.class);
        assertThat(facts).filteredOn(DiskUsage.class::isInstance).hasSize(6);
        assertThat(facts).filteredOn(ProbeProblem.class::isInstance).extracting(f -> ((ProbeProblem) f).file(),
                f -> ((ProbeProblem) f).kind()).containsExactlyInAnyOrder(
                org.assertj.core.api.Assertions.tuple("free.txt", ProbeProblem.Kind.NOT_APPLICABLE),
                org.assertj.core.api.Assertions.tuple("du.txt", ProbeProblem.Kind.MALFORMED));
        assertThat(facts).allMatch(f -> f.host().equals("ac-fra-3"));
    }

    @Test
    void theCollectionTimeGivesTheJournalItsYear() {
        List<HostFact> facts = HostEvidence.collect(List.of(folder("vm-0231", files("journal.txt",
                "Jul 18 10:40:04 vm-0231 zpa-connector[1047]: zscaler-update: zpa-connector-child exited too fast, was running for 2 seconds\n"))),
                TENANT, ReportedCase.NONE, Instant.parse("2024-07-18T12:00:00Z"));
        assertThat(facts).filteredOn(LogEvent.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((LogEvent) e).time()).isEqualTo(LocalDateTime.parse("2024-07-18T10:40:04")));
    }
}
