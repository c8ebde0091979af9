package io.zpadoctor.rules.internal.pack;

import io.zpadoctor.rules.Catalog;
import io.zpadoctor.rules.CatalogEntry;
import io.zpadoctor.rules.RulePackException.Problem;
import io.zpadoctor.rules.RulePackException;
import io.zpadoctor.rules.internal.catalog.CatalogLoader;
import io.zpadoctor.rules.internal.catalog.RulesDoc;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Compiles an ops-team rule pack (a folder or jar of {@code .drl} files plus {@code catalog.yaml}) with the
 * executable model, and checks it: every Drools message becomes a problem with the pack file, line and
 * column; codes need catalog entries and their own prefix. A pack is compiled once per process and content.
 */
public final class PackCompiler {
    public static final String CATALOG = "catalog.yaml";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");
    private static final Map<String, PackBuild> CACHE = new ConcurrentHashMap<>();

    /** A compiled pack: what the engine adds, and what lint, test and explain read. */
    public record PackBuild(String name, String location, Collection<KiePackage> kiePackages, Catalog catalog,
                            Map<String, String> sources, Map<String, List<RulesDoc.Implementation>> emitted,
                            List<Problem> warnings, Path folder, List<String> capabilities) {
    }

    private PackCompiler() {
    }

    /** The compiled pack at this path (from the cache when its content has not changed). */
    public static PackBuild compile(Path path) throws RulePackException {
        String location = path.toString();
        Map<String, byte[]> files = read(path);
        String key = path.toAbsolutePath().normalize() + "#" + digest(files);
        PackBuild cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        PackBuild built = build(path, location, files);
        CACHE.put(key, built);
        return built;
    }

    private static PackBuild build(Path path, String location, Map<String, byte[]> files) throws RulePackException {
        List<Problem> problems = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        Map<String, String> sources = new TreeMap<>();
        files.forEach((name, bytes) -> {
            if (name.endsWith(".drl")) {
                sources.put(name, new String(bytes, StandardCharsets.UTF_8));
            }
        });
        if (sources.isEmpty()) {
            problems.add(new Problem(location, -1, -1, "holds no .drl file (a pack is a folder or jar of .drl files"
                    + " and a catalog.yaml)"));
            throw new RulePackException(location, problems);
        }
        Catalog catalog = catalog(files, location, problems);
        for (Map.Entry<String, String> src : sources.entrySet()) {
            String pkg = packageOf(src.getValue());
            if (pkg.startsWith("io.zpadoctor")) {
                problems.add(new Problem(src.getKey(), lineOf(src.getValue(), "package"), 1, "package " + pkg
                        + " belongs to ZPA Doctor's built-in rules; give the pack its own package, e.g. com.acme.zpa"));
            }
        }
        Map<String, List<RulesDoc.Implementation>> emitted = RulesDoc.implementations(sources);
        if (catalog != null) {
            for (Map.Entry<String, List<RulesDoc.Implementation>> e : emitted.entrySet()) {
                if (catalog.entry(e.getKey()).isEmpty()) {
                    RulesDoc.Implementation first = e.getValue().get(0);
                    problems.add(new Problem(first.file(), lineOf(sources.get(first.file()), "\"" + e.getKey() + "\""),
                            -1, "rule \"" + first.rule() + "\" emits " + e.getKey() + ", which " + CATALOG
                            + " does not define"));
                }
            }
            for (CatalogEntry e : catalog.entries()) {
                if (!emitted.containsKey(e.code())) {
                    warnings.add(new Problem(CATALOG, -1, -1, e.code() + " has a catalog entry but no rule emits it"));
                }
            }
        }
        List<byte[]> classes = new ArrayList<>();
        Collection<KiePackage> packages = compileDrl(location, sources, problems, warnings, classes);
        if (!problems.isEmpty()) {
            throw new RulePackException(location, problems);
        }
        return new PackBuild(nameOf(path), location, packages, catalog, sources, emitted, warnings,
                Files.isDirectory(path) ? path : null, BytecodeScan.reaches(classes));
    }

