package io.zpadoctor.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The distribution as an administrator gets it: zpa-doctor-VERSION-linux-x64.tar.gz unpacked into a folder of its
 * own, run with no JDK and no Maven to be found (PATH holds /usr/bin and /bin less anything Java or Maven, JAVA_HOME
 * and every other variable unset).
 */
class DistributionIT {
    private static final Duration RUN = Duration.ofSeconds(60);
    /** Names in /usr/bin and /bin a machine without a JDK or Maven would not have. */
    private static final Set<String> JDK_TOOLS = Set.of("java", "javac", "javadoc", "jar", "jarsigner", "jshell",
            "jlink", "jdeps", "jmod", "jpackage", "jcmd", "jconsole", "jdb", "jfr", "jhsdb", "jimage", "jinfo", "jmap",
            "jps", "jrunscript", "jstack", "jstat", "jstatd", "keytool", "rmiregistry", "serialver", "mvn", "mvnDebug",
            "mvnyjp", "jexec");

    private static Path work;
    private static Path home;
    private static Map<String, String> noJdk;

    @BeforeAll
    static void unpack() throws Exception {
        Assumptions.assumeTrue(Boolean.parseBoolean(Release.property("dist.built")),
                "the dist profile is off (it builds on linux-x64 only, and -P'!dist' turns it off): no distribution");
        Path tarball = Release.path("dist.tarball");
        assertThat(tarball).exists();
        assertThat(tarball.getFileName().toString())
                .isEqualTo("zpa-doctor-" + Release.version() + "-linux-x64.tar.gz");
        work = Release.workFolder("dist-");
        Path unpacked = Files.createDirectories(work.resolve("unpacked here"));   // a space, as in "My Tools"
        Release.Result tar = Release.run(List.of("/bin/tar", "-xzf", tarball.toString(), "-C", unpacked.toString()),
                Map.of("PATH", "/usr/bin:/bin"), work, RUN, work.resolve("logs"));
        assertThat(tar.exit()).as(tar.toString()).isZero();
        try (Stream<Path> top = Files.list(unpacked)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactly(Release.property("dist.folder"));
        }
        home = unpacked.resolve(Release.property("dist.folder"));
        noJdk = noJdkEnvironment(Files.createDirectories(work.resolve("path")), Files.createDirectories(work.resolve("home")));
    }

    /** PATH: one folder of links to everything in /usr/bin and /bin but a JDK's and Maven's commands. */
    private static Map<String, String> noJdkEnvironment(Path bin, Path userHome) throws IOException {
        for (String dir : List.of("/usr/bin", "/bin")) {
            try (Stream<Path> entries = Files.list(Path.of(dir))) {
                for (Path e : (Iterable<Path>) entries::iterator) {
                    String name = e.getFileName().toString();
                    Path real;
                    try {
                        real = e.toRealPath();
                    } catch (IOException dangling) {
                        continue;
                    }
                    boolean jdk = JDK_TOOLS.contains(name) || real.startsWith("/usr/lib/jvm")
                            || real.startsWith("/usr/share/maven") || real.toString().contains("/jdk")
                            || real.toString().contains("/jre");
                    if (!jdk && !Files.exists(bin.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(bin.resolve(name), real);
                    }
                }
            }
        }
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin.toString());
        env.put("HOME", userHome.toString());
        env.put("LANG", "C.UTF-8");
        return env;
    }

    private static Release.Result zpaDoctor(Path dir, Map<String, String> extraEnv, String... args) throws Exception {
        Map<String, String> env = new HashMap<>(noJdk);
        env.putAll(extraEnv);
        List<String> command = Stream.concat(Stream.of(home.resolve("bin/zpa-doctor").toString()), Arrays.stream(args))
                .collect(Collectors.toList());
        return Release.run(command, env, dir, RUN, work.resolve("logs"));
    }

    @Test
    void nothingOnThePathIsJava() throws Exception {
        Release.Result which = Release.run(List.of("/bin/bash", "-c",
                "command -v java javac mvn; echo \"JAVA_HOME=${JAVA_HOME-unset}\""), noJdk, work, RUN,
                work.resolve("logs"));
        assertThat(which.out().strip()).isEqualTo("JAVA_HOME=unset");
    }

