package io.zpadoctor.client.host;

import io.zpadoctor.model.internal.Require;

/**
 * One probe file of a host folder: {@code hosts/<host>/<name>} and its raw text.
 *
 * @param host the host folder name
 * @param name the probe file name, e.g. {@code df.txt}
 * @param text the file's content as pasted
 */
public record HostFile(String host, String name, String text) {
    public HostFile {
        Require.nonBlank(host, "host");
        Require.nonBlank(name, "name");
        text = text == null ? "" : text;
    }

    /** The file's path inside the bundle, e.g. {@code hosts/ac-fra-3/df.txt}. */
    public String path() {
        return "hosts/" + host + "/" + name;
    }
}
