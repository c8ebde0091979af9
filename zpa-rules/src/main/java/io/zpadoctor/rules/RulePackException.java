package io.zpadoctor.rules;

import java.util.List;

/**
 * A rule pack that cannot be used: it does not compile, its catalog is broken, or its codes collide with
 * others. Lists every problem found, each with the file, line and column, like a compiler.
 */
public class RulePackException extends Exception {
    private final List<Problem> problems;

    /**
     * One problem.
     *
     * @param file the file inside the pack (or the pack itself), e.g. {@code rules/cpu.drl}
     * @param line 1-based, or -1 when unknown
     * @param column 1-based, or -1 when unknown
     */
    public record Problem(String file, int line, int column, String message) {
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + message;
        }
    }

    public RulePackException(String pack, List<Problem> problems) {
        super(summary(pack, problems));
        this.problems = List.copyOf(problems);
    }

    private static String summary(String pack, List<Problem> problems) {
        StringBuilder sb = new StringBuilder("rule pack ").append(pack).append(": ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems");
        for (Problem p : problems) {
            sb.append("\n  ").append(p);
        }
        return sb.toString();
    }

    public List<Problem> problems() {
        return problems;
    }
}