    @Test
    void demoRunsWithNoJdkAndSaysWhatTheCheckoutSays() throws Exception {
        Path anywhere = Files.createDirectories(work.resolve("cwd-demo"));
        Release.Result demo = zpaDoctor(anywhere, Map.of(), "demo");
        assertThat(demo.exit()).as(demo.toString()).isZero();
        assertThat(demo.err()).as(demo.toString()).isEmpty();
        assertThat(demo.out()).contains("# App Connector Troubleshooting Report",
                "## Diagnosis: Provisioning key has no enrollments left (ZPA-ENR-001, CRITICAL)", "dc1-acg-key-4");

        // the same jars on the build's JDK, as ./zpa-doctor runs them in a checkout, print the same report
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Release.Result checkout = Release.run(List.of(java.toString(), "-jar",
                Release.path("cli.dir").resolve("zpa-doctor.jar").toString(), "demo"), Map.of("LANG", "C.UTF-8"),
                anywhere, RUN, work.resolve("logs"));
        assertThat(checkout.exit()).as(checkout.toString()).isZero();
        assertThat(demo.out()).isEqualTo(checkout.out());
    }

    @Test
    void theArchiveMadeAtBuildTimeServesTheUnpackedCopy() throws Exception {
        // -Xshare:on stops the JVM when the archive cannot be mapped: this folder is not where it was recorded
        Path link = Files.createDirectories(work.resolve("links")).resolve("zpa-doctor");
        Files.createSymbolicLink(link, home.resolve("bin/zpa-doctor"));
        for (String launcher : List.of(home.resolve("bin/zpa-doctor").toString(), link.toString())) {
            Map<String, String> env = new HashMap<>(noJdk);
            env.put("ZPA_DOCTOR_JAVA_OPTS", "-Xshare:on");
            Release.Result version = Release.run(List.of(launcher, "--version"), env, work, RUN, work.resolve("logs"));
            assertThat(version.exit()).as(launcher + ": " + version).isZero();
            assertThat(version.out()).startsWith("zpa-doctor " + Release.version());
        }
    }

    @Test
    void aBundleNamedRelativeToTheUsersFolder() throws Exception {
        Path cwd = Files.createDirectories(work.resolve("cwd-case"));
        Path demo = Release.root().resolve("zpa-examples/src/main/resources/io/zpadoctor/examples/demo/exhausted-key");
        try (Stream<Path> files = Files.walk(demo)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = cwd.resolve("case-1234").resolve(demo.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Release.Result diagnose = zpaDoctor(cwd, Map.of(), "diagnose", "--bundle", "case-1234", "--format", "json",
                "-o", "report.json");
        assertThat(diagnose.exit()).as(diagnose.toString()).isEqualTo(2);   // a critical finding
        assertThat(Files.readString(cwd.resolve("report.json"))).contains("\"ZPA-ENR-001\"");
    }

    @Test
    void theRuntimeHoldsTheListedModulesAndTheAppItsManifestNames() throws Exception {
        Properties release = new Properties();
        try (var in = Files.newBufferedReader(home.resolve("runtime/release"))) {
            release.load(in);
        }
        // the listed modules and what they require, nothing more
        Set<String> modules = new TreeSet<>(Arrays.asList(release.getProperty("MODULES").replace("\"", "").split(" ")));
        Set<String> closure = ModuleLayer.boot().configuration().resolve(ModuleFinder.ofSystem(), ModuleFinder.of(),
                Arrays.asList(Release.property("dist.modules").split(","))).modules().stream()
                .map(ResolvedModule::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(modules).isEqualTo(closure).doesNotContain("jdk.compiler", "jdk.jshell", "jdk.jdi", "java.scripting");
        assertThat(home.resolve("runtime/jmods")).doesNotExist();
        assertThat(home.resolve("runtime/include")).doesNotExist();

        assertThat(Files.getPosixFilePermissions(home.resolve("bin/zpa-doctor")))
                .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        assertThat(home.resolve("app/zpa-doctor.jsa")).isNotEmptyFile();
        for (String doc : List.of("LICENSE", "README.md", "CHANGELOG.md")) {
            assertThat(home.resolve(doc)).isNotEmptyFile();
        }
        List<String> classPath = Release.classPath(home.resolve("app/zpa-doctor.jar"));
        assertThat(classPath).isNotEmpty();
        try (Stream<Path> lib = Files.list(home.resolve("app/lib"))) {
            assertThat(lib.map(p -> "lib/" + p.getFileName())).containsExactlyInAnyOrderElementsOf(classPath);
        }
    }
}
