package io.zpadoctor.model.host;

import io.zpadoctor.model.internal.Require;

/**
 * One allocator line of the connector's own memory accounting, {@code curl -s 127.0.0.1:9000/memory/status}
 * ({@code memory-status.txt}); the {@code Total:} line has {@code pool} "Total" and {@code total} true.
 * {@code Out} is what the allocator holds now; a leak shows as the total growing across samples.
 *
 * @param pool the allocator, e.g. {@code fohh}, {@code dns}, {@code Total}
 * @param total this is the {@code Total:} line
 * @param allocCount number of allocations since start
 * @param allocBytes bytes allocated since start
 * @param freeCount number of frees since start
 * @param freeBytes bytes freed since start
 * @param outCount allocations currently held
 * @param outBytes bytes currently held
 * @param outMb megabytes currently held, as printed
 * @param overheadMb allocator overhead in megabytes, as printed, or null
 */
public record ConnectorMemory(String host, String source, Integer line, String pool, boolean total, long allocCount,
                              long allocBytes, long freeCount, long freeBytes, long outCount, long outBytes,
                              double outMb, Double overheadMb) implements HostObservation {
    public ConnectorMemory {
        Checks.origin(host, source, line);
        Require.nonBlank(pool, "pool");
        Checks.nonNegative(outMb, "outMb");
    }
}
