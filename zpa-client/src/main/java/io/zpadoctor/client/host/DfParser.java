package io.zpadoctor.client.host;

import io.zpadoctor.client.host.internal.Malformed;
import io.zpadoctor.client.host.internal.ProbeText;
import io.zpadoctor.client.host.internal.Sizes;
import io.zpadoctor.model.host.DiskUsage;
import io.zpadoctor.model.host.HostFact;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code df.txt}: {@code df -hP}, {@code df -h}, {@code df -k}, {@code df}, {@code df -m}, {@code df -P},
 * with or without {@code -T} (a Type column). Notes above the header are skipped. A long device name that {@code df -h} wraps onto its own line is
 * joined with the numbers on the next line. A mount point may contain spaces. A column printed as {@code -}
 * stays null. Stderr noise ({@code df: '/mnt/x': No such file or directory}) is skipped; a row with missing or
 * unreadable columns makes the file MALFORMED at that row.
 */
public final class DfParser extends ProbeParser {
    private static final Pattern HEADER = Pattern.compile(
            "^Filesystem\\s+(Type\\s+)?(Size|\\d+[KMGT]?B?-blocks|1K-blocks|1024-blocks|512-blocks)\\s+Used\\s+Avail(?:able)?\\s+(?:Use%|Capacity)\\s+Mounted on\\s*$");
    private static final Pattern NOISE = Pattern.compile("^(?:/\\S*/)?df: .*");

    @Override
    protected String key() {
        return "df";
    }

    @Override
    protected Set<String> commandWords() {
        return Set.of("df");
    }

    @Override
    protected String expected() {
        return "`df -hP` output";
    }

    @Override
    protected ParseResult read(HostFile file, ProbeText text) {
        List<HostFact> facts = new ArrayList<>();
        Unit unit = null;
        boolean typeColumn = false;
        String pendingDevice = null;
        ProbeText.Line headerLine = null;
        for (ProbeText.Line l : text.lines()) {
            String t = l.trimmed();
            if (t.isEmpty() || NOISE.matcher(t).matches()) {
                continue;
            }
            Matcher h = HEADER.matcher(t);
            if (h.matches()) {
                if (pendingDevice != null) {
                    throw new Malformed(l, "the device name on the previous line has no sizes after it");
                }
                typeColumn = h.group(1) != null;
                unit = Unit.of(l, h.group(2));
                headerLine = l;
                continue;
            }
            if (unit == null) {
                if (t.startsWith("Filesystem") && t.contains("Inodes")) {
                    return ParseResult.notApplicable(file, l.number(), "looks like the output of `df -i` (inodes), not " + expected());
                }
                continue; // a note a person typed above the table; without any header the file is not df output
            }
            String[] cols = t.split("\\s+");
            int numbers = typeColumn ? 5 : 4; // [type] size used avail use%
            if (cols.length == 1 && pendingDevice == null && !l.text().startsWith(" ")) {
                pendingDevice = cols[0]; // df -h wraps a long device name onto its own line
                continue;
            }
            String device;
            int at;
            if (pendingDevice != null) {
                device = pendingDevice;
                pendingDevice = null;
                at = 0;
            } else {
                device = cols[0];
                at = 1;
            }
            if (cols.length < at + numbers + 1) {
                throw new Malformed(l, "expected " + (at + numbers + 1) + " columns (filesystem, "
                        + (typeColumn ? "type, " : "") + "size, used, available, use%, mount point), found "
                        + cols.length + ": \"" + ProbeText.quote(t) + "\"");
            }
            if (typeColumn) {
                at++;
            }
            Long size = size(cols[at], unit, l, "size");
            Long used = size(cols[at + 1], unit, l, "used");
            Long avail = size(cols[at + 2], unit, l, "available");
            Integer pct = percent(cols[at + 3], l);
            String mount = String.join(" ", java.util.Arrays.copyOfRange(cols, at + 4, cols.length));
            if (!mount.startsWith("/")) {
                throw new Malformed(l, "expected a mount point starting with '/', found \"" + ProbeText.quote(mount) + "\"");
            }
            facts.add(new DiskUsage(file.host(), file.path(), l.number(), device, size, used, avail, pct, mount,
                    unit.human()));
        }
        if (pendingDevice != null) {
            throw new Malformed(text.lines().get(text.lines().size() - 1),
                    "the table ends with a device name and no sizes: the output was cut");
        }
        if (headerLine == null) {
            return notOurs(file, text, text.first(), "a `df` header (Filesystem  Size  Used  Avail  Use%  Mounted on)");
        }
        if (facts.isEmpty()) {
            throw new Malformed(headerLine, "a `df` header but no filesystem rows after it");
        }
        return ParseResult.parsed(facts);
    }

    private static Long size(String col, Unit unit, ProbeText.Line l, String what) {
        if (col.equals("-")) {
            return null; // pseudo filesystems print '-': no number, never zero
        }
        Double mib;
        if (unit.human()) {
            mib = Sizes.humanToMib(col);
        } else {
            Long n = Sizes.wholeNumber(col);
            mib = n == null ? null : n * (double) unit.blockBytes() / (1024.0 * 1024.0);
        }
        if (mib == null) {
            throw new Malformed(l, "the " + what + " column is not a size: \"" + ProbeText.quote(col) + "\"");
        }
        return Math.round(mib);
    }

    private static Integer percent(String col, ProbeText.Line l) {
        if (col.equals("-")) {
            return null;
        }
        if (!col.matches("\\d{1,3}%")) {
            throw new Malformed(l, "the Use% column is not a percentage: \"" + ProbeText.quote(col) + "\"");
        }
        return Integer.parseInt(col.substring(0, col.length() - 1));
    }

    /** How the size columns are counted: human-readable ({@code -h}) or blocks of a given size. */
    private record Unit(boolean human, long blockBytes) {
        /** {@code 1K-blocks}, {@code 1024-blocks}, {@code 1MB-blocks}, {@code 1B-blocks} (df -B1), as HEADER admits them. */
        private static final Pattern BLOCKS = Pattern.compile("(\\d+)([KMGT]?)(B?)-blocks");

        static Unit of(ProbeText.Line l, String header) {
            if (header.equals("Size")) {
                return new Unit(true, 0);
            }
            Matcher m = BLOCKS.matcher(header);
            Long n = m.matches() ? Sizes.wholeNumber(m.group(1)) : null;
            if (n == null) {
                throw new Malformed(l, "the header's block size is not one df prints: \"" + ProbeText.quote(header) + "\"");
            }
            long base = m.group(3).isEmpty() ? 1024 : 1000; // 1K = 1024 bytes, 1KB = 1000 bytes (df --block-size)
            int power = m.group(2).isEmpty() ? 0 : "KMGT".indexOf(m.group(2)) + 1;
            try {
                long bytes = n;
                for (int i = 0; i < power; i++) {
                    bytes = Math.multiplyExact(bytes, base);
                }
                return new Unit(false, bytes);
            } catch (ArithmeticException e) {
                throw new Malformed(l, "the header's block size is out of range: \"" + ProbeText.quote(header) + "\"");
            }
        }
    }
}
