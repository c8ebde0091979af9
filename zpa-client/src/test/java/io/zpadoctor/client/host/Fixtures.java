package io.zpadoctor.client.host;

import io.zpadoctor.model.host.HostFact;
import io.zpadoctor.model.host.ProbeProblem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads the real outputs the parsers were built from ({@code src/test/resources/io/zpadoctor/client/host/<dir>/})
 * and checks the three outcomes.
 */
final class Fixtures {
    static final String HOST = "ac-fra-3";

    private Fixtures() {
    }

    static String read(String dir, String fixture) {
        String path = "/io/zpadoctor/client/host/" + dir + "/" + fixture;
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HostFile file(String probe, String dir, String fixture) {
        return new HostFile(HOST, probe, read(dir, fixture));
    }

    static HostFile text(String probe, String text) {
        return new HostFile(HOST, probe, text);
    }

    /** Parses and asserts PARSED; returns the facts of the given type. */
    static <T extends HostFact> List<T> parsed(HostParser parser, HostFile file, Class<T> type) {
        ParseResult r = parser.parse(file);
        assertThat(r.outcome()).as("outcome for %s: %s", file.name(), r.problem()).isEqualTo(ParseResult.Outcome.PARSED);
        assertThat(r.problem()).isNull();
        return r.factsOf(type);
    }

    static <T extends HostFact> T one(HostParser parser, HostFile file, Class<T> type) {
        List<T> facts = parsed(parser, file, type);
        assertThat(facts).as("facts of %s", type.getSimpleName()).hasSize(1);
        return facts.get(0);
    }

    static ProbeProblem notApplicable(HostParser parser, HostFile file) {
        ParseResult r = parser.parse(file);
        assertThat(r.outcome()).as("outcome, facts %s", r.facts()).isEqualTo(ParseResult.Outcome.NOT_APPLICABLE);
        assertThat(r.facts()).isEmpty();
        assertThat(r.asFacts()).containsExactly(r.problem());
        assertThat(r.problem().kind()).isEqualTo(ProbeProblem.Kind.NOT_APPLICABLE);
        assertThat(r.problem().file()).isEqualTo(file.name());
        assertThat(r.problem().path()).isEqualTo(file.path());
        return r.problem();
    }

    /** Parses and asserts PARTIAL: facts for what was read, and a PARTIAL problem naming where reading stopped. */
    static ParseResult partial(HostParser parser, HostFile file) {
        ParseResult r = parser.parse(file);
        assertThat(r.outcome()).as("outcome for %s: %s, facts %s", file.name(), r.problem(), r.facts())
                .isEqualTo(ParseResult.Outcome.PARTIAL);
        assertThat(r.problem().kind()).isEqualTo(ProbeProblem.Kind.PARTIAL);
        assertThat(r.problem().file()).isEqualTo(file.name());
        assertThat(r.asFacts()).contains(r.problem()).containsAll(r.facts());
        return r;
    }

    static ProbeProblem malformed(HostParser parser, HostFile file) {
        ParseResult r = parser.parse(file);
        assertThat(r.outcome()).as("outcome, facts %s", r.facts()).isEqualTo(ParseResult.Outcome.MALFORMED);
        assertThat(r.facts()).isEmpty();
        assertThat(r.problem().kind()).isEqualTo(ProbeProblem.Kind.MALFORMED);
        assertThat(r.problem().file()).isEqualTo(file.name());
        return r.problem();
    }
}
