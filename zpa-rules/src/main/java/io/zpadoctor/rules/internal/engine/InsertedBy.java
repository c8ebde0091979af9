package io.zpadoctor.rules.internal.engine;

import io.zpadoctor.model.finding.Finding;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Which rule inserted each finding of a session, recorded as the engine inserts it, so no rule has to name itself
 * in its finding: the one place a finding's {@code rule} is filled in.
 */
final class InsertedBy extends DefaultRuleRuntimeEventListener {
    private final Map<Finding, String> rules = new IdentityHashMap<>();

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof Finding f && event.getRule() != null) {
            rules.put(f, event.getRule().getName());
        }
    }

    /** The finding with the name of the rule that inserted it, unless it already names one. */
    Finding stamp(Finding f) {
        String rule = f.rule() == null ? rules.get(f) : null;
        return rule == null ? f : f.withRule(rule);
    }
}
