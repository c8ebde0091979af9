package io.zpadoctor.rules.internal.engine;

import io.zpadoctor.rules.internal.pack.PackCompiler;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in rules' KieBase, loaded once per process from the executable model that the build generated
 * (no DRL is parsed or compiled at run time). Loading the model classes directly skips the KieContainer,
 * kmodule.xml and its XML stack: about three times faster on a cold start.
 */
public final class RuleBase {
    /** Written by kie-maven-plugin: names the generated model classes of this module. */
    static final String MODEL_INDEX = "META-INF/kie/io.zpadoctor/zpa-rules/drools-model";

    private static volatile RuleBase builtIn;

    private final KieBase kieBase;
    private final long loadNanos;

    private RuleBase(KieBase kieBase, long loadNanos) {
        this.kieBase = kieBase;
        this.loadNanos = loadNanos;
    }

    public static RuleBase builtIn() {
        RuleBase r = builtIn;
        if (r == null) {
            synchronized (RuleBase.class) {
                r = builtIn;
                if (r == null) {
                    long start = System.nanoTime();
                    KieBase kb = KieBaseBuilder.createKieBaseFromModel(loadModels(RuleBase.class.getClassLoader()));
                    r = new RuleBase(kb, System.nanoTime() - start);
                    builtIn = r;
                }
            }
        }
        return r;
    }

    /**
     * A new rule base with the built-in rules and the given packs' packages. The shared built-in base is never
     * touched, so a failure here leaves it whole.
     */
    public static RuleBase withPacks(java.util.List<PackCompiler.PackBuild> packs) {
        long start = System.nanoTime();
        KieBase kb = KieBaseBuilder.createKieBaseFromModel(loadModels(RuleBase.class.getClassLoader()));
        for (PackCompiler.PackBuild p : packs) {
            ((org.drools.kiesession.rulebase.SessionsAwareKnowledgeBase) kb).addPackages(p.kiePackages());
        }
        return new RuleBase(kb, System.nanoTime() - start);
    }

    /** Whether the built-in rules are already loaded in this process. */
    public static boolean isLoaded() {
        return builtIn != null;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** How long building the KieBase took, in nanoseconds. */
    public long loadNanos() {
        return loadNanos;
    }

    static List<Model> loadModels(ClassLoader cl) {
        List<Model> models = new ArrayList<>();
        try (InputStream in = cl.getResourceAsStream(MODEL_INDEX)) {
            if (in == null) {
                throw new IllegalStateException("the built-in rules are missing: " + MODEL_INDEX
                        + " is not on the classpath (was zpa-rules built with kie-maven-plugin?)");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String name = line.trim();
                if (name.isEmpty() || name.startsWith("Drools-Model-Version")) {
                    continue;
                }
                models.add((Model) cl.loadClass(name).getDeclaredConstructor().newInstance());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + MODEL_INDEX, e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate a generated rule model listed in " + MODEL_INDEX, e);
        }
        if (models.isEmpty()) {
            throw new IllegalStateException(MODEL_INDEX + " names no rule model");
        }
        return models;
    }
}
