package io.zpadoctor.rules;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The scenario folders, for the property tests in other packages. */
public final class ScenarioAccess {
    private ScenarioAccess() {
    }

    public static List<Path> dirs() throws IOException, URISyntaxException {
        return ScenarioTest.scenarioDirs();
    }

    public static String name(Path dir) {
        return ScenarioTest.name(dir);
    }

    /** The scenario {@code name} ({@code telemetry/...} for nested ones), copied to {@code to} for a test to edit. */
    public static Path copy(String name, Path to) throws IOException, URISyntaxException {
        return copy(dirs().stream().filter(d -> name(d).equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario " + name)), to);
    }

    /** A folder and all below it, copied to {@code to}. */
    public static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }
}
