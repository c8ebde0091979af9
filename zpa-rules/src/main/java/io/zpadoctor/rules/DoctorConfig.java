package io.zpadoctor.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.zpadoctor.model.Thresholds;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.finding.SuppressionRule;
import io.zpadoctor.model.telemetry.TelemetryThresholds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings an ops team keeps beside ZPA Doctor, normally in {@code zpa-doctor.yaml}:
 * <pre>
 * thresholds:
 *   cpuPercent: 85
 *   certificateExpiryDays: 45
 *   telemetryWindowMinutes: 15     # Log Streaming Service records: how long "sustained" is
 * suppressions:
 *   - code: ZPA-FLT-003
 *     subject: dc1-acg-key          # id or name, * allowed; omit for every subject
 *     reason: single-use keys by design (CHG-1234)
 *     expires: 2027-03-31           # optional; the last day it applies
 * </pre>
 * Settings are data, not code: unlike a rule pack, a config file is safe to read from the working folder.
 */
public record DoctorConfig(Thresholds thresholds, List<SuppressionRule> suppressions, String origin) {

    public static final DoctorConfig DEFAULTS = new DoctorConfig(Thresholds.DEFAULTS, List.of(), null);
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    private static final Set<String> SUPPRESSION_KEYS = Set.of("code", "subject", "reason", "expires");

    public DoctorConfig {
        thresholds = thresholds == null ? Thresholds.DEFAULTS : thresholds;
        suppressions = List.copyOf(suppressions);
    }

    /** A config file that cannot be used, with the line at fault. */
    public static final class ConfigException extends Exception {
        public ConfigException(String file, int line, String problem) {
            super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        }
    }

