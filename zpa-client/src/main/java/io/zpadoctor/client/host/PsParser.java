package io.zpadoctor.client.host;

import io.zpadoctor.client.host.internal.ConnectorProcesses;
import io.zpadoctor.client.host.internal.Malformed;
import io.zpadoctor.client.host.internal.ProbeText;
import io.zpadoctor.client.host.internal.Sizes;
import io.zpadoctor.model.host.HostFact;
import io.zpadoctor.model.host.ProcessSort;
import io.zpadoctor.model.host.ProcessTable;
import io.zpadoctor.model.host.ProcessUsage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code ps-cpu.txt} ({@code ps aux --sort=-pcpu}) and {@code ps-mem.txt} ({@code ps aux --sort=-pmem}), whole
 * or cut by {@code head}: one {@link ProcessUsage} per row and a {@link ProcessTable} for the listing. Lines
 * before the header ({@code your 131072x1 screen size is bogus}) are skipped; a row without the eleven
 * columns, or with a non-numeric PID, %CPU, %MEM, VSZ or RSS, makes the file MALFORMED at that row. Ranks follow
 * the file's column (%CPU or %MEM), so rows out of order still rank by what they show.
 */
public final class PsParser extends ProbeParser {
    private static final Pattern HEADER = Pattern.compile("^USER\\s+PID\\s+%CPU\\s+%MEM\\s+VSZ\\s+RSS\\s+TTY\\s+STAT\\s+START\\s+TIME\\s+COMMAND$");

    private final ProcessSort purpose;

    /**
     * @param purpose the order the file is meant to hold: {@link ProcessSort#CPU} for {@code ps-cpu.txt},
     *        {@link ProcessSort#MEMORY} for {@code ps-mem.txt}
     */
    public PsParser(ProcessSort purpose) {
        this.purpose = purpose == null ? ProcessSort.NONE : purpose;
    }

    @Override
    protected String key() {
        return "ps";
    }

    @Override
    protected Set<String> commandWords() {
        return Set.of("ps");
    }

    @Override
    protected String expected() {
        return purpose == ProcessSort.MEMORY ? "`ps aux --sort=-pmem` output" : "`ps aux --sort=-pcpu` output";
    }

    private record Row(ProbeText.Line line, String user, int pid, double cpu, double mem, long vsz, long rss,
                       String command) {
    }

