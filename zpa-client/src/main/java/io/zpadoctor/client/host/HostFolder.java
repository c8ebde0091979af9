package io.zpadoctor.client.host;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One {@code hosts/<name>/} folder of a bundle: the raw output of the commands run on a connector VM.
 *
 * @param name the folder name, normally the VM's hostname
 * @param files probe file name ({@code df.txt}) to its text, decoded (UTF-8, or UTF-16 when it was saved so)
 * @param readNotes probe file name to what reading it could not keep whole: a journal read from its end only, a file
 *        too large to be its command's output, lines cut at the length limit; the file is then reported as read in
 *        part, never taken as complete
 */
public record HostFolder(String name, Map<String, String> files, Map<String, String> readNotes) {
    public HostFolder {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
        readNotes = readNotes == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(readNotes));
    }

    public HostFolder(String name, Map<String, String> files) {
        this(name, files, Map.of());
    }

    public String path(String file) {
        return "hosts/" + name + "/" + file;
    }
}
