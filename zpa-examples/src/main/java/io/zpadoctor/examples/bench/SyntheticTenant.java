package io.zpadoctor.examples.bench;

import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ApplicationSegment;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.EnrollmentCertificate;
import io.zpadoctor.model.tenant.PortRange;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.ServerGroup;
import io.zpadoctor.model.tenant.Tenant;
import io.zpadoctor.model.tenant.TenantCollection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A synthetic tenant of any size: groups of connectors with keys, server groups and segments, healthy except
 * for a sprinkling of every fault the fleet view knows (application chains included), each recorded with the
 * findings it must produce. Two runs with the same seed give the same tenant.
 */
public final class SyntheticTenant {
    /** "Now" for every generated tenant; times are set relative to it. */
    public static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");
    static final String VERSION = "25.44.6";
    static final String OLD_VERSION = "25.31.2";
    static final String CERT_ID = "6573";

    /** A finding the generator expects: a code about a subject id. */
    public record Expected(String code, String subjectId) implements Comparable<Expected> {
        @Override
        public int compareTo(Expected o) {
            int c = code.compareTo(o.code);
            return c != 0 ? c : subjectId.compareTo(o.subjectId);
        }
    }

    /** The tenant and the findings its faults must produce, no more and no fewer. */
    public record Generated(Tenant tenant, Set<Expected> expected, int faults) {
    }

    private final Random random;
    private final List<AppConnector> connectors = new ArrayList<>();
    private final List<ConnectorGroup> groups = new ArrayList<>();
    private final List<ProvisioningKey> keys = new ArrayList<>();
    private final List<ServerGroup> serverGroups = new ArrayList<>();
    private final List<ApplicationSegment> segments = new ArrayList<>();
    private final Set<Expected> expected = new LinkedHashSet<>();
    private int faults;
    private long nextId = 72058304855000000L;
    private int nextIp = 1;

    private SyntheticTenant(long seed) {
        this.random = new Random(seed);
    }

    /**
     * About {@code connectorCount} connectors in groups of 3 to 7; one group in 15 carries a fault, kinds in turn,
     * and one server group in 10 is followed by a broken application chain of its own, kinds in turn.
     */
    public static Generated generate(int connectorCount, long seed) {
        SyntheticTenant t = new SyntheticTenant(seed);
        t.build(connectorCount);
        Tenant tenant = new Tenant(t.connectors, t.groups, t.keys,
                List.of(new EnrollmentCertificate(CERT_ID, "Connector", Instant.parse("2021-04-28T00:00:00Z"),
                        Instant.parse("2036-04-28T00:00:00Z"), "O=Zscaler,CN=Connector", "O=Zscaler,CN=Root",
                        "api/enrollment-certificates.json")),
                t.serverGroups, t.segments, EnumSet.allOf(TenantCollection.class));
        return new Generated(tenant, t.expected, t.faults);
    }

    private String id() {
        return Long.toString(nextId++);
    }

    private void build(int connectorCount) {
        // Every fault kind gets its own groups, so two faults never meet in one group and muddle each other.
        int made = 0;
        int g = 0;
        List<String> pendingGroups = new ArrayList<>();
        while (made < connectorCount) {
            int size = 3 + random.nextInt(5);
            Fault fault = g % 15 == 7 ? GROUP_FAULTS[(g / 15) % GROUP_FAULTS.length] : null;
            made += group(String.format("site-%05d", g), size, fault, pendingGroups);
            g++;
            if (pendingGroups.size() >= 8) {
                serverGroup(pendingGroups);
                pendingGroups.clear();
                if (serverGroups.size() % 10 == 5) {
                    made += chain(Chain.values()[chains % Chain.values().length]);
                    chains++;
                }
            }
        }
        if (!pendingGroups.isEmpty()) {
            serverGroup(pendingGroups);
        }
    }

    enum Fault {
        DISCONNECTED, DISCONNECTED_LONG, STATUS_UNKNOWN, CONNECTOR_DISABLED, GROUP_DISABLED, BEHIND_VERSION,
        UPGRADE_FAILED, KEY_DELETED, NO_SPARE, EMPTY_GROUP, KEY_NEARLY_USED, SITE_OUTAGE, DUPLICATE,
        /** Every connector down, hours apart (no site outage): the application chain's own fault, see {@link Chain}. */
        ALL_DOWN
    }

