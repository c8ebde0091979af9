package io.zpadoctor.client.bundle.internal;

import io.zpadoctor.client.bundle.BundleException;

import java.util.List;

/** The files of a bundle by bundle-relative path ({@code api/connectors.json}), whatever holds them. */
public interface BundleFiles {

    /** Every regular file, as forward-slash relative paths, sorted. */
    List<String> list();

    /** The bytes of a file ({@code case.json}, {@code api/...}), or null when it does not exist. */
    byte[] read(String path) throws BundleException;

    /**
     * A file as a stream, for files read line by line however long ({@code lss/}): from disk for a folder, from what
     * the archive held (within its limits) for an archive; null when it does not exist.
     */
    default java.io.InputStream open(String path) throws BundleException {
        byte[] b = read(path);
        return b == null ? null : new java.io.ByteArrayInputStream(b);
    }

    /**
     * A host file, bounded by {@link Limits#probeBytes()}: whole when it fits; else, for a journal, its end, and for
     * any other probe nothing (such a size is not that command's output). Null when it does not exist.
     */
    HostBytes readHost(String path) throws BundleException;

    /** Notes about entries that were skipped (links, system junk). */
    List<String> warnings();

    /**
     * What was kept of a host file.
     *
     * @param size how large the file is
     * @param tail true when only its end was kept ({@code bytes} start after a line break)
     */
    record HostBytes(byte[] bytes, long size, boolean tail) {
        public boolean whole() {
            return bytes.length == size;
        }
    }

    /** Whether a host file may be cut to its end (a shorter journal is a valid, shorter history). */
    static boolean keepsTail(String path) {
        return path.endsWith("/journal.txt");
    }

    /** A wire-format problem in a bundle file, in the bundle's terms (same file, line and words). */
    static BundleException error(io.zpadoctor.client.internal.wire.WireException e) {
        return new BundleException(e.file(), e.line(), e.column(), e.problem());
    }
}
