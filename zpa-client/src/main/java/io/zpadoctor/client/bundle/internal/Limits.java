package io.zpadoctor.client.bundle.internal;

/**
 * How much of a bundle one run reads, sized to the heap this JVM actually has, so a hostile or broken bundle ends in
 * a clear message instead of running out of memory: a 1.5 MB archive can unpack to gigabytes.
 *
 * @param probeBytes the most of one host file kept; a larger journal keeps its end (the latest history), any other
 *        probe file that large is not that command's output
 * @param apiBytes the largest {@code api/} or {@code case.json} file read
 * @param totalBytes the most a bundle may unpack to
 * @param hosts the most host folders
 * @param entries the most entries (files and folders) an archive or folder may hold
 * @param lineChars the longest line of a host file kept; the rest of a longer line is cut (and said to be)
 * @param scanBytes the most an archive may unpack to, kept or not: a bound on time, not memory (4 GiB unpack in
 *        seconds; three 500 MB junk probe files are each a finding, ten gigabytes of zeros are refused)
 */
public record Limits(long probeBytes, long apiBytes, long totalBytes, int hosts, int entries, int lineChars,
                     long scanBytes) {

    public Limits(long probeBytes, long apiBytes, long totalBytes, int hosts, int entries, int lineChars) {
        this(probeBytes, apiBytes, totalBytes, hosts, entries, lineChars, Math.max(4 * totalBytes, 4L << 30));
    }

    /** The limits for this JVM's heap. */
    public static Limits forThisJvm() {
        return forHeap(Runtime.getRuntime().maxMemory());
    }

    public static Limits forHeap(long maxHeap) {
        long heap = maxHeap <= 0 || maxHeap == Long.MAX_VALUE ? 1L << 30 : maxHeap;
        return new Limits(Math.max(1L << 20, Math.min(64L << 20, heap / 32)),
                Math.max(8L << 20, Math.min(512L << 20, heap / 6)),
                Math.max(64L << 20, Math.min(2L << 30, heap / 3)),
                2_000, 100_000, 64 * 1024);
    }

    /** A size in the units a person reads: "512 MiB". */
    public static String size(long bytes) {
        return bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? (bytes >> 30) + " GiB"
                : bytes >= 1L << 20 ? (bytes >> 20) + " MiB" : bytes >= 1024 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }
}
