package io.zpadoctor.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public packages of zpa-model and zpa-rules (issue 15): no Drools, KIE or Jackson type and no internal type in
 * any public or protected signature, and no class Drools generated from the rules.
 */
class PublicApiTest {
    static final List<String> PUBLIC_PACKAGES = List.of("io.zpadoctor.rules", "io.zpadoctor.report",
            "io.zpadoctor.model", "io.zpadoctor.model.tenant", "io.zpadoctor.model.host", "io.zpadoctor.model.derived",
            "io.zpadoctor.model.finding");
    private static final Pattern BORROWED = Pattern.compile("^(org\\.drools|org\\.kie|com\\.fasterxml|gg\\.jte)\\..*|.*\\.internal\\..*");
    private static final Pattern GENERATED = Pattern.compile(".*(Rules|DomainClassesMetadata)\\p{XDigit}{32}.*"
            + "|.*\\.P\\p{XDigit}{2}\\..*|.*Lambda(Predicate|Extractor|Consequence)\\p{XDigit}{32}.*");

    @Test
    void noPublicSignatureNamesAnEngineJsonOrInternalType() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (String pkg : PUBLIC_PACKAGES) {
            for (Class<?> c : classesOf(pkg)) {
                if (!exposed(c)) {
                    continue;
                }
                check(c.getName() + " extends", c.getGenericSuperclass(), leaks);
                for (Type t : c.getGenericInterfaces()) {
                    check(c.getName() + " implements", t, leaks);
                }
                for (Field f : c.getDeclaredFields()) {
                    if (visible(f.getModifiers())) {
                        check(c.getName() + "." + f.getName(), f.getGenericType(), leaks);
                    }
                }
                List<Executable> members = new ArrayList<>(List.of(c.getDeclaredMethods()));
                Collections.addAll(members, c.getDeclaredConstructors());
                for (Executable m : members) {
                    if (!visible(m.getModifiers()) || m.isSynthetic()) {
                        continue;
                    }
                    String where = c.getName() + "." + m.getName();
                    if (m instanceof Method method) {
                        check(where + " returns", method.getGenericReturnType(), leaks);
                    }
                    for (Type p : m.getGenericParameterTypes()) {
                        check(where + " takes", p, leaks);
                    }
                    for (Type e : m.getGenericExceptionTypes()) {
                        check(where + " throws", e, leaks);
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void noGeneratedClassSitsInAPublicPackage() throws Exception {
        List<String> generated = new ArrayList<>();
        for (String pkg : PUBLIC_PACKAGES) {
            for (String name : classNamesOf(pkg, true)) {
                if (!name.contains(".internal.") && GENERATED.matcher(name).matches()) {
                    generated.add(name);
                }
            }
        }
        assertThat(generated).isEmpty();
        // and the check can see one: the built-in rules' own generated classes are found where they belong
        assertThat(classNamesOf("io.zpadoctor.rules.internal.drl", true)).anyMatch(n -> GENERATED.matcher(n).matches());
    }

    @Test
    void theCheckFindsALeakWhereThereIsOne() {
        List<String> leaks = new ArrayList<>();
        check("probe", org.kie.api.KieBase.class, leaks);
        check("probe", io.zpadoctor.rules.internal.engine.Budget.class, leaks);
        assertThat(leaks).hasSize(2);
    }

    private static boolean exposed(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(String where, Type t, List<String> leaks) {
        for (String name : names(t, new TreeSet<>())) {
            if (BORROWED.matcher(name).matches()) {
                leaks.add(where + " " + name);
            }
        }
    }

    private static Set<String> names(Type t, Set<String> out) {
        if (t instanceof Class<?> c) {
            out.add(c.isArray() ? c.getComponentType().getName() : c.getName());
        } else if (t instanceof ParameterizedType p) {
            names(p.getRawType(), out);
            for (Type a : p.getActualTypeArguments()) {
                names(a, out);
            }
        } else if (t instanceof GenericArrayType g) {
            names(g.getGenericComponentType(), out);
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                names(b, out);
            }
            for (Type b : w.getLowerBounds()) {
                names(b, out);
            }
        } else if (t instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                names(b, out);
            }
        }
        return out;
    }

    private static List<Class<?>> classesOf(String pkg) throws IOException, URISyntaxException, ClassNotFoundException {
        List<Class<?>> out = new ArrayList<>();
        for (String name : classNamesOf(pkg, false)) {
            out.add(Class.forName(name, false, PublicApiTest.class.getClassLoader()));
        }
        return out;
    }

    /** The classes of a package (and, with {@code deep}, of the packages beneath it), from a folder or a jar. */
    static List<String> classNamesOf(String pkg, boolean deep) throws IOException, URISyntaxException {
        String path = pkg.replace('.', '/') + "/";
        List<String> out = new ArrayList<>();
        for (URL url : Collections.list(PublicApiTest.class.getClassLoader().getResources(path))) {
            List<String> entries = new ArrayList<>();
            if (url.getProtocol().equals("jar")) {
                try (JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
                    jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(path)).forEach(entries::add);
                }
            } else {
                Path root = Path.of(url.toURI());
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.forEach(p -> entries.add(path + root.relativize(p).toString().replace('\\', '/')));
                }
            }
            for (String e : entries) {
                String rest = e.substring(path.length());
                if (e.endsWith(".class") && !rest.endsWith("package-info.class") && (deep || !rest.contains("/"))) {
                    out.add(e.substring(0, e.length() - 6).replace('/', '.'));
                }
            }
        }
        return out;
    }
}
