package io.zpadoctor.rules;

/**
 * Told about every rule firing during a diagnosis: for rule coverage in tests and for explaining a run.
 * Called on the diagnosing thread; keep it cheap.
 */
@FunctionalInterface
public interface RuleListener {
    void ruleFired(String ruleName, String packageName);
}
