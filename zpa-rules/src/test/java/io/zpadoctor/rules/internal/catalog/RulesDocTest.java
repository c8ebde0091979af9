package io.zpadoctor.rules.internal.catalog;

import io.zpadoctor.rules.Catalog;
import io.zpadoctor.rules.CatalogEntry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/RULES.md is generated from the catalog and the DRL: this test fails when the checked-in page differs,
 * when a rule emits a code the catalog lacks, or when a catalog code has no rule. Run with
 * {@code -DupdateRulesDoc=true} to rewrite the page.
 */
class RulesDocTest {
    static final Path DRL = Path.of("src/main/resources/io/zpadoctor/rules/internal/drl");
    static final Path PAGE = Path.of("../docs/RULES.md");

    static Map<String, String> drlSources() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(DRL)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                out.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return out;
    }

    @Test
    void everyCodeHasAnEntryAndEveryEntryARule() throws IOException {
        Map<String, List<RulesDoc.Implementation>> impl = RulesDoc.implementations(drlSources());
        Catalog c = Catalog.builtIn();
        List<String> problems = new ArrayList<>();
        for (String code : impl.keySet()) {
            if (c.entry(code).isEmpty()) {
                problems.add(code + " is emitted by " + impl.get(code) + " but has no catalog entry");
            }
        }
        for (CatalogEntry e : c.entries()) {
            if (!impl.containsKey(e.code())) {
                problems.add(e.code() + " has a catalog entry but no rule emits it");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckedInPageIsTheGeneratedOne() throws IOException {
        String generated = RulesDoc.generate(Catalog.builtIn(), RulesDoc.implementations(drlSources()));
        if (Boolean.getBoolean("updateRulesDoc")) {
            Files.writeString(PAGE, generated);
        }
        assertThat(PAGE).as("docs/RULES.md is missing; run this test with -DupdateRulesDoc=true").exists();
        assertThat(Files.readString(PAGE)).as("docs/RULES.md is out of date; run RulesDocTest with"
                + " -DupdateRulesDoc=true (see the page's header)").isEqualTo(generated);
    }

    @Test
    void theGeneratorFindsCodesInsideRuleBlocks() {
        Map<String, List<RulesDoc.Implementation>> impl = RulesDoc.implementations(Map.of("x.drl", """
                rule "A"
                when X() then insertLogical(Finding.builder("ZPA-ABC-001").build());
                end
                rule "B" when Y() then f("ZPA-ABC-001", "ZPA-ABC-002");
                end
                """));
        assertThat(impl).containsOnlyKeys("ZPA-ABC-001", "ZPA-ABC-002");
        assertThat(impl.get("ZPA-ABC-001")).extracting(RulesDoc.Implementation::rule).containsExactly("A", "B");
    }
}