    /** The faults a group of the ordinary server groups carries in turn. */
    private static final Fault[] GROUP_FAULTS = java.util.Arrays.copyOf(Fault.values(), Fault.ALL_DOWN.ordinal());

    /** Broken application chains, each in server groups and segments of its own. */
    enum Chain {
        SEGMENT_WITHOUT_SERVER_GROUP, SERVER_GROUP_DISABLED, SERVER_GROUP_WITHOUT_CONNECTOR_GROUP,
        NO_DISCOVERY_NO_SERVERS, NO_CONNECTOR_UP, ONLY_GROUP_DISABLED
    }

    /** How many segments use the disabled server group: one finding must name them all. */
    static final int SEGMENTS_OF_DISABLED_SERVER_GROUP = 12;

    private int chains;

    /** Builds one broken chain (with a healthy group where it needs one); returns how many connectors it added. */
    private int chain(Chain kind) {
        String name = String.format("chain-%04d", chains);
        List<String> members = new ArrayList<>();
        int made = switch (kind) {
            case SEGMENT_WITHOUT_SERVER_GROUP, SERVER_GROUP_WITHOUT_CONNECTOR_GROUP -> 0;
            case NO_CONNECTOR_UP -> group(name, 3, Fault.ALL_DOWN, members);
            case ONLY_GROUP_DISABLED -> group(name, 3, Fault.GROUP_DISABLED, members);
            default -> group(name, 3, null, members);
        };
        String sgid = id();
        ServerGroup.Builder sg = ServerGroup.builder(sgid).name(name + "-servers").enabled(true).dynamicDiscovery(true)
                .connectorGroupIds(List.copyOf(members)).servers(List.of()).source("api/server-groups.json");
        int segmentCount = 1;
        switch (kind) {
            case SEGMENT_WITHOUT_SERVER_GROUP -> {
            }
            case SERVER_GROUP_DISABLED -> {
                sg.enabled(false);
                segmentCount = SEGMENTS_OF_DISABLED_SERVER_GROUP;
                expectedChain("ZPA-APP-005", sgid);
            }
            case SERVER_GROUP_WITHOUT_CONNECTOR_GROUP -> expectedChain("ZPA-APP-006", sgid);
            case NO_DISCOVERY_NO_SERVERS -> {
                sg.dynamicDiscovery(false);
                expectedChain("ZPA-APP-007", sgid);
            }
            case NO_CONNECTOR_UP -> {
            }
            case ONLY_GROUP_DISABLED -> expectedChain("ZPA-APP-008", members.get(0));
        }
        List<String> segmentIds = new ArrayList<>();
        for (int i = 0; i < segmentCount; i++) {
            String segId = id();
            segmentIds.add(segId);
            segments.add(ApplicationSegment.builder(segId).name(String.format("%s-app-%02d", name, i + 1))
                    .domainNames(List.of(String.format("app%02d.%s.corp.example.com", i + 1, name)))
                    .tcpPortRanges(List.of(PortRange.single(443)))
                    .serverGroupIds(kind == Chain.SEGMENT_WITHOUT_SERVER_GROUP ? List.of() : List.of(sgid))
                    .source("api/application-segments.json").build());
        }
        if (kind == Chain.SEGMENT_WITHOUT_SERVER_GROUP) {
            expectedChain("ZPA-APP-004", segmentIds.get(0));
        } else {
            serverGroups.add(sg.applicationIds(List.copyOf(segmentIds)).build());
        }
        if (kind == Chain.NO_CONNECTOR_UP) {
            expectedChain("ZPA-APP-009", sgid);
        }
        return made;
    }

    private void expectedChain(String code, String subject) {
        faults++;
        expected.add(new Expected(code, subject));
    }

