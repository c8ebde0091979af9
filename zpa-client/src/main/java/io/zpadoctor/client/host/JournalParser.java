package io.zpadoctor.client.host;

import io.zpadoctor.client.host.internal.JournalLine;
import io.zpadoctor.client.host.internal.ProbeText;
import io.zpadoctor.client.host.internal.Secrets;
import io.zpadoctor.client.host.internal.Sizes;
import io.zpadoctor.model.host.FohhState;
import io.zpadoctor.model.host.HostFact;
import io.zpadoctor.model.host.LogEvent;
import io.zpadoctor.model.host.LogEventKind;
import io.zpadoctor.model.host.StatusBlock;
import io.zpadoctor.model.host.StatusFormat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code journal.txt}: {@code journalctl -u zpa-connector --no-pager -n 5000} (also {@code -o short-iso},
 * {@code -o short-precise}, {@code -o short-full}, /var/log/messages, and lines pasted without their prefix).
 * Yields a {@link StatusBlock} per 60-second status block, classic or per-connection (zpa-domain.md 5.4), and a
 * {@link LogEvent} per line of a known signature (5.5). Other lines are ignored.
 *
 * <p>The default format prints no year: it is taken from the reference time given (the bundle's collection
 * time), with a December line read in January falling in the previous year; without one, from the journal's
 * own {@code -- Logs begin at ..., end at ... --} line; else times stay null (line numbers still order events).
 * Times are the host's wall clock as printed. The secret part of a provisioning key in a login nonce is never
 * kept.
 */
public final class JournalParser extends ProbeParser {
    private static final Pattern META = Pattern.compile("^-- (?:Logs begin at|Journal begins at|Boot|Reboot|No entries|Journal ends|Logs end).*--?$|^-- .* --$");
    private static final Pattern META_END = Pattern.compile("end(?:s)? at \\w{3} (\\d{4}-\\d{2}-\\d{2})");

    // status block lines
    private static final Pattern HEADER = Pattern.compile(
            "^-{3,} (?:App )?(?:Connector|Service Edge|Private Cloud Controller) Status:ID=(\\d+):Name=(.*?):Ver=([\\w.\\-]+) -{3,}$");
    private static final Pattern CERT = Pattern.compile("^Certificate will expire in (\\d+) days?\\b");
    private static final Pattern CONTROL_CLASSIC = Pattern.compile("^Control connection state: (\\w+)(.*)$");
    private static final Pattern CONTROL_NEW = Pattern.compile("^Broker control connection, state (\\w+),?(.*)$");
    private static final Pattern LOCAL = Pattern.compile("(?:local:)?\\[([^\\]]+)\\]:(\\d+)");
    private static final Pattern REMOTE = Pattern.compile("[;\\s](?:remote:)?([A-Za-z][\\w.\\-]*\\.[A-Za-z]{2,})(?::\\[([^\\]]+)\\]:\\d+)?");
    private static final Pattern UPTIME = Pattern.compile("uptime ((?:\\d+D:)?(?:\\d+H:)?(?:\\d+M:)?\\d+S)\\b");
    private static final Pattern UPTIME_PARTS = Pattern.compile("(?:(\\d+)D:)?(?:(\\d+)H:)?(?:(\\d+)M:)?(\\d+)S");
    private static final Pattern RTT = Pattern.compile("RTT \\(tcp\\|app\\): (\\d+)\\|(\\d+) us");
    private static final Pattern DISCONNECT = Pattern.compile("disconnect_duration_s (\\d+)");
    private static final Pattern DATA = Pattern.compile("^Broker data connection count = ");
    private static final Pattern APPS = Pattern.compile("^Registered apps count = ");
    private static final Pattern MTUNNELS = Pattern.compile("^Mtunnels: ");
    private static final Pattern TRANSFER = Pattern.compile("^Data Transfer: ");
    private static final Pattern RPC = Pattern.compile("^RPC Messages[:,]");
    private static final Pattern SKEW = Pattern.compile("^Time skew: ([+-]) ?([\\d.]+)s\\b");
    private static final Pattern PAIR = Pattern.compile("([A-Za-z_][A-Za-z_ ]*?)\\s*=\\s*(\\d+)\\b");

