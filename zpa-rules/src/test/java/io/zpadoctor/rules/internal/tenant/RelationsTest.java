package io.zpadoctor.rules.internal.tenant;

import io.zpadoctor.model.derived.CertificateInUse;
import io.zpadoctor.model.derived.EnrolledWithKey;
import io.zpadoctor.model.derived.GroupHealth;
import io.zpadoctor.model.derived.SameAddress;
import io.zpadoctor.model.derived.SameFingerprint;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The bookkeeping facts computed in Java before a session: what they group, and what they leave out. */
class RelationsTest {

    private static AppConnector.Builder connector(String id, String group) {
        return AppConnector.builder(id).name(id).groupId(group).controlChannelStatus("ZPN_STATUS_AUTHENTICATED");
    }

    private static <T> List<T> only(List<Object> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** A tenant of these connectors and groups (ids only), nothing else. */
    private static Tenant tenant(List<AppConnector> connectors, String... groupIds) {
        return new Tenant(connectors, groups(groupIds), null, null, null, null, null);
    }

    private static List<ConnectorGroup> groups(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> ConnectorGroup.builder(id).build()).toList();
    }

    private static List<String> ids(List<AppConnector> cs) {
        return cs.stream().map(AppConnector::id).toList();
    }

    @Test
    void aFingerprintIsSharedAcrossGroupsAndOnlyWhenTwoOrMoreConnectorsHaveIt() {
        Tenant t = tenant(List.of(
                connector("a", "g1").fingerprint("fp-1").build(),
                connector("b", "g2").fingerprint("fp-1").build(),
                connector("c", "g1").fingerprint("fp-2").build(),
                connector("d", "g1").build()), "g1", "g2");

        List<SameFingerprint> same = only(Relations.relations(t), SameFingerprint.class);

        assertThat(same).hasSize(1);
        assertThat(same.get(0).fingerprint()).isEqualTo("fp-1");
        assertThat(ids(same.get(0).connectors())).containsExactly("a", "b");
    }

    @Test
    void anAddressIsSharedOnlyWithinOneGroupAlsoAGroupNoListNames() {
        Tenant t = tenant(List.of(
                connector("a", "g1").privateIp("10.0.0.5").build(),
                connector("b", "g2").privateIp("10.0.0.5").build(),
                connector("c", "g1").privateIp("10.0.0.5").build(),
                connector("d", "g1").privateIp("10.0.0.6").build(),
                connector("e", "g-unlisted").privateIp("10.9.9.9").build(),
                connector("f", "g-unlisted").privateIp("10.9.9.9").build(),
                connector("g", null).privateIp("10.9.9.9").build()), "g1", "g2");

        List<SameAddress> same = only(Relations.relations(t), SameAddress.class);

        assertThat(same).extracting(SameAddress::groupId, SameAddress::privateIp, s -> ids(s.connectors()))
                .containsExactly(
                        tuple("g1", "10.0.0.5", List.of("a", "c")),
                        tuple("g-unlisted", "10.9.9.9", List.of("e", "f")));
        assertThat(only(Relations.relations(t), GroupHealth.class)).extracting(GroupHealth::groupId)
                .as("counts only for listed groups").containsExactly("g1", "g2");
    }

    @Test
    void aLargeGroupFindsTheSameSharedAddressesAsPairwiseComparison() {
        // above 32 members the addresses are hashed instead of compared in pairs; the answer must not change
        List<AppConnector> cs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            cs.add(connector("c" + i, "big").privateIp("10.0.0." + (i % 37)).build());
        }
        List<AppConnector> small = cs.subList(0, 30);
        Tenant bigTenant = tenant(cs, "big");

        List<SameAddress> same = only(Relations.relations(bigTenant), SameAddress.class);

