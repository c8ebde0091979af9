package io.zpadoctor.rules.internal.catalog;

import io.zpadoctor.rules.Catalog;
import io.zpadoctor.rules.CatalogEntry;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogLoaderTest {
    static CatalogLoader.CatalogFile load(String yaml) throws Exception {
        return CatalogLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test", "pack.yaml");
    }

    static Catalog catalog(CatalogLoader.CatalogFile f) {
        f.requireSound();
        return Catalog.of(f.entries(), f.persist(), f.probes());
    }

    static final String GOOD = """
            codes:
              ACME-CPU-001:
                severity: WARNING
                category: RESOURCES
                role: cause
                title: omiagent uses the CPU
                trigger: The omiagent process is above 50 % CPU.
                requires: [host:ps-cpu.txt]
                rootCause: "omiagent uses {{cpu}} % CPU on {{host}}."
                remediation:
                  - kind: HOST
                    text: Restart the agent.
                    command: sudo systemctl restart omid
                verification: ps shows omiagent below 50 %.
                supersedes: [ZPA-RES-001]
            """;

    @Test
    void readsAWellFormedEntry() throws Exception {
        Catalog c = catalog(load(GOOD));
        CatalogEntry e = c.entry("ACME-CPU-001").orElseThrow();
        assertThat(e.role()).isEqualTo(CatalogEntry.Role.CAUSE);
        assertThat(e.supersedes()).containsExactly("ZPA-RES-001");
        assertThat(e.origin()).isEqualTo("test");
    }

    @Test
    void listsEveryProblemWithFileAndCode() throws Exception {
        CatalogLoader.CatalogFile l = load("""
                codes:
                  acme-1:
                    severity: LOUD
                    category: RESOURCES
                    title: t
                    trigger: t
                    rootCause: "{{#x}}never closed"
                    remediation: []
                    verification: v
                    requires: [disk]
                """);
        assertThat(l.problems()).anyMatch(p -> p.startsWith("pack.yaml: acme-1: the code is not of the form"))
                .anyMatch(p -> p.contains("unknown severity 'LOUD'"))
                .anyMatch(p -> p.contains("needs at least one remediation step"))
                .anyMatch(p -> p.contains("not closed"))
                .anyMatch(p -> p.contains("requires 'disk'"));
        assertThatThrownBy(l::requireSound).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void brokenYamlNamesLineAndColumn() throws Exception {
        CatalogLoader.CatalogFile l = load("codes:\n  A-B-001:\n    title: a: b\n");
        assertThat(l.problems()).singleElement().asString().startsWith("pack.yaml:3:").contains("not valid YAML");
    }

    @Test
    void collidingCodesNameBothOrigins() throws Exception {
        Catalog a = catalog(load(GOOD));
        Catalog b = catalog(CatalogLoader.load(new ByteArrayInputStream(GOOD.getBytes(StandardCharsets.UTF_8)),
                "other-pack", "other.yaml"));
        assertThatThrownBy(() -> a.with(b)).hasMessageContaining("ACME-CPU-001 is defined in test and again in other-pack");
    }

    @Test
    void theBuiltInCatalogIsSound() {
        Catalog c = Catalog.builtIn();
        assertThat(c.entries()).isNotEmpty();
        for (CatalogEntry e : c.entries()) {
            assertThat(e.code()).startsWith("ZPA-");
            assertThat(e.category().area()).as(e.code()).isEqualTo(e.code().split("-")[1]);
            for (String s : e.supersedes()) {
                assertThat(c.entry(s)).as(e.code() + " supersedes unknown " + s).isPresent();
            }
        }
        assertThat(c.probes()).containsKeys("journal.txt", "df.txt", "dig-broker.txt");
    }
}
