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
 * failed or activating (systemd shows the tree whenever processes remain), and it is unknown otherwise.
 */
public final class SystemctlStatusParser extends ProbeParser {
    private static final Pattern UNIT = Pattern.compile("^(?:[●○×*✗]\\s*)?([\\w@.-]+\\.service)(?: - (.*))?$");
    private static final Pattern NOT_FOUND = Pattern.compile("^Unit ([\\w@.-]+?)(?:\\.service)? could not be found\\.$");
    private static final Pattern ACTIVE = Pattern.compile("^Active:\\s+(\\S+)(?:\\s+\\(([^)]*)\\))?(.*)$");
    private static final Pattern SINCE = Pattern.compile("\\bsince (.+?)(?:;|$)");
    private static final Pattern MAIN_PID = Pattern.compile("^Main PID:\\s+(\\d+)");
    private static final Pattern CGROUP = Pattern.compile("^CGroup:\\s+\\S+");
    private static final Pattern TREE = Pattern.compile("^[\\s│|]*[├└|`][─-]+\\s*(\\d+)\\s+(.+)$");

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
        boolean inStatus = true;
        for (ProbeText.Line l : text.lines()) {
            String t = l.trimmed();
            if (t.isEmpty()) {
                if (activeLine != null) {
                    inStatus = false; // what follows the blank line is the journal excerpt
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
            } else if (cgroup && (m = TREE.matcher(l.text())).matches()) {
                String cmd = m.group(2).strip();
                child |= ConnectorProcesses.isChild(cmd);
                parent |= ConnectorProcesses.isManager(cmd);
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
            parentRunning = parent;
            childRunning = child;
        } else if (state == ServiceState.INACTIVE || state == ServiceState.FAILED || state == ServiceState.ACTIVATING) {
            parentRunning = false;
            childRunning = false;
        } else {
            parentRunning = null;
            childRunning = null;
        }
        return ParseResult.parsed(List.of(new ServiceStatus(file.host(), file.path(), activeLine.number(), state,
                stateText, sub, parentRunning, childRunning, pid, since)));
    }

    private static boolean isConnector(String unit) {
        return unit.equals("zpa-connector") || unit.equals("zpa-connector.service");
    }
}