        assertThat(same).extracting(SameAddress::privateIp).containsExactly("10.0.0.0", "10.0.0.1", "10.0.0.2");
        assertThat(ids(same.get(0).connectors())).containsExactly("c0", "c37");
        List<AppConnector> withTwins = new ArrayList<>(small);
        withTwins.add(connector("x", "big").privateIp("10.0.0.3").build());
        Tenant smallTenant = tenant(withTwins, "big");
        assertThat(only(Relations.relations(smallTenant), SameAddress.class))
                .extracting(SameAddress::privateIp, s -> ids(s.connectors()))
                .containsExactly(tuple("10.0.0.3", List.of("c3", "x")));
    }

    @Test
    void addressesWhoseHashesCollideAreStillTwoAddresses() {
        // pairs are compared by their strings' hashes first: "Aa" and "BB" share one
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        Tenant t = tenant(List.of(connector("a", "g1").privateIp("Aa").build(), connector("b", "g1").privateIp("BB").build(),
                connector("c", "g1").privateIp("BB").build()), "g1");

        assertThat(only(Relations.relations(t), SameAddress.class))
                .extracting(SameAddress::privateIp, s -> ids(s.connectors()))
                .containsExactly(tuple("BB", List.of("b", "c")));
    }

    @Test
    void connectorsAreGroupedByTheKeyTheyNameWhetherOrNotItExists() {
        Tenant t = new Tenant(List.of(
                connector("a", "g1").provisioningKeyId("k1").build(),
                connector("b", "g1").provisioningKeyId("k-gone").build(),
                connector("c", "g1").provisioningKeyId("k1").build(),
                connector("d", "g1").build()),
                groups("g1"), List.of(ProvisioningKey.builder("k1").groupId("g1").build()), null, null, null, null);

        List<EnrolledWithKey> keys = only(Relations.relations(t), EnrolledWithKey.class);

        assertThat(keys).extracting(EnrolledWithKey::keyId, k -> k.key() != null, k -> ids(k.connectors()))
                .containsExactly(
                        tuple("k1", true, List.of("a", "c")),
                        tuple("k-gone", false, List.of("b")));
    }

    @Test
    void eachListedGroupGetsItsCountsWithTheGroupAndTheServerGroupsListingIt() {
        Tenant t = new Tenant(List.of(connector("a", "g1").build()),
                List.of(ConnectorGroup.builder("g1").build(), ConnectorGroup.builder("g2").enabled(false).build()),
                null, null,
                List.of(io.zpadoctor.model.tenant.ServerGroup.builder("sg1").connectorGroupIds(List.of("g1", "g2")).build(),
                        io.zpadoctor.model.tenant.ServerGroup.builder("sg2").connectorGroupIds(List.of("g2", "g2")).build()),
                null, null);

        List<GroupHealth> health = only(Relations.relations(t), GroupHealth.class);

        assertThat(health).extracting(GroupHealth::groupId, GroupHealth::total, h -> h.group().enabled(),
                GroupHealth::serverGroupIds).containsExactly(
                tuple("g1", 1, true, List.of("sg1")),
                tuple("g2", 0, false, List.of("sg1", "sg2")));
    }

    @Test
    void certificatesInUseCountWhoNamesThem() {
        Tenant t = new Tenant(List.of(
                connector("a", "g1").enrollmentCertId("ca-1").build(),
                connector("d", "g1").enrollmentCertId("ca-2").build(),
                connector("b", "g1").enrollmentCertId("ca-1").build(),
                connector("c", "g1").build()),
                List.of(ConnectorGroup.builder("g1").enrollmentCertId("ca-2").build()),
                List.of(ProvisioningKey.builder("k1").groupId("g1").enrollmentCertId("ca-1").build()),
                null, null, null, null);

        assertThat(only(Relations.relations(t), CertificateInUse.class)).containsExactlyInAnyOrder(
                new CertificateInUse("ca-1", 0, 1, 2), new CertificateInUse("ca-2", 1, 0, 1));
    }

    @Test
    void oneFactLooksConnectorsUpByIdKeepingEveryConnectorOfARepeatedId() {
        AppConnector first = connector("a", "g1").name("first").build();
        Tenant t = tenant(List.of(first, connector("a", "g1").name("second").build(), connector("b", null).build()));

        List<io.zpadoctor.model.internal.lookup.ConnectorsById> all =
                only(Relations.relations(t), io.zpadoctor.model.internal.lookup.ConnectorsById.class);

        assertThat(all).hasSize(1);
        assertThat(all.get(0).get("a")).isSameAs(first);
        assertThat(all.get(0).withId("a")).extracting(AppConnector::name).containsExactly("first", "second");
        assertThat(all.get(0).withId("b")).extracting(AppConnector::id).containsExactly("b");
        assertThat(all.get(0).withId("c")).isEmpty();
        assertThat(all.get(0).withId(null)).isEmpty();
        assertThat(all.get(0).has("b")).isTrue();
        assertThat(all.get(0).has("c")).isFalse();
        assertThat(all.get(0).get(null)).isNull();
        assertThat(all.get(0).has(null)).isFalse();
        assertThat(all.get(0).size()).isEqualTo(2);
    }
    @Test
    void oneFactLooksKeysUpByGroupAndByPrefix() {
        ProvisioningKey k1 = ProvisioningKey.builder("k1").groupId("g1").associationType("CONNECTOR_GRP")
                .keyPrefixFrom("3|api.private.zscaler.com|secret").build();
        ProvisioningKey k2 = ProvisioningKey.builder("k2").groupId("g2").associationType("SERVICE_EDGE_GRP")
                .keyPrefixFrom("3|api.private.zscaler.com|other").build();
        ProvisioningKey k3 = ProvisioningKey.builder("k3").groupId("g2").associationType("CONNECTOR_GRP").build();
        Tenant t = new Tenant(List.of(), groups("g1", "g2"), List.of(k1, k2, k3), null, null, null, null);

        List<io.zpadoctor.model.internal.lookup.TenantKeys> all =
                only(Relations.relations(t), io.zpadoctor.model.internal.lookup.TenantKeys.class);

        assertThat(all).hasSize(1);
        io.zpadoctor.model.internal.lookup.TenantKeys keys = all.get(0);
        assertThat(keys.ofGroup("g2")).containsExactly(k2, k3);
        assertThat(keys.ofGroup("g3")).isEmpty();
        assertThat(keys.ofGroup(null)).isEmpty();
        assertThat(keys.hasConnectorKey("g1")).isTrue();
        assertThat(keys.hasConnectorKey("g3")).isFalse();
        assertThat(keys.hasPrefixedKey("g2")).isTrue();
        assertThat(keys.hasKeyWithPrefix("g1", "3|api.private.zscaler.com|")).isTrue();
        assertThat(keys.hasKeyWithPrefix("g1", "4|api.private.zscaler.com|")).isFalse();
        // a key without a prefix is what a null prefix names, as DRL's == would have it
        assertThat(keys.hasKeyWithPrefix("g2", null)).isTrue();
        assertThat(keys.withPrefix("3|api.private.zscaler.com|")).containsExactly(k1, k2);
        assertThat(keys.withPrefix(null)).isEmpty();
        assertThat(keys.anyForConnectors()).isTrue();
        assertThat(keys.deletedKeys()).isEmpty();

        Tenant userCodes = new Tenant(List.of(), groups("g1"), List.of(k2), null, null, null, null);
        assertThat(only(Relations.relations(userCodes), io.zpadoctor.model.internal.lookup.TenantKeys.class).get(0)
                .anyForConnectors()).isFalse();
    }

    @Test
    void oneFactLooksGroupCountsUpByIdKeepingEveryGroupOfARepeatedId() {
        ConnectorGroup first = ConnectorGroup.builder("g1").name("first").build();
        ConnectorGroup second = ConnectorGroup.builder("g1").name("second").build();
        Tenant t = new Tenant(List.of(connector("a", "g1").build()), List.of(first, second,
                ConnectorGroup.builder("g2").build()), null, null, null, null, null);

        List<io.zpadoctor.model.internal.lookup.GroupHealthById> all =
                only(Relations.relations(t), io.zpadoctor.model.internal.lookup.GroupHealthById.class);

        assertThat(all).hasSize(1);
        assertThat(all.get(0).withId("g1")).extracting(GroupHealth::group).containsExactly(first, second);
        assertThat(all.get(0).withId("g2")).extracting(GroupHealth::total).containsExactly(0);
        assertThat(all.get(0).withId("g3")).isEmpty();
        assertThat(all.get(0).withId(null)).isEmpty();
    }

    @Test
    void theKeysConnectorsCarryThatNoKeyHasAreTheDeletedOnesWithTheirConnectors() {
        Tenant t = new Tenant(List.of(
                connector("a", "g1").provisioningKeyId("k1").build(),
                connector("b", "g1").provisioningKeyId("k-gone").build(),
                connector("c", "g2").provisioningKeyId("k-gone").build(),
                connector("d", "g1").build()),
                groups("g1", "g2"), List.of(ProvisioningKey.builder("k1").groupId("g1").build()), null, null, null, null);

        io.zpadoctor.model.internal.lookup.TenantKeys keys =
                only(Relations.relations(t), io.zpadoctor.model.internal.lookup.TenantKeys.class).get(0);

        assertThat(keys.deletedKeys()).extracting(EnrolledWithKey::keyId, EnrolledWithKey::key, k -> ids(k.connectors()))
                .containsExactly(tuple("k-gone", null, List.of("b", "c")));
        // without a rule that names EnrolledWithKey, no fact per key id is made at all
        assertThat(Relations.relations(t, null, c -> c != EnrolledWithKey.class))
                .noneMatch(o -> o instanceof EnrolledWithKey)
                .filteredOn(o -> o instanceof io.zpadoctor.model.internal.lookup.TenantKeys)
                .singleElement()
                .satisfies(o -> assertThat(((io.zpadoctor.model.internal.lookup.TenantKeys) o).deletedKeys()).hasSize(1));
    }
}