    /** Builds one group (and its key); returns how many connectors it holds. */
    private int group(String name, int size, Fault fault, List<String> serverGroupMembers) {
        String gid = id();
        boolean enabled = fault != Fault.GROUP_DISABLED;
        groups.add(ConnectorGroup.builder(gid).name(name).enabled(enabled).upgradeDay("SUNDAY")
                .upgradeTimeInSecs(7200).versionProfileId("0").enrollmentCertId(CERT_ID)
                .source("api/connector-groups.json").build());
        serverGroupMembers.add(gid);
        if (fault == Fault.GROUP_DISABLED) {
            // its server group's other groups still serve the segments: a lost site (CON-007), not a broken chain
            expected(fault, "ZPA-CON-007", gid);
        }
        if (fault == Fault.EMPTY_GROUP) {
            expected(fault, "ZPA-FLT-002", gid);
            return 0;
        }
        if (fault == Fault.NO_SPARE) {
            size = 2;
        }
        String keyId = id();
        // a nearly used key has seen rebuilds: 3 more enrollments than connectors, 1 left (at least 85 %)
        int usage = fault == Fault.KEY_NEARLY_USED ? size + 3 : size;
        int maxUsage = fault == Fault.KEY_NEARLY_USED ? size + 4 : size * 2 + 2;
        keys.add(ProvisioningKey.builder(keyId).name(name + "-key").associationType("CONNECTOR_GRP").groupId(gid)
                .groupName(name).maxUsage(maxUsage).usageCount(usage).enrollmentCertId(CERT_ID)
                .source("api/provisioning-keys.json").build());
        if (fault == Fault.KEY_NEARLY_USED) {
            expected(fault, "ZPA-FLT-003", keyId);
        }
        Instant outage = NOW.minusSeconds(3_600 * (5 + random.nextInt(40)));
        for (int i = 0; i < size; i++) {
            AppConnector.Builder c = connector(gid, name, keyId, name + "-key-" + (i + 1));
            boolean first = i == 0;
            if (first && fault != null) {
                switch (fault) {
                    case DISCONNECTED -> disconnect(c, NOW.minusSeconds(7_200 + random.nextInt(86_400)));
                    case DISCONNECTED_LONG -> disconnect(c, NOW.minusSeconds(86_400L * (35 + random.nextInt(60))));
                    case STATUS_UNKNOWN -> c.controlChannelStatus(null);
                    case CONNECTOR_DISABLED -> c.enabled(false);
                    case BEHIND_VERSION -> c.currentVersion(OLD_VERSION).expectedUpgradeTime(NOW.minusSeconds(3 * 86_400));
                    case UPGRADE_FAILED -> c.currentVersion(OLD_VERSION).upgradeStatus("FAILED").upgradeAttempt(3);
                    case KEY_DELETED -> c.provisioningKeyId(id()).provisioningKeyName(name + "-old-key");
                    case NO_SPARE -> disconnect(c, NOW.minusSeconds(3_600));
                    default -> {
                    }
                }
            }
            if (fault == Fault.SITE_OUTAGE) {
                disconnect(c, outage.plusSeconds(random.nextInt(600)));
            }
            if (fault == Fault.ALL_DOWN) {
                disconnect(c, NOW.minusSeconds(3_600L * (2 + 5 * i)));
            }
            AppConnector built = c.build();
            connectors.add(built);
            if (first && fault != null) {
                expectConnector(fault, built);
            }
            if (fault == Fault.SITE_OUTAGE || fault == Fault.ALL_DOWN) {
                expected.add(new Expected("ZPA-CON-001", built.id()));
            }
        }
        if (fault == Fault.SITE_OUTAGE) {
            expected(fault, "ZPA-FLT-005", gid);
            expected.add(new Expected("ZPA-FLT-001", gid));
        }
        if (fault == Fault.ALL_DOWN) {
            expected.add(new Expected("ZPA-FLT-001", gid));
            if (size >= 2) {
                expected.add(new Expected("ZPA-FLT-008", gid));    // down one by one, hours apart
            }
        }
        if (fault == Fault.DUPLICATE) {
            AppConnector live = connectors.get(connectors.size() - 1);
            AppConnector stale = live.toBuilder().name(live.name() + "-old")
                    .controlChannelStatus("ZPN_STATUS_DISCONNECTED")
                    .lastBrokerDisconnectTime(NOW.minusSeconds(86_400 * 3))
                    .lastBrokerConnectTime(NOW.minusSeconds(86_400 * 4)).build();
            stale = withId(stale, id());
            connectors.add(stale);
            expected(fault, "ZPA-FLT-006", stale.id());
            expected.add(new Expected("ZPA-CON-001", stale.id()));
            return size + 1;
        }
        return size;
    }

