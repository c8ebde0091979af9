package io.zpadoctor.client.host;

import io.zpadoctor.client.host.internal.Sizes;
import io.zpadoctor.client.host.internal.ConnectorProcesses;
import io.zpadoctor.client.host.internal.Malformed;
import io.zpadoctor.client.host.internal.ProbeText;
import io.zpadoctor.model.host.ServiceState;
import io.zpadoctor.model.host.ServiceStatus;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code systemctl-status.txt}: {@code systemctl status zpa-connector --no-pager} on systemd 219-256 (the unit line
 * with {@code ●}, {@code ○}, {@code ×} or no bullet; {@code Active:}, {@code Main PID:}, the {@code CGroup:} tree
 * in Unicode or ASCII), and {@code Unit zpa-connector.service could not be found.} The journal lines systemctl
 * prints under the status are ignored (journal.txt holds the journal). Another unit's status is NOT_APPLICABLE.
 *
 * <p>Processes: with a CGroup tree, whether it lists the manager ({@code /opt/zscaler/bin/zpa-connector}) and the
 * child ({@code zpa-connector-child} or {@code image.bin}); without one, none run when the unit is inactive,
 * failed or activating (systemd shows the tree whenever processes remain), and it is unknown otherwise. A process
 * missing from the tree counts as not running only when the tree is known whole: its last entry ({@code └─}) read in
 * full, or a blank line after it. A tree cut short, or whose lines came through a copy garbled ({@code â””â”€},
 * {@code ??}) or ellipsized ({@code …}), leaves a process it does not show unknown, and the file PARTIAL.
 */
public final class SystemctlStatusParser extends ProbeParser {
    private static final Pattern UNIT = Pattern.compile("^(?:[●○×*✗]\\s*)?([\\w@.-]+\\.service)(?: - (.*))?$");
    private static final Pattern NOT_FOUND = Pattern.compile("^Unit ([\\w@.-]+?)(?:\\.service)? could not be found\\.$");
    private static final Pattern ACTIVE = Pattern.compile("^Active:\\s+(\\S+)(?:\\s+\\(([^)]*)\\))?(.*)$");
    private static final Pattern SINCE = Pattern.compile("\\bsince (.+?)(?:;|$)");
    private static final Pattern MAIN_PID = Pattern.compile("^Main PID:\\s+(\\d+)");
    private static final Pattern CGROUP = Pattern.compile("^CGroup:\\s+\\S+");
    private static final Pattern TREE = Pattern.compile("^[\\s│|]*[├└|`][─-]+\\s*(\\d+)\\s+(.+)$");
    /** A tree entry whose branch characters did not survive a copy ({@code â””â”€1190 ...}, {@code ??1190 ...}). */
    private static final Pattern GARBLED_TREE = Pattern.compile("^\\s*[^\\w\\s/]{1,12}\\s*(\\d+)\\s+(\\S.*)$");

    @Override
    protected String key() {
        return "systemctl";
    }

    @Override
    protected Set<String> commandWords() {
        return Set.of("systemctl");
    }

    @Override
    protected String expected() {
        return "`systemctl status zpa-connector` output";
    }

