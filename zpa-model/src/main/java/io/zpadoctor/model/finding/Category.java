package io.zpadoctor.model.finding;

import java.util.Locale;

/** The runbook chapter a finding belongs to; the middle part of a built-in code ({@code ZPA-ENR-001}). */
public enum Category {
    ENROLLMENT("ENR"),
    NETWORK("NET"),
    CONNECTOR("CON"),
    UPGRADE("UPG"),
    RESOURCES("RES"),
    APPLICATION("APP"),
    HEALTH("HLT"),
    FLEET("FLT"),
    EVIDENCE("PRB"),
    /** Findings of ops-team rule packs that fit no runbook chapter. */
    CUSTOM("");

    private final String area;

    Category(String area) {
        this.area = area;
    }

    public String area() {
        return area;
    }

    public static Category parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            java.util.List<String> names = java.util.Arrays.stream(values()).map(Enum::name).toList();
            java.util.List<String> near = io.zpadoctor.model.internal.Nearest.to(text.trim(), names, 1);
            throw new IllegalArgumentException("unknown category '" + text + "'" + (near.isEmpty() ? ""
                    : "; did you mean " + near.get(0) + "?") + " (categories: " + String.join(", ", names) + ")");
        }
    }
}
