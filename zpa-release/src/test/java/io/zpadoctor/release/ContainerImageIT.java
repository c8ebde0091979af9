package io.zpadoctor.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The container image Jib wrote to a tar file (an OCI image layout): its index, manifest and config, every layer
 * present with the digests the manifest and config give, and the files the entrypoint needs in those layers. Then,
 * where this test runs as root with unshare(1), the image's layers are unpacked and its entrypoint run the way a
 * container runtime runs it: in the image's files alone (its own root, /proc and /dev), as the image's user, in its
 * working folder, with its environment.
 */
class ContainerImageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOME = "opt/zpa-doctor/";

    private static Path tar;
    private static final Map<String, byte[]> SMALL_BLOBS = new HashMap<>();
    private static JsonNode index;
    private static JsonNode manifest;
    private static JsonNode config;
    /** Every file in the image, path without the leading slash, the later layer winning. */
    private static final Map<String, TarArchiveEntry> FILES = new LinkedHashMap<>();
    private static final List<String> LAYER_DIGESTS = new ArrayList<>();
    private static final List<String> DIFF_IDS_SEEN = new ArrayList<>();
    private static final Map<String, Long> LAYER_SIZES = new HashMap<>();

    @BeforeAll
    static void read() throws Exception {
        Assumptions.assumeTrue(Boolean.parseBoolean(Release.property("dist.built")),
                "the dist profile is off (it builds on linux-x64 only, and -P'!dist' turns it off): no image");
        tar = Release.path("image.tar");
        assertThat(tar).exists();
        // first pass: the small JSON blobs and the layout files; layers are read by digest below
        Map<String, String> layerDigests = new HashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tar)))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.isFile() && e.getSize() < 64 * 1024) {
                    SMALL_BLOBS.put(e.getName(), in.readAllBytes());
                }
            }
        }
        assertThat(SMALL_BLOBS).containsKeys("oci-layout", "index.json");
        index = JSON.readTree(SMALL_BLOBS.get("index.json"));
        assertThat(index.path("manifests")).hasSize(1);
        JsonNode ref = index.path("manifests").get(0);
        manifest = JSON.readTree(blob(ref.path("digest").asText()));
        config = JSON.readTree(blob(manifest.path("config").path("digest").asText()));
        for (JsonNode layer : manifest.path("layers")) {
            LAYER_DIGESTS.add(layer.path("digest").asText());
            LAYER_SIZES.put(layer.path("digest").asText(), layer.path("size").asLong());
        }
        // second pass: each layer's compressed and uncompressed digests and its files
        for (String digest : LAYER_DIGESTS) {
            layerDigests.put("blobs/sha256/" + digest.substring("sha256:".length()), digest);
        }
        Map<String, List<TarArchiveEntry>> entriesByLayer = new HashMap<>();
        Map<String, String> diffIds = new HashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tar)))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String digest = layerDigests.get(e.getName());
                if (digest == null) {
                    continue;
                }
                assertThat(e.getSize()).as("size of " + digest).isEqualTo(LAYER_SIZES.get(digest));
                MessageDigest compressed = MessageDigest.getInstance("SHA-256");
                MessageDigest uncompressed = MessageDigest.getInstance("SHA-256");
                List<TarArchiveEntry> entries = new ArrayList<>();
                InputStream gz = new GZIPInputStream(new DigestInputStream(nonClosing(in), compressed), 1 << 16);
                DigestInputStream raw = new DigestInputStream(gz, uncompressed);
                TarArchiveInputStream layer = new TarArchiveInputStream(raw);
                for (TarArchiveEntry f = layer.getNextEntry(); f != null; f = layer.getNextEntry()) {
                    entries.add(f);
                }
                raw.transferTo(OutputStream.nullOutputStream());   // the rest of the layer, for its digest
                gz.transferTo(OutputStream.nullOutputStream());
                in.transferTo(OutputStream.nullOutputStream());
                assertThat("sha256:" + HexFormat.of().formatHex(compressed.digest())).as("digest of " + e.getName())
                        .isEqualTo(digest);
                diffIds.put(digest, "sha256:" + HexFormat.of().formatHex(uncompressed.digest()));
                entriesByLayer.put(digest, entries);
            }
        }
        for (String digest : LAYER_DIGESTS) {
            assertThat(entriesByLayer).as("layer " + digest + " is in the tar").containsKey(digest);
            DIFF_IDS_SEEN.add(diffIds.get(digest));
            for (TarArchiveEntry f : entriesByLayer.get(digest)) {
                FILES.put(f.getName().replaceFirst("^\\./", "").replaceFirst("/$", ""), f);
            }
        }
    }

    private static InputStream nonClosing(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
    }

    private static byte[] blob(String digest) {
        assertThat(digest).startsWith("sha256:");
        byte[] bytes = SMALL_BLOBS.get("blobs/sha256/" + digest.substring("sha256:".length()));
        assertThat(bytes).as("blob " + digest + " is in the tar").isNotNull();
        try {
            assertThat("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                    .isEqualTo(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return bytes;
    }

    @Test
    void indexManifestAndConfig() {
        assertThat(index.path("manifests").get(0).path("annotations").path("org.opencontainers.image.ref.name").asText())
                .isEqualTo(Release.property("image.name"));
        assertThat(manifest.path("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(manifest.path("config").path("mediaType").asText())
                .isEqualTo("application/vnd.oci.image.config.v1+json");
        assertThat(LAYER_DIGESTS).isNotEmpty();

        assertThat(config.path("os").asText()).isEqualTo("linux");
        assertThat(config.path("architecture").asText()).isEqualTo("amd64");
        JsonNode c = config.path("config");
        assertThat(strings(c.path("Entrypoint"))).containsExactly("/bin/bash", "/" + HOME + "bin/zpa-doctor");
        assertThat(c.path("Cmd").isMissingNode() || c.path("Cmd").isNull() || c.path("Cmd").isEmpty()).isTrue();
        assertThat(c.path("User").asText()).isEqualTo("65532:65532");
        assertThat(c.path("WorkingDir").asText()).isEqualTo("/data");
        assertThat(strings(c.path("Env"))).contains("LANG=C.UTF-8");
        assertThat(c.path("Labels").path("org.opencontainers.image.version").asText()).isEqualTo(Release.version());
        assertThat(c.path("Labels").path("org.opencontainers.image.licenses").asText()).isEqualTo("Apache-2.0");
        // the config's layer ids are the uncompressed layers, in the manifest's order
        assertThat(strings(config.path("rootfs").path("diff_ids"))).containsExactlyElementsOf(DIFF_IDS_SEEN);
    }

    /** The `docker save` manifest for Docker before 25 names the same config and layers as the OCI manifest. */
    @Test
    void dockerSaveManifestNamesTheSameBlobs() throws IOException {
        assertThat(SMALL_BLOBS).containsKey("manifest.json");
        JsonNode docker = JSON.readTree(SMALL_BLOBS.get("manifest.json"));
        assertThat(docker).hasSize(1);
        assertThat(strings(docker.get(0).path("RepoTags"))).containsExactly(Release.property("image.name"));
        assertThat(docker.get(0).path("Config").asText())
                .isEqualTo("blobs/sha256/" + manifest.path("config").path("digest").asText().substring(7));
        assertThat(strings(docker.get(0).path("Layers")))
                .containsExactlyElementsOf(LAYER_DIGESTS.stream().map(d -> "blobs/sha256/" + d.substring(7)).toList());
    }

    @Test
    void theFilesTheEntrypointNeedsAreInALayer() throws IOException {
        // the launcher and the shell that runs it, the runtime, the jars, the archive
        executable("bin/bash");
        executable(HOME + "bin/zpa-doctor");
        executable(HOME + "runtime/bin/java");
        for (String f : List.of(HOME + "runtime/lib/server/libjvm.so", HOME + "runtime/lib/modules",
                HOME + "runtime/lib/libjli.so", HOME + "runtime/lib/security/cacerts", HOME + "runtime/release",
                HOME + "app/zpa-doctor.jar", HOME + "app/zpa-doctor.jsa", HOME + "LICENSE")) {
            file(f);
        }
        for (String jar : Release.classPath(Release.path("cli.dir").resolve("zpa-doctor.jar"))) {
            file(HOME + "app/" + jar);
        }
        // the C library and the rest that java, libjvm.so and bash link against, and the loader they name
        executable("lib64/ld-linux-x86-64.so.2");
        for (String lib : List.of("libc.so.6", "libm.so.6", "libz.so.1", "libstdc++.so.6", "libgcc_s.so.1",
                "libtinfo.so.6")) {
            file("lib/x86_64-linux-gnu/" + lib);
        }
        assertThat(new String(content("etc/passwd"), java.nio.charset.StandardCharsets.UTF_8))
                .contains(":65532:65532:");
        // which packages those system files come from, with each one's copyright (bash is GPL, the C library LGPL)
        String packages = new String(content("usr/share/doc/zpa-doctor-image/PACKAGES"),
                java.nio.charset.StandardCharsets.UTF_8);
        if (!packages.startsWith("built on a machine without dpkg")) {
            assertThat(packages.lines().map(l -> l.split(" ")[0])).contains("bash", "libc6");
            packages.lines().map(l -> l.split(" ")[0]).forEach(p -> file("usr/share/doc/" + p + "/copyright"));
        }
        assertThat(FILES.get("data")).as("/data").isNotNull().matches(TarArchiveEntry::isDirectory);
        assertThat(FILES.get("tmp")).as("/tmp").isNotNull().matches(e -> (e.getMode() & 0777) == 0777);

        // the archive checks each jar's size and time: the image's must be those it was recorded with
        Instant built = Instant.parse(Release.property("dist.timestamp"));
        for (Map.Entry<String, TarArchiveEntry> e : FILES.entrySet()) {
            if (e.getKey().startsWith(HOME + "app/") && e.getKey().endsWith(".jar")) {
                assertThat(e.getValue().getModTime().toInstant()).as(e.getKey()).isEqualTo(built);
            }
        }
    }

    private static TarArchiveEntry file(String path) {
        TarArchiveEntry e = FILES.get(path);
        assertThat(e).as("/" + path + " is in a layer").isNotNull();
        assertThat(e.isFile()).as("/" + path + " is a file").isTrue();
        return e;
    }

    private static void executable(String path) {
        assertThat(file(path).getMode() & 0111).as("/" + path + " is executable").isEqualTo(0111);
    }

    private static byte[] content(String path) throws IOException {
        file(path);
        for (int i = LAYER_DIGESTS.size() - 1; i >= 0; i--) {
            String digest = LAYER_DIGESTS.get(i);
            try (TarArchiveInputStream in = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tar)))) {
                for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    if (!e.getName().equals("blobs/sha256/" + digest.substring(7))) {
                        continue;
                    }
                    TarArchiveInputStream layer = new TarArchiveInputStream(new GZIPInputStream(nonClosing(in)));
                    for (TarArchiveEntry f = layer.getNextEntry(); f != null; f = layer.getNextEntry()) {
                        if (f.getName().replaceFirst("^\\./", "").equals(path)) {
                            ByteArrayOutputStream out = new ByteArrayOutputStream();
                            layer.transferTo(out);
                            return out.toByteArray();
                        }
                    }
                }
            }
        }
        throw new AssertionError("/" + path + " not found");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * The image runs: its layers unpacked into a folder, which becomes the root of new mount and PID namespaces
     * with its own /proc and the host's /dev (what a runtime gives a container), and its entrypoint started there as
     * the image's user in its working folder with its environment, plus a bundle put in /data as
     * `docker run -v "$PWD:/data"` would. -Xshare:on makes the JVM stop if the archive did not map.
     */
    @Test
    void theEntrypointDiagnosesABundleInData() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").equals("Linux") && Files.isExecutable(Path.of("/usr/bin/unshare")),
                "running the image needs Linux and unshare(1)");
        Path work = Release.workFolder("image-");
        Path logs = work.resolve("logs");
        Release.Result canIsolate = Release.run(List.of("/usr/bin/unshare", "--mount", "--pid", "--fork", "/bin/true"),
                Map.of("PATH", "/usr/bin:/bin"), work, Duration.ofSeconds(30), logs);
        Assumptions.assumeTrue(canIsolate.exit() == 0,
                "running the image needs root with CAP_SYS_ADMIN (unshare --mount --pid): " + canIsolate.err().strip());

        Path rootfs = Files.createDirectories(work.resolve("rootfs"));
        Path layers = Files.createDirectories(work.resolve("layers"));
        Release.Result extract = Release.run(List.of("/bin/tar", "-xf", tar.toString(), "-C", layers.toString()),
                Map.of("PATH", "/usr/bin:/bin"), work, Duration.ofSeconds(120), logs);
        assertThat(extract.exit()).as(extract.toString()).isZero();
        for (String digest : LAYER_DIGESTS) {
            Path layer = layers.resolve("blobs/sha256/" + digest.substring(7));
            Release.Result unpack = Release.run(List.of("/bin/tar", "--same-permissions", "--numeric-owner", "-xzf",
                    layer.toString(), "-C", rootfs.toString()), Map.of("PATH", "/usr/bin:/bin"), work,
                    Duration.ofSeconds(120), logs);
            assertThat(unpack.exit()).as(unpack.toString()).isZero();
        }
        Files.createDirectories(rootfs.resolve("proc"));
        Files.createDirectories(rootfs.resolve("dev"));
        Path demo = Release.root().resolve("zpa-examples/src/main/resources/io/zpadoctor/examples/demo/exhausted-key");
        Release.Result copy = Release.run(List.of("/bin/cp", "-r", demo.toString(), rootfs.resolve("data/case-1234").toString()),
                Map.of("PATH", "/usr/bin:/bin"), work, Duration.ofSeconds(30), logs);
        assertThat(copy.exit()).as(copy.toString()).isZero();

        JsonNode c = config.path("config");
        String[] user = c.path("User").asText().split(":");
        Map<String, String> env = new HashMap<>();
        for (String kv : strings(c.path("Env"))) {
            env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        env.put("ZPA_DOCTOR_JAVA_OPTS", "-Xshare:on");
        List<String> command = new ArrayList<>(List.of("/usr/bin/unshare", "--mount", "--propagation", "private",
                "/bin/bash", "-c", "mount --rbind /dev \"$0/dev\" && exec /usr/bin/unshare --pid --fork --mount-proc=/proc "
                        + "--root=\"$0\" --wd=\"$1\" --setuid=\"$2\" --setgid=\"$3\" \"${@:4}\"",
                rootfs.toString(), c.path("WorkingDir").asText(), user[0], user[1]));
        command.addAll(strings(c.path("Entrypoint")));
        command.addAll(List.of("diagnose", "--bundle", "/data/case-1234", "--format", "text"));
        Release.Result run = Release.run(command, env, work, Duration.ofSeconds(90), logs);
        assertThat(run.exit()).as(run.toString()).isEqualTo(2);   // a critical finding
        assertThat(run.out()).contains("ROOT CAUSE  CRITICAL  ZPA-ENR-001  Provisioning key has no enrollments left");
        assertThat(run.err()).as(run.toString()).isEmpty();
    }
}
