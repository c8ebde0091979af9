package io.zpadoctor.report;

import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.Diagnosis;
import io.zpadoctor.rules.FleetReport;
import io.zpadoctor.rules.ScenarioAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTML pages: escaped by the engine, self-contained, scrubbed, and holding what the other formats hold. */
class HtmlReportTest {
    private static final Diagnoser DOCTOR = Diagnoser.builder().build();
    private static final String KEY = "3|api.private.zscaler.com|U2VjcmV0S2V5TWF0ZXJpYWxOb3RUb0JlUHJpbnRlZA-72058304855015424";

    @TempDir
    Path tmp;

    private Path scenario(String name) throws Exception {
        return ScenarioAccess.copy(name, tmp.resolve(name));
    }

    @Test
    void tenantTextIsEscapedAndSecretsAreScrubbedOnTheFleetPage() throws Exception {
        Path dir = scenario("flt-005-site-outage");
        Path groups = dir.resolve("api/connector-groups.json");
        Files.writeString(groups, Files.readString(groups).replace("\"DC2-Amsterdam\"",
                "\"DC2 <script>alert(1)</script> & <b>x</b> " + KEY.replace("|", "|") + "\""));
        FleetReport f = DOCTOR.diagnoseFleet(BundleReader.read(dir).toFacts());
        String page = Reports.renderFleet(f, Format.HTML, false);
        assertThat(page).doesNotContain("<script>alert(1)", "<b>x</b>", "U2VjcmV0S2V5")
                .contains("DC2 &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;x&lt;/b&gt;", "&lt;redacted&gt;");
        assertThat(page).doesNotContainPattern("(?i)\\b(src|href)\\s*=").doesNotContainPattern("(?i)<link\\b|url\\(");
        assertThat(page).contains("data-chart=\"status\" data-total=\"4\"", "data-chart=\"version\" data-total=\"4\"",
                "data-groups=\"2\"", "data-code=\"ZPA-FLT-005\" data-count=\"1\"", "<h2>Impact</h2>");
        assertThat(page.indexOf("<h2>Impact</h2>")).isLessThan(page.indexOf("<h2>Cleanup</h2>"));
        assertThat(page.indexOf("class=\"cell tone-down\"")).as("the group that is down comes first in the grid")
                .isLessThan(page.indexOf("class=\"cell tone-ok\""));
    }

    @Test
    void theFleetPageListsEachProblemOnceWithTheFindingsItExplainsBeneathIt() throws Exception {
        for (String name : new String[] {"flt-005-site-outage", "app-chains-tenant-wide", "healthy-tenant"}) {
            FleetReport f = DOCTOR.diagnoseFleet(BundleReader.read(scenario(name)).toFacts());
            String page = Reports.renderFleet(f, Format.HTML, false);
            String text = Reports.renderFleet(f, Format.TEXT, false);
            int n = f.problems().size();
            Matcher head = Pattern.compile("problems: (none|(\\d+) problems?)").matcher(text);
            assertThat(head.find()).as(name).isTrue();
            assertThat(head.group(2) == null ? 0 : Integer.parseInt(head.group(2))).as(name).isEqualTo(n);
            assertThat(page).as(name).contains("<h2>Problems</h2>",
                    "data-section=\"problems\" data-count=\"" + n + "\"");
            // impact first, then the problems, then every finding rolled up by code, as in text and Markdown
            assertThat(page.indexOf("<h2>Cleanup</h2>")).isLessThan(page.indexOf("<h2>Problems</h2>"));
            assertThat(page.indexOf("<h2>Problems</h2>")).isLessThan(page.indexOf("<h2>Findings by code</h2>"));
            String section = page.substring(page.indexOf("<h2>Problems</h2>"), page.indexOf("<h2>Findings by code</h2>"));
            String[] blocks = section.split("<div class=\"problem ", -1);
            assertThat(blocks.length - 1).as("%s: one block a problem", name).isEqualTo(n);
            for (int i = 0; i < n; i++) {
                FleetReport.Problem p = f.problems().get(i);
                String block = blocks[i + 1];
                assertThat(block).startsWith("tone-" + p.cause().severity() + "\" data-code=\"" + p.cause().code()
                        + "\" data-explains=\"" + p.explains().size() + "\"");
                // expandable to the cause's evidence and, as it is the one to act on, its fix
                assertThat(block).contains("<details class=\"code", "<article class=\"finding\" data-code=\""
                        + p.cause().code() + "\"");
                if (!p.cause().evidence().isEmpty()) {
                    assertThat(block).contains("<table class=\"evidence\">");
                }
                if (!p.cause().remediation().isEmpty() && !p.cause().isSuppressed()) {
                    assertThat(block).contains("<ol class=\"fix\">");
                }
                // the symptoms beneath their cause, in the report's order, after the cause's own entry
                StringBuilder codes = new StringBuilder();
                Matcher li = Pattern.compile("<li data-code=\"([^\"]+)\">").matcher(block);
                while (li.find()) {
                    assertThat(li.start()).isGreaterThan(block.indexOf("</details>"));
                    codes.append(li.group(1)).append(' ');
                }
                StringBuilder expected = new StringBuilder();
                p.explains().stream().limit(HtmlPages.EXPLAINS_LISTED).forEach(x -> expected.append(x.code()).append(' '));
                assertThat(codes.toString()).as("%s: beneath %s", name, p.cause().code()).isEqualTo(expected.toString());
            }
            // each fix once on the page: a cause's under Problems, the roll-up pointing there
            long fixes = f.diagnosis().findings().stream()
                    .filter(x -> !x.isExplained() && !x.isSuppressed() && !x.remediation().isEmpty()).count();
            assertThat(page.split("<ol class=\"fix\">", -1).length - 1).as("%s: fixes on the page", name)
                    .isEqualTo(fixes);
        }
    }

