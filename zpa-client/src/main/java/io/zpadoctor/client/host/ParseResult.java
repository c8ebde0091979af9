package io.zpadoctor.client.host;

import io.zpadoctor.model.host.HostFact;
import io.zpadoctor.model.host.ProbeProblem;

import java.util.List;

/**
 * What a parser made of a probe file: exactly one of three outcomes. Parsed facts; not applicable (empty, or
 * another command's output); malformed (the right command, text that cannot be read). The latter two carry
 * a {@link ProbeProblem} so rules can say "cannot tell" instead of guessing.
 *
 * @param facts the observations read (PARSED only; possibly none, e.g. a journal without connector lines)
 * @param problem why nothing was read (NOT_APPLICABLE and MALFORMED only)
 */
public record ParseResult(Outcome outcome, List<HostFact> facts, ProbeProblem problem) {

    public enum Outcome { PARSED, NOT_APPLICABLE, MALFORMED }

    public ParseResult {
        if (outcome == null) {
            throw new IllegalArgumentException("a parse result needs an outcome");
        }
        facts = facts == null ? List.of() : List.copyOf(facts);
        if ((outcome == Outcome.PARSED) != (problem == null)) {
            throw new IllegalArgumentException("a problem goes with NOT_APPLICABLE or MALFORMED, and only there");
        }
        if (outcome != Outcome.PARSED && !facts.isEmpty()) {
            throw new IllegalArgumentException("only a PARSED result carries facts");
        }
    }

    public static ParseResult parsed(List<? extends HostFact> facts) {
        return new ParseResult(Outcome.PARSED, List.copyOf(facts), null);
    }

    public static ParseResult notApplicable(HostFile file, Integer line, String detail) {
        return new ParseResult(Outcome.NOT_APPLICABLE, List.of(),
                new ProbeProblem(file.host(), file.name(), line, ProbeProblem.Kind.NOT_APPLICABLE, detail));
    }

    public static ParseResult malformed(HostFile file, Integer line, String detail) {
        return new ParseResult(Outcome.MALFORMED, List.of(),
                new ProbeProblem(file.host(), file.name(), line, ProbeProblem.Kind.MALFORMED, detail));
    }

    /** The facts to insert: the observations, or the single problem. */
    public List<HostFact> asFacts() {
        return problem == null ? facts : List.of(problem);
    }

    /** The facts of one type. */
    public <T extends HostFact> List<T> factsOf(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
