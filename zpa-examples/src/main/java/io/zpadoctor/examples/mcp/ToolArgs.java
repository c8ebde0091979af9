package io.zpadoctor.examples.mcp;

import io.zpadoctor.examples.cli.CommandCalls;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tool call's arguments, checked for names and JSON types, and turned into the command line's options: the
 * values themselves are judged by the command line's own converters, so a bad one gets its message.
 */
final class ToolArgs {
    private final String tool;
    private final Map<String, Object> args;

    private ToolArgs(String tool, Map<String, Object> args) {
        this.tool = tool;
        this.args = args;
    }

    /** The arguments of one call; an unknown name is refused (a misspelt option would otherwise be ignored). */
    static ToolArgs of(String tool, Map<String, Object> args, Set<String> known) throws CommandCalls.Failure {
        Map<String, Object> a = args == null ? Map.of() : args;
        Set<String> unknown = new TreeSet<>(a.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw usage("unknown argument" + (unknown.size() == 1 ? " '" : "s '") + String.join("', '", unknown)
                    + "' for " + tool + "; it takes " + String.join(", ", new TreeSet<>(known)));
        }
        return new ToolArgs(tool, a);
    }

    Optional<String> string(String name) throws CommandCalls.Failure {
        Object v = args.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String || v instanceof Number) {
            return Optional.of(v.toString());
        }
        throw usage(tool + ": " + name + " must be a string, not " + describe(v));
    }

    boolean flag(String name) throws CommandCalls.Failure {
        Object v = args.get(name);
        if (v == null || v instanceof Boolean) {
            return Boolean.TRUE.equals(v);
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw usage(tool + ": " + name + " must be true or false, not " + describe(v));
    }

    List<String> strings(String name) throws CommandCalls.Failure {
        Object v = args.get(name);
        if (v == null) {
            return List.of();
        }
        if (v instanceof String s) {
            return List.of(s);
        }
        if (v instanceof List<?> l && l.stream().allMatch(x -> x instanceof String)) {
            return l.stream().map(String.class::cast).toList();
        }
        throw usage(tool + ": " + name + " must be a list of paths, not " + describe(v));
    }

    /** An integer within bounds, or the default when absent. */
    int integer(String name, int dflt, int min, int max) throws CommandCalls.Failure {
        Object v = args.get(name);
        if (v == null) {
            return dflt;
        }
        long n;
        if (v instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())) {
            n = num.longValue();
        } else if (v instanceof String s && s.strip().matches("-?\\d{1,18}")) {
            n = Long.parseLong(s.strip());
        } else {
            throw usage(tool + ": " + name + " must be a whole number, not " + describe(v));
        }
        if (n < min || n > max) {
            throw usage(tool + ": " + name + " must be between " + min + " and " + max + ", not " + n);
        }
        return (int) n;
    }

    /** {@code --name=value} for each argument given (the = form keeps a value starting with a dash a value). */
    void option(List<String> argv, String arg, String option) throws CommandCalls.Failure {
        Optional<String> v = string(arg);
        if (v.isPresent()) {
            argv.add(option + "=" + v.get());
        }
    }

    /** The case options every diagnosing command shares. */
    void caseOptions(List<String> argv) throws CommandCalls.Failure {
        option(argv, "connector", "--connector");
        option(argv, "group", "--group");
        option(argv, "application", "--app");
        option(argv, "symptom", "--symptom");
    }

    static List<String> argv() {
        return new ArrayList<>();
    }

    private static String describe(Object v) {
        String s = String.valueOf(v);
        return (v instanceof Map ? "an object" : v instanceof List ? "a list" : "'" + (s.length() > 40
                ? s.substring(0, 37) + "..." : s) + "'");
    }

    static CommandCalls.Failure usage(String message) {
        return new CommandCalls.Failure(64, "zpa-doctor: " + message);   // 64: a usage error, as on the command line
    }
}