    // event lines
    private static final Pattern SELF_SIGNED = Pattern.compile("self[- ]signed certificate in certificate chain\\s*(.*)$");
    private static final Pattern PEER = Pattern.compile(";([A-Za-z][\\w.\\-]*\\.[A-Za-z]{2,}):\\[[^\\]]*\\]:\\d+");
    private static final Pattern BEV_ERROR = Pattern.compile("Received event from .*BEV_EVENT_ERROR");
    private static final Pattern DNS_FAILED = Pattern.compile("DNS resolution failed for (\\S+)");
    private static final Pattern NAME_ADDED = Pattern.compile("Adding name resolution for (\\S+) of (\\S+)");
    private static final Pattern CLOSED = Pattern.compile("Broker control connection to Zscaler Cloud closed:(.*?)\\s(FOHH_CLOSE_REASON_\\w+)");
    private static final Pattern LOGIN = Pattern.compile("Login request failed - http status\\((\\d+)\\)");
    private static final Pattern NONCE_PREFIX = Pattern.compile("nonce\\(<(\\d+\\|[^|<>\\s]*\\|)");
    private static final Pattern SEND_CSR = Pattern.compile("Send CSR from (\\S+) failed: Expected HTTP \\d+, got HTTP (\\d+)");
    private static final Pattern VERIFY = Pattern.compile("Certificates retrieved do not successfully verify: (.*?)(?:, cert=.*)?$");
    private static final Pattern ENROLL_VIA = Pattern.compile("Enroll: Connecting to (\\S+) via (\\S+?)\\.?$");
    private static final Pattern TIME_SYNCED = Pattern.compile("Time synchronized, Local time ([+-]) ([\\d.]+)s = cloud_time");
    private static final Pattern EXITED = Pattern.compile("exited too fast, was running for (\\d+) s");
    private static final Pattern PAUSE = Pattern.compile("entering PAUSE mode because of\\s*-?\\s*(.*)$");
    private static final Pattern VERIFIED = Pattern.compile("Currently installed version verified as (\\S+)");
    private static final Pattern SERVICE_FAILED = Pattern.compile(
            "^zpa-connector(?:\\.service)?: (?:Failed with result|Main process exited, code=(?:exited, status=[1-9]|killed|dumped)).*");
    private static final Pattern STARTED_FROM = Pattern.compile("zpa-connector-child Started from (\\S+)");

    private final Instant reference;

    /** @param reference when the journal was collected (a bundle's {@code collectedAt}), or null when unknown */
    public JournalParser(Instant reference) {
        this.reference = reference;
    }

    @Override
    protected String key() {
        return "journal";
    }

    @Override
    protected Set<String> commandWords() {
        return Set.of("journalctl", "grep", "cat", "tail", "less");
    }

    @Override
    protected String expected() {
        return "`journalctl -u zpa-connector` output";
    }

    /** The kinds of status-block line; a block holds each kind once. */
    private enum Part { CERT, CONTROL, DATA, APPS, MTUNNELS, TRANSFER, RPC, SKEW }

    /** A status block being read. */
    private final class Block {
        final int line;
        final LocalDateTime time;
        final Integer pid;
        final Set<Part> seen = EnumSet.noneOf(Part.class);
        StatusFormat format = StatusFormat.UNKNOWN;
        String id;
        String name;
        String version;
        Integer certDays;
        FohhState state = FohhState.UNKNOWN;
        String stateRaw;
        String local;
        String broker;
        String brokerAddress;
        Long uptime;
        Long rttTcp;
        Long rttApp;
        Long disconnect;
        Map<String, Long> counters = new HashMap<>();
        Double skew;

        Block(int line, LocalDateTime time, Integer pid) {
            this.line = line;
            this.time = time;
            this.pid = pid;
        }

        StatusBlock toFact(HostFile f) {
            return new StatusBlock(f.host(), f.path(), line, time, pid, format, id, name, version, certDays, state,
                    stateRaw, local, broker, brokerAddress, uptime, rttTcp, rttApp, disconnect,
                    integer("Broker data connection count"), integer("backed_off connections"),
                    integer("Registered apps count"), integer("alive app"), integer("passive_health"),
                    integer("service_count"), integer("target_count"), integer("alive_target"), integer("aged_target"),
                    counters.get("Current Active"), counters.get("Total ToBroker"), counters.get("Total FromBroker"), skew);
        }

        private Integer integer(String key) {
            Long v = counters.get(key);
            return v == null || v > Integer.MAX_VALUE ? null : v.intValue(); // too large to be a count: not kept
        }
    }

