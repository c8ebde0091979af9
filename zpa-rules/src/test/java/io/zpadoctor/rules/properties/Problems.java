package io.zpadoctor.rules.properties;

import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.Severity;
import io.zpadoctor.rules.Catalog;
import io.zpadoctor.rules.CatalogEntry;
import io.zpadoctor.rules.Diagnosis;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a diagnosis claims is wrong: "CODE subject" for every WARNING or CRITICAL finding. A finding about a host
 * folder is keyed by the folder, so the same claim about the same VM counts as one however well the folder was
 * tied to its connector. Umbrellas ("not enrolling, no specific cause found") are left out: they restate the
 * reported symptom, and appear exactly when the evidence of a cause is missing or unreadable, which is their job.
 */
final class Problems {
    private Problems() {
    }

    static Set<String> of(Diagnosis d) {
        Set<String> out = new TreeSet<>();
        for (Finding f : d.findings()) {
            boolean umbrella = Catalog.builtIn().entry(f.code()).map(e -> e.role() == CatalogEntry.Role.UMBRELLA)
                    .orElse(false);
            if ((f.severity() == Severity.CRITICAL || f.severity() == Severity.WARNING) && !umbrella) {
                out.add(key(f));
            }
        }
        return out;
    }

    static String key(Finding f) {
        String host = f.params().get("host");
        return f.code() + " " + (host != null ? "host " + host : f.subject().label());
    }

    /** What {@code cut} claims beyond {@code whole}: empty when the cut adds no problem. */
    static Set<String> added(Set<String> whole, Set<String> cut) {
        Set<String> extra = new TreeSet<>(cut);
        extra.removeAll(whole);
        return extra;
    }
}
