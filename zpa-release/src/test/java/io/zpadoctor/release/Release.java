package io.zpadoctor.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/** What the release tests share: the build's settings (failsafe's system properties) and running a command. */
final class Release {
    private Release() {
    }

    /** A system property the pom sets; missing means the test runs outside Maven, which these tests cannot. */
    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + name + " is not set: run this test through Maven "
                    + "(mvn verify), which passes the build's paths");
        }
        return value;
    }

    static Path path(String name) {
        return Path.of(property(name)).toAbsolutePath().normalize();
    }

    static String version() {
        return property("release.version");
    }

    static Path root() {
        return path("release.root");
    }

    /** A fresh folder under target/release-tests. */
    static Path workFolder(String prefix) {
        try {
            Path work = path("release.work");
            Files.createDirectories(work);
            return Files.createTempDirectory(work, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jars zpa-doctor.jar's manifest names (lib/NAME.jar), in its order. */
    static List<String> classPath(Path cliJar) throws IOException {
        try (JarFile jar = new JarFile(cliJar.toFile())) {
            String cp = jar.getManifest().getMainAttributes().getValue("Class-Path");
            return cp == null ? List.of() : Arrays.asList(cp.trim().split("\\s+"));
        }
    }

    record Result(int exit, String out, String err, long millis) {
        @Override
        public String toString() {
            return "exit " + exit + " after " + millis + " ms\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /**
     * Runs a command with exactly the environment given (nothing inherited), standard input closed, output captured
     * in files beside {@code logs}; kills it after the timeout.
     */
    static Result run(List<String> command, Map<String, String> env, Path dir, Duration timeout, Path logs)
            throws IOException, InterruptedException {
        Files.createDirectories(logs);
        Path out = Files.createTempFile(logs, "out-", ".txt");
        Path err = Files.createTempFile(logs, "err-", ".txt");
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("timed out after " + timeout + ": " + command + "\n--- stdout\n"
                    + Files.readString(out, StandardCharsets.UTF_8) + "\n--- stderr\n"
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), millis);
    }
}