    @Override
    protected ParseResult read(HostFile file, ProbeText text) {
        ProbeText.Line header = null;
        List<Row> rows = new ArrayList<>();
        ParseResult.Incomplete cut = null;
        for (ProbeText.Line l : text.nonBlank()) {
            String t = l.trimmed();
            if (header != null && text.mayBeCut(l)) {
                cut = cutAt(l); // a command cut in the middle ("zpa-conn") would read as another process
                break;
            }
            if (header == null) {
                if (HEADER.matcher(t).matches()) {
                    header = l;
                }
                continue;
            }
            if (HEADER.matcher(t).matches()) {
                break; // a second listing (a collector sampling twice): the first one is the sample
            }
            String[] c = t.split("\\s+", 11);
            if (c.length < 11 && l == text.nonBlank().get(text.nonBlank().size() - 1)) {
                // the last row stops short: the paste was cut there, and the rows above it stand
                cut = new ParseResult.Incomplete(l.number(), "the last row is cut (" + c.length + " of 11 columns)");
                break;
            }
            if (c.length < 11) {
                throw new Malformed(l, "expected 11 columns (USER PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND), found "
                        + c.length + ": the row was cut");
            }
            Long pid = Sizes.wholeNumber(c[1]);
            Double cpu = Sizes.decimal(c[2]);
            Double mem = Sizes.decimal(c[3]);
            Long vsz = Sizes.wholeNumber(c[4]);
            Long rss = Sizes.wholeNumber(c[5]);
            // ps never prints a negative percentage; the model refuses one, so it is this row's problem, not a crash
            if (pid == null || cpu == null || mem == null || vsz == null || rss == null || pid > Integer.MAX_VALUE
                    || cpu < 0 || mem < 0) {
                throw new Malformed(l, "expected numbers in PID, %CPU, %MEM, VSZ and RSS, found \""
                        + ProbeText.quote(String.join(" ", c[1], c[2], c[3], c[4], c[5])) + "\"");
            }
            String command = c[10].strip();
            if (ellipsizedConnector(command)) {
                // "zpa-connector-c…": a pager cut the command where it could still be the connector's
                cut = cut != null ? cut : new ParseResult.Incomplete(l.number(), "the command is cut short (\""
                        + ProbeText.quote(command) + "\"), so whether it is the connector is unknown");
                continue;
            }
            rows.add(new Row(l, c[0], pid.intValue(), cpu, mem, vsz, rss, command));
        }
        if (header == null) {
            return notOurs(file, text, text.first(), "a `ps aux` header (USER PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND)");
        }
        String command = text.promptWith("ps");
        ProcessSort sort = declaredSort(command);
        if (sort == ProcessSort.NONE) {
            sort = purpose;
        }
        // rows out of order (edited, or merged from two samples): each process's share is still what it shows,
        // so ranks are taken from the values rather than from the order
        List<Row> ranked = rows;
        if (!descending(rows, sort)) {
            ProcessSort by = sort;
            ranked = rows.stream().sorted(java.util.Comparator.comparingDouble(
                    (Row r) -> by == ProcessSort.CPU ? r.cpu() : r.mem()).reversed()).toList();
        }
        boolean truncated = (command != null && command.contains("head")) || rows.stream().noneMatch(r -> r.pid() == 1);
        List<HostFact> facts = new ArrayList<>();
        boolean childListed = false;
        int rank = 0;
        for (Row r : ranked) {
            boolean child = ConnectorProcesses.isChild(r.command());
            boolean manager = ConnectorProcesses.isManager(r.command());
            childListed |= child;
            facts.add(new ProcessUsage(file.host(), file.path(), r.line().number(), ++rank, sort, r.user(), r.pid(),
                    r.cpu(), r.mem(), r.vsz(), r.rss(), r.command(), child, manager));
        }
        facts.add(0, new ProcessTable(file.host(), file.path(), header.number(), sort, rows.size(),
                truncated || cut != null, childListed));
        return ParseResult.parsedUnless(facts, file, cut);
    }

    /** A command ellipsized by a pager ({@code …}) whose visible start could be one of the connector's processes. */
    static boolean ellipsizedConnector(String command) {
        if (!command.endsWith("\u2026") && !command.endsWith("...")) {
            return false;
        }
        String shown = command.substring(0, command.length() - (command.endsWith("...") ? 3 : 1)).strip();
        String base = shown.contains(" ") ? shown.substring(0, shown.indexOf(' ')) : shown;
        base = base.substring(base.lastIndexOf('/') + 1);
        return !shown.contains(" ") && ("zpa-connector-child".startsWith(base) || "image.bin".startsWith(base)
                || "/opt/zscaler/bin/zpa-connector".startsWith(shown) || "/opt/zscaler/var/image.bin".startsWith(shown));
    }

    private static ProcessSort declaredSort(String command) {
        if (command == null) {
            return ProcessSort.NONE;
        }
        String c = command.replace(" ", "");
        if (c.matches(".*(--sort=-?|--sort-?|k-?)(pcpu|%cpu).*")) {
            return ProcessSort.CPU;
        }
        if (c.matches(".*(--sort=-?|--sort-?|k-?)(pmem|%mem|rss).*")) {
            return ProcessSort.MEMORY;
        }
        return ProcessSort.NONE;
    }

    private static boolean descending(List<Row> rows, ProcessSort sort) {
        if (sort == ProcessSort.NONE) {
            return true;
        }
        for (int i = 1; i < rows.size(); i++) {
            double prev = sort == ProcessSort.CPU ? rows.get(i - 1).cpu() : rows.get(i - 1).mem();
            double cur = sort == ProcessSort.CPU ? rows.get(i).cpu() : rows.get(i).mem();
            if (cur > prev) {
                return false;
            }
        }
        return true;
    }
}
