package io.zpadoctor.examples.embed;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddingExampleTest {
    static final Path DEMO = Path.of("src/main/resources/io/zpadoctor/examples/demo/exhausted-key");
    static final Path SOURCE = Path.of("src/main/java/io/zpadoctor/examples/embed/EmbeddingExample.java");
    static final Path README = Path.of("../README.md");

    @Test
    void theExampleRunsOnADemoBundle() throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            EmbeddingExample.main(new String[] {DEMO.toString()});
        } finally {
            System.setOut(old);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Root cause ZPA-ENR-001", "WARNING ZPA-FLT-003",
                "lines of Markdown report");
    }

    @Test
    void theReadmeQuotesTheExampleExactly() throws Exception {
        List<String> example = between(Files.readAllLines(SOURCE), "// README:begin", "// README:end");
        assertThat(example).hasSizeBetween(5, 12);
        String readme = Files.readString(README);
        assertThat(readme).as("README.md must quote EmbeddingExample's README block verbatim")
                .contains(String.join("\n", example));
    }

    static List<String> between(List<String> lines, String begin, String end) {
        int from = -1;
        int to = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(begin)) {
                from = i + 1;
            } else if (lines.get(i).trim().equals(end)) {
                to = i;
            }
        }
        int indent = lines.get(from).indexOf(lines.get(from).trim());
        return lines.subList(from, to).stream().map(l -> l.length() >= indent ? l.substring(indent) : l.strip()).toList();
    }
}