    public static DoctorConfig read(Path file) throws ConfigException {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(name, -1, "cannot be read: " + e.getMessage());
        }
        return parse(text, name);
    }

    public static DoctorConfig parse(String text, String name) throws ConfigException {
        String[] lines = text.split("\n", -1);
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new ConfigException(name, l == null ? -1 : l.getLineNr(), "not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new DoctorConfig(Thresholds.DEFAULTS, List.of(), name);
        }
        if (!root.isObject()) {
            throw new ConfigException(name, 1, "expected a mapping with thresholds: and/or suppressions:");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("thresholds") && !k.equals("suppressions")) {
                throw new ConfigException(name, lineOf(lines, k + ":", 0), "unknown setting '" + k
                        + "' (expected thresholds or suppressions; rule packs are only ever given with --rules)");
            }
        }
        Thresholds t = thresholds(root.path("thresholds"), lines, name);
        List<SuppressionRule> rules = new ArrayList<>();
        JsonNode list = root.path("suppressions");
        if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
            throw new ConfigException(name, lineOf(lines, "suppressions:", 0), "suppressions must be a list of"
                    + " entries with code, reason and optionally subject and expires");
        }
        int searchFrom = Math.max(0, lineOf(lines, "suppressions:", 0) - 1);
        for (JsonNode s : list) {
            int line = lineOf(lines, "-", searchFrom);
            searchFrom = Math.max(searchFrom, line);
            rules.add(suppression(s, line, name));
        }
        return new DoctorConfig(t, rules, name);
    }

    private static Thresholds thresholds(JsonNode n, String[] lines, String name) throws ConfigException {
        if (n.isMissingNode() || n.isNull()) {
            return Thresholds.DEFAULTS;
        }
        if (!n.isObject()) {
            throw new ConfigException(name, lineOf(lines, "thresholds:", 0), "thresholds must be a mapping");
        }
        Thresholds t = Thresholds.DEFAULTS;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int line = lineOf(lines, e.getKey() + ":", 0);
            JsonNode v = e.getValue();
            if (!v.isNumber() && !(v.isTextual() && v.asText().strip().matches("-?\\d+(\\.\\d+)?"))) {
                throw new ConfigException(name, line, e.getKey() + ": expected a number, found '" + v.asText() + "'");
            }
            double d = v.asDouble();
            try {
                t = switch (e.getKey()) {
                    case "cpuPercent" -> t.withCpuPercent(d);
                    case "minFreeDiskMb" -> t.withMinFreeDiskMb((long) d);
                    case "maxDiskUsedPercent" -> t.withMaxDiskUsedPercent(d);
                    case "certificateExpiryDays" -> t.withCertificateExpiryDays((int) d);
                    case "keyUsageWarnPercent" -> t.withKeyUsageWarnPercent(d);
                    case "clockSkewSeconds" -> t.withClockSkewSeconds(d);
                    case "staleDisconnectDays" -> t.withStaleDisconnectDays((int) d);
                    case "correlatedOutageMinutes" -> t.withCorrelatedOutageMinutes((int) d);
                    case "minMemoryMb" -> t.withMinMemoryMb((long) d);
                    case "memoryPercent" -> t.withMemoryPercent(d);
                    default -> t.withTelemetry(telemetry(t.telemetry(), e.getKey(), d, name, line));
                };
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(name, line, ex.getMessage());
            }
        }
        return t;
    }

    /** The Log Streaming Service thresholds: windows in minutes or hours, limits as counts and percentages. */
    private static TelemetryThresholds telemetry(TelemetryThresholds t, String key, double d, String name, int line)
            throws ConfigException {
        return switch (key) {
            case "telemetryWindowMinutes" -> new TelemetryThresholds(minutes(d), t.minSamples(), t.trendWindow(),
                    t.memoryPercent(), t.exhaustionPercent(), t.authFailures(), t.reconnects(), t.diskHorizon());
            case "telemetryMinSamples" -> new TelemetryThresholds(t.window(), (int) d, t.trendWindow(),
                    t.memoryPercent(), t.exhaustionPercent(), t.authFailures(), t.reconnects(), t.diskHorizon());
            case "telemetryTrendMinutes" -> new TelemetryThresholds(t.window(), t.minSamples(), minutes(d),
                    t.memoryPercent(), t.exhaustionPercent(), t.authFailures(), t.reconnects(), t.diskHorizon());
            case "memoryPressurePercent" -> new TelemetryThresholds(t.window(), t.minSamples(), t.trendWindow(), d,
                    t.exhaustionPercent(), t.authFailures(), t.reconnects(), t.diskHorizon());
            case "exhaustionPercent" -> new TelemetryThresholds(t.window(), t.minSamples(), t.trendWindow(),
                    t.memoryPercent(), d, t.authFailures(), t.reconnects(), t.diskHorizon());
            case "authFailures" -> new TelemetryThresholds(t.window(), t.minSamples(), t.trendWindow(),
                    t.memoryPercent(), t.exhaustionPercent(), (int) d, t.reconnects(), t.diskHorizon());
            case "reconnects" -> new TelemetryThresholds(t.window(), t.minSamples(), t.trendWindow(),
                    t.memoryPercent(), t.exhaustionPercent(), t.authFailures(), (int) d, t.diskHorizon());
            case "diskHorizonHours" -> new TelemetryThresholds(t.window(), t.minSamples(), t.trendWindow(),
                    t.memoryPercent(), t.exhaustionPercent(), t.authFailures(), t.reconnects(), minutes(d * 60));
            default -> throw new ConfigException(name, line, "unknown threshold '" + key
                    + "' (expected cpuPercent, minFreeDiskMb, maxDiskUsedPercent, certificateExpiryDays,"
                    + " keyUsageWarnPercent, clockSkewSeconds, staleDisconnectDays, correlatedOutageMinutes,"
                    + " minMemoryMb, memoryPercent, or for Log Streaming Service records telemetryWindowMinutes,"
                    + " telemetryMinSamples, telemetryTrendMinutes, memoryPressurePercent, exhaustionPercent,"
                    + " authFailures, reconnects, diskHorizonHours)");
        };
    }

    private static Duration minutes(double m) {
        return Duration.ofSeconds(Math.round(m * 60));
    }

    private static SuppressionRule suppression(JsonNode s, int line, String name) throws ConfigException {
        if (!s.isObject()) {
            throw new ConfigException(name, line, "a suppression is a mapping with code and reason");
        }
        for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!SUPPRESSION_KEYS.contains(k)) {
                throw new ConfigException(name, line, "unknown suppression key '" + k
                        + "' (expected code, subject, reason, expires)");
            }
        }
        String code = s.path("code").asText("").strip();
        if (code.isEmpty() || !code.endsWith("*") && !Finding.CODE.matcher(code).matches()) {
            throw new ConfigException(name, line, "a suppression needs a code like ZPA-FLT-003 (or a prefix like"
                    + " ZPA-FLT-*), found '" + code + "'");
        }
        String reason = s.path("reason").asText("").strip();
        if (reason.isEmpty()) {
            throw new ConfigException(name, line, "the suppression of " + code + " has no reason: say why the"
                    + " finding is accepted, it is shown in every report");
        }
        LocalDate expires = null;
        if (s.hasNonNull("expires")) {
            try {
                expires = LocalDate.parse(s.get("expires").asText().strip());
            } catch (DateTimeParseException e) {
                throw new ConfigException(name, line, "expires: expected a date like 2027-03-31, found '"
                        + s.get("expires").asText() + "'");
            }
        }
        return new SuppressionRule(code, s.hasNonNull("subject") ? s.get("subject").asText() : null, reason, expires,
                name + ":" + line);
    }

    private static int lineOf(String[] lines, String prefix, int from) {
        for (int i = from; i < lines.length; i++) {
            if (lines[i].strip().startsWith(prefix)) {
                return i + 1;
            }
        }
        return -1;
    }
}
