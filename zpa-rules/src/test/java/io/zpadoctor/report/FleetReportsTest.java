package io.zpadoctor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.FleetReport;
import io.zpadoctor.rules.ScenarioAccess;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The fleet view of every scenario: each finding counted once, impact first in every format, JSON to its schema. */
class FleetReportsTest {
    private static final Diagnoser DOCTOR = Diagnoser.builder().build();
    private static final ObjectMapper JSON = new ObjectMapper();

    static FleetReport fleet(String scenario) throws Exception {
        Path dir = ScenarioAccess.dirs().stream().filter(d -> ScenarioAccess.name(d).equals(scenario)).findFirst()
                .orElseThrow();
        return DOCTOR.diagnoseFleet(BundleReader.read(dir).toFacts());
    }

    static JsonSchema schema() throws Exception {
        try (InputStream in = FleetReportsTest.class.getResourceAsStream("/io/zpadoctor/report/report.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFindingIsAProblemOrBeneathExactlyOne() throws Exception {
        JsonSchema schema = schema();
        return ScenarioAccess.dirs().stream().map(dir -> DynamicTest.dynamicTest(ScenarioAccess.name(dir), () -> {
            FleetReport f = DOCTOR.diagnoseFleet(BundleReader.read(dir).toFacts());
            Set<Finding> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            int problems = 0;
            for (FleetReport.Problem p : f.problems()) {
                assertThat(seen.add(p.cause())).isTrue();
                problems++;
                for (Finding x : p.explains()) {
                    assertThat(seen.add(x)).as("%s listed under one problem only", x.code()).isTrue();
                    assertThat(x.isExplained()).isTrue();
                }
            }
            // what no problem lists is INFO cleanup (a cause and what it explains, all INFO), nothing worse
            f.diagnosis().findings().stream().filter(x -> !seen.contains(x))
                    .forEach(x -> assertThat(x.severity()).as("%s outside every problem", x.code())
                            .isEqualTo(io.zpadoctor.model.finding.Severity.INFO));
            f.diagnosis().findings().stream()
                    .filter(x -> !x.isExplained() && x.severity() != io.zpadoctor.model.finding.Severity.INFO)
                    .forEach(x -> assertThat(f.problems()).anyMatch(p -> p.cause() == x));
            assertThat(f.problemsBySeverity().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(problems);
            JsonNode json = JSON.readTree(Reports.renderFleet(f, Format.JSON, false));
            assertThat(schema.validate(json)).isEmpty();
            assertThat(json.at("/fleet/problems")).hasSize(problems);
        }));
    }

    @Test
    void theHotSpotsAndTheFindingsPerGroupAreTypedByTheSchema() throws Exception {
        JsonSchema schema = schema();
        JsonNode json = JSON.readTree(Reports.renderFleet(fleet("telemetry/flt-007-group-all-hot"), Format.JSON, false));
        assertThat(json.at("/fleet/resourceHotSpots/connectors")).isNotEmpty();
        assertThat(json.at("/fleet/resourceHotSpots/groups")).isNotEmpty();
        assertThat(json.at("/fleet/byGroup/0/findings")).isNotEmpty();
        assertThat(schema.validate(json)).as("the real output").isEmpty();
        // each a value of the wrong type where the output writes a number, a string or a severity
        Object[][] wrong = {
                {"/fleet/resourceHotSpots/connectors/0", "busiestPercent", JSON.getNodeFactory().textNode("87.5")},
                {"/fleet/resourceHotSpots/connectors/0", "cpuPercent", JSON.getNodeFactory().textNode("high")},
                {"/fleet/resourceHotSpots/connectors/0", "availableDiskMb", JSON.getNodeFactory().numberNode(1.5)},
                {"/fleet/resourceHotSpots/connectors/0", "connectorName", JSON.getNodeFactory().numberNode(7)},
                {"/fleet/resourceHotSpots/groups/0", "reporting", JSON.getNodeFactory().textNode("3")},
                {"/fleet/resourceHotSpots/groups/0", "cpuMax", JSON.getNodeFactory().textNode("90")},
                {"/fleet/resourceHotSpots/groups/0", "memoryAverage", JSON.getNodeFactory().nullNode()},
                {"/fleet/byGroup/0/findings/0", "subjectId", JSON.getNodeFactory().numberNode(7)},
                {"/fleet/byGroup/0/findings/0", "severity", JSON.getNodeFactory().textNode("SEVERE")},
        };
        for (Object[] w : wrong) {
            JsonNode copy = json.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) copy.at((String) w[0])).set((String) w[1], (JsonNode) w[2]);
            assertThat(schema.validate(copy)).as("%s/%s = %s", w[0], w[1], w[2]).isNotEmpty();
        }
    }

    @Test
    void infoAloneIsCleanupNotAProblem() throws Exception {
        FleetReport f = fleet("con-007-retired-group");
        assertThat(f.diagnosis().findings()).extracting(Finding::code)
                .containsExactlyInAnyOrder("ZPA-CON-007", "ZPA-FLT-004");
        assertThat(f.problems()).isEmpty();
        assertThat(Reports.renderFleet(f, Format.TEXT, false)).contains("problems: none");
    }

    @Test
    void aSiteOutageIsOneProblemWithItsConnectorsBeneathInEveryFormat() throws Exception {
        FleetReport f = fleet("flt-005-site-outage");
        assertThat(f.problems()).extracting(p -> p.cause().code()).containsExactly("ZPA-FLT-005");
        assertThat(f.problems().get(0).explains()).extracting(Finding::code)
                .containsExactlyInAnyOrder("ZPA-CON-001", "ZPA-CON-001", "ZPA-APP-009", "ZPA-FLT-001");
        assertThat(f.impact().groupsDown()).extracting(FleetReport.GroupDown::groupName).containsExactly("DC2-Amsterdam");
        assertThat(f.impact().unreachable()).extracting(FleetReport.UnreachableApplication::segmentName).hasSize(1);
        String md = Reports.renderFleet(f, Format.MARKDOWN, false);
        assertThat(md).contains("**Problems:** 1 problem (1 CRITICAL), explaining 4 more findings",
                "- Applications unreachable: 1", "- Connector groups down: 1", "explains 4: ");
        assertThat(md.indexOf("## Impact")).isLessThan(md.indexOf("## Cleanup"));
        assertThat(md.indexOf("## Cleanup")).isLessThan(md.indexOf("## Problems"));
        String text = Reports.renderFleet(f, Format.TEXT, false);
        assertThat(text).contains("problems: 1 problem (1 CRITICAL)", "applications unreachable: 1", "groups down: 1",
                "explains ZPA-CON-001");
        assertThat(text.indexOf("Impact")).isLessThan(text.indexOf("Cleanup"));
        JsonNode json = JSON.readTree(Reports.renderFleet(f, Format.JSON, false));
        assertThat(json.at("/fleet/problemsBySeverity/CRITICAL").asInt()).isEqualTo(1);
        assertThat(json.at("/fleet/findingsBySeverity/CRITICAL").asInt()).isEqualTo(4);
        assertThat(json.at("/fleet/problems/0/explains")).hasSize(4);
        assertThat(json.at("/fleet/impact/groupsDown/0/connectors").isInt()).isTrue();
        assertThat(json.at("/fleet/correlatedOutages/0/values/connectors").isInt()).as("numbers as numbers").isTrue();
        assertThat(json.at("/fleet/correlatedOutages/0/values/groupId").isTextual()).as("ids stay strings").isTrue();
    }

    @Test
    void theTenantWideChainsNameTheApplicationsUnreachableWithTheirChains() throws Exception {
        FleetReport f = fleet("app-chains-tenant-wide");
        List<String> names = new ArrayList<>();
        f.impact().unreachable().forEach(a -> names.add(a.segmentName()));
        assertThat(names).containsExactly("Benefits", "Branch", "Lab", "Legacy", "Orphan", "Payroll", "Pensions", "Plant");
        FleetReport.UnreachableApplication payroll = f.impact().unreachable().get(5);
        assertThat(payroll.chain()).extracting(FleetReport.ChainLink::problem).containsExactly("disabled");
        assertThat(payroll.findings()).extracting(Finding::code).containsExactly("ZPA-APP-005");
        assertThat(f.diagnosis().findings("ZPA-APP-005")).hasSize(1);
        assertThat(Reports.renderFleet(f, Format.MARKDOWN, false))
                .contains("\"Payroll\" (payroll.corp.example.com): server group \"HR-Servers\" (disabled) -> DC1-Frankfurt (2 of 2 up) (ZPA-APP-005)");
    }

    @Test
    void aHealthyTenantHasNoImpactAndNoProblem() throws Exception {
        FleetReport f = fleet("healthy-tenant");
        assertThat(f.problems()).isEmpty();
        assertThat(f.impact().unreachable()).isEmpty();
        assertThat(f.impact().groupsDown()).isEmpty();
        assertThat(Reports.renderFleet(f, Format.MARKDOWN, false)).contains("**Problems:** none",
                "- Applications unreachable: 0");
    }
}