    private void expectConnector(Fault fault, AppConnector c) {
        switch (fault) {
            case DISCONNECTED -> expected(fault, "ZPA-CON-001", c.id());
            case DISCONNECTED_LONG -> {
                expected(fault, "ZPA-CON-001", c.id());
                expected.add(new Expected("ZPA-FLT-004", c.id()));
            }
            case STATUS_UNKNOWN -> expected(fault, "ZPA-CON-004", c.id());
            case CONNECTOR_DISABLED -> expected(fault, "ZPA-CON-005", c.id());
            case BEHIND_VERSION -> {
                expected(fault, "ZPA-UPG-001", c.id());
                expected.add(new Expected("ZPA-UPG-006", c.groupId()));
            }
            case UPGRADE_FAILED -> {
                expected(fault, "ZPA-UPG-002", c.id());
                expected.add(new Expected("ZPA-UPG-001", c.id()));   // behind, and listed beneath the failure
                expected.add(new Expected("ZPA-UPG-006", c.groupId()));
            }
            case KEY_DELETED -> expected(fault, "ZPA-UPG-004", c.id());
            case NO_SPARE -> {
                expected(fault, "ZPA-CON-001", c.id());
                expected.add(new Expected("ZPA-FLT-001", c.groupId()));
            }
            default -> {
            }
        }
    }

    private void expected(Fault fault, String code, String subject) {
        faults++;
        expected.add(new Expected(code, subject));
    }

    private AppConnector.Builder connector(String gid, String groupName, String keyId, String name) {
        int ip = nextIp++;
        return AppConnector.builder(id()).name(name).enabled(true).controlChannelStatus("ZPN_STATUS_AUTHENTICATED")
                .currentVersion(VERSION).expectedVersion(VERSION).upgradeStatus("COMPLETE").upgradeAttempt(0)
                .lastBrokerConnectTime(NOW.minusSeconds(86_400 + random.nextInt(86_400 * 20)))
                .lastBrokerDisconnectTime(NOW.minusSeconds(86_400 * 21 + random.nextInt(86_400 * 20)))
                .expectedUpgradeTime(NOW.plusSeconds(86_400 * 2 + 7_200))
                .ctrlBrokerName("US-CA-9396").privateIp("10." + (ip >> 16 & 255) + "." + (ip >> 8 & 255) + "." + (ip & 255))
                .publicIp("203.0.113." + (1 + ip % 250)).platform("el9").runtimeOs("Red Hat Enterprise Linux 9.5")
                .sargeVersion("18.66.2").groupId(gid).groupName(groupName).provisioningKeyId(keyId)
                .provisioningKeyName(groupName + "-key").enrollmentCertId(CERT_ID)
                .fingerprint("fp" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + ip)
                .source("api/connectors.json");
    }

    private static void disconnect(AppConnector.Builder c, Instant at) {
        c.controlChannelStatus("ZPN_STATUS_DISCONNECTED").lastBrokerDisconnectTime(at)
                .lastBrokerConnectTime(at.minusSeconds(86_400));
    }

    private static AppConnector withId(AppConnector c, String id) {
        AppConnector.Builder b = AppConnector.builder(id);
        AppConnector template = c;
        b.name(template.name()).enabled(template.enabled()).controlChannelStatus(template.controlChannelStatusRaw())
                .currentVersion(template.currentVersion()).expectedVersion(template.expectedVersion())
                .upgradeStatus(template.upgradeStatusRaw()).upgradeAttempt(template.upgradeAttempt())
                .lastBrokerConnectTime(template.lastBrokerConnectTime())
                .lastBrokerDisconnectTime(template.lastBrokerDisconnectTime())
                .expectedUpgradeTime(template.expectedUpgradeTime()).privateIp(template.privateIp())
                .publicIp(template.publicIp()).platform(template.platform()).groupId(template.groupId())
                .groupName(template.groupName()).provisioningKeyId(template.provisioningKeyId())
                .provisioningKeyName(template.provisioningKeyName()).enrollmentCertId(template.enrollmentCertId())
                .fingerprint(template.fingerprint()).source(template.source());
        return b.build();
    }

    private void serverGroup(List<String> groupIds) {
        String sgid = id();
        String segId = id();
        int n = serverGroups.size();
        serverGroups.add(ServerGroup.builder(sgid).name(String.format("apps-%04d", n)).enabled(true)
                .dynamicDiscovery(true).connectorGroupIds(List.copyOf(groupIds)).servers(List.of())
                .applicationIds(List.of(segId)).source("api/server-groups.json").build());
        segments.add(ApplicationSegment.builder(segId).name(String.format("app-%04d", n))
                .domainNames(List.of(String.format("app%04d.corp.example.com", n), String.format("*.zone%04d.corp.example.com", n)))
                .tcpPortRanges(List.of(PortRange.single(443), new PortRange(8000, 8099))).serverGroupIds(List.of(sgid))
                .source("api/application-segments.json").build());
    }
}
