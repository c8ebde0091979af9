package io.zpadoctor.examples.bench;

import io.zpadoctor.model.Facts;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.Symptom;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ApplicationSegment;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.PortRange;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.ServerGroup;
import io.zpadoctor.model.tenant.Tenant;
import io.zpadoctor.rules.Catalog;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.Diagnosis;
import io.zpadoctor.rules.internal.verdict.SelfCheck;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consistency and locality properties over generated tenants (the scenario folders are checked in zpa-rules):
 * no fleet report contradicts itself; a case about one connector or group of the tenant gives a report that does not
 * contradict itself either; and a group's findings and the primary do not change when unrelated healthy sites join
 * the tenant.
 */
class GeneratedTenantPropertiesTest {
    private static final Diagnoser DOCTOR = Diagnoser.builder().build();
    private static final Symptom[] SYMPTOMS = {Symptom.NOT_ENROLLING, Symptom.DISCONNECTED, Symptom.UPGRADE_FAILED, null};

    @TestFactory
    Stream<DynamicTest> generatedTenantsDoNotContradictThemselves() {
        List<DynamicTest> tests = new ArrayList<>();
        for (long seed : new long[] {3, 11, 42}) {
            tests.add(DynamicTest.dynamicTest("seed " + seed, () -> {
                SyntheticTenant.Generated g = SyntheticTenant.generate(1_500, seed);
                Facts facts = Facts.builder().tenant(g.tenant()).evaluatedAt(SyntheticTenant.NOW, "generated").build();
                Diagnosis fleet = DOCTOR.diagnoseFleet(facts).diagnosis();
                assertThat(SelfCheck.contradictions(fleet, Catalog.builtIn())).as("fleet, seed %d", seed).isEmpty();
                Random r = new Random(seed);
                List<AppConnector> connectors = g.tenant().connectors();
                for (int i = 0; i < 40; i++) {
                    AppConnector c = connectors.get(r.nextInt(connectors.size()));
                    Symptom s = SYMPTOMS[r.nextInt(SYMPTOMS.length)];
                    boolean byGroup = r.nextBoolean();
                    ReportedCase rc = byGroup
                            ? new ReportedCase(s, null, groupName(g, c.groupId()), null, null)
                            : new ReportedCase(s, c.name(), null, null, null);
                    Diagnosis d = DOCTOR.diagnose(facts.toBuilder().reportedCase(rc).build());
                    assertThat(SelfCheck.contradictions(d, Catalog.builtIn()))
                            .as("seed %d, case %s %s", seed, byGroup ? "group " + rc.groupName() : c.name(), s).isEmpty();
                }
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> aGroupsFindingsDoNotDependOnTheRestOfTheTenant() {
        List<DynamicTest> tests = new ArrayList<>();
        for (long seed : new long[] {5, 7}) {
            tests.add(DynamicTest.dynamicTest("seed " + seed, () -> {
                SyntheticTenant.Generated g = SyntheticTenant.generate(1_500, seed);
                Facts facts = Facts.builder().tenant(g.tenant()).evaluatedAt(SyntheticTenant.NOW, "generated").build();
                Random r = new Random(seed);
                for (int i = 0; i < 10; i++) {
                    ConnectorGroup group = g.tenant().groups().get(r.nextInt(g.tenant().groups().size()));
                    ReportedCase rc = new ReportedCase(Symptom.DISCONNECTED, null, group.name(), null, null);
                    Diagnosis whole = DOCTOR.diagnose(facts.toBuilder().reportedCase(rc).build());
                    Set<String> mine = about(whole, group.id());
                    // the same case with 50 unrelated healthy sites added to the tenant
                    Diagnosis bigger = DOCTOR.diagnose(facts.toBuilder().reportedCase(rc)
                            .tenant(withHealthySites(g.tenant(), 50)).build());
                    assertThat(about(bigger, group.id())).as("seed %d, group %s", seed, group.name()).isEqualTo(mine);
                    assertThat(code(bigger.primary())).isEqualTo(code(whole.primary()));
                }
            }));
        }
        return tests.stream();
    }

    /** The tenant plus {@code n} sites, each a group of two authenticated connectors, its key, a server group and a segment. */
    static Tenant withHealthySites(Tenant t, int n) {
        List<AppConnector> connectors = new ArrayList<>(t.connectors());
        List<ConnectorGroup> groups = new ArrayList<>(t.groups());
        List<ProvisioningKey> keys = new ArrayList<>(t.keys());
        List<ServerGroup> serverGroups = new ArrayList<>(t.serverGroups());
        List<ApplicationSegment> segments = new ArrayList<>(t.segments());
        String version = t.connectors().get(0).expectedVersion();
        for (int i = 0; i < n; i++) {
            String gid = "8800000000000" + (1000 + i);
            String kid = "88" + (1000 + i);
            groups.add(ConnectorGroup.builder(gid).name("healthy-site-" + i).enabled(true).build());
            keys.add(ProvisioningKey.builder(kid).name("healthy-site-" + i + "-key").associationType("CONNECTOR_GRP")
                    .groupId(gid).maxUsage(10).usageCount(2).enabled(true).build());
            for (int c = 1; c <= 2; c++) {
                connectors.add(AppConnector.builder("8810000000" + (1000 + i) + c).name("healthy-site-" + i + "-" + c)
                        .enabled(true).controlChannelStatus("ZPN_STATUS_AUTHENTICATED").currentVersion(version)
                        .expectedVersion(version).upgradeStatus("COMPLETE")
                        .lastBrokerConnectTime(SyntheticTenant.NOW.minusSeconds(3600)).groupId(gid).provisioningKeyId(kid)
                        .privateIp("100.64." + (i / 200) + "." + (i % 200 + c)).fingerprint("healthy-" + i + "-" + c).build());
            }
            String sg = "8820000000000" + (1000 + i);
            String seg = "8830000000000" + (1000 + i);
            serverGroups.add(ServerGroup.builder(sg).name("healthy-site-" + i + "-servers").enabled(true)
                    .dynamicDiscovery(true).connectorGroupIds(List.of(gid)).applicationIds(List.of(seg)).build());
            segments.add(ApplicationSegment.builder(seg).name("healthy-app-" + i).enabled(true)
                    .domainNames(List.of("app" + i + ".healthy-site.example")).tcpPortRanges(List.of(PortRange.single(443)))
                    .serverGroupIds(List.of(sg)).build());
        }
        return new Tenant(connectors, groups, keys, t.certificates(), serverGroups, segments, t.loaded());
    }

    private static String code(Finding f) {
        return f == null ? "none" : f.code() + " " + f.subject().label();
    }

    /** The findings that concern the group, as "CODE subject". */
    private static Set<String> about(Diagnosis d, String groupId) {
        Set<String> out = new TreeSet<>();
        for (Finding f : d.findings()) {
            if (f.concerns(groupId)) {
                out.add(f.code() + " " + f.subject().label() + " " + f.severity());
            }
        }
        return out;
    }

    private static String groupName(SyntheticTenant.Generated g, String id) {
        return g.tenant().groups().stream().filter(x -> x.id().equals(id)).findFirst().map(ConnectorGroup::name)
                .orElse(id);
    }
}