    @Override
    protected ParseResult read(HostFile file, ProbeText text) {
        LocalDate refDate = reference == null ? null : reference.atOffset(ZoneOffset.UTC).toLocalDate();
        if (refDate == null) {
            refDate = endDateOfJournal(text);
        }
        List<HostFact> facts = new ArrayList<>();
        Block block = null;
        int prefixed = 0;
        boolean recognised = false;
        for (ProbeText.Line l : text.lines()) {
            if (l.blank()) {
                continue;
            }
            String raw = l.trimmed();
            if (raw.startsWith("-- ") && META.matcher(raw).matches()) {
                recognised = true;
                continue;
            }
            JournalLine j = JournalLine.parse(raw);
            if (j.prefixed()) {
                prefixed++;
            }
            String msg = j.message().strip();
            LocalDateTime time = j.resolve(refDate);
            Matcher m;
            if (msg.startsWith("---") && (m = HEADER.matcher(msg)).matches()) {
                if (block != null) {
                    facts.add(block.toFact(file));
                }
                block = new Block(l.number(), time, j.pid());
                block.id = m.group(1);
                block.name = m.group(2);
                block.version = m.group(3);
                recognised = true;
                continue;
            }
            Part part = statusPart(msg);
            if (part != null) {
                recognised = true;
                if (block == null || block.seen.contains(part) || apart(block, time, j.pid())) {
                    if (block != null) {
                        facts.add(block.toFact(file));
                    }
                    block = new Block(l.number(), time, j.pid());
                }
                block.seen.add(part);
                fill(block, part, msg);
                if (part == Part.CERT) {
                    facts.add(event(file, l, time, j, LogEventKind.CERTIFICATE_EXPIRY, null, null, null, block.certDays, null, msg));
                }
                continue;
            }
            LogEvent e = classify(file, l, time, j, msg);
            if (e != null) {
                facts.add(e);
                recognised = true;
            }
        }
        if (block != null) {
            facts.add(block.toFact(file));
        }
        if (!recognised && prefixed == 0) {
            return notOurs(file, text, text.first(), "journal lines (`Jul 18 10:40:02 <host> zpa-connector-child[<pid>]: <message>`)");
        }
        facts.sort(java.util.Comparator.comparing(f -> f instanceof StatusBlock s ? s.line() : ((LogEvent) f).line()));
        return ParseResult.parsed(facts);
    }

    /** The end date a {@code -- Logs begin at ..., end at ... --} line gives, or null. */
    private static LocalDate endDateOfJournal(ProbeText text) {
        for (ProbeText.Line l : text.nonBlank()) {
            if (l.trimmed().startsWith("-- ")) {
                Matcher m = META_END.matcher(l.trimmed());
                if (m.find()) {
                    return LocalDate.parse(m.group(1));
                }
            }
        }
        return null;
    }

    /** A line of another block: a different child process, or more than 30 s after the block started. */
    private static boolean apart(Block b, LocalDateTime time, Integer pid) {
        if (b.pid != null && pid != null && !b.pid.equals(pid)) {
            return true;
        }
        return b.time != null && time != null && Math.abs(Duration.between(b.time, time).getSeconds()) > 30;
    }

    private static Part statusPart(String msg) {
        if ((msg.startsWith("Certificate will expire in ") && CERT.matcher(msg).find())) {
            return Part.CERT;
        }
        if ((msg.startsWith("Control connection state: ") && CONTROL_CLASSIC.matcher(msg).find()) || (msg.startsWith("Broker control connection, state ") && CONTROL_NEW.matcher(msg).find())) {
            return Part.CONTROL;
        }
        if ((msg.startsWith("Broker data connection count = ") && DATA.matcher(msg).find())) {
            return Part.DATA;
        }
        if ((msg.startsWith("Registered apps count = ") && APPS.matcher(msg).find())) {
            return Part.APPS;
        }
        if ((msg.startsWith("Mtunnels: ") && MTUNNELS.matcher(msg).find())) {
            return Part.MTUNNELS;
        }
        if ((msg.startsWith("Data Transfer: ") && TRANSFER.matcher(msg).find())) {
            return Part.TRANSFER;
        }
        if ((msg.startsWith("RPC Messages") && RPC.matcher(msg).find())) {
            return Part.RPC;
        }
        if ((msg.startsWith("Time skew: ") && SKEW.matcher(msg).find())) {
            return Part.SKEW;
        }
        return null;
    }

