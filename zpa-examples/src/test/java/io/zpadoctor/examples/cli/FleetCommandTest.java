package io.zpadoctor.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class FleetCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aGeneratedTenTenantShowsEveryInjectedFaultOnceAndNothingElse() throws Exception {
        Path bundle = tmp.resolve("tenant");
        Cli gen = Cli.run("generate", "--connectors", "10000", "--seed", "4", "--out", bundle.toString());
        assertThat(gen.code()).isZero();
        Cli fleet = Cli.run("fleet", "--bundle", bundle.toString(), "--format", "json");
        assertThat(fleet.code()).as("site outages are CRITICAL").isEqualTo(2);
        JsonNode j = new ObjectMapper().readTree(fleet.out());
        Set<String> found = new TreeSet<>();
        int count = 0;
        for (JsonNode f : j.get("findings")) {
            found.add(f.get("code").asText() + " " + f.get("subject").get("id").asText());
            count++;
        }
        Set<String> expected = new TreeSet<>(Files.readAllLines(bundle.resolve("expected-findings.txt")));
        expected.removeIf(l -> l.startsWith("#"));
        assertThat(found).isEqualTo(expected);
        assertThat(count).as("each fault once").isEqualTo(expected.size());
        assertThat(j.get("fleet").get("connectors").get("total").asInt()).isGreaterThanOrEqualTo(10_000);
        assertThat(j.get("fleet").get("byGroup").get(0).get("worst").asText()).isEqualTo("CRITICAL");
        // each application chain fault once, and the applications it cuts off named in the impact
        assertThat(found).anyMatch(s -> s.startsWith("ZPA-APP-005 "));
        assertThat(j.at("/fleet/impact/applicationsUnreachable").size()).isGreaterThan(12);
        int problems = j.at("/fleet/problems").size();
        int beneath = 0;
        for (JsonNode p : j.at("/fleet/problems")) {
            beneath += p.get("explains").size();
        }
        // INFO cleanup (long-disconnected records) is listed as cleanup, not counted as a problem
        int cleanup = 0;
        for (JsonNode f : j.get("findings")) {
            if (f.get("severity").asText().equals("INFO") && f.get("explainedBy").isEmpty()) {
                cleanup++;
            }
        }
        assertThat(cleanup).isPositive();
        assertThat(problems + beneath + cleanup).as("every finding counted once").isEqualTo(count);
    }

    @Test
    void markdownAndTextSummariseTheFleet() {
        Path scenario = Path.of("../zpa-rules/src/test/resources/scenarios/flt-005-site-outage");
        Cli md = Cli.run("fleet", "--bundle", scenario.toString(), "--format", "markdown");
        assertThat(md.out()).contains("# ZPA Fleet Report", "## Impact", "- Connector groups down: 1",
                "**Problems:** 1 problem (1 CRITICAL), explaining 4 more findings",
                "### DC2-Amsterdam (CRITICAL, 5 findings)", "ZPA-FLT-005");
        Cli text = Cli.run("fleet", "--bundle", scenario.toString(), "--format", "text", "--fail-on", "never");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("ZPA Doctor: fleet", "DC2-Amsterdam  CRITICAL");
    }

    @Test
    void aHealthyTenantExitsZeroAndBadInputSaysWhy() {
        Path healthy = Path.of("src/main/resources/io/zpadoctor/examples/demo/healthy");
        assertThat(Cli.run("fleet", "--bundle", healthy.toString()).code()).isZero();
        assertThat(Cli.run("fleet").code()).isEqualTo(64);
        assertThat(Cli.run("fleet", "--bundle", tmp.resolve("nope").toString()).code()).isEqualTo(65);
        assertThat(Cli.run("generate", "--connectors", "5", "--out", tmp.resolve("x").toString()).code()).isEqualTo(64);
    }
}
