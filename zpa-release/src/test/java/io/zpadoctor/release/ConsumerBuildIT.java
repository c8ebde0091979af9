package io.zpadoctor.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Java team's build as it would adopt ZPA Doctor: a project of its own that imports the Spring Boot 3 BOM and
 * zpa-doctor-bom, depends on a Spring Boot starter and on zpa-rules and zpa-client, and runs Maven's enforcer.
 *
 * <p>It resolves this build's 0.2.0 artifacts as a consumer would resolve them from Maven Central, without installing
 * anything into the shared local repository: they are laid out (pom, jar, sources, javadoc, as `mvn install` copies
 * them) in a file repository under target/, and the consumer build has a local repository of its own under target/.
 * Everything else it reads from the shared local repository as a read-only file repository, and from Maven Central
 * what is not there (or nothing more, when this build runs offline).
 */
class ConsumerBuildIT {
    /** What this build pins in the parent pom, so the shared local repository holds them. */
    private static final String ENFORCER = "3.6.1";
    private static final String COMPILER = "3.14.1";
    private static final String RESOURCES = "3.3.1";
    private static final String DEPENDENCY = "3.9.0";

    private static Path work;
    private static Path repo;
    private static Path settings;
    private static List<String> published;
    private static boolean sharedHadOurs;

