package io.zpadoctor.client.host;

import io.zpadoctor.model.host.HostFact;
import io.zpadoctor.model.host.ProbeProblem;

import java.util.List;

/**
 * What a parser made of a probe file: exactly one of five outcomes. Parsed facts; partial (the right command,
 * read in part: facts for what was read, and a problem naming where it stops or what could not be read); not
 * applicable (empty, or another command's output); malformed (the right command, text that cannot be read);
 * parser error (the parser itself failed: ZPA Doctor's defect, never blamed on the file). All but the first
 * carry a {@link ProbeProblem} so rules can say "cannot tell" instead of guessing.
 *
 * @param facts the observations read (PARSED and PARTIAL only; possibly none, e.g. a journal without connector lines)
 * @param problem why the file was not read whole (PARTIAL, NOT_APPLICABLE and MALFORMED only)
 */
public record ParseResult(Outcome outcome, List<HostFact> facts, ProbeProblem problem) {

    public enum Outcome { PARSED, PARTIAL, NOT_APPLICABLE, MALFORMED, PARSER_ERROR }

    public ParseResult {
        if (outcome == null) {
            throw new IllegalArgumentException("a parse result needs an outcome");
        }
        facts = facts == null ? List.of() : List.copyOf(facts);
        if ((outcome == Outcome.PARSED) != (problem == null)) {
            throw new IllegalArgumentException("a problem goes with NOT_APPLICABLE or MALFORMED, and only there");
        }
        if (outcome != Outcome.PARSED && outcome != Outcome.PARTIAL && !facts.isEmpty()) {
            throw new IllegalArgumentException("only a PARSED or PARTIAL result carries facts");
        }
        if (outcome == Outcome.PARTIAL && problem.kind() != ProbeProblem.Kind.PARTIAL) {
            throw new IllegalArgumentException("a PARTIAL result carries a PARTIAL problem");
        }
        if ((outcome == Outcome.PARSER_ERROR) != (problem != null && problem.kind() == ProbeProblem.Kind.PARSER_ERROR)) {
            throw new IllegalArgumentException("a PARSER_ERROR problem goes with a PARSER_ERROR result, and only there");
        }
    }

    public static ParseResult parsed(List<? extends HostFact> facts) {
        return new ParseResult(Outcome.PARSED, List.copyOf(facts), null);
    }

    /** Facts for what could be read, and where the file stops being readable (a cut, a line not understood). */
    public static ParseResult partial(List<? extends HostFact> facts, HostFile file, Integer line, String detail) {
        return new ParseResult(Outcome.PARTIAL, List.copyOf(facts),
                new ProbeProblem(file.host(), file.name(), line, ProbeProblem.Kind.PARTIAL, detail));
    }

    /** Parsed, or partial when {@code problem} names a line that could not be read. */
    public static ParseResult parsedUnless(List<? extends HostFact> facts, HostFile file, Incomplete problem) {
        return problem == null ? parsed(facts) : partial(facts, file, problem.line(), problem.detail());
    }

    /** Where and why a file was read only in part. */
    public record Incomplete(Integer line, String detail) {
    }

    public static ParseResult notApplicable(HostFile file, Integer line, String detail) {
        return new ParseResult(Outcome.NOT_APPLICABLE, List.of(),
                new ProbeProblem(file.host(), file.name(), line, ProbeProblem.Kind.NOT_APPLICABLE, detail));
    }

    public static ParseResult malformed(HostFile file, Integer line, String detail) {
        return new ParseResult(Outcome.MALFORMED, List.of(),
                new ProbeProblem(file.host(), file.name(), line, ProbeProblem.Kind.MALFORMED, detail));
    }

    /** The parser failed on the file: nothing of it is used, and the problem says the defect is ZPA Doctor's. */
    public static ParseResult parserError(HostFile file, String detail) {
        return new ParseResult(Outcome.PARSER_ERROR, List.of(),
                new ProbeProblem(file.host(), file.name(), null, ProbeProblem.Kind.PARSER_ERROR, detail));
    }

    /** The facts to insert: the observations, and the problem when there is one. */
    public List<HostFact> asFacts() {
        if (problem == null) {
            return facts;
        }
        if (facts.isEmpty()) {
            return List.of(problem);
        }
        List<HostFact> all = new java.util.ArrayList<>(facts);
        all.add(problem);
        return all;
    }

    /** The facts of one type. */
    public <T extends HostFact> List<T> factsOf(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
