package io.zpadoctor.rules;

import io.zpadoctor.rules.internal.catalog.CatalogCompiler;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogTest {
    @Test
    void theBuiltInCatalogIsReadFromTheCopyTheBuildCompiled() throws Exception {
        // the name the run looks for is the name the build writes, and the copy is of this very YAML
        ClassLoader loader = Catalog.class.getClassLoader();
        byte[] yaml;
        try (InputStream in = loader.getResourceAsStream("io/zpadoctor/rules/catalog.yaml")) {
            yaml = in.readAllBytes();
        }
        try (InputStream compiled = loader.getResourceAsStream(Catalog.COMPILED)) {
            assertThat(compiled).as(Catalog.COMPILED).isNotNull();
            assertThat(CatalogCompiler.read(yaml, compiled)).isNotNull();
        }
        assertThat(Catalog.builtIn().entry("ZPA-ENR-001")).isPresent();
    }
}
