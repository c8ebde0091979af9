package io.zpadoctor.client.host.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A probe file's text as a person pasted it, cleaned: terminal colour codes, carriage returns, a byte-order
 * mark and non-breaking spaces removed; shell prompt lines ({@code $ df -h}, {@code [root@ac-fra-3 ~]# df -h})
 * set apart, with the command they show. Line numbers stay those of the file.
 */
public final class ProbeText {
    /** One line of the file, numbered from 1. */
    public record Line(int number, String text) {
        public boolean blank() {
            return text.isBlank();
        }

        public String trimmed() {
            return text.strip();
        }
    }

    /** Lines are cleaned one by one, so an operating-system command (a title) whose BEL was lost ends at its line. */
    private static final Pattern ANSI = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B\r\n]*(?:\u0007|\u001B\\\\)?|\u001B[@-Z\\\\-_]");
    /** Colour codes whose escape character was lost in a copy from a web page: {@code [1;39m}, {@code [0m}. */
    private static final Pattern BARE_SGR = Pattern.compile("\\[(?:\\d{1,3};)*\\d{1,3}m|\\[m");
    /** {@code [root@host ~]# cmd}, {@code admin@host:~$ cmd}. */
    private static final Pattern USER_PROMPT = Pattern.compile(
            "^\\s*(?:\\[[^\\]\\[\\s]+@[^\\]]*\\]\\s?[#$]|[\\w.-]+@[\\w.-]+:[^\\s#$]*\\s?[#$])\\s?(.*)$");
    /** {@code $ cmd}, {@code # cmd}, {@code % cmd}: only taken as a prompt when a known command follows. */
    private static final Pattern BARE_PROMPT = Pattern.compile("^\\s*[$#%>]\\s+(\\S.*)$");
    /** Separator lines some documents put around output. */
    private static final Pattern DECORATION = Pattern.compile("^\\s*={5,}\\s*$");

    /** Commands a person runs for the probes, and a few they paste by mistake. */
    public static final Set<String> COMMAND_WORDS = Set.of(
            "df", "du", "free", "ps", "top", "lscpu", "cat", "ls", "stat", "dig", "nslookup", "host", "ping", "curl",
            "wget", "openssl", "nc", "ncat", "netcat", "telnet", "timeout", "bash", "sh", "for", "echo", "chronyc",
            "timedatectl", "ntpq", "ntpstat", "systemctl", "journalctl", "ip", "ifconfig", "hostname", "head",
            "sort", "grep", "vmstat", "uptime", "mtr", "traceroute", "tail", "less", "uname", "date", "cut", "awk");

    private final List<Line> lines;
    private final List<Line> prompts;
    private final Line unterminated;

    private ProbeText(List<Line> lines, List<Line> prompts, Line unterminated) {
        this.lines = Collections.unmodifiableList(lines);
        this.prompts = Collections.unmodifiableList(prompts);
        this.unterminated = unterminated;
    }

    public static ProbeText of(String raw) {
        String text = raw == null ? "" : raw;
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        // split first, clean each line: removing a code never joins or splits lines (evidence cites the file's lines)
        List<String> parts = lines(text);
        List<Line> lines = new ArrayList<>();
        List<Line> prompts = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (i == parts.size() - 1 && parts.get(i).isEmpty()) {
                break;
            }
            String l = clean(parts.get(i));
            String command = promptCommand(l);
            if (command != null) {
                prompts.add(new Line(i + 1, command));
            } else if (!l.contains("=====") || !DECORATION.matcher(l).matches()) {
                lines.add(new Line(i + 1, stripRight(l)));
            }
        }
        // a last line without its line break is how a paste cut in mid-line ends (whole outputs end with one)
        Line open = null;
        if (!parts.get(parts.size() - 1).isEmpty() && !lines.isEmpty()
                && lines.get(lines.size() - 1).number() == parts.size()) {
            open = lines.get(lines.size() - 1);
        }
        return new ProbeText(lines, prompts, open);
    }

    /** The text split at CRLF, CR or LF, as {@code split("\r\n|\r|\n", -1)} would, without a regex per file. */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    // Each regex runs only when its first character is on the line: a journal has thousands of clean lines.
    private static String clean(String line) {
        String l = line.indexOf('\u001B') >= 0 ? ANSI.matcher(line).replaceAll("") : line;
        l = l.indexOf('[') >= 0 && hasBareSgr(l) ? BARE_SGR.matcher(l).replaceAll("") : l;
        return l.replace('\u00A0', ' ').replace("\b", "");
    }

    /** Whether a "[" starts a colour code ({@code [1;39m}, {@code [m}): most "[" are a pid's ({@code child[6123]:}). */
    private static boolean hasBareSgr(String l) {
        for (int i = l.indexOf('['); i >= 0; i = l.indexOf('[', i + 1)) {
            int j = i + 1;
            while (j < l.length() && (Character.isDigit(l.charAt(j)) || l.charAt(j) == ';')) {
                j++;
            }
            if (j < l.length() && l.charAt(j) == 'm') {
                return true;
            }
        }
        return false;
    }

    /** The command a prompt line shows (possibly empty), or null when the line is not a prompt. */
    static String promptCommand(String line) {
        Matcher m;
        if (line.indexOf('@') >= 0 && (m = USER_PROMPT.matcher(line)).matches()) {
            return withoutSudo(m.group(1).strip());
        }
        String lead = line.stripLeading();
        if (!lead.isEmpty() && "$#%>".indexOf(lead.charAt(0)) >= 0 && (m = BARE_PROMPT.matcher(line)).matches()) {
            String cmd = withoutSudo(m.group(1).strip());
            // "$ ;" or "# |" splits into no word at all: no command, so no prompt
            String[] words = cmd.split("[\\s;|&]+");
            return words.length > 0 && COMMAND_WORDS.contains(words[0].toLowerCase(Locale.ROOT)) ? cmd : null;
        }
        return null;
    }

    private static String withoutSudo(String cmd) {
        String c = cmd;
        while (c.startsWith("sudo ")) {
            c = c.substring(5).strip();
        }
        return c;
    }

    private static String stripRight(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** The content lines, prompt lines excluded, blank lines included. */
    public List<Line> lines() {
        return lines;
    }

    public List<Line> nonBlank() {
        return lines.stream().filter(l -> !l.blank()).toList();
    }

    /** The prompt lines, each holding the command it shows (without {@code sudo}). */
    public List<Line> prompts() {
        return prompts;
    }

    /** No content at all (a file holding only a prompt is blank too). */
    public boolean isBlank() {
        return lines.stream().allMatch(Line::blank);
    }

    /**
     * The last line when the file ends without a line break after it, or null. Commands end their output with one,
     * so such a line may have been cut: a parser may read what it shows, but never conclude from what it lacks.
     */
    public Line unterminated() {
        return unterminated == null || unterminated.blank() ? null : unterminated;
    }

    /** Whether this line is the file's last, holds text and has no line break: possibly cut in the middle. */
    public boolean mayBeCut(Line l) {
        return unterminated != null && l != null && !l.blank() && l.number() == unterminated.number();
    }

    /** Whether this line is followed by a line break (a blank line without one is where a paste stopped). */
    public boolean terminated(Line l) {
        return unterminated == null || l == null || l.number() != unterminated.number();
    }

    /** The first non-blank content line, or null. */
    public Line first() {
        return lines.stream().filter(l -> !l.blank()).findFirst().orElse(null);
    }

    /** The known command words in one command line, e.g. {@code ps} and {@code head} in {@code ps aux | head -5}. */
    public static Set<String> commandWordsOf(String commandLine) {
        Set<String> words = new java.util.LinkedHashSet<>();
        for (String token : commandLine.split("[\\s|;&()$`\"']+")) {
            String t = token.toLowerCase(Locale.ROOT);
            if (t.contains("/")) {
                t = t.substring(t.lastIndexOf('/') + 1);
            }
            if (COMMAND_WORDS.contains(t)) {
                words.add(t);
            }
        }
        return words;
    }

    /** The first pasted command line containing {@code word}, or null. */
    public String promptWith(String word) {
        for (Line p : prompts) {
            if (Pattern.compile("(^|[\\s|;/(])" + Pattern.quote(word) + "(\\s|$)").matcher(p.text()).find()) {
                return p.text();
            }
        }
        return null;
    }

    /** A short quote of a line for a problem message, with any key secret removed. */
    public static String quote(String text) {
        String t = Secrets.redact(text.strip());
        return t.length() > 80 ? t.substring(0, 77) + "..." : t;
    }
}