    @Override
    protected ParseResult read(HostFile file, ProbeText text) {
        ProbeText.Line activeLine = null;
        String unit = null;
        ServiceState state = null;
        String stateText = null;
        String sub = null;
        String since = null;
        Integer pid = null;
        boolean cgroup = false;
        boolean parent = false;
        boolean child = false;
        boolean treeWhole = false;
        ParseResult.Incomplete doubt = null;
        ProbeText.Line lastEntry = null;
        boolean inStatus = true;
        for (ProbeText.Line l : text.lines()) {
            String t = l.trimmed();
            if (t.isEmpty()) {
                if (activeLine != null && text.terminated(l)) {
                    inStatus = false; // what follows the blank line is the journal excerpt
                    treeWhole |= cgroup;
                }
                continue;
            }
            if (!inStatus) {
                continue;
            }
            Matcher m;
            if ((m = NOT_FOUND.matcher(t)).matches()) {
                if (!isConnector(m.group(1))) {
                    return ParseResult.notApplicable(file, l.number(), "the status of " + m.group(1) + ", not zpa-connector");
                }
                return ParseResult.parsed(List.of(new ServiceStatus(file.host(), file.path(), l.number(),
                        ServiceState.NOT_FOUND, t, null, false, false, null, null)));
            } else if (unit == null && (m = UNIT.matcher(t)).matches()) {
                unit = m.group(1);
                if (!isConnector(unit)) {
                    return ParseResult.notApplicable(file, l.number(), "the status of " + unit + ", not zpa-connector.service");
                }
            } else if (activeLine == null && (m = ACTIVE.matcher(t)).matches()) {
                activeLine = l;
                state = ServiceState.fromSystemd(m.group(1));
                stateText = (m.group(1) + (m.group(2) == null ? "" : " (" + m.group(2) + ")")).strip();
                sub = m.group(2);
                Matcher s = SINCE.matcher(t);
                since = s.find() ? s.group(1).strip() : null;
            } else if ((m = MAIN_PID.matcher(t)).find()) {
                pid = Sizes.wholeInt(m.group(1)); // digits no pid can have: unknown, not a crash
            } else if (CGROUP.matcher(t).find()) {
                cgroup = true;
            } else if (cgroup && !treeWhole) {
                boolean garbled = false;
                if (!(m = TREE.matcher(l.text())).matches()) {
                    m = GARBLED_TREE.matcher(l.text());
                    garbled = m.matches();
                }
                if (!m.matches()) {
                    if (doubt == null) {
                        doubt = new ParseResult.Incomplete(l.number(), "a line of the CGroup list is not a process: \""
                                + ProbeText.quote(t) + "\"");
                    }
                    continue;
                }
                String cmd = m.group(2).strip();
                lastEntry = l;
                if (text.mayBeCut(l) || cmd.endsWith("…") || cmd.endsWith("...")) {
                    doubt = new ParseResult.Incomplete(l.number(), "the CGroup list is cut at this process: \""
                            + ProbeText.quote(t) + "\"");
                    continue;
                }
                if (garbled && doubt == null) {
                    doubt = new ParseResult.Incomplete(l.number(), "the CGroup list's tree characters are garbled (a"
                            + " copy in another encoding), so where it ends cannot be told");
                }
                child |= ConnectorProcesses.isChild(cmd);
                parent |= ConnectorProcesses.isManager(cmd);
                String lead = l.text().stripLeading();
                treeWhole |= !garbled && (lead.startsWith("└") || lead.startsWith("`"));
            }
        }
        if (activeLine == null) {
            if (unit != null) {
                throw new Malformed(text.first(), "a unit line but no `Active:` line: the output was cut");
            }
            return notOurs(file, text, text.first(), "`systemctl status` lines (`Active: active (running) since ...`)");
        }
        if (state == ServiceState.UNKNOWN && !stateText.matches("[a-z-]+( \\(.*\\))?")) {
            throw new Malformed(activeLine, "the `Active:` state is unreadable: \"" + ProbeText.quote(stateText) + "\"");
        }
        Boolean parentRunning;
        Boolean childRunning;
        if (cgroup) {
            boolean whole = treeWhole && doubt == null;
            // a process the tree shows runs; one it does not show is missing only when the tree is whole
            parentRunning = parent ? Boolean.TRUE : whole ? Boolean.FALSE : null;
            childRunning = child ? Boolean.TRUE : whole ? Boolean.FALSE : null;
            if (!whole && doubt == null && !(parent && child)) {
                ProbeText.Line at = lastEntry != null ? lastEntry : activeLine;
                doubt = new ParseResult.Incomplete(at.number(), "the CGroup list may be cut after this line (its last"
                        + " entry is not marked └─ and nothing follows it), so a process it does not show is unknown");
            }
        } else if (state == ServiceState.INACTIVE || state == ServiceState.FAILED || state == ServiceState.ACTIVATING) {
            parentRunning = false;
            childRunning = false;
        } else {
            parentRunning = null;
            childRunning = null;
            if (inStatus && (state == ServiceState.ACTIVE || state == ServiceState.RELOADING)) {
                ProbeText.Line last = text.nonBlank().get(text.nonBlank().size() - 1);
                doubt = new ParseResult.Incomplete(last.number(), "the output stops before the CGroup list, so which"
                        + " processes run is unknown");
            }
        }
        if (doubt != null && (parent && child)) {
            doubt = null; // both processes seen: whatever else the list held changes nothing
        }
        return ParseResult.parsedUnless(List.of(new ServiceStatus(file.host(), file.path(), activeLine.number(), state,
                stateText, sub, parentRunning, childRunning, pid, since)), file, doubt);
    }

    private static boolean isConnector(String unit) {
        return unit.equals("zpa-connector") || unit.equals("zpa-connector.service");
    }
}
