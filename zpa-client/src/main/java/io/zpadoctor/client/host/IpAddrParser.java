package io.zpadoctor.client.host;

import io.zpadoctor.client.host.internal.ProbeText;
import io.zpadoctor.model.host.HostAddresses;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ip-addr.txt}: {@code hostname; ip -4 -o addr show} ({@code 2: eth0    inet 10.1.81.40/24 brd ...}), also
 * the long {@code ip addr} layout ({@code     inet 10.1.81.40/24 brd ... scope global eth0}), {@code hostname -I}
 * (addresses on one line) and {@code ifconfig} ({@code inet 10.1.81.40  netmask ...}, old {@code inet addr:}).
 * The host name is the first line when it is a lone name. Only IPv4 addresses are kept.
 */
public final class IpAddrParser extends ProbeParser {
    private static final String V4 = "(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})";
    private static final Pattern ONE_LINE = Pattern.compile("^\\d+:\\s+\\S+\\s+inet\\s+" + V4 + "(?:/\\d+)?\\b");
    private static final Pattern LONG = Pattern.compile("^inet\\s+(?:addr:)?" + V4 + "(?:/\\d+)?\\b");
    private static final Pattern IFACE = Pattern.compile("^\\d+:\\s+\\S+?:?\\s+<.*>|^\\d+:\\s+\\S+\\s+inet6?\\s");
    private static final Pattern HOSTNAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$");
    private static final Pattern ADDRESS_LIST = Pattern.compile("^(?:[0-9a-fA-F.:]+\\s*)+$");

    @Override
    protected String key() {
        return "ip";
    }

    @Override
    protected Set<String> commandWords() {
        return Set.of("hostname", "ip", "ifconfig");
    }

    @Override
    protected String expected() {
        return "`hostname; ip -4 -o addr show` output";
    }

    @Override
    protected ParseResult read(HostFile file, ProbeText text) {
        String hostname = null;
        List<String> addresses = new ArrayList<>();
        Integer first = null;
        List<ProbeText.Line> lines = text.nonBlank();
        for (int i = 0; i < lines.size(); i++) {
            ProbeText.Line l = lines.get(i);
            String t = l.trimmed();
            Matcher m;
            if ((m = ONE_LINE.matcher(t)).find() || (m = LONG.matcher(t)).find()) {
                addresses.add(m.group(1));
                first = first == null ? l.number() : first;
            } else if (i == 0 && HOSTNAME.matcher(t).matches() && !t.matches("[\\d.]+")) {
                hostname = t;
            } else if (ADDRESS_LIST.matcher(t).matches() && t.contains(".")) {
                for (String a : t.split("\\s+")) {
                    if (a.matches(V4)) {
                        addresses.add(a);
                    }
                }
                first = first == null ? l.number() : first;
            } else if (IFACE.matcher(t).find() || t.startsWith("link/") || t.startsWith("inet6 ")
                    || t.startsWith("valid_lft") || t.matches("^\\S+: flags=.*") || t.startsWith("ether ")
                    || t.matches("^(?:RX|TX|loop|Link encap|UP |collisions).*")) {
                continue; // interface headers and the lines ip/ifconfig print around the addresses
            } else if (addresses.isEmpty()) {
                return notOurs(file, text, l, "`ip -4 -o addr show` lines (`2: eth0    inet 10.0.0.5/24 ...`)");
            }
        }
        if (addresses.isEmpty() && hostname == null) {
            return notOurs(file, text, text.first(), "a host name and `ip -4 -o addr show` lines");
        }
        for (String a : addresses) {
            for (String part : a.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return notOurs(file, text, text.first(), "IPv4 addresses (" + a + " is not one)");
                }
            }
        }
        return ParseResult.parsed(List.of(new HostAddresses(file.host(), file.path(), first == null ? lines.get(0).number() : first,
                hostname, addresses)));
    }
}
