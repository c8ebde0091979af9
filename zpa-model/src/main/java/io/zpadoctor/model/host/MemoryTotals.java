package io.zpadoctor.model.host;

import io.zpadoctor.model.internal.Require;

/**
 * Memory totals from {@code free} ({@code free.txt}), in MiB whatever unit the output used.
 *
 * @param line the {@code Mem:} line
 * @param totalMb physical memory
 * @param usedMb used memory
 * @param freeMb unused memory
 * @param sharedMb {@code shared}, or null when not printed
 * @param buffCacheMb {@code buff/cache} (or {@code buffers} + {@code cached} in the old format), or null
 * @param availableMb {@code available} (new format) or the {@code -/+ buffers/cache} free column (old
 *        format), or null when neither is printed
 * @param swapTotalMb swap size, or null without a {@code Swap:} line
 * @param swapUsedMb swap in use, or null
 * @param unit how the numbers were read: {@code MiB}, {@code KiB}, {@code GiB}, {@code bytes} or
 *        {@code human} ({@code free -h}, rounded by {@code free} itself)
 * @param unitAssumed the unit was not printed (no {@code -h} suffixes, no pasted command line) and was
 *        taken from the probe's contract ({@code free -m})
 */
public record MemoryTotals(String host, String source, Integer line, long totalMb, Long usedMb, Long freeMb,
                           Long sharedMb, Long buffCacheMb, Long availableMb, Long swapTotalMb, Long swapUsedMb,
                           String unit, boolean unitAssumed) implements HostObservation {
    public MemoryTotals {
        Checks.origin(host, source, line);
        Checks.nonNegative(totalMb, "totalMb");
        Checks.nonNegative(usedMb, "usedMb");
        Checks.nonNegative(freeMb, "freeMb");
        Checks.nonNegative(availableMb, "availableMb");
        Checks.nonNegative(swapTotalMb, "swapTotalMb");
        Require.nonBlank(unit, "unit");
    }
}
