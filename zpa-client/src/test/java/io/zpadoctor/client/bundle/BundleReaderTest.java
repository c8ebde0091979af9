package io.zpadoctor.client.bundle;

import io.zpadoctor.model.Symptom;
import io.zpadoctor.model.host.HostFact;
import io.zpadoctor.model.host.HostInventory;
import io.zpadoctor.model.host.LogEvent;
import io.zpadoctor.model.host.ProbeProblem;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ApplicationSegment;
import io.zpadoctor.model.tenant.ControlChannelStatus;
import io.zpadoctor.model.tenant.PortRange;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.ServerGroup;
import io.zpadoctor.model.tenant.Tenant;
import io.zpadoctor.model.tenant.TenantCollection;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundleReaderTest {
    @TempDir
    Path tmp;

    static final String SECRET = "QmFzZTY0RXhhbXBsZUtleU1hdGVyaWFsRm9yVGVzdHM-72058304855015424";

    static final String CONNECTOR_WIRE = """
            {"id":"72058304855090012","name":"dc1-acg-key-2","enabled":true,
             "controlChannelStatus":"ZPN_STATUS_DISCONNECTED","currentVersion":"25.31.2","expectedVersion":"25.44.6",
             "upgradeStatus":"FAILED","upgradeAttempt":"3","lastBrokerDisconnectTime":"1752852335",
             "lastBrokerConnectTime":1752834991000,"privateIp":"10.20.30.41","runtimeOS":"Red Hat Enterprise Linux 9.5",
             "appConnectorGroupId":"72058304855089990","provisioningKeyId":"58856",
             "enrollmentCert":{"id":"6573","name":"Connector"},"someFieldFromTheFuture":{"x":1}}""";

    static final String CONNECTOR_SNAKE = """
            {"id":"72058304855090012","name":"dc1-acg-key-2","enabled":true,
             "control_channel_status":"ZPN_STATUS_DISCONNECTED","current_version":"25.31.2","expected_version":"25.44.6",
             "upgrade_status":"FAILED","upgrade_attempt":"3","last_broker_disconnect_time":"1752852335",
             "last_broker_connect_time":"1752834991000","private_ip":"10.20.30.41","runtime_o_s":"Red Hat Enterprise Linux 9.5",
             "app_connector_group_id":"72058304855089990","provisioning_key_id":"58856",
             "enrollment_cert":{"id":"6573","name":"Connector"},"last_upgrade_time":0,"assistant_version":{},"ip_acl":[]}""";

    Path bundle(Map<String, String> files) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "b");
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
        return dir;
    }

    @Test
    void wireAndSnakeCaseGiveTheSameConnector() throws Exception {
        AppConnector wire = BundleReader.read(bundle(Map.of("api/connectors.json", "[" + CONNECTOR_WIRE + "]")))
                .tenant().connectors().get(0);
        AppConnector snake = BundleReader.read(bundle(Map.of("api/connectors.json", "[" + CONNECTOR_SNAKE + "]")))
                .tenant().connectors().get(0);
        assertThat(snake).isEqualTo(wire);
        assertThat(wire.controlChannelStatus()).isEqualTo(ControlChannelStatus.DISCONNECTED);
        assertThat(wire.upgradeAttempt()).isEqualTo(3);
        assertThat(wire.lastBrokerDisconnectTime()).isEqualTo(Instant.ofEpochSecond(1752852335));
        assertThat(wire.lastBrokerConnectTime()).as("milliseconds told apart from seconds")
                .isEqualTo(Instant.ofEpochSecond(1752834991));
        assertThat(wire.runtimeOs()).isEqualTo("Red Hat Enterprise Linux 9.5");
        assertThat(wire.enrollmentCertId()).isEqualTo("6573");
        assertThat(snake.lastUpgradeTime()).as("the SDK's 0 means absent").isNull();
    }

    @Test
    void aKeyTwiceInOneObjectIsAnErrorNamingItNotASilentPick() throws Exception {
        // issue 14: {"enabled": false, "enabled": true} silently took the last value
        Path b = bundle(Map.of("api/connectors.json",
                "[{\"id\":\"1\",\"name\":\"a\",\n \"enabled\":false, \"enabled\":true}]"));
        assertThatThrownBy(() -> BundleReader.read(b)).isInstanceOf(BundleException.class)
                .hasMessageContaining("api/connectors.json:2:")
                .hasMessageContaining("'enabled' appears twice");
    }

    @Test
    void aKeyTwiceIsAnErrorAlsoInsideANestedObjectAndInAPage() throws Exception {
        Path nested = bundle(Map.of("api/connectors.json",
                "[{\"id\":\"1\",\"name\":\"a\",\n \"enrollmentCert\": {\"id\":\"6573\",\n \"id\":\"6574\"}}]"));
        assertThatThrownBy(() -> BundleReader.read(nested)).isInstanceOf(BundleException.class)
                .hasMessageContaining("api/connectors.json:3:")
                .hasMessageContaining("'id' appears twice");
        Path page = bundle(Map.of("api/connectors.json",
                "{\"totalPages\":\"1\",\"list\":[{\"id\":\"1\"}],\n\"list\":[{\"id\":\"2\"}]}"));
        assertThatThrownBy(() -> BundleReader.read(page)).isInstanceOf(BundleException.class)
                .hasMessageContaining("api/connectors.json:2:")
                .hasMessageContaining("'list' appears twice");
        Path snake = bundle(Map.of("api/connectors.json",
                "[{\"id\":\"1\",\"runtime_os\":\"a\",\n \"runtime_os\":\"b\"}]"));
        assertThatThrownBy(() -> BundleReader.read(snake)).isInstanceOf(BundleException.class)
                .hasMessageContaining("'runtime_os' appears twice");
    }

    @Test
    void twoSpellingsOfOneKeyAreNoRepeat() throws Exception {
        // the SDK's snake_case beside the wire's camelCase: different keys as written, one field once read
        Path b = bundle(Map.of("api/connectors.json",
                "[{\"id\":\"1\",\"runtimeOS\":\"RHEL 9\",\"runtime_o_s\":\"RHEL 9\","
                        + "\"assistantVersion\":{\"ctrl_channel_status\":null,\"ctrlChannelStatus\":\"ZPN_STATUS_AUTHENTICATED\"}}]"));
        AppConnector c = BundleReader.read(b).tenant().connectors().get(0);
        assertThat(c.runtimeOs()).isEqualTo("RHEL 9");
        assertThat(c.controlChannelStatus()).as("the spelling with a value counts").hasToString("AUTHENTICATED");
    }

    @Test
    void aBundleWithoutItsCollectionTimeSaysItIsJudgedAsOfNow() throws Exception {
        String groups = "[{\"id\":\"1\",\"name\":\"a\"}]";
        assertThat(BundleReader.read(bundle(Map.of("api/connector-groups.json", groups))).warnings())
                .singleElement().asString().contains("no collection time", "this run's clock");
        assertThat(BundleReader.read(bundle(Map.of("api/connector-groups.json", groups, "case.json",
                "{\"collectedAt\": 1795000000}"))).warnings()).isEmpty();
    }

    @Test
    void everyCollectionShapeIsAccepted() throws Exception {
        String a = "{\"id\":\"1\",\"name\":\"a\"}";
        String b = "{\"id\":\"2\",\"name\":\"b\"}";
        for (String shape : List.of(
                "[" + a + "," + b + "]",
                "{\"totalPages\":\"1\",\"totalCount\":\"2\",\"list\":[" + a + "," + b + "]}",
                "[{\"totalPages\":\"2\",\"totalCount\":\"2\",\"list\":[" + a + "]},{\"totalPages\":\"2\",\"list\":[" + b + "]}]")) {
            Bundle r = BundleReader.read(bundle(Map.of("api/connector-groups.json", shape,
                    "case.json", "{\"collectedAt\": \"2026-11-20T09:30:00Z\"}")));
            assertThat(r.tenant().groups()).as(shape).extracting(g -> g.name()).containsExactly("a", "b");
            assertThat(r.warnings()).as(shape).isEmpty();
        }
        Bundle single = BundleReader.read(bundle(Map.of("api/connector-groups.json", a)));
        assertThat(single.tenant().groups()).hasSize(1);
        Bundle none = BundleReader.read(bundle(Map.of("api/connector-groups.json", "{\"totalPages\":\"0\"}")));
        assertThat(none.tenant().groups()).isEmpty();
        assertThat(none.tenant().isLoaded(TenantCollection.CONNECTOR_GROUPS)).isTrue();
    }

    @Test
    void missingPagesAreNoticed() throws Exception {
        Bundle r = BundleReader.read(bundle(Map.of("api/connectors.json",
                "{\"totalPages\":\"3\",\"totalCount\":\"47\",\"list\":[{\"id\":\"1\"}]}")));
        assertThat(r.warnings()).anyMatch(w -> w.contains("page 1 of 3"));
        assertThat(r.warnings()).anyMatch(w -> w.contains("totalCount 47 but holds 1"));
    }

    @Test
    void brokenJsonNamesFileLineAndColumn() throws Exception {
        Path b = bundle(Map.of("api/connectors.json", "[\n  {\"id\": \"1\",\n   \"name\": \"x\",,\n  }\n]"));
        assertThatThrownBy(() -> BundleReader.read(b)).isInstanceOf(BundleException.class)
                .hasMessageStartingWith("api/connectors.json:3:")
                .hasMessageContaining("not valid JSON")
                .satisfies(e -> assertThat(((BundleException) e).line()).isEqualTo(3));
    }

    @Test
    void truncatedJsonIsSaidToBeCutShort() throws Exception {
        Path b = bundle(Map.of("api/connectors.json", "[{\"id\": \"1\", \"name\": \"dc1"));
        assertThatThrownBy(() -> BundleReader.read(b)).hasMessageContaining("api/connectors.json:1:")
                .hasMessageContaining("cut short");
    }

    @Test
    void aValueOfTheWrongKindIsPointedAt() throws Exception {
        Path b = bundle(Map.of("api/connectors.json", "[\n {\"id\": \"7\",\n  \"upgradeAttempt\": \"three\"}\n]"));
        assertThatThrownBy(() -> BundleReader.read(b))
                .hasMessage("api/connectors.json:3:3: connector #1 (id 7), field \"upgradeAttempt\": expected a whole"
                        + " number, found \"three\"");
        Path p = bundle(Map.of("api/application-segments.json", "[{\"id\":\"1\",\"tcpPortRanges\":[\"443\"]}]"));
        assertThatThrownBy(() -> BundleReader.read(p)).hasMessageContaining("expected from/to pairs");
        Path t = bundle(Map.of("api/enrollment-certificates.json", "[{\"id\":\"1\",\"validToInEpochSec\":\"soon\"}]"));
        assertThatThrownBy(() -> BundleReader.read(t)).hasMessageContaining("expected epoch seconds");
        Path noId = bundle(Map.of("api/connector-groups.json", "[{\"name\":\"x\"}]"));
        assertThatThrownBy(() -> BundleReader.read(noId)).hasMessageContaining("has no \"id\"");
    }

    @Test
    void wrongTopLevelShapesAreExplained() throws Exception {
        assertThatThrownBy(() -> BundleReader.read(bundle(Map.of("api/connectors.json", "\"hello\""))))
                .hasMessageContaining("expected a JSON array or an object, found a string");
        assertThatThrownBy(() -> BundleReader.read(bundle(Map.of("api/connectors.json", "[1,2]"))))
                .hasMessageContaining("expected an object");
        assertThatThrownBy(() -> BundleReader.read(bundle(Map.of("api/connectors.json", "[] []"))))
                .hasMessageContaining("expected the end of the file");
        assertThatThrownBy(() -> BundleReader.read(bundle(Map.of("api/connectors.json", "  "))))
                .hasMessageContaining("the file is empty");
    }

    @Test
    void aMissingFileMeansNoObjectsAndAnUnknownOneIsReported() throws Exception {
        Bundle r = BundleReader.read(bundle(Map.of("api/connectors.json", "[]", "api/conectors.json", "[]")));
        Tenant t = r.tenant();
        assertThat(t.isLoaded(TenantCollection.CONNECTORS)).isTrue();
        assertThat(t.isLoaded(TenantCollection.PROVISIONING_KEYS)).isFalse();
        assertThat(t.keys()).isEmpty();
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("api/conectors.json: not a file ZPA Doctor reads"));
    }

    @Test
    void theKeyStringNeverSurvivesReading() throws Exception {
        Bundle r = BundleReader.read(bundle(Map.of("api/provisioning-keys.json",
                "[{\"id\":\"58856\",\"name\":\"k\",\"usageCount\":\"10\",\"maxUsage\":\"10\",\"zcomponentId\":\"9\","
                        + "\"provisioningKey\":\"3|api.private.zscaler.com|" + SECRET + "\"}]")));
        ProvisioningKey k = r.tenant().keys().get(0);
        assertThat(k.publicPrefix()).isEqualTo("3|api.private.zscaler.com|");
        assertThat(r.toString()).doesNotContain(SECRET);
        assertThat(r.toFacts().toString()).doesNotContain(SECRET);
    }

    @Test
    void segmentsAndServerGroupsInBothPortFormsAndSdkShapes() throws Exception {
        Bundle r = BundleReader.read(bundle(Map.of(
                "api/application-segments.json", """
                        [{"id":"5","domain_names":["a.example.com"],"tcp_port_ranges":["443","443","8000","8999"],
                          "tcp_port_range":[{"from":"443","to":"443"}],"udp_port_range":[{"from":"53"}],
                          "server_groups":[{"id":"77","name":"sg"}]}]""",
                "api/server-groups.json", """
                        [{"id":"77","dynamic_discovery":false,"app_connector_groups":[{"id":"9","name":null}],
                          "applications":[{"id":"5"}]},
                         {"id":"78","dynamicDiscovery":"false","servers":[],"appConnectorGroups":[]}]""")));
        ApplicationSegment s = r.tenant().segments().get(0);
        assertThat(s.tcpPortRanges()).containsExactly(PortRange.single(443), new PortRange(8000, 8999));
        assertThat(s.udpPortRanges()).containsExactly(PortRange.single(53));
        assertThat(s.serverGroupIds()).containsExactly("77");
        ServerGroup snake = r.tenant().serverGroups().get(0);
        assertThat(snake.connectorGroupIds()).containsExactly("9");
        assertThat(snake.applicationIds()).containsExactly("5");
        assertThat(snake.serversListed()).as("the SDK drops servers: unknown, not empty").isFalse();
        assertThat(r.tenant().serverGroups().get(1).serversListed()).isTrue();
        assertThat(r.tenant().serverGroups().get(1).dynamicDiscovery()).isFalse();
    }

    @Test
    void connectorsEmbeddedInGroupsStandInForAMissingConnectorsFile() throws Exception {
        Bundle r = BundleReader.read(bundle(Map.of("api/connector-groups.json",
                "[{\"id\":\"9\",\"name\":\"g\",\"connectors\":[{\"id\":\"1\",\"name\":\"c\","
                        + "\"controlChannelStatus\":\"ZPN_STATUS_AUTHENTICATED\"}]}]")));
        assertThat(r.tenant().connectors()).singleElement().satisfies(c -> assertThat(c.groupId()).isEqualTo("9"));
        assertThat(r.tenant().isLoaded(TenantCollection.CONNECTORS)).isTrue();
        assertThat(r.warnings()).anyMatch(w -> w.contains("api/connectors.json is missing"));
    }

    @Test
    void caseJsonIsReadAndCheckedWithLocations() throws Exception {
        Bundle r = BundleReader.read(bundle(Map.of("case.json", """
                {"symptom": "not-enrolling", "connector": "dc1-acg-key-3", "connector_group": "DC1",
                 "application": "intranet.corp.example.com:443", "cloud": "prod.zpath.net",
                 "collectedAt": "2025-07-18T10:40:00Z", "customerId": "72058304855015424"}""")));
        assertThat(r.reportedCase().symptom()).isEqualTo(Symptom.NOT_ENROLLING);
        assertThat(r.reportedCase().groupName()).isEqualTo("DC1");
        assertThat(r.reportedCase().application().port()).isEqualTo(443);
        assertThat(r.collectedAt()).isEqualTo(Instant.parse("2025-07-18T10:40:00Z"));
        assertThat(r.toFacts().evaluationTime().instant()).isEqualTo(r.collectedAt());
        Path bad = bundle(Map.of("case.json", "{\n \"symptom\": \"slow\"\n}"));
        assertThatThrownBy(() -> BundleReader.read(bad)).hasMessageStartingWith("case.json:2:2:")
                .hasMessageContaining("expected one of not-enrolling");
        Path badApp = bundle(Map.of("case.json", "{\"application\": \"host:https\"}"));
        assertThatThrownBy(() -> BundleReader.read(badApp)).hasMessageContaining("not a number");
    }

    @Test
    void caseJsonNamesTheManagementApiTheTenantLivesOn() throws Exception {
        // a legacy-key or private tenant: remediation steps must address its API, not OneAPI's
        Bundle r = BundleReader.read(bundle(Map.of("case.json",
                "{\"customerId\": \"72058304855015424\", \"managementApi\": \"https://config.private.zscaler.com/mgmtconfig/\"}")));
        assertThat(r.reportedCase().location().managementApi()).isEqualTo("https://config.private.zscaler.com/mgmtconfig");
        assertThat(BundleReader.read(bundle(Map.of("case.json", "{}"))).reportedCase().location().managementApiOrDefault())
                .isEqualTo("https://api.zsapi.net/zpa/mgmtconfig");
        Path bad = bundle(Map.of("case.json", "{\n \"managementApi\": \"https://user:pw@x.example/mgmtconfig?t=1\"\n}"));
        assertThatThrownBy(() -> BundleReader.read(bad)).hasMessageStartingWith("case.json:2:")
                .hasMessageContaining("not an http(s) URL");
    }

    @Test
    void hostFoldersAreReadAndStrayFilesNamed() throws Exception {
        Bundle r = BundleReader.read(bundle(Map.of("hosts/ac-fra-3/df.txt", "Filesystem ...\n",
                "hosts/ac-fra-3/.DS_Store", "junk", "hosts/readme.txt", "x", "hosts/a/b/c.txt", "x")));
        assertThat(r.hosts()).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("ac-fra-3");
            assertThat(h.files()).containsOnlyKeys("df.txt");
        });
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("hosts/readme.txt: ignored"));
    }

    @Test
    void hostFilesBecomeParsedFactsDatedByTheCollectionTime() throws Exception {
        Bundle r = BundleReader.read(bundle(Map.of(
                "case.json", "{\"collectedAt\": \"2024-07-18T11:00:00Z\"}",
                "hosts/ac-fra-3/journal.txt", "Jul 18 10:40:04 ac-fra-3 zpa-connector[1047]: zscaler-update: "
                        + "zpa-connector-child exited too fast, was running for 2 seconds\n",
                "hosts/ac-fra-3/df.txt", "Filesystem ...\n")));
        List<HostFact> facts = r.toFacts().hostFacts();
        assertThat(facts).filteredOn(LogEvent.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((LogEvent) e).time()).isEqualTo(LocalDateTime.parse("2024-07-18T10:40:04")));
        assertThat(facts).filteredOn(ProbeProblem.class::isInstance).singleElement()
                .satisfies(p -> assertThat(((ProbeProblem) p).path()).isEqualTo("hosts/ac-fra-3/df.txt"));
        assertThat(facts).filteredOn(HostInventory.class::isInstance).hasSize(1);
    }

    @Test
    void notABundleIsSaidSo() throws Exception {
        Path empty = Files.createTempDirectory(tmp, "empty");
        assertThatThrownBy(() -> BundleReader.read(empty)).hasMessageContaining("not a ZPA Doctor bundle (it is empty)");
        Path other = bundle(Map.of("notes.txt", "hello"));
        assertThatThrownBy(() -> BundleReader.read(other)).hasMessageContaining("it holds notes.txt");
        Path json = tmp.resolve("connectors.json");
        Files.writeString(json, "[]");
        assertThatThrownBy(() -> BundleReader.read(json)).hasMessageContaining("pass the bundle folder");
        assertThatThrownBy(() -> BundleReader.read(tmp.resolve("nope"))).hasMessageContaining("no such file");
        Path text = tmp.resolve("x.tar.gz");
        Files.writeString(text, "this is not gzip");
        assertThatThrownBy(() -> BundleReader.read(text)).hasMessageContaining("not a folder, a .tar.gz or a .zip");
    }

    @Test
    void archivesReadLikeFoldersEvenWithTheirTopFolder() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("case-42/case.json", "{\"symptom\":\"disconnected\"}");
        files.put("case-42/api/connectors.json", "[" + CONNECTOR_WIRE + "]");
        files.put("__MACOSX/case-42/._case.json", "junk");
        Path tgz = tarGz(files);
        Path zip = zip(files);
        for (Path archive : List.of(tgz, zip)) {
            Bundle r = BundleReader.read(archive);
            assertThat(r.reportedCase().symptom()).as(archive.toString()).isEqualTo(Symptom.DISCONNECTED);
            assertThat(r.tenant().connectors()).hasSize(1);
        }
    }

    @Test
    void archivesWithEscapingEntriesAreRefusedWhole() throws Exception {
        for (String evil : List.of("../outside.txt", "api/../../etc/cron.d/x", "/etc/passwd")) {
            Map<String, String> files = new LinkedHashMap<>();
            files.put("case.json", "{}");
            files.put(evil, "x");
            assertThatThrownBy(() -> BundleReader.read(tarGz(files))).as(evil)
                    .hasMessageContaining("refusing the archive: entry '" + evil + "'");
            assertThatThrownBy(() -> BundleReader.read(zip(files))).as(evil)
                    .hasMessageContaining("refusing the archive");
        }
        assertThat(tmp.getParent().resolve("outside.txt")).doesNotExist();
    }

    @Test
    void linksOutOfAFolderBundleAreNotFollowed() throws Exception {
        Path outside = tmp.resolve("secret.txt");
        Files.writeString(outside, "do not read");
        Path b = bundle(Map.of("case.json", "{}"));
        Files.createDirectories(b.resolve("hosts/h"));
        Files.createSymbolicLink(b.resolve("hosts/h/df.txt"), outside);
        Bundle r = BundleReader.read(b);
        assertThat(r.hosts()).isEmpty();
        assertThat(r.warnings()).anyMatch(w -> w.contains("points outside the bundle"));
    }

    @Test
    void linksInsideAnArchiveAreSkipped() throws Exception {
        Path tgz = tmp.resolve("links.tar.gz");
        try (OutputStream out = Files.newOutputStream(tgz);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            TarArchiveEntry link = new TarArchiveEntry("hosts/h/df.txt", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/shadow");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            put(tar, "case.json", "{}");
        }
        Bundle r = BundleReader.read(tgz);
        assertThat(r.hosts()).isEmpty();
        assertThat(r.warnings()).anyMatch(w -> w.contains("link inside the archive is never followed"));
    }

    Path tarGz(Map<String, String> files) throws IOException {
        Path p = Files.createTempFile(tmp, "b", ".tar.gz");
        try (OutputStream out = Files.newOutputStream(p);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, String> e : files.entrySet()) {
                put(tar, e.getKey(), e.getValue());
            }
        }
        return p;
    }

    private static void put(TarArchiveOutputStream tar, String name, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setSize(b.length);
        tar.putArchiveEntry(e);
        tar.write(b);
        tar.closeArchiveEntry();
    }

    Path zip(Map<String, String> files) throws IOException {
        Path p = Files.createTempFile(tmp, "b", ".zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(p))) {
            for (Map.Entry<String, String> e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return p;
    }
}
