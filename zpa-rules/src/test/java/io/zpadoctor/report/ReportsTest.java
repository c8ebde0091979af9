package io.zpadoctor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.TenantLocation;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.Symptom;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.Tenant;
import io.zpadoctor.model.tenant.TenantCollection;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.Diagnosis;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportsTest {
    static final String SECRET = "SGlkZGVuS2V5TWF0ZXJpYWxJbkFOYW1l-72058304855015424";

    static Diagnosis diagnosis() {
        // an admin pasted the key into the connector's name: it must still not be printed
        Tenant t = new Tenant(
                List.of(AppConnector.builder("c1").name("dc1 3|api.private.zscaler.com|" + SECRET).groupId("g1")
                        .controlChannelStatus("ZPN_STATUS_DISCONNECTED").source("api/connectors.json").build()),
                List.of(ConnectorGroup.builder("g1").name("DC1*Frankfurt").upgradeDay("SUNDAY").upgradeTimeInSecs(7200)
                        .source("api/connector-groups.json").build()),
                List.of(ProvisioningKey.builder("k1").name("dc1-acg-key").groupId("g1").maxUsage(10).usageCount(10)
                        .source("api/provisioning-keys.json").build()),
                List.of(), List.of(), List.of(), EnumSet.allOf(TenantCollection.class));
        return Diagnoser.builder().build().diagnose(Facts.builder().tenant(t)
                .reportedCase(new ReportedCase(Symptom.DISCONNECTED, null, "DC1*Frankfurt", null, TenantLocation.of("72058304855015424", null)))
                .evaluatedAt(Instant.parse("2026-01-01T00:00:00Z"), "test").build());
    }

    @Test
    void markdownFollowsTheRunbookLayout() {
        String md = Reports.render(diagnosis(), Format.MARKDOWN);
        assertThat(md).contains("# App Connector Troubleshooting Report", "**Connector Group:** DC1\\*Frankfurt (ID: g1)",
                "## Diagnosis: Connector is disconnected from the ZPA cloud (ZPA-CON-001, CRITICAL)",
                "### Connector Group Status", "- Group enabled: Yes", "- Total connectors: 1",
                "- Healthy (AUTHENTICATED): 0", "- Disconnected: 1", "- Upgrade window: Sunday at 02:00",
                "- Key \"dc1-acg-key\": 10/10 enrollments used, Exhausted", "## Root Cause", "## Remediation Steps",
                "## If the Issue Persists", "/customers/72058304855015424/connector/c1");
        assertThat(md).doesNotContain(SECRET);
    }

    @Test
    void jsonCarriesTheContractFields() throws Exception {
        JsonNode j = new ObjectMapper().readTree(Reports.render(diagnosis(), Format.JSON));
        assertThat(j.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(j.get("tool").get("name").asText()).isEqualTo("zpa-doctor");
        assertThat(j.get("case").get("symptom").asText()).isEqualTo("disconnected");
        assertThat(j.get("primary").asText()).isEqualTo("ZPA-CON-001");
        JsonNode f = j.get("findings").get(0);
        assertThat(f.get("subject").get("type").asText()).isEqualTo("CONNECTOR");
        assertThat(f.get("evidence").get(0).get("source").asText()).isEqualTo("api/connectors.json");
        assertThat(f.get("remediation").get(0).has("command")).isTrue();
        assertThat(j.toString()).doesNotContain(SECRET);
    }

    @Test
    void textIsPlainWithoutColourAndColouredWithIt() {
        String plain = Reports.render(diagnosis(), Format.TEXT, false);
        assertThat(plain).contains("ROOT CAUSE", "ZPA-CON-001").doesNotContain("\u001b[").doesNotContain(SECRET);
        assertThat(Reports.render(diagnosis(), Format.TEXT, true)).contains("\u001b[");
    }
}