    @BeforeAll
    static void stage() throws Exception {
        work = Release.workFolder("consumer-");
        Path staging = work.resolve("staging");
        repo = work.resolve("repo");
        Path root = Release.root();
        String v = Release.version();
        sharedHadOurs = Files.exists(shared().resolve("io/zpadoctor/zpa-rules/" + v));

        // the published modules are those zpa-doctor-bom manages
        String bom = Files.readString(root.resolve("zpa-doctor-bom/pom.xml"));
        published = new ArrayList<>();
        Matcher m = Pattern.compile("<groupId>io\\.zpadoctor</groupId>\\s*<artifactId>([\\w-]+)</artifactId>").matcher(
                bom.substring(bom.indexOf("<dependencyManagement>", bom.indexOf("-->"))));   // past the comment's example
        while (m.find()) {
            published.add(m.group(1));
        }
        assertThat(published).isNotEmpty();

        put(staging, "zpa-doctor-parent", v, "pom", root.resolve("pom.xml"));
        put(staging, "zpa-doctor-bom", v, "pom", root.resolve("zpa-doctor-bom/pom.xml"));
        for (String a : published) {
            Path target = root.resolve(a).resolve("target");
            put(staging, a, v, "pom", root.resolve(a).resolve("pom.xml"));
            put(staging, a, v, "jar", target.resolve(a + "-" + v + ".jar"));
            put(staging, a, v, "sources.jar", target.resolve(a + "-" + v + "-sources.jar"));
            put(staging, a, v, "javadoc.jar", target.resolve(a + "-" + v + "-javadoc.jar"));
        }

        String seed = shared().toUri().toString();
        String release = "<releases><checksumPolicy>ignore</checksumPolicy></releases>"
                + "<snapshots><enabled>false</enabled></snapshots>";
        settings = work.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <profiles>
                    <profile>
                      <id>consumer</id>
                      <repositories>
                        <repository><id>zpa-staging</id><url>%s</url>%s</repository>
                        <repository><id>shared-local</id><url>%s</url>%s</repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository><id>shared-local</id><url>%s</url>%s</pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>consumer</activeProfile></activeProfiles>
                </settings>
                """.formatted(staging.toUri(), release, seed, release, seed, release));
    }

    private static Path shared() {
        return Release.path("release.localRepository");
    }

    private static void put(Path staging, String artifact, String version, String kind, Path file) throws IOException {
        assertThat(file).as("built before this test").exists();
        Path dir = Files.createDirectories(staging.resolve("io/zpadoctor/" + artifact + "/" + version));
        String name = artifact + "-" + version + (kind.equals("pom") ? ".pom" : kind.equals("jar") ? ".jar"
                : "-" + kind);
        Files.copy(file, dir.resolve(name));
    }

    private static Release.Result mvn(Path project, String... goals) throws Exception {
        List<String> command = new ArrayList<>(List.of(Release.path("release.mavenHome").resolve("bin/mvn").toString(),
                "-B", "-s", settings.toString(), "-Dmaven.repo.local=" + repo));
        if (Release.property("release.offline").equals("offline=true")) {
            // offline as this build is; the two file repositories stay readable
            command.addAll(List.of("-o", "-Daether.offline.protocols=file"));
        }
        command.addAll(List.of(goals));
        Map<String, String> env = new HashMap<>();
        for (String keep : List.of("PATH", "HOME", "LANG", "TMPDIR")) {
            if (System.getenv(keep) != null) {
                env.put(keep, System.getenv(keep));
            }
        }
        env.put("JAVA_HOME", System.getProperty("java.home"));
        Release.Result result = Release.run(command, env, project, Duration.ofMinutes(4), work.resolve("logs"));
        if (result.exit() != 0 && result.out().contains("in offline mode")) {
            throw new AssertionError("the consumer build runs offline, as this build does, and something it needs is "
                    + "not in " + shared() + ": run the build once online\n" + result);
        }
        return result;
    }

    private static Path project(String name, String pom) throws IOException {
        Path dir = Files.createDirectories(name.isEmpty() ? work : work.resolve(name));
        Files.writeString(dir.resolve("pom.xml"), pom);
        return dir;
    }

    private static String consumerPom(String artifactId, String bomImports, String springStarter, String rules,
            String plugins) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.0</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencyManagement>
                    <dependencies>%s</dependencies>
                  </dependencyManagement>
                  <dependencies>
                    %s
                    <dependency><groupId>io.zpadoctor</groupId><artifactId>zpa-rules</artifactId></dependency>
                    <dependency><groupId>io.zpadoctor</groupId><artifactId>zpa-client</artifactId></dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      %s
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-enforcer-plugin</artifactId>
                        <version>%s</version>
                        <executions>
                          <execution>
                            <id>converge</id>
                            <goals><goal>enforce</goal></goals>
                            <configuration><rules>%s</rules></configuration>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(artifactId, bomImports, springStarter, plugins, ENFORCER, rules);
    }

    private static String bomImport(String groupId, String artifactId, String version) {
        return "<dependency><groupId>" + groupId + "</groupId><artifactId>" + artifactId + "</artifactId><version>"
                + version + "</version><type>pom</type><scope>import</scope></dependency>";
    }

    /**
     * The three projects below as modules of one reactor, built once with --fail-at-end (one Maven start instead of
     * three); each test reads its module's outcome and messages.
     */
    private static Release.Result reactor;

    private static synchronized Release.Result reactor() throws Exception {
        if (reactor == null) {
            springApp();
            noBootBom();
            releaseChild();
            project("", """
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                      <modelVersion>4.0.0</modelVersion>
                      <groupId>com.example</groupId><artifactId>consumers</artifactId><version>1.0</version>
                      <packaging>pom</packaging>
                      <modules><module>spring-app</module><module>no-boot-bom</module><module>release-child</module></modules>
                    </project>
                    """);
            reactor = mvn(work, "--fail-at-end", "compile",
                    "org.apache.maven.plugins:maven-dependency-plugin:" + DEPENDENCY + ":build-classpath",
                    "-Dmdep.outputFile=classpath.txt");
        }
        return reactor;
    }

    /** SUCCESS, FAILURE or SKIPPED, from the reactor summary. */
    private static String outcome(String module) throws Exception {
        Matcher m = Pattern.compile("(?m)^\\[INFO\\] " + Pattern.quote(module) + " \\.+ (SUCCESS|FAILURE|SKIPPED)")
                .matcher(reactor().out());
        assertThat(m.find()).as(module + " in the reactor summary\n" + reactor()).isTrue();
        return m.group(1);
    }

    /**
     * Spring Boot's BOM first, then ours; a Boot starter (Jackson, SnakeYAML, Spring, Logback) beside zpa-rules and
     * zpa-client; and the README's embedding example as its code.
     */
    private static void springApp() throws IOException {
        Path app = project("spring-app", consumerPom("spring-app",
                bomImport("org.springframework.boot", "spring-boot-dependencies",
                        Release.property("consumer.springBoot.version"))
                        + bomImport("io.zpadoctor", "zpa-doctor-bom", Release.version()),
                "<dependency><groupId>org.springframework.boot</groupId>"
                        + "<artifactId>spring-boot-starter-json</artifactId></dependency>",
                "<dependencyConvergence/>",
                "<plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId>"
                        + "<version>" + RESOURCES + "</version></plugin>"
                        + "<plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId>"
                        + "<version>" + COMPILER + "</version></plugin>"));
        Path example = Path.of("io/zpadoctor/examples/embed/EmbeddingExample.java");
        Path source = app.resolve("src/main/java").resolve(example);
        Files.createDirectories(source.getParent());
        Files.copy(Release.root().resolve("zpa-examples/src/main/java").resolve(example), source);
    }

    /** The control: the same dependencies without Spring Boot's BOM (the starter at its own version). */
    private static void noBootBom() throws IOException {
        project("no-boot-bom", consumerPom("no-boot-bom",
                bomImport("io.zpadoctor", "zpa-doctor-bom", Release.version()),
                "<dependency><groupId>org.springframework.boot</groupId>"
                        + "<artifactId>spring-boot-starter-json</artifactId><version>"
                        + Release.property("consumer.springBoot.version") + "</version></dependency>",
                "<dependencyConvergence/>", ""));
    }

    /** A release (1.0) built on zpa-doctor-parent as published, depending on a SNAPSHOT. */
    private static void releaseChild() throws IOException {
        Path snapshot = Files.createDirectories(repo.resolve("com/example/unreleased/1.1-SNAPSHOT"));
        Files.writeString(snapshot.resolve("unreleased-1.1-SNAPSHOT.pom"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId><artifactId>unreleased</artifactId><version>1.1-SNAPSHOT</version>
                  <packaging>pom</packaging>
                </project>
                """);
        project("release-child", """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>io.zpadoctor</groupId><artifactId>zpa-doctor-parent</artifactId><version>%s</version>
                    <relativePath/>
                  </parent>
                  <groupId>com.example</groupId><artifactId>release-child</artifactId><version>1.0</version>
                  <dependencies>
                    <dependency>
                      <groupId>com.example</groupId><artifactId>unreleased</artifactId><version>1.1-SNAPSHOT</version>
                      <type>pom</type>
                    </dependency>
                  </dependencies>
                </project>
                """.formatted(Release.version()));
    }

    /**
     * With Spring Boot's BOM beside ours, dependencyConvergence holds, and the README's embedding example compiles and
     * diagnoses the demo bundle on exactly the versions that build picked (Boot's Jackson, Commons and SnakeYAML,
     * older than the ones ZPA Doctor is built with).
     */
    @Test
    void springBootBomBesideOursConvergesAndTheReadmeExampleRuns() throws Exception {
        String v = Release.version();
        assertThat(outcome("spring-app")).as(reactor().toString()).isEqualTo("SUCCESS");
        String out = reactor().out();
        int from = out.indexOf("< com.example:spring-app >");
        assertThat(from).as(reactor().toString()).isNotNegative();
        int to = out.indexOf("< com.example:", from + 1);
        assertThat(out.substring(from, to < 0 ? out.length() : to)).contains("DependencyConvergence passed");

        // our artifacts came from the staging repository, and the shared local repository did not get them
        for (String a : published) {
            Path marker = repo.resolve("io/zpadoctor/" + a + "/" + v + "/_remote.repositories");
            if (Files.exists(marker)) {
                assertThat(Files.readString(marker)).contains(">zpa-staging=");
            }
        }
        assertThat(repo.resolve("io/zpadoctor/zpa-rules/" + v + "/zpa-rules-" + v + ".jar")).exists();
        if (!sharedHadOurs) {
            assertThat(shared().resolve("io/zpadoctor/zpa-rules/" + v)).doesNotExist();
        }

        Path app = work.resolve("spring-app");
        String classPath = Files.readString(app.resolve("classpath.txt")).strip();
        assertThat(classPath).contains("spring-boot-3.", "jackson-databind-", "zpa-rules-" + v + ".jar");
        Path demo = Release.root().resolve("zpa-examples/src/main/resources/io/zpadoctor/examples/demo/exhausted-key");
        Release.Result run = Release.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", app.resolve("target/classes") + ":" + classPath, "io.zpadoctor.examples.embed.EmbeddingExample",
                demo.toString()), Map.of("LANG", "C.UTF-8"), app, Duration.ofMinutes(2), work.resolve("logs"));
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Root cause ZPA-ENR-001: ")
                .contains("CRITICAL ZPA-ENR-001 Provisioning key has no enrollments left (dc1-acg-key)");
        try (Stream<String> jars = Stream.of(classPath.split(":"))) {
            System.out.println("consumer classpath: " + jars.map(p -> Path.of(p).getFileName().toString())
                    .filter(n -> n.startsWith("jackson-") || n.startsWith("commons-") || n.startsWith("snakeyaml"))
                    .sorted().toList());
        }
    }

    /** The control, so the check above can fail: without Spring Boot's BOM the same dependencies do not converge. */
    @Test
    void withoutTheSpringBootBomTheSameDependenciesDoNotConverge() throws Exception {
        assertThat(outcome("no-boot-bom")).as(reactor().toString()).isEqualTo("FAILURE");
        assertThat(reactor().out()).contains("Dependency convergence error for com.fasterxml.jackson.core:jackson-databind");
    }

    /**
     * zpa-doctor-parent as published: a release (version without -SNAPSHOT) built on it is refused when it depends on
     * a SNAPSHOT, by the same enforcer rules `mvn verify` runs here.
     */
    @Test
    void theParentsEnforcerRefusesASnapshotInARelease() throws Exception {
        assertThat(outcome("release-child")).as(reactor().toString()).isEqualTo("FAILURE");
        assertThat(reactor().out()).contains("RequireReleaseDeps failed", "A release depends on released artifacts only",
                "com.example:unreleased");
    }
}
