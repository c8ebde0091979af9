package io.zpadoctor.rules;

import io.zpadoctor.rules.internal.pack.PackCompiler;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An ops-team rule pack: a folder (or jar) of {@code .drl} files that use ZPA Doctor's fact types and emit
 * findings with their own code prefix, a {@code catalog.yaml} describing those codes, and optionally
 * {@code scenarios/} to test them with {@code zpa-doctor rules test}.
 *
 * <p>DRL can call any Java: a pack is code, and loading one runs it with the caller's rights. Load packs only
 * from places you control; ZPA Doctor never looks for them on its own.
 */
public final class RulePack {
    private final PackCompiler.PackBuild build;

    private RulePack(PackCompiler.PackBuild build) {
        this.build = build;
    }

    /** Compiles (or takes from this process's cache) the pack at this path. */
    public static RulePack load(Path path) throws RulePackException {
        return new RulePack(PackCompiler.compile(path));
    }

    /** The folder or jar name. */
    public String name() {
        return build.name();
    }

    /** The path as given. */
    public String location() {
        return build.location();
    }

    /** The pack's own catalog entries. */
    public Catalog catalog() {
        return build.catalog();
    }

    /**
     * What the pack's compiled rules can do beyond reading facts and emitting findings, read from the generated
     * classes (so an escape like {@code \u0053ystem.exit} hides nothing): "call java.lang.System.exit (ends the
     * process)"... Empty for a pack that only reasons over facts.
     */
    public List<String> capabilities() {
        return build.capabilities();
    }

    /** The codes the pack's rules emit. */
    public Set<String> codes() {
        return new TreeSet<>(build.emitted().keySet());
    }

    /** The pack's DRL sources, by path inside the pack. */
    public Map<String, String> sources() {
        return build.sources();
    }

    /** The names of the pack's rules, by file. */
    public Map<String, List<String>> rules() {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        java.util.regex.Pattern rule = java.util.regex.Pattern.compile("(?m)^rule\\s+\"([^\"]+)\"");
        build.sources().forEach((file, text) -> {
            java.util.regex.Matcher m = rule.matcher(text);
            List<String> names = new java.util.ArrayList<>();
            while (m.find()) {
                names.add(m.group(1));
            }
            out.put(file, names);
        });
        return out;
    }

    /**
     * Lints the pack at this path without loading it: compile errors, codes without catalog entries, entries
     * without rules, rules that can never fire, constructs worth a reviewer's look.
     */
    public static Lint lint(Path path) {
        io.zpadoctor.rules.internal.pack.PackLint.Report r = io.zpadoctor.rules.internal.pack.PackLint.lint(path);
        return new Lint(r.errors(), r.warnings());
    }

    /** What {@link #lint(Path)} found: errors stop the pack from loading, warnings do not. */
    public record Lint(List<RulePackException.Problem> errors, List<RulePackException.Problem> warnings) {
    }

    /** Non-fatal remarks from compiling and checking the pack. */
    public List<RulePackException.Problem> warnings() {
        return build.warnings();
    }

    /** The pack's {@code scenarios/} folder, when it is a folder that has one. */
    public Optional<Path> scenarios() {
        if (build.folder() == null) {
            return Optional.empty();
        }
        Path s = build.folder().resolve("scenarios");
        return java.nio.file.Files.isDirectory(s) ? Optional.of(s) : Optional.empty();
    }

    PackCompiler.PackBuild build() {
        return build;
    }
}
