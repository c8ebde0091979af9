package io.zpadoctor.rules;

import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.host.ProbeProblem;
import io.zpadoctor.report.Format;
import io.zpadoctor.report.Reports;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ZPA-PRB-003, a parser's defect, fires only for a PARSER_ERROR problem and never as the customer's bad file
 * (PRB-001). No bundle can fire it once the parsers are fixed, so the problem is planted as the parser would
 * report it (the parser side is ProbeParserDefectTest in zpa-client).
 */
class ParserDefectRuleTest {
    static final String CODE = "ZPA-PRB-003";
    static final String RULE = "Report a parser that failed on a probe file";

    private static Facts bundle() throws Exception {
        return BundleReader.read(ScenarioTest.scenarioRoot().resolve("res-008-small-ram-two-plain-cores")).toFacts();
    }

    private static String host(Facts f) {
        return f.hostFacts().get(0).host();
    }

    @Test
    void aParserDefectIsReportedAsOursNotAsTheFiles() throws Exception {
        Facts f = bundle();
        String detail = "DfParser failed on " + host(f) + "/df.txt: IllegalStateException: index 7 out of bounds";
        Diagnosis d = Diagnoser.builder().build().diagnose(f.toBuilder()
                .hostFact(new ProbeProblem(host(f), "df.txt", null, ProbeProblem.Kind.PARSER_ERROR, detail)).build());

        assertThat(d.findings(CODE)).singleElement().satisfies(x -> {
            assertThat(x.rootCause()).contains("hosts/" + host(f) + "/df.txt").contains("defect in ZPA Doctor")
                    .contains("IllegalStateException");
            assertThat(x.rule()).isEqualTo(RULE);
        });
        assertThat(d.findings("ZPA-PRB-001")).noneMatch(x -> x.rootCause().contains("df.txt"));
        assertThat(Reports.render(d, Format.MARKDOWN)).contains("ZPA Doctor failed to read a host file");
    }

    @Test
    void aMalformedFileIsTheFilesProblemNotADefect() throws Exception {
        Facts f = bundle();
        Diagnosis d = Diagnoser.builder().build().diagnose(f.toBuilder()
                .hostFact(new ProbeProblem(host(f), "df.txt", 3, ProbeProblem.Kind.MALFORMED, "expected a size column"))
                .build());
        assertThat(d.findings(CODE)).isEmpty();
        assertThat(d.findings("ZPA-PRB-001")).anySatisfy(x -> assertThat(x.rootCause()).contains("df.txt"));
    }

    @Test
    void aCleanBundleHasNoParserDefect() throws Exception {
        assertThat(Diagnoser.builder().build().diagnose(bundle()).findings(CODE)).isEmpty();
    }

    @Test
    void everyFindingOfTheBundleStaysWhenADefectIsAdded() throws Exception {
        // the defect hides one file; it must not invent or drop findings about the others
        Facts f = bundle();
        Diagnosis before = Diagnoser.builder().build().diagnose(f);
        Diagnosis after = Diagnoser.builder().build().diagnose(f.toBuilder()
                .hostFact(new ProbeProblem(host(f), "zz-unused.txt", null, ProbeProblem.Kind.PARSER_ERROR, "x failed"))
                .build());
        assertThat(after.findings().stream().map(Finding::code).filter(c -> !c.equals(CODE)).toList())
                .isEqualTo(before.findings().stream().map(Finding::code).toList());
    }
}