    private static void fill(Block b, Part part, String msg) {
        Matcher m;
        switch (part) {
            case CERT -> {
                m = CERT.matcher(msg);
                if (m.find()) {
                    b.certDays = intOrNull(m.group(1));
                }
            }
            case CONTROL -> {
                String rest;
                if ((m = CONTROL_NEW.matcher(msg)).find()) {
                    b.format = StatusFormat.PER_CONNECTION;
                } else {
                    m = CONTROL_CLASSIC.matcher(msg);
                    m.find();
                    b.format = StatusFormat.CLASSIC;
                }
                b.stateRaw = m.group(1);
                b.state = FohhState.fromLog(m.group(1));
                rest = m.group(2);
                Matcher a = LOCAL.matcher(rest);
                if (a.find()) {
                    b.local = a.group(1) + ":" + a.group(2);
                    Matcher r = REMOTE.matcher(rest.substring(a.end()));
                    if (r.find()) {
                        b.broker = r.group(1);
                        b.brokerAddress = r.group(2);
                    }
                }
                Matcher u = UPTIME.matcher(rest);
                if (u.find()) {
                    b.uptime = uptimeSeconds(u.group(1));
                }
                Matcher t = RTT.matcher(rest);
                if (t.find()) {
                    b.rttTcp = Sizes.wholeNumber(t.group(1));
                    b.rttApp = Sizes.wholeNumber(t.group(2));
                }
                Matcher d = DISCONNECT.matcher(rest);
                if (d.find()) {
                    b.disconnect = Sizes.wholeNumber(d.group(1));
                }
            }
            case SKEW -> {
                m = SKEW.matcher(msg);
                Double v = m.find() ? Sizes.decimal(m.group(2)) : null;
                if (v != null) {
                    b.skew = m.group(1).equals("-") ? -v : v;
                }
            }
            case RPC -> {
                // counters of messages exchanged: not used by any check
            }
            default -> {
                Matcher p = PAIR.matcher(msg);
                while (p.find()) {
                    String key = p.group(1).strip();
                    if (key.startsWith("Mtunnels: ")) {
                        key = key.substring("Mtunnels: ".length());
                    } else if (key.startsWith("Data Transfer: ")) {
                        key = key.substring("Data Transfer: ".length());
                    }
                    if (p.group(2).length() <= 18) {
                        b.counters.putIfAbsent(key, Long.valueOf(p.group(2)));
                    }
                }
            }
        }
    }

    private static Long uptimeSeconds(String text) {
        Matcher m = UPTIME_PARTS.matcher(text);
        if (!m.matches()) {
            return null;
        }
        long s = 0;
        long[] unit = {86400, 3600, 60, 1};
        for (int i = 0; i < 4; i++) {
            if (m.group(i + 1) != null) {
                Long n = Sizes.wholeNumber(m.group(i + 1));
                if (n == null) {
                    return null;
                }
                try {
                    s = Math.addExact(s, Math.multiplyExact(n, unit[i]));
                } catch (ArithmeticException e) {
                    // an uptime past 292 billion years is no uptime: unknown rather than wrapped
                    return null;
                }
            }
        }
        return s;
    }

    private static Integer intOrNull(String digits) {
        return digits.length() > 9 ? null : Integer.valueOf(digits);
    }

