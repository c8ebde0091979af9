package io.zpadoctor.client.host.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written reading of the short journal form agrees with the expressions on every line it reads. */
class JournalLineTest {
    private static final String MUTATIONS = " :[]0912.\tabZ-";

    static List<String> lines() throws IOException {
        List<String> out = new ArrayList<>();
        for (Path root : List.of(Path.of("src/test/resources/io/zpadoctor/client/host/journal"),
                Path.of("../zpa-rules/src/test/resources/scenarios"))) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().startsWith("journal")).toList()) {
                    out.addAll(Files.readAllLines(p));
                }
            }
        }
        return out;
    }

    @Test
    void theQuickReadingAgreesWithTheExpressions() throws IOException {
        Random r = new Random(14);
        int read = 0;
        for (String line : lines()) {
            List<String> variants = new ArrayList<>(List.of(line));
            for (int k = 0; k < 8 && !line.isEmpty(); k++) {
                StringBuilder b = new StringBuilder(line);
                int at = r.nextInt(Math.min(b.length(), 48));
                b.setCharAt(at, MUTATIONS.charAt(r.nextInt(MUTATIONS.length())));
                variants.add(b.toString());
            }
            for (String v : variants) {
                JournalLine quick = JournalLine.shortForm(v);
                if (quick != null) {
                    read++;
                    assertThat(quick).as(v).isEqualTo(JournalLine.byExpression(v));
                }
            }
        }
        assertThat(read).as("lines the quick reading took").isGreaterThan(1000);
    }
}
