package io.zpadoctor.rules.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same evidence in the other shapes ZPA Doctor accepts: API collections as one page, a bare array, an array
 * of pages, or the Python SDK's snake_case (what the Zscaler MCP server prints); host files as {@code df -k} or
 * {@code df -h}, {@code free -h}, {@code timedatectl}, and the newer status-block control line. Each converter
 * keeps what the original says; one that cannot (timedatectl shows no offset) declines with null.
 */
final class Shapes {
    static final ObjectMapper JSON = new ObjectMapper();

    private Shapes() {
    }

    /** The objects of an API file, whatever its shape. */
    static List<JsonNode> objects(JsonNode file) {
        List<JsonNode> out = new ArrayList<>();
        if (file.isObject() && file.has("list")) {
            file.get("list").forEach(out::add);
        } else if (file.isArray()) {
            for (JsonNode n : file) {
                if (n.isObject() && n.has("list") && (n.has("totalPages") || n.has("totalCount"))) {
                    n.get("list").forEach(out::add);
                } else {
                    out.add(n);
                }
            }
        }
        return out;
    }

    static JsonNode onePage(List<JsonNode> objects) {
        ObjectNode page = JSON.createObjectNode();
        page.put("totalPages", "1");
        page.put("totalCount", Integer.toString(objects.size()));
        page.putArray("list").addAll(objects);
        return page;
    }

    static JsonNode bareArray(List<JsonNode> objects) {
        return JSON.createArrayNode().addAll(objects);
    }

    /** Pages of two objects each, as a client paging with a small page size saves them. */
    static JsonNode pagesOfTwo(List<JsonNode> objects) {
        ArrayNode pages = JSON.createArrayNode();
        int total = Math.max(1, (objects.size() + 1) / 2);
        for (int p = 0; p < total; p++) {
            ObjectNode page = pages.addObject();
            page.put("totalPages", Integer.toString(total));
            page.put("totalCount", Integer.toString(objects.size()));
            page.putArray("list").addAll(objects.subList(Math.min(objects.size(), p * 2),
                    Math.min(objects.size(), p * 2 + 2)));
        }
        return pages;
    }

