package io.zpadoctor.rules;

import io.zpadoctor.model.Facts;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.Tenant;
import io.zpadoctor.model.tenant.TenantCollection;
import io.zpadoctor.report.Format;
import io.zpadoctor.report.Reports;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RulePackTest {
    static final Path PACKS = Path.of("src/test/resources/packs");

    static Facts prodGroup() {
        Tenant t = new Tenant(List.of(), List.of(ConnectorGroup.builder("g9").name("eu-prod-1").versionProfileId("0")
                .source("api/connector-groups.json").build()), List.of(), List.of(), List.of(), List.of(),
                EnumSet.allOf(TenantCollection.class));
        return Facts.builder().tenant(t).evaluatedAt(Instant.parse("2026-01-01T00:00:00Z"), "test").build();
    }

    @Test
    void aPackRunsBesideTheBuiltInRulesAndRendersEverywhere() throws Exception {
        Diagnoser doctor = Diagnoser.builder().rulePack(PACKS.resolve("good")).build();
        Diagnosis d = doctor.diagnose(prodGroup());
        Finding f = d.findings("ACME-VER-001").get(0);
        assertThat(f.title()).isEqualTo("Production group not on New Release");
        assertThat(f.rootCause()).isEqualTo("Group eu-prod-1 is a production group but follows the \"Default\" profile.");
        assertThat(d.primary()).isSameAs(f);
        for (Format format : Format.values()) {
            assertThat(Reports.render(d, format)).contains("ACME-VER-001");
        }
        assertThat(Diagnoser.builder().build().diagnose(prodGroup()).findings()).as("the built-in base is untouched")
                .isEmpty();
    }

    @Test
    void aPackMayDeleteOrUpdateTheTenantsRecords() throws Exception {
        Tenant t = new Tenant(List.of(
                AppConnector.builder("c1").name("lab-1").groupId("g1").controlChannelStatus("ZPN_STATUS_DISCONNECTED").build(),
                AppConnector.builder("c2").name("prod-1").groupId("g1").controlChannelStatus("ZPN_STATUS_DISCONNECTED").build(),
                AppConnector.builder("c3").name("stg-1").groupId("g1").controlChannelStatus("ZPN_STATUS_DISCONNECTED").build()),
                List.of(ConnectorGroup.builder("g1").name("eu-1").build()), List.of(), List.of(), List.of(), List.of(),
                EnumSet.allOf(TenantCollection.class));
        Facts facts = Facts.builder().tenant(t).evaluatedAt(Instant.parse("2026-01-01T00:00:00Z"), "test").build();

        Diagnosis plain = Diagnoser.builder().build().diagnose(facts);
        Diagnosis packed = Diagnoser.builder().rulePack(PACKS.resolve("forgetful")).build().diagnose(facts);

        assertThat(plain.findings("ZPA-CON-001")).extracting(f -> f.subject().id()).containsExactly("c1", "c2", "c3");
        assertThat(packed.findings("ZPA-CON-001")).as("the deleted lab connector reaches no built-in rule")
                .extracting(f -> f.subject().id()).containsExactly("c2", "c3");
        assertThat(packed.findings("ACME-LAB-001")).extracting(f -> f.subject().id()).containsExactly("c1");
    }

    @Test
    void aPackIsCompiledOncePerProcess() throws Exception {
        RulePack first = RulePack.load(PACKS.resolve("good"));
        RulePack again = RulePack.load(PACKS.resolve("good"));
        assertThat(again.build()).isSameAs(first.build());
        assertThat(first.codes()).containsExactly("ACME-VER-001");
    }

    @Test
    void aJarOfThePackWorksLikeTheFolder(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path folder = PACKS.resolve("good");
        Path jar = tmp.resolve("acme-pack.jar");
        try (var out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(jar));
             var files = java.nio.file.Files.walk(folder)) {
            for (Path f : files.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new java.util.zip.ZipEntry(folder.relativize(f).toString().replace('\\', '/')));
                out.write(java.nio.file.Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        RulePack pack = RulePack.load(jar);
        assertThat(pack.name()).isEqualTo("acme-pack");
        assertThat(pack.codes()).containsExactly("ACME-VER-001");
        Diagnosis d = Diagnoser.builder().rulePack(jar).build().diagnose(prodGroup());
        assertThat(d.findings()).extracting(Finding::code).containsExactly("ACME-VER-001");
        assertThat(d.findings().get(0).title()).isEqualTo("Production group not on New Release");
    }

    @Test
    void everyCompileErrorIsListedWithFileAndLine() {
        RulePackException e = catchThrowableOfType(RulePackException.class, () -> RulePack.load(PACKS.resolve("broken")));
        assertThat(e.problems()).extracting(RulePackException.Problem::file)
                .contains("rules/syntax.drl", "rules/field.drl", "rules/klass.drl", "rules/consequence.drl");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.line()).as(p.toString()).isPositive());
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("rules/field.drl");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("statuz");
        });
        assertThat(e.getMessage()).startsWith("rule pack " + PACKS.resolve("broken") + ": ");
        assertThat(Diagnoser.builder().build().diagnose(prodGroup()).findings()).as("built-ins still whole").isEmpty();
    }

    @Test
    void builtInCodesAndPackagesAreReserved() {
        assertThatThrownBy(() -> RulePack.load(PACKS.resolve("collide-builtin"))).isInstanceOf(RulePackException.class)
                .hasMessageContaining("ZPA-ENR-001: codes starting with ZPA- belong to the built-in rules");
        assertThatThrownBy(() -> RulePack.load(PACKS.resolve("reserved-package")))
                .hasMessageContaining("package io.zpadoctor.rules belongs to ZPA Doctor's built-in rules");
    }

    @Test
    void twoPacksDefiningOneCodeAreRefusedNamingBoth() throws Exception {
        Diagnoser.Builder b = Diagnoser.builder().rulePack(PACKS.resolve("good"));
        assertThatThrownBy(() -> b.rulePack(PACKS.resolve("twin"))).isInstanceOf(RulePackException.class)
                .hasMessageContaining("ACME-VER-001 is defined in " + PACKS.resolve("good") + "/catalog.yaml")
                .hasMessageContaining("again in " + PACKS.resolve("twin") + "/catalog.yaml");
    }

    @Test
    void aCodeWithoutCatalogEntryIsAnError() {
        assertThatThrownBy(() -> RulePack.load(PACKS.resolve("no-entry")))
                .hasMessageContaining("versions.drl:")
                .hasMessageContaining("emits ACME-VER-002, which catalog.yaml does not define");
    }

    @Test
    void aMissingPackSaysSo() {
        assertThatThrownBy(() -> RulePack.load(PACKS.resolve("nope"))).hasMessageContaining("no such folder or jar");
    }
}
