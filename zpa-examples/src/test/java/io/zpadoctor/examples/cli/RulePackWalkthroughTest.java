package io.zpadoctor.examples.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Writing a rule pack" walkthrough, run as an engineer would: every {@code sh} block of the
 * section pasted into bash in an empty folder, in order, with {@code ./zpa-doctor} being this build.
 */
class RulePackWalkthroughTest {
    static final Path README = Path.of("../README.md");
    static final Pattern SH = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    static List<String> blocks() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("\n## Writing a rule pack\n");
        assertThat(start).as("README has the section").isPositive();
        int end = readme.indexOf("\n## ", start + 5);
        Matcher m = SH.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void theWalkthroughWorksAsWritten() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        List<String> blocks = blocks();
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(4);

        // ./zpa-doctor in the scratch folder: this build's CLI, started the way the launcher does
        Path launcher = dir.resolve("zpa-doctor");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(launcher, "#!/bin/bash\nexec '" + java + "' -XX:TieredStopAtLevel=1 -cp '"
                + System.getProperty("java.class.path") + "' io.zpadoctor.examples.cli.ZpaDoctor \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));

        List<String> outputs = new ArrayList<>();
        for (String block : blocks) {
            outputs.add(bash(block));
        }
        String lint = outputs.get(1);
        assertThat(lint).contains("my-pack: 0 error(s), 0 warning(s)");
        String test = outputs.get(2);
        assertThat(test).contains("PASS  misnamed", "PASS  well-named", "1 of 1 pack rule(s) fire", "2 passed, 0 failed")
                .doesNotContain("FAIL");
        String run = outputs.get(3);
        assertThat(run).contains("ROOT CAUSE  WARNING   MYCO-NAM-001",
                "Connector dc2-4 is in group dc1, but its name says it belongs elsewhere",
                "DELETE https://api.zsapi.net/zpa/mgmtconfig/v1/admin/customers/<customer-id>/connector/72058304855090012",
                "my-pack/catalog.yaml",
                "0 matches   <- stops here");
        assertThat(dir.resolve("my-pack/rules/naming.drl")).exists();
    }

    private String bash(String script) throws Exception {
        Process p = new ProcessBuilder("/bin/bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
