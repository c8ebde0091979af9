package io.zpadoctor.client.api;

import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.fakeapi.FakeTenant;
import io.zpadoctor.fakeapi.FakeZpa;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.Tenant;
import io.zpadoctor.model.tenant.TenantCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a tenant from a real HTTP server on loopback: both auth flows, paging, mapping. */
class ZpaClientReadTest {
    @TempDir
    Path tmp;

    @Test
    void oneApiReadsEveryCollectionWithOneTokenAndMapsLikeABundle() throws Exception {
        try (FakeZpa fake = Fakes.server().tenant(FakeTenant.generate(60, 7)).start();
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).build())) {
            TenantRead read = zpa.readTenant(null);
            assertThat(fake.tokenRequests()).isEqualTo(1);
            List<FakeZpa.Request> api = fake.requests(FakeZpa.Request::isApi);
            assertThat(api).hasSize(6).allSatisfy(r -> {
                assertThat(r.path()).startsWith("/zpa/mgmtconfig/v");
                assertThat(r.param("pagesize")).isEqualTo("500");
                assertThat(r.param("page")).isEqualTo("1");
                assertThat(r.bearer()).isTrue();
            });
            assertThat(api).extracting(FakeZpa.Request::path).contains(
                    "/zpa/mgmtconfig/v2/admin/customers/72058304855015424/enrollmentCert",
                    "/zpa/mgmtconfig/v1/admin/customers/72058304855015424/associationType/CONNECTOR_GRP/provisioningKey");
            assertThat(read.stats().pages()).isEqualTo(6);
            assertThat(read.stats().requests()).isEqualTo(6);
            assertThat(read.tenant().isLoaded(TenantCollection.CONNECTORS)).isTrue();

            // the same tenant saved as a bundle maps to the same facts
            Path bundle = tmp.resolve("bundle");
            fake.tenant().writeBundle(bundle, "2026-03-13T03:00:00Z");
            Tenant fromFiles = BundleReader.read(bundle).tenant();
            assertThat(normalised(read.tenant())).isEqualTo(normalised(fromFiles));
            assertThat(read.tenant().keys()).allSatisfy(k ->
                    assertThat(k.publicPrefix()).isEqualTo("3|api.private.zscaler.com|"));
            Secrets.assertNoneIn(fake, read.objects().toString(), read.tenant().toString());
        }
    }

    @Test
    void legacyApiKeysSignInAndUseTheLegacyPaths() throws Exception {
        try (FakeZpa fake = Fakes.server().mode(FakeZpa.Mode.LEGACY).start();
             ZpaClient zpa = ZpaClient.create(Fakes.legacyClient(fake).build())) {
            TenantRead read = zpa.readTenant(null);
            assertThat(fake.requests(r -> !r.isApi())).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo("/signin");
                assertThat(r.body()).contains("client_id=" + Secrets.CLIENT_ID).doesNotContain("grant_type");
            });
            assertThat(fake.requests(FakeZpa.Request::isApi)).allSatisfy(r ->
                    assertThat(r.path()).startsWith("/mgmtconfig/v"));
            assertThat(read.tenant().connectors()).hasSize(12);
            Secrets.assertNoneIn(fake, read.toString());
        }
    }

    @Test
    void twoThousandFourHundredConnectorsComeInFivePagesFetchedOnceEach() throws Exception {
        try (FakeZpa fake = Fakes.server().tenant(FakeTenant.generate(2_400, 3)).start();
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).build())) {
            int[] lastProgress = new int[3];
            TenantRead read = zpa.readTenant(new ReadListener() {
                @Override
                public synchronized void progress(int done, int known, int objects) {
                    lastProgress[0] = Math.max(lastProgress[0], done);
                    lastProgress[1] = Math.max(lastProgress[1], known);
                    lastProgress[2] = Math.max(lastProgress[2], objects);
                }
            });
            List<FakeZpa.Request> pages = fake.requests(r -> r.path().endsWith("/connector"));
            assertThat(pages).extracting(r -> r.param("page")).containsExactlyInAnyOrder("1", "2", "3", "4", "5");
            assertThat(pages).allSatisfy(r -> assertThat(r.param("pagesize")).isEqualTo("500"));
            assertThat(fake.apiRequests()).as("5 connector pages and one page of each other collection").isEqualTo(10);
            assertThat(read.tenant().connectors()).hasSize(2_400);
            Set<String> ids = read.tenant().connectors().stream().map(AppConnector::id).collect(Collectors.toSet());
            assertThat(ids).hasSize(2_400);
            assertThat(read.objects().get(TenantCollection.CONNECTORS)).hasSize(2_400);
            assertThat(read.warnings()).isEmpty();
            assertThat(lastProgress).containsExactly(10, 10, read.tenant().objectCount());
        }
    }

    @Test
    void pagesWithoutTotalPagesOrWithSmallerPagesAreStillReadCompletely() throws Exception {
        for (FakeZpa.PageStyle style : FakeZpa.PageStyle.values()) {
            for (int serverMax : new int[] {500, 100}) {
                try (FakeZpa fake = Fakes.server().tenant(FakeTenant.generate(1_234, 3)).pageStyle(style)
                        .maxPageSize(serverMax).rateLimit(0, 0, Duration.ofSeconds(1)).start();
                     ZpaClient zpa = ZpaClient.create(Fakes.client(fake).rateLimit(100, 100, Duration.ofSeconds(1))
                             .build())) {
                    TenantRead read = zpa.readTenant(null);
                    String what = style + " with pages of " + serverMax;
                    assertThat(read.tenant().connectors()).as(what).hasSize(1_234);
                    assertThat(read.warnings()).as(what).isEmpty();
                    int pages = (1_234 + serverMax - 1) / serverMax;
                    // without any count, a last page that happens to be full needs one more (empty) page to be sure
                    assertThat(fake.requests(r -> r.path().endsWith("/connector"))).as(what)
                            .hasSize(style == FakeZpa.PageStyle.LIST_ONLY && 1_234 % serverMax == 0 ? pages + 1 : pages);
                }
            }
        }
    }

    @Test
    void certificatesListedOnlyUnderV1AreFoundThere() throws Exception {
        try (FakeZpa fake = Fakes.server().certificatesUnderV1(true).start();
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).build())) {
            TenantRead read = zpa.readTenant(null);
            assertThat(read.tenant().certificates()).hasSize(4);
            assertThat(fake.requests(r -> r.path().endsWith("/enrollmentCert"))).extracting(FakeZpa.Request::status)
                    .containsExactly(404, 200);
        }
    }

    @Test
    void theMicrotenantScopesEveryRequest() throws Exception {
        try (FakeZpa fake = Fakes.server().start();
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).microtenantId("4711").build())) {
            zpa.readTenant(null);
            zpa.get("connector/72058304855100000");
            assertThat(fake.requests(FakeZpa.Request::isApi)).allSatisfy(r ->
                    assertThat(r.param("microtenantId")).isEqualTo("4711"));
        }
    }

    @Test
    void keyStringsAreCutToTheirPublicPrefixBeforeAnyoneSeesThem() throws Exception {
        try (FakeZpa fake = Fakes.server().start();
             ZpaClient zpa = ZpaClient.create(Fakes.client(fake).build())) {
            TenantRead read = zpa.readTenant(null);
            assertThat(read.objects().get(TenantCollection.PROVISIONING_KEYS)).allSatisfy(k ->
                    assertThat(k.text("provisioningKey")).isEqualTo("3|api.private.zscaler.com|REDACTED"));
            ProvisioningKey k = read.tenant().keys().get(0);
            assertThat(zpa.get("associationType/CONNECTOR_GRP/provisioningKey/" + k.id()).has("provisioningKey")).isFalse();
            Secrets.assertNoneIn(fake, read.objects().toString());
        }
    }

    /** Facts compared without where they were read from. */
    static Set<String> normalised(Tenant t) {
        Set<String> out = new HashSet<>();
        for (Object o : List.of(t.connectors(), t.groups(), t.keys(), t.certificates(), t.serverGroups(), t.segments())) {
            for (Object r : (List<?>) o) {
                out.add(r.toString().replaceAll("source=[^,\\]]*", "source=*"));
            }
        }
        return out;
    }
}
