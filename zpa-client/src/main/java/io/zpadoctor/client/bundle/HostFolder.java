package io.zpadoctor.client.bundle;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One {@code hosts/<name>/} folder of a bundle: the raw output of the commands run on a connector VM.
 *
 * @param name the folder name, normally the VM's hostname
 * @param files probe file name ({@code df.txt}) to its text, decoded as UTF-8
 */
public record HostFolder(String name, Map<String, String> files) {
    public HostFolder {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    public String path(String file) {
        return "hosts/" + name + "/" + file;
    }
}
