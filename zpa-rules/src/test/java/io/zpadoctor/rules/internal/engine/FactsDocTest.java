package io.zpadoctor.rules.internal.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/FACTS.md, the fact reference for rule-pack authors, is generated from the fact types rules can match
 * ({@link FactTypes#PRODUCED}) and their javadoc: this test fails when the checked-in page differs. Run with
 * {@code -DupdateRulesDoc=true} to rewrite it.
 */
class FactsDocTest {
    static final Path MODEL = Path.of("../zpa-model/src/main/java");
    static final Path PAGE = Path.of("../docs/FACTS.md");

    private static final Map<String, String> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("io.zpadoctor.model.tenant", "From the ZPA API (`api/*.json` or `--api`)\n\nA field without a"
                + " note carries the API field of the same name, typed: numbers as numbers, epoch seconds as `Instant`.");
        SECTIONS.put("io.zpadoctor.model.host", "From the connector VM (`hosts/<hostname>/*.txt`)");
        SECTIONS.put("io.zpadoctor.model.telemetry", "From the Log Streaming Service (`lss/`, `--lss`, `--lss-listen`)\n\n"
                + "Each connector's records summed up over the windows (see docs/LSS.md), matched to the API's connector"
                + " and inserted only for connectors in the case's scope; and each source that held lines that could not"
                + " be used.");
        SECTIONS.put("io.zpadoctor.model.derived", "Derived: group counts and membership edges by the diagnoser, the rest by the"
                + " built-in classify rules (`classify.drl`, and `telemetry.drl` for TelemetrySign)");
        SECTIONS.put("io.zpadoctor.model", "The case and its settings");
        SECTIONS.put("io.zpadoctor.model.finding", "Findings (what rules insert; rules may also match them)");
    }

    @Test
    void theCheckedInPageIsTheGeneratedOne() throws IOException {
        String generated = generate();
        if (Boolean.getBoolean("updateRulesDoc")) {
            Files.writeString(PAGE, generated);
        }
        assertThat(Files.readString(PAGE)).as("docs/FACTS.md is stale: run mvn verify -DupdateRulesDoc=true")
                .isEqualTo(generated);
    }

    @Test
    void everyFactTypeIsDocumented() throws IOException {
        List<String> undocumented = new ArrayList<>();
        for (Class<?> c : FactTypes.PRODUCED) {
            if (Javadoc.of(c).summary().isEmpty()) {
                undocumented.add(c.getName());
            }
        }
        assertThat(undocumented).as("fact types without a javadoc summary").isEmpty();
    }

    static String generate() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Facts a rule can match\n\n")
                .append("Generated from the model's records by `FactsDocTest` (`mvn verify -DupdateRulesDoc=true`); ")
                .append("do not edit.\n\n")
                .append("Every type below is in the session of each diagnosis whose rules (built-in or a pack's) ")
                .append("match it; a type no rule or query names is left out, as nothing could see it. ")
                .append("Match a field by its name ")
                .append("(`AppConnector( enabled == false, $gid : groupId )`); call a method with its brackets ")
                .append("(`ProvisioningKey( publicPrefix() != null )`); an `isX()` method is also the property `x` ")
                .append("(`ProvisioningKey( exhausted == true )`). Absent values are `null`, so guard them ")
                .append("(`privateIp != null`). Host facts carry `host` (the folder name), `source` (the file) and ")
                .append("`line`, which is what a finding's evidence should cite. Join host facts to their connector ")
                .append("through `HostContext( host == $h )`.\n\n");
        Set<Class<?>> enums = new TreeSet<>(Comparator.comparing(Class::getSimpleName));
        for (Map.Entry<String, String> section : SECTIONS.entrySet()) {
            List<Class<?>> types = FactTypes.PRODUCED.stream()
                    .filter(c -> c.getPackageName().equals(section.getKey()))
                    .sorted(Comparator.comparing(Class::getSimpleName)).toList();
            md.append("## ").append(section.getValue()).append("\n\n");
            md.append(types.stream().map(c -> "[" + c.getSimpleName() + "](#" + c.getSimpleName().toLowerCase() + ")")
                    .reduce((a, b) -> a + " · " + b).orElse("")).append("\n\n");
            for (Class<?> c : types) {
                type(md, c, enums);
            }
        }
        md.append("## Enumerations\n\n");
        for (Class<?> e : enums) {
            md.append("- `").append(e.getSimpleName()).append("`: ")
                    .append(String.join(", ", Arrays.stream(e.getEnumConstants()).map(o -> "`" + o + "`").toList()))
                    .append('\n');
        }
        return md.toString();
    }

    private static void type(StringBuilder md, Class<?> c, Set<Class<?>> enums) throws IOException {
        Javadoc doc = Javadoc.of(c);
        md.append("### ").append(c.getSimpleName()).append("\n\n");
        md.append("`import ").append(c.getName()).append(";`\n\n");
        md.append(doc.summary()).append("\n\n");
        if (c.isRecord()) {
            md.append("| Field | Type | Meaning |\n|---|---|---|\n");
            for (RecordComponent rc : c.getRecordComponents()) {
                md.append("| `").append(rc.getName()).append("` | ").append(typeName(rc.getGenericType(), enums))
                        .append(" | ").append(cell(doc.params().getOrDefault(rc.getName(), ""))).append(" |\n");
            }
            md.append('\n');
        }
        Set<String> components = c.isRecord() ? new TreeSet<>(Arrays.stream(c.getRecordComponents())
                .map(RecordComponent::getName).toList()) : Set.of();
        List<Method> methods = Arrays.stream(c.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getParameterCount() == 0 && m.getReturnType() != void.class)
                .filter(m -> !components.contains(m.getName()))
                .filter(m -> !Set.of("toString", "hashCode", "builder", "toBuilder").contains(m.getName()))
                .sorted(Comparator.comparing(Method::getName)).toList();
        if (!methods.isEmpty()) {
            md.append("Methods: ");
            List<String> out = new ArrayList<>();
            for (Method m : methods) {
                String what = doc.methods().getOrDefault(m.getName(), "");
                String name = m.getName();
                String property = name.startsWith("is") && name.length() > 2 && m.getReturnType() == boolean.class
                        ? "`" + Character.toLowerCase(name.charAt(2)) + name.substring(3) + "` or " : "";
                out.add(property + "`" + name + "()` " + typeName(m.getGenericReturnType(), enums)
                        + (what.isEmpty() ? "" : ": " + what));
            }
            md.append(String.join("; ", out)).append("\n\n");
        }
    }

    private static String typeName(Type t, Set<Class<?>> enums) {
        if (t instanceof Class<?> k) {
            if (k.isEnum()) {
                enums.add(k);
            }
            return "`" + k.getSimpleName() + "`";
        }
        if (t instanceof ParameterizedType p) {
            List<String> args = new ArrayList<>();
            for (Type a : p.getActualTypeArguments()) {
                args.add(typeName(a, enums).replace("`", ""));
            }
            return "`" + ((Class<?>) p.getRawType()).getSimpleName() + "<" + String.join(", ", args) + ">`";
        }
        return "`" + t.getTypeName() + "`";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    /** The parts of a type's javadoc the page shows: first sentence, {@code @param}s, method summaries. */
    record Javadoc(String summary, Map<String, String> params, Map<String, String> methods) {
        private static final Pattern COMMENT = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
        private static final Pattern PARAM = Pattern.compile("@param\\s+(\\w+)\\s+(.*?)(?=@\\w+|$)", Pattern.DOTALL);
        private static final Pattern METHOD = Pattern.compile(
                "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*public\\s+(?!static)[\\w<>\\[\\], ?.]+\\s+(\\w+)\\(\\)", Pattern.DOTALL);

        static Javadoc of(Class<?> c) throws IOException {
            Path src = MODEL.resolve(c.getName().replace('.', '/') + ".java");
            String text = Files.readString(src);
            int decl = text.indexOf("public " + (c.isRecord() ? "record " : c.isEnum() ? "enum " : c.isInterface()
                    ? "interface " : "") );
            String head = decl < 0 ? "" : text.substring(0, decl);
            Matcher m = COMMENT.matcher(head);
            String comment = "";
            while (m.find()) {
                comment = m.group(1);
            }
            comment = clean(comment);
            int tag = comment.indexOf('@');
            String body = tag < 0 ? comment : comment.substring(0, tag);
            Map<String, String> params = new LinkedHashMap<>();
            Matcher p = PARAM.matcher(comment);
            while (p.find()) {
                params.put(p.group(1), p.group(2).trim().replaceAll("\\s+", " "));
            }
            Map<String, String> methods = new LinkedHashMap<>();
            Matcher mm = METHOD.matcher(decl < 0 ? text : text.substring(decl));
            while (mm.find()) {
                String s = clean(mm.group(1));
                int at = s.indexOf('@');
                methods.putIfAbsent(mm.group(2), (at < 0 ? s : s.substring(0, at)).trim().replaceAll("\\s+", " "));
            }
            return new Javadoc(body.trim().replaceAll("\\s+", " "), params, methods);
        }

        private static String clean(String comment) {
            String s = comment.replaceAll("(?m)^\\s*\\*\\s?", "").trim();
            s = s.replaceAll("\\{@code ([^}]*)}", "`$1`").replaceAll("\\{@link #?([^}]*)}", "`$1`");
            return s.replaceAll("</?p>", "");
        }
    }
}