    @Test
    void aProblemExplainingManyFindingsListsTheFirstAndSaysHowManyMore() throws Exception {
        FleetReport f = DOCTOR.diagnoseFleet(BundleReader.read(scenario("flt-005-site-outage")).toFacts());
        FleetReport.Problem outage = f.problems().get(0);
        List<Finding> many = new ArrayList<>();
        while (many.size() < HtmlPages.EXPLAINS_LISTED + 7) {
            many.addAll(outage.explains());
        }
        FleetReport big = new FleetReport(f.diagnosis(), f.connectors(), f.groups(), f.keys(), f.disabledConnectors(),
                f.statuses(), f.versions(), f.bySeverity(), f.groupsWithoutRedundancy(), f.groupsWithoutConnectors(),
                f.keysNearExhaustion(), f.correlatedOutages(), f.byGroup(), f.impact(), f.groupStates(),
                List.of(new FleetReport.Problem(outage.cause(), many)), f.hotSpots());
        String page = Reports.renderFleet(big, Format.HTML, false);
        assertThat(page).contains("data-explains=\"" + many.size() + "\"", "<span class=\"count\">explains "
                + many.size() + "</span>", "and " + (many.size() - HtmlPages.EXPLAINS_LISTED) + " more, each under its code");
        assertThat(Pattern.compile("<li data-code=").matcher(page).results().count())
                .isEqualTo(HtmlPages.EXPLAINS_LISTED);
    }

    @Test
    void theRollUpByCodeSaysHowManyOfItsFindingsAreExplainedSymptoms() throws Exception {
        FleetReport f = DOCTOR.diagnoseFleet(BundleReader.read(scenario("flt-005-site-outage")).toFacts());
        String page = Reports.renderFleet(f, Format.HTML, false);
        // both disconnected connectors of the outage are its symptoms, not two problems
        assertThat(page).contains("data-code=\"ZPA-CON-001\" data-count=\"2\" data-explained=\"2\"",
                "<span class=\"count\">2 (2 explained, counted under their cause)</span>",
                "data-code=\"ZPA-FLT-005\" data-count=\"1\" data-explained=\"0\"",
                "<span class=\"count\">1</span>");
    }

    @Test
    void theFleetPageShowsTheResourceHotSpotsOnlyWithLssRecords() throws Exception {
        FleetReport hot = DOCTOR.diagnoseFleet(BundleReader.read(scenario("telemetry/flt-007-group-all-hot")).toFacts());
        assertThat(hot.hotSpots().isEmpty()).isFalse();
        String page = Reports.renderFleet(hot, Format.HTML, false);
        String md = Reports.renderFleet(hot, Format.MARKDOWN, false);
        assertThat(page).contains("<h2>Resource hot spots</h2>",
                "data-section=\"hot-spots\" data-count=\"" + hot.hotSpots().connectors().size() + "\"");
        // the busiest connector's name heads both the page's table and the Markdown's
        String first = hot.hotSpots().connectors().get(0).connectorName();
        assertThat(page).contains("<tr><td>" + first + "</td>");
        assertThat(md).contains("| " + first + " |");
        String none = Reports.renderFleet(DOCTOR.diagnoseFleet(BundleReader.read(scenario("flt-005-site-outage"))
                .toFacts()), Format.HTML, false);
        assertThat(none).doesNotContain("Resource hot spots");
    }

    @Test
    void theDiagnosisPageIsTheRunbookReportWithEvidenceAndTheNumberedFix() throws Exception {
        Diagnosis d = DOCTOR.diagnose(BundleReader.read(scenario("app-005-server-group-disabled")).toFacts());
        String page = Reports.render(d, Format.HTML);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("App Connector Troubleshooting Report",
                "Diagnosis: The segment's server group is disabled (ZPA-APP-005, CRITICAL)", "<table class=\"evidence\">",
                "<ol class=\"fix\">", "<span class=\"kind\">VERIFY</span>", "If the issue persists");
        assertThat(page).doesNotContainPattern("(?i)\\b(src|href)\\s*=");
    }
}
