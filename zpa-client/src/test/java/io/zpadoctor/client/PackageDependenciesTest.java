package io.zpadoctor.client;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layers of zpa-client, read from the sources' imports: the host parsers use the model and the JDK alone (they
 * could be a module of their own), the wire mapping knows neither bundles nor the API, and the API client and the
 * bundle reader do not reach into each other's insides. A new arrow breaks this test, not the design, silently.
 */
class PackageDependenciesTest {
    static final Path SOURCES = Path.of("src/main/java");
    static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);
    static final Pattern QUALIFIED = Pattern.compile("\\b(io\\.zpadoctor\\.client(?:\\.\\w+)*)\\.[A-Z]\\w*");

    /** Package to the packages (and foreign libraries) its sources name. */
    static Map<String, Set<String>> uses() throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(SOURCES)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(p.getParent()).toString().replace('/', '.');
                String text = Files.readString(p);
                Set<String> used = out.computeIfAbsent(pkg, k -> new TreeSet<>());
                for (Matcher m = IMPORT.matcher(text); m.find(); ) {
                    used.add(m.group(1));
                }
                for (Matcher m = QUALIFIED.matcher(text); m.find(); ) {
                    used.add(m.group(1));
                }
                used.remove(pkg);
            }
        }
        return out;
    }

    static List<String> violations(Map<String, Set<String>> uses, String from, String... forbiddenPrefixes) {
        List<String> out = new ArrayList<>();
        uses.forEach((pkg, used) -> {
            if (pkg.equals(from) || pkg.startsWith(from + ".")) {
                for (String u : used) {
                    for (String f : forbiddenPrefixes) {
                        if (u.equals(f) || u.startsWith(f + ".")) {
                            out.add(pkg + " uses " + u);
                        }
                    }
                }
            }
        });
        return out;
    }

    @Test
    void theHostParsersNeedTheModelAndTheJdkAlone() throws IOException {
        Map<String, Set<String>> uses = uses();
        assertThat(uses).containsKey("io.zpadoctor.client.host");
        List<String> bad = new ArrayList<>();
        uses.forEach((pkg, used) -> {
            if (pkg.startsWith("io.zpadoctor.client.host")) {
                used.stream().filter(u -> !u.startsWith("java.") && !u.startsWith("io.zpadoctor.model")
                        && !u.startsWith("io.zpadoctor.client.host")).forEach(u -> bad.add(pkg + " uses " + u));
            }
        });
        assertThat(bad).isEmpty();
    }

    @Test
    void theLayersPointOneWay() throws IOException {
        Map<String, Set<String>> uses = uses();
        assertThat(violations(uses, "io.zpadoctor.client.internal.wire", "io.zpadoctor.client.bundle",
                "io.zpadoctor.client.api", "io.zpadoctor.client.host")).isEmpty();
        assertThat(violations(uses, "io.zpadoctor.client.api", "io.zpadoctor.client.bundle",
                "io.zpadoctor.client.host")).isEmpty();
        assertThat(violations(uses, "io.zpadoctor.client.bundle", "io.zpadoctor.client.api.internal")).isEmpty();
        assertThat(violations(uses, "io.zpadoctor.client.lss", "io.zpadoctor.client.bundle", "io.zpadoctor.client.api",
                "io.zpadoctor.client.host")).isEmpty();
    }

    @Test
    void theCheckSeesAnArrowWhenThereIsOne() {
        Map<String, Set<String>> planted = Map.of("io.zpadoctor.client.host", Set.of("io.zpadoctor.client.bundle"));
        assertThat(violations(planted, "io.zpadoctor.client.host", "io.zpadoctor.client.bundle")).hasSize(1);
    }
}