    /** Every key in snake_case, as the Python SDK's {@code as_dict()} and the Zscaler MCP server print them. */
    static JsonNode snakeCase(JsonNode n) {
        if (n.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(snake(e.getKey()), snakeCase(e.getValue()));
            }
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            n.forEach(x -> out.add(snakeCase(x)));
            return out;
        }
        return n;
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
                .toLowerCase(Locale.ROOT);
    }

    // --- host files ------------------------------------------------------------------------------------------

    private static final Pattern DF_ROW = Pattern.compile("^(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\d+%|-)\\s+(/\\S*)$");

    /** {@code df -hP} as {@code df -k}: sizes in 1K blocks. Null when the file is not {@code df -hP} output. */
    static String dfK(String text) {
        return dfRows(text, (cols) -> String.format(Locale.ROOT, "%-22s %10s %10s %10s %4s %s", cols[0], kib(cols[1]),
                kib(cols[2]), kib(cols[3]), cols[4], cols[5]), "Filesystem     1K-blocks      Used Available Use% Mounted on");
    }

    /** {@code df -hP} as {@code df -h}, which puts a long device name on a line of its own. */
    static String dfH(String text) {
        return dfRows(text, (cols) -> (cols[0].length() > 14 ? cols[0] + "\n" + " ".repeat(15) : String.format(Locale.ROOT,
                "%-15s", cols[0])) + String.format(Locale.ROOT, "%5s %5s %5s %4s %s", cols[1], cols[2], cols[3], cols[4],
                cols[5]), "Filesystem      Size  Used Avail Use% Mounted on");
    }

    private static String dfRows(String text, java.util.function.Function<String[], String> row, String header) {
        if (!text.endsWith("\n")) {
            return null; // a cut last line stays cut: rewriting it whole would change what it says
        }
        StringBuilder out = new StringBuilder();
        boolean seenHeader = false;
        for (String line : text.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("Filesystem")) {
                if (!t.contains("Size")) {
                    return null;
                }
                seenHeader = true;
                out.append(header).append('\n');
                continue;
            }
            Matcher m = DF_ROW.matcher(t);
            if (seenHeader && m.matches()) {
                if (kib(m.group(2)) == null || kib(m.group(3)) == null || kib(m.group(4)) == null) {
                    return null;
                }
                out.append(row.apply(new String[] {m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)}))
                        .append('\n');
            } else if (seenHeader && !t.isEmpty()) {
                return null;
            }
        }
        return seenHeader ? out.toString() : null;
    }

    private static String kib(String human) {
        Matcher m = Pattern.compile("^(\\d+(?:\\.\\d+)?)([KMGT]?)$").matcher(human);
        if (!m.matches()) {
            return null;
        }
        double v = Double.parseDouble(m.group(1));
        double k = switch (m.group(2)) {
            case "" -> v / 1024;
            case "K" -> v;
            case "M" -> v * 1024;
            case "G" -> v * 1024 * 1024;
            default -> v * 1024 * 1024 * 1024;
        };
        return Long.toString(Math.round(k));
    }

    private static final Pattern FREE_MEM = Pattern.compile("^(Mem|Swap):\\s+(.*)$");

    /** {@code free -m} as {@code free -h}. Null when the file is not {@code free -m} output. */
    static String freeH(String text) {
        if (!text.endsWith("\n") || !text.contains("free -m") && !text.contains("total")) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            Matcher m = FREE_MEM.matcher(line.strip());
            if (m.matches()) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-6s", m.group(1) + ":"));
                for (String v : m.group(2).strip().split("\\s+")) {
                    if (!v.matches("\\d+")) {
                        return null;
                    }
                    long mib = Long.parseLong(v);
                    row.append(String.format(Locale.ROOT, " %10s", mib >= 1024
                            ? String.format(Locale.ROOT, "%.1fGi", mib / 1024.0) : mib + "Mi"));
                }
                out.append(row).append('\n');
            } else {
                out.append(line.replace("free -m", "free -h")).append('\n');
            }
        }
        return out.toString().stripTrailing() + "\n";
    }

    /** {@code chronyc tracking} of a synchronised clock within a second, as {@code timedatectl}; else null. */
    static String timedatectl(String text) {
        Matcher offset = Pattern.compile("System time\\s*:\\s*([\\d.]+) seconds").matcher(text);
        if (!text.contains("Leap status     : Normal") || !offset.find() || Double.parseDouble(offset.group(1)) >= 1.0) {
            return null;
        }
        return """
                               Local time: Fri 2025-07-18 10:42:11 UTC
                           Universal time: Fri 2025-07-18 10:42:11 UTC
                                 RTC time: Fri 2025-07-18 10:42:11
                                Time zone: UTC (UTC, +0000)
                System clock synchronized: yes
                              NTP service: active
                          RTC in local TZ: no
                """;
    }

    private static final Pattern CLASSIC = Pattern.compile("Control connection state: (\\w+), (\\[[^\\]]+\\]:\\d+);(\\S+?)(\\s.*)?$");

    /** A journal's classic control lines in the newer per-connection form; null when it has none. */
    static String newerStatusBlocks(String journal) {
        UnaryOperator<String> line = l -> {
            Matcher m = CLASSIC.matcher(l);
            if (!m.find()) {
                return l;
            }
            String rest = m.group(4) == null ? "" : m.group(4);
            return l.substring(0, m.start()) + "Broker control connection, state " + m.group(1) + ", " + m.group(2) + ";"
                    + m.group(3) + ";4" + (rest.isBlank() ? "" : "," + rest);
        };
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        for (String l : journal.split("\n", -1)) {
            String n = line.apply(l);
            changed |= !n.equals(l);
            out.append(n).append('\n');
        }
        return changed ? out.substring(0, out.length() - 1) : null;
    }
}
