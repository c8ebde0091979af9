package io.zpadoctor.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the administrator reported. Each points the diagnosis at one runbook chapter. */
public enum Symptom {
    NOT_ENROLLING("not-enrolling"),
    DISCONNECTED("disconnected"),
    UPGRADE_FAILED("upgrade-failed"),
    HIGH_CPU("high-cpu"),
    HIGH_MEMORY("high-memory"),
    HIGH_DISK("high-disk"),
    APP_UNREACHABLE("app-unreachable");

    private final String label;

    Symptom(String label) {
        this.label = label;
    }

    /** The spelling used on the command line and in {@code case.json}, e.g. {@code not-enrolling}. */
    public String label() {
        return label;
    }

    /** Accepts the label, the constant name, any case, with {@code -} or {@code _}. */
    public static Symptom parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no symptom given");
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Symptom s : values()) {
            if (s.label.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown symptom '" + text + "' (expected one of " + labels() + ")");
    }

    public static String labels() {
        return Arrays.stream(values()).map(Symptom::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
