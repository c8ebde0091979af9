package io.zpadoctor.model.host;

import io.zpadoctor.model.internal.Require;

/**
 * One entry of the top disk consumers ({@code du.txt}: {@code du -xam / | sort -n -r | head -n 20}, or the
 * runbook's {@code du -a /} in KiB), in MiB.
 *
 * @param rank 1 for the largest
 * @param path the file or directory
 * @param sizeMb its size, rounded to whole MiB when {@code du} printed KiB
 * @param unit how the numbers were read: {@code MiB} ({@code du -m}), {@code KiB} ({@code du -a}) or
 *        {@code human} ({@code du -h})
 * @param unitAssumed the unit was not printed and was inferred (see the parser)
 */
public record DiskConsumer(String host, String source, Integer line, int rank, String path, long sizeMb,
                           String unit, boolean unitAssumed) implements HostObservation {
    public DiskConsumer {
        Checks.origin(host, source, line);
        if (rank < 1) {
            throw new IllegalArgumentException("rank is 1-based, got " + rank);
        }
        Require.nonBlank(path, "path");
        Checks.nonNegative(sizeMb, "sizeMb");
        Require.nonBlank(unit, "unit");
    }
}
