package io.zpadoctor.rules.internal.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The built-in catalog compiled at build time reads as the YAML does, and only ever for the YAML it came from. */
class CatalogCompilerTest {
    private static final String YAML = "io/zpadoctor/rules/catalog.yaml";
    private static final String COMPILED = "io/zpadoctor/rules/catalog.compiled.json";

    @TempDir
    Path tmp;

    private static byte[] resource(String path) throws Exception {
        try (InputStream in = CatalogCompilerTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as("%s on the classpath (the build's process-classes phase writes it)", path).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void theBuildsCompiledCatalogReadsAsTheYaml() throws Exception {
        byte[] yaml = resource(YAML);
        CatalogLoader.CatalogFile fromYaml = CatalogLoader.load(new ByteArrayInputStream(yaml), "built-in", YAML);
        CatalogLoader.CatalogFile compiled = CatalogCompiler.read(yaml, new ByteArrayInputStream(resource(COMPILED)));
        assertThat(compiled).as("compiled from this YAML").isNotNull();
        assertThat(compiled.entries()).hasSizeGreaterThan(50).isEqualTo(fromYaml.entries());
        assertThat(compiled.persist()).isNotEmpty().isEqualTo(fromYaml.persist());
        assertThat(compiled.probes()).isNotEmpty().isEqualTo(fromYaml.probes());
        assertThat(compiled.problemList()).isEmpty();
    }

    @Test
    void aCopyCompiledFromOtherBytesIsNotRead() throws Exception {
        byte[] yaml = resource(YAML);
        byte[] edited = (new String(yaml, StandardCharsets.UTF_8) + "\n# edited after the build\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(CatalogCompiler.read(edited, new ByteArrayInputStream(resource(COMPILED)))).isNull();
        assertThat(CatalogCompiler.read(yaml, null)).as("no compiled copy").isNull();
    }

    @Test
    void compilingWritesAStampedCopyAndRefusesAnUnsoundCatalog() throws Exception {
        Path yaml = tmp.resolve("catalog.yaml");
        Files.write(yaml, resource(YAML));
        Path json = tmp.resolve("out/catalog.compiled.json");
        CatalogCompiler.main(new String[] {yaml.toString(), json.toString()});
        assertThat(CatalogCompiler.read(Files.readAllBytes(yaml), Files.newInputStream(json)).entries())
                .isEqualTo(CatalogLoader.load(Files.newInputStream(yaml), "built-in", YAML).entries());

        Files.writeString(yaml, "codes:\n  ZPA-XYZ-001:\n    severity: LOUD\n    category: cert\n");
        Path bad = tmp.resolve("bad.json");
        assertThatThrownBy(() -> CatalogCompiler.main(new String[] {yaml.toString(), bad.toString()}))
                .hasMessageContaining("ZPA-XYZ-001").hasMessageContaining("LOUD");
        assertThat(bad).doesNotExist();
        assertThat(tmp).isDirectoryNotContaining("glob:**.tmp");
    }
}
