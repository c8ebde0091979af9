package io.zpadoctor.client.bundle.internal;

import io.zpadoctor.client.bundle.BundleException;

import java.util.List;

/** The files of a bundle by bundle-relative path ({@code api/connectors.json}), whatever holds them. */
public interface BundleFiles {
    /** Largest single file read, so a hostile archive cannot exhaust memory. */
    long MAX_FILE_BYTES = 512L << 20;
    /** Largest total a bundle may unpack to. */
    long MAX_TOTAL_BYTES = 2L << 30;

    /** Every regular file, as forward-slash relative paths, sorted. */
    List<String> list();

    /** The bytes of a file, or null when it does not exist. */
    byte[] read(String path) throws BundleException;

    /** Notes about entries that were skipped (links, system junk). */
    List<String> warnings();
}
