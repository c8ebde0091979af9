package io.zpadoctor.rules.internal.verdict;

import io.zpadoctor.model.finding.Category;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.RemediationStep;
import io.zpadoctor.model.finding.Severity;
import io.zpadoctor.model.finding.Subject;
import io.zpadoctor.model.finding.SubjectType;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.rules.Catalog;
import io.zpadoctor.rules.CatalogEntry;
import io.zpadoctor.rules.internal.catalog.Template;
import io.zpadoctor.rules.internal.tenant.TenantIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the rules' raw findings into reportable ones: merges duplicates (two rules, one code and subject),
 * fills names the rules only knew by id, and applies the catalog's words and defaults.
 */
public final class Explainer {
    private Explainer() {
    }

    public static List<Finding> explain(List<Finding> raw, Catalog catalog, TenantIndex index,
                                        Map<String, String> globals) {
        // a total order, so findings merged from several firings read the same whatever the firing order; code and
        // label worked out once per finding, the rest only for the rare two that share them
        record Keyed(Finding finding, String code, String label) {
        }
        Keyed[] keyed = new Keyed[raw.size()];
        for (int i = 0; i < keyed.length; i++) {
            Finding f = raw.get(i);
            keyed[i] = new Keyed(f, f.code(), f.subject().label());
        }
        Arrays.sort(keyed, Comparator.comparing(Keyed::code).thenComparing(Keyed::label)
                .thenComparing(k -> Objects.toString(k.finding().rule(), ""))
                .thenComparing(k -> k.finding().evidence().toString())
                .thenComparing(k -> k.finding().params().toString()));
        List<Finding> sorted = new ArrayList<>(keyed.length);
        for (Keyed k : keyed) {
            sorted.add(k.finding());
        }
        record Key(String code, Subject subject) {
        }
        Map<Key, Finding> merged = new LinkedHashMap<>();
        for (Finding f : sorted) {
            f = named(f, index);
            merged.merge(new Key(f.code(), f.subject()), f, Finding::mergedWith);
        }
        List<Finding> out = new ArrayList<>(merged.size());
        for (Finding f : merged.values()) {
            out.add(apply(f, catalog.entry(f.code()).orElse(null), renderParams(f, catalog, index, globals)));
        }
        return out;
    }

    /** Every value the finding's templates may use: its own, names looked up, globals, probe commands. */
    private static Map<String, String> renderParams(Finding f, Catalog catalog, TenantIndex index,
                                                    Map<String, String> globals) {
        Map<String, String> p = params(f, index, globals);
        String cloud = globals.getOrDefault("cloud", "<cloud>");
        String file = p.get("file");
        if (file != null && p.get("command") == null && catalog.probes().containsKey(file)) {
            // the command that produces a probe file, with the tenant's cloud filled in
            p.put("command", catalog.probes().get(file).replace("<cloud>", cloud));
        }
        String files = p.get("files");
        if (files != null && p.get("commands") == null) {
            p.put("commands", probeCommands(files, catalog, cloud));
        }
        return p;
    }

    /**
     * Renders again, with {@code explainedBy} filled ("ZPA-NET-003 (TCP 443 to the brokers is blocked)"), every
     * finding a cause explains, so a symptom's words can acknowledge its cause instead of guessing at one.
     */
    public static List<Finding> acknowledge(List<Finding> linked, Catalog catalog, TenantIndex index,
                                            Map<String, String> globals) {
        Map<String, String> titles = new HashMap<>();
        for (Finding f : linked) {
            titles.putIfAbsent(f.code(), f.title());
        }
        List<Finding> out = new ArrayList<>(linked.size());
        for (Finding f : linked) {
            CatalogEntry e = catalog.entry(f.code()).orElse(null);
            if (!f.isExplained() || e == null) {
                out.add(f);
                continue;
            }
            List<String> causes = new ArrayList<>();
            for (String c : f.explainedBy()) {
                String t = titles.get(c);
                causes.add(t == null ? c : c + " (" + t + ")");
            }
            Map<String, String> p = renderParams(f, catalog, index, globals);
            p.put("explainedBy", String.join("; ", causes));
            out.add(apply(f, e, p));
        }
        return out;
    }