    private static Catalog catalog(Map<String, byte[]> files, String location, List<Problem> problems) {
        byte[] bytes = files.get(CATALOG);
        if (bytes == null) {
            problems.add(new Problem(location, -1, -1, "has no " + CATALOG + " describing its codes"));
            return null;
        }
        try {
            CatalogLoader.CatalogFile l = CatalogLoader.load(new ByteArrayInputStream(bytes), location + "/" + CATALOG, CATALOG);
            problems.addAll(l.problemList());
            for (CatalogEntry e : l.entries()) {
                if (e.code().startsWith("ZPA-")) {
                    problems.add(new Problem(CATALOG, -1, -1, e.code() + ": codes starting with ZPA- belong to the"
                            + " built-in rules; use your own prefix, e.g. ACME-" + e.code().substring(4)));
                }
            }
            return l.problemList().isEmpty() ? Catalog.of(l.entries(), List.of(), Map.of()) : null;
        } catch (IOException | IllegalArgumentException e) {
            problems.add(new Problem(CATALOG, -1, -1, e.getMessage()));
            return null;
        }
    }

    /**
     * Compiles the files together. Drools stops at the first file that does not parse, so the files that fail are
     * set aside and the rest compiled again, round after round, until every error is known; errors Drools cannot
     * tie to a file are tied by compiling the remaining files one by one.
     */
    private static Collection<KiePackage> compileDrl(String location, Map<String, String> sources,
                                                     List<Problem> problems, List<Problem> warnings,
                                                     List<byte[]> classes) {
        Map<String, String> remaining = new TreeMap<>(sources);
        Compiled last = null;
        boolean failed = false;
        while (!remaining.isEmpty()) {
            last = compileOnce(location, remaining);
            for (Diag d : last.warnings) {
                String file = d.file != null ? d.file : location;
                warnings.add(remaining.containsKey(file) ? locate(d, file, remaining.get(file))
                        : new Problem(file, -1, -1, d.text));
            }
            if (last.errors.isEmpty()) {
                break;
            }
            failed = true;
            java.util.Set<String> bad = new java.util.TreeSet<>();
            boolean unattributed = false;
            for (Diag d : last.errors) {
                if (d.file != null) {
                    problems.add(locate(d, d.file, remaining.get(d.file)));
                    bad.add(d.file);
                } else {
                    unattributed = true;
                }
            }
            if (unattributed) {
                for (Map.Entry<String, String> one : remaining.entrySet()) {
                    if (bad.contains(one.getKey())) {
                        continue;
                    }
                    for (Diag d : compileOnce(location, Map.of(one.getKey(), one.getValue())).errors) {
                        problems.add(locate(d, one.getKey(), one.getValue()));
                        bad.add(one.getKey());
                    }
                }
                if (bad.isEmpty()) {
                    last.errors.forEach(d -> problems.add(new Problem(location, -1, -1, d.text)));
                    break;
                }
            }
            bad.forEach(remaining::remove);
        }
        if (!failed && last != null) {
            classes.addAll(last.classes);
        }
        return failed || last == null ? List.of() : last.packages;
    }

    private record Diag(String file, int line, int column, String text) {
    }

    private record Compiled(List<Diag> errors, List<Diag> warnings, Collection<KiePackage> packages,
                            List<byte[]> classes) {
    }

