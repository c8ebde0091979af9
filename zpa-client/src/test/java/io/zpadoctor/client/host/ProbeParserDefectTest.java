package io.zpadoctor.client.host;

import io.zpadoctor.client.host.internal.Malformed;
import io.zpadoctor.client.host.internal.ProbeText;
import io.zpadoctor.model.host.ProbeProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A parser's own failure is ZPA Doctor's defect: PARSER_ERROR and logged, or a failed test; never MALFORMED. */
class ProbeParserDefectTest {

    private static final String BEFORE = System.getProperty(ProbeParser.FAIL_PROPERTY);

    @AfterEach
    void restore() {
        if (BEFORE == null) {
            System.clearProperty(ProbeParser.FAIL_PROPERTY);
        } else {
            System.setProperty(ProbeParser.FAIL_PROPERTY, BEFORE);
        }
    }

    /** A df parser whose reading is {@code body}: a defect planted where a real parser's would be. */
    private static ProbeParser parser(Function<ProbeText, ParseResult> body) {
        return new ProbeParser() {
            @Override protected String key() { return "df"; }
            @Override protected Set<String> commandWords() { return Set.of("df"); }
            @Override protected String expected() { return "`df -hP` output"; }
            @Override protected ParseResult read(HostFile file, ProbeText text) { return body.apply(text); }
        };
    }

    private static final HostFile FILE = new HostFile("vm-1", "df.txt", "Filesystem Size Used Avail Use% Mounted on\n");

    @Test
    void aDefectIsAParserErrorNamingTheParserNotTheFilesFault() {
        System.setProperty(ProbeParser.FAIL_PROPERTY, "report");
        ParseResult r = parser(t -> List.<String>of().get(3) == null ? null : null).parse(FILE);

        assertThat(r.outcome()).isEqualTo(ParseResult.Outcome.PARSER_ERROR);
        assertThat(r.facts()).isEmpty();
        assertThat(r.problem().kind()).isEqualTo(ProbeProblem.Kind.PARSER_ERROR);
        assertThat(r.problem().detail()).contains("failed on vm-1/df.txt").contains("IndexOutOfBoundsException");
        assertThat(r.asFacts()).containsExactly(r.problem());
    }

    @Test
    void aSecretInTheFailuresMessageIsScrubbed() {
        System.setProperty(ProbeParser.FAIL_PROPERTY, "report");
        String key = "3|api.private.zscaler.com|AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEFGHijklMNOPqrstUVWXyz==";
        ParseResult r = parser(t -> { throw new IllegalStateException("bad value " + key); }).parse(FILE);
        assertThat(r.outcome()).isEqualTo(ParseResult.Outcome.PARSER_ERROR);
        assertThat(r.problem().detail()).doesNotContain("AbCdEfGhIjKlMnOpQrStUvWxYz0123456789");
    }

    @Test
    void underTheTestSwitchADefectFailsWhateverMetIt() {
        System.setProperty(ProbeParser.FAIL_PROPERTY, "fail");
        assertThatThrownBy(() -> parser(t -> { throw new NumberFormatException("For input string: \"x\""); }).parse(FILE))
                .isInstanceOf(AssertionError.class).hasMessageContaining("parser defect")
                .hasCauseInstanceOf(NumberFormatException.class);
    }

    @Test
    void theFilesOwnGarbageStaysMalformed() {
        System.setProperty(ProbeParser.FAIL_PROPERTY, "fail");
        ParseResult r = parser(t -> { throw new Malformed(2, "expected a size column"); }).parse(FILE);
        assertThat(r.outcome()).isEqualTo(ParseResult.Outcome.MALFORMED);
        assertThat(r.problem().kind()).isEqualTo(ProbeProblem.Kind.MALFORMED);
    }

    @Test
    void theSuitesRunWithTheSwitchOn() {
        // every module's surefire sets it, so a defect anywhere in a test fails that test
        assertThat(System.getenv(ProbeParser.FAIL_ENV)).isEqualTo("fail");
    }
}