    /** Each probe file's command, one per line, each saving its output under the file's name. */
    private static String probeCommands(String files, Catalog catalog, String cloud) {
        StringBuilder out = new StringBuilder();
        for (String f : files.split(", ")) {
            String cmd = catalog.probes().get(f);
            if (cmd != null) {
                out.append(out.isEmpty() ? "" : "\n").append("( ").append(cmd.replace("<cloud>", cloud))
                        .append(" ) > ").append(f).append(" 2>&1");
            }
        }
        return out.toString();
    }

    private static Finding named(Finding f, TenantIndex index) {
        Subject s = f.subject();
        if (s.name() != null || s.id() == null) {
            return f;
        }
        String name = switch (s.type()) {
            case CONNECTOR -> nameOf(index.connector(s.id()));
            case CONNECTOR_GROUP -> nameOf(index.group(s.id()));
            case PROVISIONING_KEY -> nameOf(index.key(s.id()));
            case SERVER_GROUP -> index.serverGroup(s.id()) == null ? null : index.serverGroup(s.id()).displayName();
            case APPLICATION_SEGMENT -> index.segment(s.id()) == null ? null : index.segment(s.id()).displayName();
            default -> null;
        };
        if (name == null) {
            return f;
        }
        Finding.Builder b = Finding.builder(f.code()).severity(f.severity())
                .subject(new Subject(s.type(), s.id(), name)).rule(f.rule());
        f.evidence().forEach(b::evidence);
        f.params().forEach(b::param);
        f.concerns().forEach(b::concern);
        return b.build();
    }

    private static String nameOf(AppConnector c) {
        return c == null ? null : c.displayName();
    }

    private static String nameOf(ConnectorGroup g) {
        return g == null ? null : g.displayName();
    }

    private static String nameOf(ProvisioningKey k) {
        return k == null ? null : k.displayName();
    }

    /** The finding's values plus names looked up from ids, plus the values every template may use. */
    static Map<String, String> params(Finding f, TenantIndex index, Map<String, String> globals) {
        Map<String, String> p = new HashMap<>(globals);
        p.putAll(f.params());
        String gid = p.get("groupId");
        if (gid != null && p.get("groupName") == null) {
            ConnectorGroup g = index.group(gid);
            p.put("groupName", g != null ? g.displayName() : gid);
        }
        String cid = p.get("connectorId");
        if (cid != null && p.get("connectorName") == null) {
            AppConnector c = index.connector(cid);
            p.put("connectorName", c != null ? c.displayName() : cid);
        }
        String kid = p.get("keyId");
        if (kid != null && p.get("keyName") == null) {
            ProvisioningKey k = index.key(kid);
            p.put("keyName", k != null ? k.displayName() : kid);
        }
        if (f.subject().type() == SubjectType.CONNECTOR_GROUP && p.get("groupName") == null) {
            p.put("groupName", f.subject().label());
        }
        return p;
    }

    private static Finding apply(Finding f, CatalogEntry e, Map<String, String> p) {
        if (e == null) {
            // a pack whose code has no entry: still report it, visibly unexplained (lint catches this earlier)
            return f.explained(f.severity() != null ? f.severity() : Severity.WARNING, Category.CUSTOM, f.code(),
                    "No catalog entry describes " + f.code() + ".", List.of(), null);
        }
        List<RemediationStep> steps = new ArrayList<>();
        for (CatalogEntry.Step s : e.remediation()) {
            steps.add(new RemediationStep(s.kind(), Template.render(s.text(), p), Template.renderCommand(s.command(), p)));
        }
        return f.explained(e.severity(), e.category(), Template.render(e.title(), p), Template.render(e.rootCause(), p),
                steps, Template.render(e.verification(), p));
    }
}
