package io.zpadoctor.examples.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bundles shipped inside zpa-examples, read in place (from the jar or the classes folder). */
final class DemoBundles {
    static final String BASE = "io/zpadoctor/examples/demo/";
    static final String DEFAULT = "exhausted-key";

    /** Name to one-line description, in the order {@code --list} shows them. */
    static final Map<String, String> ALL = new LinkedHashMap<>();

    static {
        ALL.put("exhausted-key", "connectors of a group fail to enroll: its provisioning key is used up (API wire format, paged)");
        ALL.put("broken-chain", "an application is unreachable: its connector group is disabled (snake_case, as the MCP server prints)");
        ALL.put("healthy", "a healthy tenant: nothing to fix (array of API pages)");
    }

    private DemoBundles() {
    }

    static Path path(String name) throws IOException {
        URL url = DemoBundles.class.getClassLoader().getResource(BASE + name + "/case.json");
        if (url == null) {
            throw new IOException("demo bundle '" + name + "' is missing from the classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath("/" + BASE + name);
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate demo bundle '" + name + "': " + e.getMessage(), e);
        }
    }
}
