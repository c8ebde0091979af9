package io.zpadoctor.rules;

import java.util.List;

/**
 * Why a finding code did or did not fire on some facts: each rule that can emit it, how often it fired, and
 * for each of its conditions how many matches the conditions up to and including it had. The first condition
 * with no match is where the rule stopped.
 *
 * @param fired whether any rule emitted the code
 * @param note what could not be worked out, or null
 */
public record Explanation(String code, boolean fired, List<RuleTrace> rules, String note) {

    public Explanation {
        rules = List.copyOf(rules);
    }

    /** One rule that emits the code. */
    public record RuleTrace(String rule, String file, int line, int firings, List<Condition> conditions) {
        public RuleTrace {
            conditions = List.copyOf(conditions);
        }

        /** The first condition no fact combination got past, or null when every one had a match. */
        public Condition stoppedAt() {
            for (Condition c : conditions) {
                if (c.matches() == 0) {
                    return c;
                }
            }
            return null;
        }
    }

    /**
     * One condition of a rule.
     *
     * @param matches the matches of this condition together with the ones before it, or -1 when unknown
     */
    public record Condition(int index, String text, int line, int matches) {
    }
}