    private static Compiled compileOnce(String location, Map<String, String> sources) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId("io.zpadoctor.packs", "pack-" + Integer.toHexString(location.hashCode())
                + "-" + Integer.toHexString(sources.hashCode()), "1.0.0");
        kfs.generateAndWritePomXML(id);
        Map<String, String> kfsToFile = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, String> src : sources.entrySet()) {
            String pkg = packageOf(src.getValue());
            String base = src.getKey().substring(src.getKey().lastIndexOf('/') + 1);
            // written under its package's folder, so Drools does not warn that folder and package differ
            String rel = (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/") + (n++) + "_" + base;
            kfs.write("src/main/resources/" + rel, src.getValue());
            kfsToFile.put(rel, src.getKey());
        }
        List<Diag> errors = new ArrayList<>();
        List<Diag> warnings = new ArrayList<>();
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException e) {
            errors.add(new Diag(null, -1, -1, "the rule compiler failed: " + e));
            return new Compiled(errors, warnings, List.of(), List.of());
        }
        for (Message m : builder.getResults().getMessages()) {
            String path = m.getPath() == null ? "" : m.getPath().replace('\\', '/');
            String file = kfsToFile.get(path.startsWith("src/main/resources/") ? path.substring(19) : path);
            boolean generated = file == null; // a generated .java file: its lines mean nothing to the pack author
            String text = firstLine(m.getText());
            if (text.startsWith("Java source of") || text.isBlank()) {
                continue; // the whole generated source follows such a line; the real error is reported apart
            }
            if (text.startsWith("Parser returned a null Package")
                    && errors.stream().anyMatch(e -> java.util.Objects.equals(e.file(), file))) {
                continue; // a follow-on of the syntax error already listed for this file
            }
            Diag d = new Diag(file, generated ? -1 : m.getLine(), generated ? -1 : m.getColumn(), text);
            (m.getLevel() == Message.Level.ERROR ? errors : warnings).add(d);
        }
        if (!errors.isEmpty()) {
            return new Compiled(errors, warnings, List.of(), List.of());
        }
        // the generated classes, to read what the rules call (PackBuild.capabilities)
        List<byte[]> classes = new ArrayList<>();
        if (builder.getKieModule() instanceof org.drools.compiler.kie.builder.impl.InternalKieModule km) {
            for (String f : km.getFileNames()) {
                if (f.endsWith(".class")) {
                    classes.add(km.getBytes(f));
                }
            }
        }
        Collection<KiePackage> packages = ks.newKieContainer(id).getKieBase().getKiePackages();
        return new Compiled(errors, warnings, packages, classes);
    }

    /**
     * A problem with a line: Drools gives none (-1) for some errors (an unknown field, an unknown class), so the
     * expression the message quotes is looked up in the source.
     */
    static Problem locate(Diag d, String file, String source) {
        int line = d.line;
        int column = d.column;
        if (line <= 0 && source != null) {
            String needle = quoted(d.text);
            if (needle != null) {
                int at = source.indexOf(needle);
                if (at >= 0) {
                    line = 1 + (int) source.substring(0, at).chars().filter(c -> c == '\n').count();
                    column = at - source.lastIndexOf('\n', at - 1) + (needle.startsWith(".") ? 1 : 0);
                }
            }
        }
        return new Problem(file, line, column > 0 ? column : -1, d.text);
    }

    private static final Pattern AFTER_COLON = Pattern.compile(":\\s*([^:]{2,120}?)\\s*$");
    private static final Pattern IN_QUOTES = Pattern.compile("'([^']{2,120})'|\"([^\"]{2,120})\"");

    private static final Pattern METHOD = Pattern.compile("method (\\w+)\\(");

    /** The source text an error message quotes, if any. */
    static String quoted(String text) {
        Matcher method = METHOD.matcher(text);
        if (method.find()) {
            return "." + method.group(1) + "(";
        }
        Matcher q = IN_QUOTES.matcher(text);
        if (q.find()) {
            return q.group(1) != null ? q.group(1) : q.group(2);
        }
        Matcher m = AFTER_COLON.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    public static String packageOf(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1) : "";
    }

    private static int lineOf(String text, String needle) {
        int at = text == null ? -1 : text.indexOf(needle);
        return at < 0 ? -1 : 1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    private static String nameOf(Path path) {
        String n = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        return n.toLowerCase(Locale.ROOT).endsWith(".jar") ? n.substring(0, n.length() - 4) : n;
    }

    /** The pack's .drl files and catalog, by pack-relative path; scenarios are not part of the rules. */
    static Map<String, byte[]> read(Path path) throws RulePackException {
        String location = path.toString();
        Map<String, byte[]> files = new TreeMap<>();
        try {
            if (Files.isDirectory(path)) {
                Path root = path.toRealPath();
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path p : walk.filter(Files::isRegularFile).toList()) {
                        String rel = root.relativize(p).toString().replace('\\', '/');
                        if (wanted(rel) && p.toRealPath().startsWith(root)) {
                            files.put(rel, Files.readAllBytes(p));
                        }
                    }
                }
            } else if (Files.isRegularFile(path)) {
                try (ZipFile zip = new ZipFile(path.toFile())) {
                    for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                        String rel = e.getName().replace('\\', '/');
                        if (e.isDirectory() || !wanted(rel) || rel.startsWith("/") || rel.contains("../")) {
                            continue;
                        }
                        try (InputStream in = zip.getInputStream(e)) {
                            files.put(rel, in.readAllBytes());
                        }
                    }
                }
            } else {
                throw new RulePackException(location, List.of(new Problem(location, -1, -1,
                        "no such folder or jar")));
            }
        } catch (IOException e) {
            throw new RulePackException(location, List.of(new Problem(location, -1, -1,
                    "cannot be read: " + e.getMessage())));
        }
        return files;
    }

    private static boolean wanted(String rel) {
        return !rel.startsWith("scenarios/") && !rel.contains("/scenarios/")
                && (rel.endsWith(".drl") || rel.equals(CATALOG));
    }

    private static String digest(Map<String, byte[]> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update(e.getValue());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
