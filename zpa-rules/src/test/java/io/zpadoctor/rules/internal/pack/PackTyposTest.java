package io.zpadoctor.rules.internal.pack;

import io.zpadoctor.rules.RulePack;
import io.zpadoctor.rules.RulePackException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** lint names a pack author's typos plainly, each with its file and line and what was meant (issue 19). */
class PackTyposTest {
    @TempDir
    Path tmp;

    static final String RULE = """
            package com.acme.zpa;

            import io.zpadoctor.model.host.ProcessUsage;
            import io.zpadoctor.rules.Findings;

            rule "Hot agent"
            when
                $x : HostContext( $h : host )
                $p : ProcessUsage( host == $h, cpuPercnt > 50, command matches ".*omiagent.*" )
            then
                insertLogical( Findings.about("ACME-AGT-001", $x).param("pid", $p.pid()).build() );
            end
            """;

    static final String CATALOG = """
            codes:
              ACME-AGT-001:
                severity: WARNING
                category: RESOURCES
                role: cause
                title: omiagent is hot on {{hots}}
                trigger: omiagent above 50 % CPU.
                requires: [api:connectrs, host:ps-cpu.text, context:not-enroling]
                rootCause: >-
                  The agent (pid {{pid}}) on {{host}} of {{connectorName}} spins.
                remediation:
                  - kind: HOST
                    text: Restart it with {{#pdi}}kill {{pdi}}{{/pdi}}.
                verification: "{{apiBase}} shows it."
              ACME-AGT-002:
                severity: WARNING
                category: RESOURCE
                title: t
                trigger: t
                rootCause: r
                remediation:
                  - kind: HOST
                    text: x
                verification: v
            """;

    Path pack(String rule, String catalog) throws Exception {
        Path p = tmp.resolve("pack");
        Files.createDirectories(p.resolve("rules"));
        Files.writeString(p.resolve("rules/agent.drl"), rule);
        Files.writeString(p.resolve("catalog.yaml"), catalog);
        return p;
    }

    @Test
    void eachTypoIsNamedWithItsLineAndTheNearestRightName() throws Exception {
        RulePack.Lint l = RulePack.lint(pack(RULE, CATALOG));
        List<String> errors = l.errors().stream().map(Problem::toString).toList();
        assertThat(errors).contains(
                "rules/agent.drl:8: HostContext is not imported: add 'import io.zpadoctor.model.derived.HostContext;'"
                        + " after the package line",
                "catalog.yaml:6: ACME-AGT-001: title uses {{hots}}, which neither its rules' .param(...) nor"
                        + " Findings.about fills, so reports would show <hots?>; did you mean {{host}}? (its rules"
                        + " set pid)",
                "catalog.yaml:13: ACME-AGT-001: remediation step 1 uses {{pdi}}, which neither its rules' .param(...)"
                        + " nor Findings.about fills, so reports would show <pdi?>; did you mean {{pid}}? (its rules"
                        + " set pid)",
                "catalog.yaml:8: ACME-AGT-001: requires 'api:connectrs' names no API file; did you mean"
                        + " api:connectors? (api: application-segments, connector-groups, connectors,"
                        + " enrollment-certificates, provisioning-keys, server-groups)",
                "catalog.yaml:8: ACME-AGT-001: requires 'context:not-enroling' names no context; did you mean"
                        + " context:not-enrolling? (context: application, not-enrolling)");
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("rules/agent.drl:9: ProcessUsage has no field"
                + " 'cpuPercnt'; did you mean cpuPercent? (its fields: command, "));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("catalog.yaml:15: ACME-AGT-002: unknown category"
                + " 'RESOURCE'; did you mean RESOURCES? (categories: ENROLLMENT, NETWORK,"));
        assertThat(errors).as("the compiler's own words for the same lines are replaced")
                .noneMatch(e -> e.contains("Unable to parse left part") || e.contains("Unable to find class"));
        assertThat(l.warnings().stream().map(Problem::toString).toList()).anySatisfy(w -> assertThat(w)
                .startsWith("catalog.yaml:8: ACME-AGT-001: requires 'host:ps-cpu.text' names no probe file the"
                        + " collector writes; did you mean host:ps-cpu.txt? (host: df.txt,"));
    }

    @Test
    void theFixedPackIsClean() throws Exception {
        String rule = RULE.replace("cpuPercnt", "cpuPercent").replace("import io.zpadoctor.rules.Findings;",
                "import io.zpadoctor.rules.Findings;\nimport io.zpadoctor.model.derived.HostContext;");
        String catalog = CATALOG.replace("{{hots}}", "{{host}}").replace("pdi", "pid")
                .replace("api:connectrs, host:ps-cpu.text, context:not-enroling", "host:ps-cpu.txt")
                .replace("category: RESOURCE\n", "category: RESOURCES\n").replace("ACME-AGT-002", "ACME-AGT-001x");
        catalog = catalog.substring(0, catalog.indexOf("  ACME-AGT-001x"));
        RulePack.Lint l = RulePack.lint(pack(rule, catalog));
        assertThat(l.errors()).isEmpty();
        assertThat(l.warnings()).isEmpty();
    }

    @Test
    void theBuiltInRulesRaiseNoFieldOrImportTypo() throws Exception {
        // 67 rules over every fact type: the checks must know every field and accessor form they use
        int files = 0;
        for (String f : List.of("classify", "connector", "enrollment", "fleet", "health", "network", "reachability",
                "resources", "upgrade")) {
            try (InputStream in = getClass().getResourceAsStream("/io/zpadoctor/rules/internal/drl/" + f + ".drl")) {
                String src = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                List<Problem> errors = new ArrayList<>();
                PackLint.drlChecks(f + ".drl", src, new ArrayList<>(), errors, PackChecks.knownClasses());
                assertThat(errors).as(f).isEmpty();
                files++;
            }
        }
        assertThat(files).isEqualTo(9);
    }
}