    /** The event a message signals, or null for an ordinary line. Most specific signature first. */
    private static LogEvent classify(HostFile f, ProbeText.Line l, LocalDateTime time, JournalLine j, String msg) {
        Matcher m;
        if ((m = find(SELF_SIGNED, "signed certificate in certificate chain", msg)) != null) {
            String issuer = m.group(1).strip();
            int second = issuer.indexOf(" /", 1); // the line repeats the name: keep the first
            issuer = second > 0 ? issuer.substring(0, second) : issuer;
            return event(f, l, time, j, LogEventKind.TLS_SELF_SIGNED_IN_CHAIN, issuer, peer(msg), null, null, null, msg);
        }
        if (msg.contains("certificate is not yet valid")) {
            return event(f, l, time, j, LogEventKind.CERTIFICATE_NOT_YET_VALID, null, null, null, null, null, msg);
        }
        if ((m = find(VERIFY, "Certificates retrieved do not successfully verify: ", msg)) != null) {
            return event(f, l, time, j, LogEventKind.CERTIFICATE_VERIFY_FAILED, m.group(1), null, null, null, null, msg);
        }
        if ((m = find(LOGIN, "Login request failed - http status(", msg)) != null) {
            Matcher n = NONCE_PREFIX.matcher(msg);
            return event(f, l, time, j, LogEventKind.LOGIN_REFUSED, n.find() ? n.group(1) : null, null, null, null,
                    intOrNull(m.group(1)), msg);
        }
        if (msg.contains("Cannot decrypt data from instance_id.crypt") || msg.contains("EVP_DecryptFinal_ex:bad decrypt")) {
            return event(f, l, time, j, LogEventKind.INSTANCE_ID_DECRYPT_FAILED, null, null, null, null, null, msg);
        }
        if (msg.contains("Cannot get instance id")) {
            return event(f, l, time, j, LogEventKind.INSTANCE_ID_UNAVAILABLE, null, null, null, null, null, msg);
        }
        if ((m = find(DNS_FAILED, "DNS resolution failed for ", msg)) != null) {
            return event(f, l, time, j, LogEventKind.DNS_RESOLUTION_FAILED, m.group(1), null, null, null, null, msg);
        }
        if (msg.contains("Connector not yet connected to cloud")) {
            return event(f, l, time, j, LogEventKind.NOT_CONNECTED_TO_CLOUD, null, null, null, null, null, msg);
        }
        if ((m = find(CLOSED, "Broker control connection to Zscaler Cloud closed:", msg)) != null) {
            LogEventKind k = m.group(2).equals("FOHH_CLOSE_REASON_REDIRECT")
                    ? LogEventKind.CONTROL_CLOSED_REDIRECT : LogEventKind.CONTROL_CLOSED;
            return event(f, l, time, j, k, m.group(2), peer(msg), null, null, null, msg);
        }
        if (msg.contains("Broker control connection successfully connected to Zscaler Cloud")) {
            return event(f, l, time, j, LogEventKind.CONTROL_CONNECTED, null, peer(msg), null, null, null, msg);
        }
        if (msg.contains("Received broker_redirect")) {
            return event(f, l, time, j, LogEventKind.BROKER_REDIRECT, null, peer(msg), null, null, null, msg);
        }
        if (find(BEV_ERROR, "BEV_EVENT_ERROR", msg) != null) {
            return event(f, l, time, j, LogEventKind.CONNECTION_EVENT_ERROR, null, peer(msg), null, null, null, msg);
        }
        if (msg.contains("fohh_connection_backoff")) {
            return event(f, l, time, j, LogEventKind.CONNECTION_BACKOFF, null, peer(msg), null, null, null, msg);
        }
        if ((m = find(NAME_ADDED, "Adding name resolution for ", msg)) != null) {
            return event(f, l, time, j, LogEventKind.NAME_RESOLUTION_ADDED, m.group(2), m.group(1), null, null, null, msg);
        }
        if (msg.contains("Upgrade prep error for")) {
            return event(f, l, time, j, LogEventKind.UPGRADE_PREP_ERROR, null, null, null, null, null, msg);
        }
        if ((m = find(EXITED, "exited too fast, was running for ", msg)) != null) {
            return event(f, l, time, j, LogEventKind.EXITED_TOO_FAST, null, null, Sizes.decimal(m.group(1)), null, null, msg);
        }
        if (msg.contains("failed too many times in a row")) {
            return event(f, l, time, j, LogEventKind.REVERTING_TO_DEFAULT, null, null, null, null, null, msg);
        }
        if ((m = find(PAUSE, "entering PAUSE mode because of", msg)) != null) {
            return event(f, l, time, j, LogEventKind.PAUSED, m.group(1).strip(), null, null, null, null, msg);
        }
        if (msg.contains("currently in paused mode")) {
            return event(f, l, time, j, LogEventKind.IN_PAUSED_MODE, null, null, null, null, null, msg);
        }
        if (msg.contains("No valid certificate. Attempting to enroll")) {
            return event(f, l, time, j, LogEventKind.ENROLLMENT_ATTEMPT, null, null, null, null, null, msg);
        }
        if ((m = find(ENROLL_VIA, "Enroll: Connecting to ", msg)) != null) {
            return event(f, l, time, j, LogEventKind.ENROLL_CONNECTING, m.group(1), m.group(2), null, null, null, msg);
        }
        if (msg.contains("has already been enrolled")) {
            return event(f, l, time, j, LogEventKind.ALREADY_ENROLLED, null, null, null, null, null, msg);
        }
        if ((m = find(SEND_CSR, "Send CSR from ", msg)) != null) {
            return event(f, l, time, j, LogEventKind.SEND_CSR_FAILED, m.group(1), null, null, null,
                    intOrNull(m.group(2)), msg);
        }
        if (msg.contains("Certificate enrollment failed")) {
            return event(f, l, time, j, LogEventKind.ENROLLMENT_FAILED, null, null, null, null, null, msg);
        }
        if (msg.contains("Could not create HTTP client")) {
            return event(f, l, time, j, LogEventKind.HTTP_CLIENT_FAILED, null, null, null, null, null, msg);
        }
        if (msg.contains("Resolve read certificatefailed") || msg.contains("Resolve read certificate failed")) {
            return event(f, l, time, j, LogEventKind.CERTIFICATE_READ_FAILED, null, null, null, null, null, msg);
        }
        if (msg.equals("Checking Enrollment")) {
            return event(f, l, time, j, LogEventKind.CHECKING_ENROLLMENT, null, null, null, null, null, msg);
        }
        if (msg.contains("Control channel successfully connected to Zscaler Cloud")) {
            return event(f, l, time, j, LogEventKind.CONTROL_CHANNEL_CONNECTED, null, null, null, null, null, msg);
        }
        if (msg.contains("waiting for time synchronization")) {
            return event(f, l, time, j, LogEventKind.WAITING_FOR_TIME_SYNC, null, null, null, null, null, msg);
        }
        if ((m = find(TIME_SYNCED, "Time synchronized, Local time ", msg)) != null) {
            // [\d.]+ also matches "1.2.3" and ".": such a skew is unknown, the event still counts
            Double v = Sizes.decimal(m.group(2));
            // "Local time - 737s = cloud_time": the host is 737 s ahead of the cloud
            return event(f, l, time, j, LogEventKind.TIME_SYNCHRONIZED, null, null,
                    v == null ? null : m.group(1).equals("-") ? v : -v, null, null, msg);
        }
        if (msg.contains("Waiting for connector to retrieve configuration")) {
            return event(f, l, time, j, LogEventKind.WAITING_FOR_CONFIGURATION, null, null, null, null, null, msg);
        }
        if ((m = find(VERIFIED, "Currently installed version verified as ", msg)) != null) {
            return event(f, l, time, j, LogEventKind.UPGRADE_VERSION_VERIFIED, m.group(1), null, null, null, null, msg);
        }
        if ((m = find(STARTED_FROM, "zpa-connector-child Started from ", msg)) != null) {
            return event(f, l, time, j, LogEventKind.CHILD_STARTED, m.group(1), null, null, null, null, msg);
        }
        if (msg.contains("not registered with an entitlement server")) {
            return event(f, l, time, j, LogEventKind.ENTITLEMENT_NOTICE, null, null, null, null, null, msg);
        }
        if (msg.startsWith("Started Zscaler Private Access") || msg.startsWith("Started zpa-connector")) {
            return event(f, l, time, j, LogEventKind.SERVICE_STARTED, null, null, null, null, null, msg);
        }
        if (msg.startsWith("Stopped Zscaler Private Access") || msg.startsWith("Stopping Zscaler Private Access")
                || msg.startsWith("Stopped zpa-connector") || msg.startsWith("Stopping zpa-connector")) {
            return event(f, l, time, j, LogEventKind.SERVICE_STOPPED, null, null, null, null, null, msg);
        }
        if (msg.startsWith("zpa-connector") && SERVICE_FAILED.matcher(msg).matches()) {
            return event(f, l, time, j, LogEventKind.SERVICE_FAILED, null, null, null, null, null, msg);
        }
        return null;
    }

    /**
     * The pattern's match when the message holds its literal part, else null: most lines hold none of the
     * signatures, and a {@code contains} is far cheaper than running the regex (a 5,000-line journal is read often).
     */
    private static Matcher find(Pattern p, String literal, String msg) {
        if (!msg.contains(literal)) {
            return null;
        }
        Matcher m = p.matcher(msg);
        return m.find() ? m : null;
    }

    /** The host name of the remote end on a connection line ({@code ...;broker1.x.prod.zpath.net:[ip]:443}). */
    private static String peer(String msg) {
        Matcher m = PEER.matcher(msg);
        return m.find() ? m.group(1) : null;
    }

    private static LogEvent event(HostFile f, ProbeText.Line l, LocalDateTime time, JournalLine j, LogEventKind kind,
                                  String detail, String peer, Double seconds, Integer days, Integer status, String msg) {
        String kept = Secrets.redact(msg);
        if (kept.length() > 400) {
            kept = kept.substring(0, 397) + "...";
        }
        return new LogEvent(f.host(), f.path(), l.number(), time, j.process(), j.pid(), kind, Secrets.redact(detail),
                peer, seconds, days, status, kept);
    }
}
