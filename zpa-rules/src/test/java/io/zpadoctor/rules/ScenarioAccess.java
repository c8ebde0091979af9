package io.zpadoctor.rules;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

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
}
