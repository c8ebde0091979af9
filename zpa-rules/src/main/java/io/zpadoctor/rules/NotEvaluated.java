package io.zpadoctor.rules;

/**
 * A check that could not be run, and why (typically: its evidence is not in the bundle).
 *
 * @param check the finding code whose check it is
 */
public record NotEvaluated(String check, String reason) {
}
