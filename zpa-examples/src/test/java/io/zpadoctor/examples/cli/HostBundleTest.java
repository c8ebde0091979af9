package io.zpadoctor.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A host tarball collected on the VM joins a bundle of API objects just as if both were one bundle. */
class HostBundleTest {
    static final Path SCENARIO = Path.of("../zpa-rules/src/test/resources/scenarios/net-003-tcp-443-blocked");
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aHostBundleJoinsTheTenantOfABundle() throws Exception {
        Path api = tmp.resolve("snapshot");
        Path host = tmp.resolve("from-the-vm");
        copy(SCENARIO.resolve("api"), api.resolve("api"));
        Files.writeString(api.resolve("case.json"), "{\"collectedAt\": \"2026-11-20T09:30:00Z\"}");
        copy(SCENARIO.resolve("hosts"), host.resolve("hosts"));
        Files.copy(SCENARIO.resolve("case.json"), host.resolve("case.json"));

        JsonNode whole = json(Cli.run("diagnose", "--bundle", SCENARIO.toString(), "--format", "json"));
        Cli split = Cli.run("diagnose", "--bundle", api.toString(), "--host-bundle", host.toString(), "--format", "json");
        JsonNode joined = json(split);
        assertThat(joined.get("primary").asText()).isEqualTo("ZPA-NET-003");
        assertThat(joined.get("findings")).isEqualTo(whole.get("findings"));
        assertThat(joined.get("case").get("symptom").asText()).as("the host's case.json fills the symptom")
                .isEqualTo("disconnected");

        Cli twice = Cli.run("diagnose", "--bundle", SCENARIO.toString(), "--host-bundle", host.toString(),
                "--format", "json");
        assertThat(json(twice).get("notes").toString()).contains("host folder ac-fra-1 is already in");
        assertThat(json(twice).get("findings")).isEqualTo(whole.get("findings"));

        Cli missing = Cli.run("diagnose", "--bundle", api.toString(), "--host-bundle", tmp.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.DATA);
        assertThat(missing.err()).contains("nope");
    }

    static JsonNode json(Cli c) throws Exception {
        assertThat(c.code()).as(c.err()).isBetween(0, 3);
        return MAPPER.readTree(c.out());
    }

    static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
