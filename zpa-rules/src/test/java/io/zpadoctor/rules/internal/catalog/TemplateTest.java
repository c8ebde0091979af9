package io.zpadoctor.rules.internal.catalog;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTest {
    @Test
    void fillsPlaceholdersAndSections() {
        String t = "Key {{keyName}}{{#group}} of {{group}}{{/group}}{{^group}} of no group{{/group}}.";
        assertThat(Template.render(t, Map.of("keyName", "k1", "group", "DC1"))).isEqualTo("Key k1 of DC1.");
        assertThat(Template.render(t, Map.of("keyName", "k1"))).isEqualTo("Key k1 of no group.");
    }

    @Test
    void aMissingValueIsVisibleNotSilentlyEmpty() {
        assertThat(Template.render("max_usage={{newMaxUsage}}", Map.of())).isEqualTo("max_usage=<newMaxUsage?>");
    }

    @Test
    void jsonBracesAndShellVariablesAreLeftAlone() {
        assertThat(Template.renderCommand("PUT /x {\"maxUsage\":\"{{n}}\"} && echo $ip:443", Map.of("n", "12")))
                .isEqualTo("PUT /x {\"maxUsage\":\"12\"} && echo $ip:443");
    }

    @Test
    void proseLosesTheSpacesDroppedSectionsLeave() {
        assertThat(Template.render("Connector {{name}} {{#since}}since {{since}}{{/since}} .", Map.of("name", "c")))
                .isEqualTo("Connector c.");
    }

    @Test
    void nestedSectionsWork() {
        String t = "{{#a}}A{{#b}}B{{/b}}{{/a}}";
        assertThat(Template.render(t, Map.of("a", "1", "b", "1"))).isEqualTo("AB");
        assertThat(Template.render(t, Map.of("a", "1"))).isEqualTo("A");
        assertThat(Template.render(t, Map.of("b", "1"))).isEmpty();
    }

    @Test
    void malformedTemplatesAreReported() {
        assertThat(Template.check("{{#a}}open")).contains("not closed");
        assertThat(Template.check("{{/a}}")).contains("closes no open section");
        assertThat(Template.check("{{x")).contains("without '}}'");
        assertThat(Template.check("fine {{x}}")).isNull();
        assertThatThrownBy(() -> Template.render("{{#a}}x{{/b}}", Map.of())).hasMessageContaining("closes 'a'");
        assertThat(Template.requiredNames("{{a}} {{#b}}{{c}}{{/b}}")).containsExactly("a");
    }

    @Test
    void tidyingInOnePassMatchesTheTwoRegularExpressionsItReplaced() {
        java.util.Random random = new java.util.Random(7);
        String alphabet = "  \t\t.,;:)a(\n";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = b.toString();
            String expected = s.replaceAll("[ \\t]{2,}", " ").replaceAll(" ([.,;:)])", "$1").strip();
            assertThat(Template.tidy(s)).as("tidy(\"%s\")", s.replace("\t", "\\t").replace("\n", "\\n"))
                    .isEqualTo(expected);
        }
    }
}
