package io.zpadoctor.client.host;

import io.zpadoctor.model.host.HostObservation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every parser against every fixture, cut, shuffled and corrupted: a parser never throws, always gives one of the
 * three outcomes, every fact names the file it came from, and a problem always names its file.
 */
class ParsersNeverThrowTest {

    static List<String> allFixtures() throws IOException, URISyntaxException {
        Path root = Path.of(ParsersNeverThrowTest.class.getResource("/io/zpadoctor/client/host").toURI());
        List<String> texts = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                texts.add(Files.readString(p));
            }
        }
        return texts;
    }

    static List<String> variants(String text, Random r) {
        List<String> out = new ArrayList<>();
        out.add(text);
        out.add(text.substring(0, r.nextInt(text.length() + 1)));
        List<String> lines = new ArrayList<>(text.lines().toList());
        Collections.shuffle(lines, r);
        out.add(String.join("\n", lines));
        char[] chars = text.toCharArray();
        for (int i = 0; i < Math.min(20, chars.length); i++) {
            chars[r.nextInt(chars.length)] = (char) r.nextInt(0x3000);
        }
        out.add(new String(chars));
        out.add(text.replace(" ", "\t").replace("\n", "\r\n"));
        out.add("\u0000\u001B[31m" + text + "\uFFFF");
        return out;
    }

    @TestFactory
    Stream<DynamicTest> noParserThrowsOnAnyFixtureOrItsCorruptions() throws Exception {
        List<String> fixtures = allFixtures();
        Map<String, HostParser> parsers = HostParsers.all(Instant.parse("2025-07-18T11:00:00Z"));
        Random r = new Random(20250718);
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, HostParser> e : parsers.entrySet()) {
            List<String> inputs = new ArrayList<>();
            fixtures.forEach(f -> inputs.addAll(variants(f, r)));
            inputs.add("x".repeat(200_000));
            inputs.add("9".repeat(40) + "\t/\n");
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
                for (String in : inputs) {
                    HostFile f = new HostFile("h", e.getKey(), in);
                    ParseResult res = e.getValue().parse(f);
                    assertThat(res).isNotNull();
                    if (res.outcome() == ParseResult.Outcome.PARSED) {
                        assertThat(res.facts()).allMatch(x -> x instanceof HostObservation o && o.host().equals("h")
                                && o.source().equals(f.path()) && (o.line() == null || o.line() >= 1));
                    } else {
                        assertThat(res.problem().file()).isEqualTo(e.getKey());
                        assertThat(res.problem().detail()).isNotBlank();
                        // a parser's own failure throws under the test suites' switch; this catches it without one too
                        assertThat(res.outcome()).isNotEqualTo(ParseResult.Outcome.PARSER_ERROR);
                    }
                }
            }));
        }
        return tests.stream();
    }
}
