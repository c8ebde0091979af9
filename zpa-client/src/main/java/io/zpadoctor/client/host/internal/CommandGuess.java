package io.zpadoctor.client.host.internal;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Recognises the output of the commands a person might paste into the wrong probe file, so a parser can say
 * "this is {@code free -m} output" (not applicable) rather than "unreadable" (malformed).
 */
public final class CommandGuess {
    /** A recognisable command output: its key (the probe it belongs to), how to name it, and how to see it. */
    public record Known(String key, String name, Predicate<List<String>> test) {
    }

    private static Predicate<List<String>> any(String regex) {
        Pattern p = Pattern.compile(regex);
        return ls -> ls.stream().anyMatch(l -> p.matcher(l).find());
    }

    private static Predicate<List<String>> count(String regex, int atLeast) {
        Pattern p = Pattern.compile(regex);
        return ls -> ls.stream().filter(l -> p.matcher(l).find()).count() >= atLeast;
    }

    /** Most specific first. */
    private static final List<Known> KNOWN = List.of(
            new Known("systemctl", "`systemctl status`", any("^\\s*(Loaded|Active): (loaded|not-found|active|inactive|failed|activating)\\b|could not be found\\.$")),
            new Known("journal", "a journal (`journalctl`)", count("^(?:[A-Z][a-z]{2} +\\d{1,2} \\d{2}:\\d{2}:\\d{2}|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\S* \\S+ \\S+(?:\\[\\d+\\])?: ", 2)
                    .or(any("-------- (?:App )?Connector Status:"))),
            new Known("top", "`top`", any("^top - \\d").or(any("^Tasks: +\\d+ total"))),
            new Known("ps", "`ps aux`", any("^\\s*USER\\s+PID\\s+%CPU\\s+%MEM")),
            new Known("ps", "`ps -ef`", any("^\\s*UID\\s+PID\\s+PPID\\s")),
            new Known("lscpu", "`lscpu`", any("^\\s*Architecture:\\s+\\S").and(any("^\\s*CPU\\(s\\):"))),
            new Known("lscpu", "`/proc/cpuinfo`", count("^processor\\s*:\\s*\\d+", 1).and(any("^(flags|model name)\\s*:"))),
            new Known("meminfo", "`/proc/meminfo`", any("^MemTotal:\\s+\\d+ kB")),
            new Known("free", "`free`", any("^\\s*Mem:\\s+\\S+\\s+\\S+").and(any("^\\s+total\\s+used\\s+free"))),
            new Known("vmstat", "`vmstat`", any("^procs -+memory")),
            new Known("df", "`df -i`", any("^Filesystem\\s+Inodes\\s+IUsed")),
            new Known("df", "`df`", any("^Filesystem\\s+.*\\bMounted on\\s*$")),
            new Known("du", "`du`", count("^\\d+(?:[.,]\\d+)?[KMGT]?\\t/", 2)),
            new Known("memory-status", "`curl 127.0.0.1:9000/memory/status`", any("^\\w+: Alloc: \\d+ \\d+, Free: \\d+ \\d+, Drain: ")),
            new Known("memory-argo", "`curl 127.0.0.1:9000/memory/argo`", count("^\\w+: Alloc: \\d+ \\d+, Free: \\d+ \\d+, Out: \\d+ \\d+ [\\d.]+mb$", 2)),
            new Known("dig", "`dig`", any("^; <<>> DiG ")),
            new Known("nslookup", "`nslookup`", any("^Server:\\s+\\S").and(any("^Address:\\s+\\S+#\\d+"))),
            new Known("openssl", "`openssl s_client`", any("^CONNECTED\\(\\w+\\)$|^Certificate chain$|^\\s*(?:subject|issuer)=|^connect:errno=\\d+|^Verify return code: \\d+|BIO_connect:")),
            new Known("ping", "`ping`", any("^PING \\S+ \\(").or(any("packets transmitted, \\d+ (?:packets )?received"))),
            new Known("chronyc", "`chronyc tracking`", any("^Reference ID\\s*:").and(any("^(Stratum|System time)\\s*:"))),
            new Known("chronyc", "`chronyc sources`", any("^MS Name/IP address\\s+Stratum")),
            new Known("timedatectl", "`timedatectl`", any("^\\s*Local time: ").and(any("^\\s*Universal time: "))),
            new Known("ip", "`ip addr`", any("^\\d+: \\S+:? .*(?:inet|mtu) ").or(any("^\\s+inet \\d+\\.\\d+\\.\\d+\\.\\d+/\\d+"))),
            new Known("ip", "`ifconfig`", any("^\\s+inet (?:addr:)?\\d+\\.\\d+\\.\\d+\\.\\d+\\s+(?:netmask|Bcast|Mask)")),
            new Known("tcp", "the `/dev/tcp` loop", count("^\\S+:\\d+ (?:open|failed)$", 1)),
            new Known("tcp", "`nc -vz`", any("^Connection to \\S+ \\d+ port .* succeeded!|^nc: connect to |^Ncat: ")),
            new Known("tcp", "`telnet`", any("^Trying \\d+\\.\\d+\\.\\d+\\.\\d+\\.\\.\\.$|^telnet: ")),
            new Known("upgrade", "the upgrade-server `curl` loop", any("^(?:dist|yum)\\.private\\.zscaler\\.com (?:\\d{3}|unreachable)$")),
            new Known("stat", "`stat -c '%a %U %G %s'`", any("^[0-7]{3,4} \\S+ \\S+ \\d+$")),
            new Known("ls", "`ls -l`", count("^[-dlcbps][rwxsStT-]{9}[.+@]?\\s+\\d+\\s+\\S+\\s+\\S+\\s+\\d+", 1)),
            new Known("resolv", "`/etc/resolv.conf`", any("^nameserver\\s+\\S+")));

    private CommandGuess() {
    }

    /**
     * What command's output the text looks like, e.g. "`free`", or null when it looks like none of them.
     *
     * @param ownKey the probe asking, whose own output never counts as "another command"
     */
    public static String guess(ProbeText text, String ownKey) {
        List<String> lines = text.nonBlank().stream().limit(80).map(ProbeText.Line::text).toList();
        for (Known k : KNOWN) {
            if (!k.key().equals(ownKey) && k.test().test(lines)) {
                return k.name();
            }
        }
        return null;
    }

    /** {@code -bash: dig: command not found} and the like: the command never ran. Returns the message, or null. */
    public static ProbeText.Line commandMissing(ProbeText text) {
        Pattern p = Pattern.compile("(?:^|: )(\\S+): (?:command not found|No such file or directory)$|^sudo: \\S+: command not found$");
        List<ProbeText.Line> ls = text.nonBlank();
        if (ls.size() <= 2) {
            for (ProbeText.Line l : ls) {
                if (l.trimmed().endsWith("command not found") && p.matcher(l.trimmed()).find()) {
                    return l;
                }
            }
        }
        return null;
    }
}
