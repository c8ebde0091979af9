package io.zpadoctor.report;

import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.finding.Category;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.Severity;
import io.zpadoctor.model.finding.Subject;
import io.zpadoctor.model.finding.SubjectType;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.FleetReport;
import io.zpadoctor.rules.ScenarioAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FindingChangesTest {
    private static final Instant AT = Instant.parse("2026-12-07T00:00:00Z");
    private static final Diagnoser DOCTOR = Diagnoser.builder().build();

    @TempDir
    Path tmp;

    @Test
    void aConnectorThatReconnectsResolvesItsFindingAndTheWatchSaysSo() throws Exception {
        Path down = ScenarioAccess.copy(scenario("con-001-disconnected"), tmp.resolve("down"));
        Path up = ScenarioAccess.copy(down, tmp.resolve("up"));
        Path connectors = up.resolve("api/connectors.json");
        Files.writeString(connectors, Files.readString(connectors)
                .replace("ZPN_STATUS_DISCONNECTED", "ZPN_STATUS_AUTHENTICATED"));

        FleetWatch watch = new FleetWatch(DOCTOR);
        FleetWatch.Tick baseline = watch.next(facts(down));
        assertThat(baseline.first()).isTrue();
        assertThat(baseline.changes()).extracting(FindingChange::kind).containsOnly(FindingChange.Kind.OPENED);
        assertThat(baseline.changes()).extracting(c -> c.finding().code()).contains("ZPA-CON-001");

        FleetWatch.Tick same = watch.next(facts(down));
        assertThat(same.first()).isFalse();
        assertThat(same.changes()).isEmpty();

        FleetWatch.Tick healed = watch.next(facts(up));
        assertThat(healed.changes()).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(FindingChange.Kind.RESOLVED);
            assertThat(c.finding().code()).isEqualTo("ZPA-CON-001");
        });
        assertThat(healed.changes()).noneMatch(c -> c.kind() == FindingChange.Kind.OPENED
                && c.finding().code().equals("ZPA-CON-001"));

        FleetWatch.Tick again = watch.next(facts(down));
        assertThat(again.changes()).anyMatch(c -> c.kind() == FindingChange.Kind.OPENED
                && c.finding().code().equals("ZPA-CON-001"));
    }

    @Test
    void twoJsonReportsGiveTheSameChangesAsTheDiagnosesTheyWereWrittenFrom() throws Exception {
        Path down = ScenarioAccess.copy(scenario("con-001-disconnected"), tmp.resolve("down"));
        Path up = ScenarioAccess.copy(down, tmp.resolve("up"));
        Path connectors = up.resolve("api/connectors.json");
        Files.writeString(connectors, Files.readString(connectors)
                .replace("ZPN_STATUS_DISCONNECTED", "ZPN_STATUS_AUTHENTICATED"));
        FleetReport before = DOCTOR.diagnoseFleet(facts(up));
        FleetReport after = DOCTOR.diagnoseFleet(facts(down));

        List<FindingChange> direct = FindingChanges.between(before, after);
        List<FindingChange> viaJson = FindingChanges.betweenReports(Reports.renderFleet(before, Format.JSON, false),
                Reports.renderFleet(after, Format.JSON, false));

        assertThat(direct).isNotEmpty();
        assertThat(viaJson).extracting(c -> c.kind() + " " + FindingChanges.key(c.finding()) + " " + c.primary())
                .containsExactlyElementsOf(direct.stream()
                        .map(c -> c.kind() + " " + FindingChanges.key(c.finding()) + " " + c.primary()).toList());
        assertThat(FindingChanges.worstOpened(viaJson)).isPresent();
        assertThat(FindingChanges.worstOpened(FindingChanges.between(after, before))).isEmpty();
    }

    @Test
    void severityPrimaryAndRootCauseChangesAreNamedAndEscalationCountsAsOpened() {
        Finding warn = finding(Severity.WARNING, "the key is nearly used up");
        Finding crit = finding(Severity.CRITICAL, "the key is used up");
        List<FindingChange> up = FindingChanges.between(List.of(warn), null, List.of(crit), crit, AT);
        assertThat(up).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(FindingChange.Kind.CHANGED);
            assertThat(c.changes()).containsExactly("severity", "primary", "rootCause");
            assertThat(c.before()).isSameAs(warn);
        });
        assertThat(FindingChanges.worstOpened(up)).contains(Severity.CRITICAL);
        List<FindingChange> down = FindingChanges.between(List.of(crit), crit, List.of(warn), warn, AT);
        assertThat(down).singleElement().satisfies(c -> assertThat(c.changes()).containsExactly("severity", "rootCause"));
        assertThat(FindingChanges.worstOpened(down)).isEmpty();
        assertThat(FindingChanges.toText(up.get(0))).contains("WARNING -> CRITICAL").contains("[primary cause]");
        assertThat(FindingChanges.toJson(up.get(0))).startsWith("{\"event\":\"changed\",\"at\":\"2026-12-07T00:00:00Z\"")
                .contains("\"before\":{\"severity\":\"WARNING\"").doesNotContain("\n");
    }

    @Test
    void aSecretInAFindingsWordsNeverReachesAnEvent() {
        String key = "3|api.private.zscaler.com|Q2hlY2tUaGlzS2V5SXNOb3RBUmVhbE9uZUJ1dExvbmdFbm91Z2hUb01hdGNo";
        Finding f = finding(Severity.WARNING, "the key " + key + " was copied wrongly");
        FindingChange c = FindingChanges.between(List.of(), null, List.of(f), null, AT).get(0);
        assertThat(FindingChanges.toJson(c)).doesNotContain("Q2hlY2tUaGlz").contains(Redactor.REDACTED);
        assertThat(FindingChanges.toText(c)).doesNotContain("Q2hlY2tUaGlz");
    }

    @Test
    void somethingThatIsNotAReportIsRefusedSayingWhichAndWhatWasExpected() {
        String ok = "{\"schemaVersion\":1,\"evaluatedAt\":\"2026-12-07T00:00:00Z\",\"findings\":[]}";
        assertThatThrownBy(() -> FindingChanges.betweenReports("{\"findings\": [", ok))
                .hasMessageStartingWith("the older report is not JSON").hasMessageContaining("findings array");
        assertThatThrownBy(() -> FindingChanges.betweenReports(ok, "[1,2]"))
                .hasMessageStartingWith("the newer report: expected a zpa-doctor JSON report");
        assertThatThrownBy(() -> FindingChanges.betweenReports(ok, ok.replace("[]", "[{\"code\":\"ZPA-CON-001\"}]")))
                .hasMessageStartingWith("the newer report: findings[0] is not a finding");
        assertThat(FindingChanges.betweenReports(ok, ok)).isEmpty();
    }

    private static Finding finding(Severity s, String cause) {
        return new Finding("ZPA-ENR-001", s, Category.ENROLLMENT, new Subject(SubjectType.PROVISIONING_KEY, "7", "k"),
                null, null, null, "r", "Key exhausted", cause, null, null, null, null);
    }

    private static Facts facts(Path bundle) throws Exception {
        return BundleReader.read(bundle).toFacts();
    }

    private static Path scenario(String name) throws URISyntaxException {
        return Path.of(FindingChangesTest.class.getResource("/scenarios/" + name).toURI());
    }
}
