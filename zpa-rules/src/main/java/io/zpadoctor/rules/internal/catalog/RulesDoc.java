package io.zpadoctor.rules.internal.catalog;

import io.zpadoctor.rules.Catalog;
import io.zpadoctor.rules.CatalogEntry;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the rule catalog page ({@code docs/RULES.md}) from the finding catalog and the DRL sources, so
 * the page can never drift from what the rules do.
 */
public final class RulesDoc {
    private static final Pattern RULE = Pattern.compile("(?m)^rule\\s+\"([^\"]+)\"(.*?)^end\\b", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9]{1,15}-[A-Z0-9]{1,15}-\\d{3})\"");

    /** A DRL rule that emits a code. */
    public record Implementation(String file, String rule) {
    }

    private RulesDoc() {
    }

    /** Which rules emit which codes, from DRL source text (file name to text). */
    public static Map<String, List<Implementation>> implementations(Map<String, String> drlFiles) {
        Map<String, List<Implementation>> out = new TreeMap<>();
        for (Map.Entry<String, String> f : new TreeMap<>(drlFiles).entrySet()) {
            Matcher r = RULE.matcher(f.getValue());
            while (r.find()) {
                Matcher c = CODE.matcher(r.group(2));
                Set<String> codes = new java.util.TreeSet<>();
                while (c.find()) {
                    codes.add(c.group(1));
                }
                for (String code : codes) {
                    out.computeIfAbsent(code, k -> new ArrayList<>()).add(new Implementation(f.getKey(), r.group(1)));
                }
            }
        }
        return out;
    }

    public static String generate(Catalog catalog, Map<String, List<Implementation>> impl) {
        StringBuilder md = new StringBuilder(32_000);
        md.append("# ZPA Doctor rule catalog\n\n");
        md.append("Generated from `zpa-rules/src/main/resources/io/zpadoctor/rules/catalog.yaml` and the DRL rules\n");
        md.append("beside it; do not edit by hand. To regenerate after changing either:\n\n");
        md.append("```sh\nmvn -q test -pl zpa-model,zpa-client,zpa-rules -Dtest=RulesDocTest")
                .append(" -Dsurefire.failIfNoSpecifiedTests=false -DupdateRulesDoc=true\n```\n\n");
        md.append("Placeholders such as `<keyName>` are filled from the evidence when a finding is reported.\n\n");
        md.append("| Code | Severity | Category | Title |\n|---|---|---|---|\n");
        for (CatalogEntry e : catalog.entries()) {
            md.append("| [").append(e.code()).append("](#").append(e.code().toLowerCase(java.util.Locale.ROOT))
                    .append(") | ").append(e.severity()).append(" | ").append(e.category()).append(" | ")
                    .append(e.title()).append(" |\n");
        }
        primaryCause(catalog, md);
        Map<String, String> shown = placeholders();
        for (CatalogEntry e : catalog.entries()) {
            md.append("\n## ").append(e.code()).append("\n\n**").append(e.title()).append("**\n\n");
            md.append("- Severity: ").append(e.severity()).append(", category: ").append(e.category())
                    .append(", role: ").append(e.role().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
            md.append("- Fires when: ").append(e.trigger()).append('\n');
            md.append("- Needs: ").append(e.requires().isEmpty() ? "nothing beyond the case" : needs(e.requires()))
                    .append('\n');
            if (!e.supersedes().isEmpty()) {
                md.append("- Explains (supersedes): ").append(String.join(", ", e.supersedes())).append('\n');
            }
            List<Implementation> rules = impl.getOrDefault(e.code(), List.of());
            md.append("- Implemented by: ");
            if (rules.isEmpty()) {
                md.append("no rule\n");
            } else {
                List<String> parts = new ArrayList<>();
                for (Implementation i : rules) {
                    parts.add("`" + i.file() + "` rule \"" + i.rule() + "\"");
                }
                md.append(String.join("; ", parts)).append('\n');
            }
            md.append("\nRemediation:\n\n");
            int n = 1;
            for (CatalogEntry.Step s : e.remediation()) {
                md.append(n++).append(". ").append(s.kind()).append(": ")
                        .append(Template.render(s.text(), shown)).append('\n');
            }
            md.append("\nVerification: ").append(Template.render(e.verification(), shown)).append('\n');
        }
        return md.toString();
    }

    /** How the primary root cause is chosen, and which cause explains which symptom, from the catalog's roles. */
    private static void primaryCause(Catalog catalog, StringBuilder md) {
        md.append("\n## Primary cause: which cause explains which symptom\n\n");
        md.append("A cause explains a symptom when its entry lists the symptom's code (`supersedes`) and both findings\n")
                .append("concern the same connector, group, key or host folder (a cause about one connector explains only\n")
                .append("that connector's symptoms; a symptom of a case that names nothing is explained by any cause\n")
                .append("listing it). An explained symptom stays in the report beneath its cause and names it in its\n")
                .append("words; an **umbrella** (\"no specific cause was found\") a cause explains is not reported at\n")
                .append("all, since it would deny that cause. The primary root cause is the first finding at WARNING or\n")
                .append("above that nothing explains, in report order: higher severity first, then the one about the\n")
                .append("reported connector or group, then the one the reported symptom points at, causes before\n")
                .append("symptoms. INFO findings are never the primary; with nothing at WARNING or above there is none.\n\n");
        md.append("| Symptom | Role | Explained by |\n|---|---|---|\n");
        Map<String, List<String>> explainedBy = new TreeMap<>();
        for (CatalogEntry e : catalog.entries()) {
            for (String s : e.supersedes()) {
                explainedBy.computeIfAbsent(s, k -> new ArrayList<>()).add(e.code());
            }
        }
        for (Map.Entry<String, List<String>> x : explainedBy.entrySet()) {
            String role = catalog.entry(x.getKey()).map(e -> e.role().name().toLowerCase(java.util.Locale.ROOT))
                    .orElse("unknown");
            md.append("| ").append(x.getKey()).append(" | ").append(role.equals("umbrella")
                    ? "umbrella: withheld when explained" : role).append(" | ")
                    .append(String.join(", ", x.getValue())).append(" |\n");
        }
    }

    private static String needs(List<String> requires) {
        List<String> out = new ArrayList<>();
        for (String r : requires) {
            String what = r.substring(r.indexOf(':') + 1);
            out.add(switch (r.substring(0, r.indexOf(':'))) {
                case "api" -> "`api/" + what + ".json`";
                case "host" -> "`hosts/<host>/" + what + "`";
                case "context" -> what.equals("not-enrolling") ? "a connector failing to enroll"
                        : what.equals("application") ? "an application named in the case"
                        : what.equals("segments") ? "an application named in the case, or a tenant-wide diagnosis" : what;
                default -> r;
            });
        }
        return String.join(", ", out);
    }

    /** Renders every placeholder as {@code <name>}, and keeps every optional section. */
    private static Map<String, String> placeholders() {
        return new AbstractMap<>() {
            @Override
            public String get(Object key) {
                return "<" + key + ">";
            }

            @Override
            public Set<Entry<String, String>> entrySet() {
                return Set.of();
            }
        };
    }
}
