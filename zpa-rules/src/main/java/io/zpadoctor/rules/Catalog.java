package io.zpadoctor.rules;

import io.zpadoctor.rules.internal.catalog.CatalogCompiler;
import io.zpadoctor.rules.internal.catalog.CatalogLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The finding catalog: for each code its severity, category, title, root-cause and remediation templates,
 * verification step and the codes it supersedes; plus the probe commands and the "if the issue persists"
 * collection list. Built-in entries come from {@code io/zpadoctor/rules/catalog.yaml}.
 */
public final class Catalog {
    private static volatile Catalog builtIn;

    /** Where the build puts the built-in catalog compiled to JSON ({@code CatalogCompiler}). */
    static final String COMPILED = "io/zpadoctor/rules/catalog.compiled.json";

    private final Map<String, CatalogEntry> entries;
    private final List<CatalogEntry.Step> persist;
    private final Map<String, String> probes;

    Catalog(Map<String, CatalogEntry> entries, List<CatalogEntry.Step> persist, Map<String, String> probes) {
        this.entries = Collections.unmodifiableMap(new TreeMap<>(entries));
        this.persist = List.copyOf(persist);
        this.probes = Collections.unmodifiableMap(new LinkedHashMap<>(probes));
    }

    /** The catalog of the built-in rules (read once per process). */
    public static Catalog builtIn() {
        Catalog c = builtIn;
        if (c == null) {
            synchronized (Catalog.class) {
                c = builtIn;
                if (c == null) {
                    String path = "io/zpadoctor/rules/catalog.yaml";
                    ClassLoader loader = Catalog.class.getClassLoader();
                    try (InputStream in = loader.getResourceAsStream(path)) {
                        if (in == null) {
                            throw new IllegalStateException("the built-in catalog " + path + " is missing from the classpath");
                        }
                        byte[] yaml = in.readAllBytes();
                        // the build's JSON copy when it was compiled from this very YAML; the YAML itself else
                        CatalogLoader.CatalogFile f = CatalogCompiler.read(yaml, loader.getResourceAsStream(COMPILED));
                        if (f == null) {
                            f = CatalogLoader.load(new java.io.ByteArrayInputStream(yaml), "built-in", path);
                        }
                        f.requireSound();
                        c = of(f.entries(), f.persist(), f.probes());
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the built-in catalog " + path, e);
                    }
                    builtIn = c;
                }
            }
        }
        return c;
    }

    /** Creates a catalog from entries (used for rule packs and tests). */
    public static Catalog of(Collection<CatalogEntry> entries, List<CatalogEntry.Step> persist, Map<String, String> probes) {
        Map<String, CatalogEntry> map = new LinkedHashMap<>();
        for (CatalogEntry e : entries) {
            if (map.put(e.code(), e) != null) {
                throw new IllegalArgumentException("code " + e.code() + " is defined twice");
            }
        }
        return new Catalog(map, persist, probes);
    }

    public Optional<CatalogEntry> entry(String code) {
        return Optional.ofNullable(entries.get(code));
    }

    /** Every entry, sorted by code. */
    public Collection<CatalogEntry> entries() {
        return entries.values();
    }

    /** What to collect for Zscaler Support when the fix does not work. */
    public List<CatalogEntry.Step> persist() {
        return persist;
    }

    /** Host probe file name to the command that produces it. */
    public Map<String, String> probes() {
        return probes;
    }

    /** A catalog holding this one's entries and another's; codes must not collide. */
    public Catalog with(Catalog other) {
        Map<String, CatalogEntry> map = new LinkedHashMap<>(entries);
        for (CatalogEntry e : other.entries()) {
            CatalogEntry clash = map.put(e.code(), e);
            if (clash != null) {
                throw new IllegalArgumentException("code " + e.code() + " is defined in " + clash.origin()
                        + " and again in " + e.origin());
            }
        }
        Map<String, String> p = new LinkedHashMap<>(probes);
        p.putAll(other.probes);
        return new Catalog(map, persist, p);
    }
}
