package io.zpadoctor.examples.cli;

import io.zpadoctor.client.bundle.Bundle;
import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.fakeapi.FakeTenant;
import io.zpadoctor.fakeapi.FakeZpa;
import io.zpadoctor.model.ApplicationTarget;
import io.zpadoctor.model.TenantLocation;
import io.zpadoctor.model.Facts;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.Symptom;
import io.zpadoctor.report.Format;
import io.zpadoctor.report.Reports;
import io.zpadoctor.rules.Diagnoser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done": {@code zpa-doctor snapshot} reads a 10,000-connector tenant from a rate-limited server in the
 * fewest page requests, obeys every 429, and the snapshot diagnoses exactly as the same tenant given as a bundle.
 * The default build runs it with the limit's window scaled from 10 s to 1 s; {@code mvn verify -Pbench} runs it at
 * the real 20 GET per 10 s and writes the figures to {@code target/bench-10k.txt}.
 */
class TenThousandConnectorsTest {
    static final int CONNECTORS = 10_000;
    /** 20 pages of connectors at 500 a page, and one page of each other collection. */
    static final int MINIMUM_PAGES = 20 + 5;
    static FakeTenant tenant;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() {
        tenant = FakeTenant.generate(CONNECTORS, 42);
    }

    @AfterEach
    void resetEnvironment() {
        LiveEnv.reset();
    }

    /** What one snapshot cost. */
    record Figures(String label, int pageRequests, int apiRequests, int tooMany, int violations, int tokenRequests,
                   String read, Duration wall) {
        String line() {
            return String.format(Locale.ROOT, "%-46s %3d page requests (%d answered), %2d x 429 obeyed, %d token"
                            + " request(s), %d pause violations; read in %s, whole snapshot command %.1f s", label,
                    apiRequests, pageRequests, tooMany, tokenRequests, violations, read, wall.toMillis() / 1000.0);
        }
    }

    Figures snapshot(String label, FakeZpa.Builder server, String clientPace, Path out) throws Exception {
        try (FakeZpa fake = server.tenant(tenant).start()) {
            Map<String, String> env = LiveEnv.of(fake);
            if (clientPace != null) {
                env.put("ZPA_DOCTOR_RATE_LIMIT", clientPace);
            }
            LiveEnv.use(env);
            long start = System.nanoTime();
            Cli r = Cli.run("snapshot", "--api", "--out", out.toString());
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("10,000 connectors");
            LiveEnv.assertNoSecrets(fake, r, out);

            List<FakeZpa.Request> pages = fake.requests(q -> q.isApi() && q.status() == 200);
            assertThat(pages).allSatisfy(q -> assertThat(q.param("pagesize")).isEqualTo("500"));
            assertThat(pages).as("every page once, none twice").hasSize(MINIMUM_PAGES)
                    .extracting(q -> q.path() + "?" + q.param("page")).doesNotHaveDuplicates();
            assertThat(fake.requests(q -> q.isApi() && q.status() != 200 && q.status() != 429)).isEmpty();
            assertThat(fake.pauseViolations()).as("requests sent while a 429's retry-after ran").isZero();
            assertThat(r.err()).contains(fake.tooManyRequests() + " answered 429 and obeyed");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("retried\\) in ([0-9.]+ s)").matcher(r.err());
            return new Figures(label, pages.size(), fake.apiRequests(), fake.tooManyRequests(),
                    fake.pauseViolations(), fake.tokenRequests(), m.find() ? m.group(1) : "?", wall);
        }
    }

    /** The snapshot and the tenant as a bundle give the same report, word for word, for every kind of case. */
    void assertDiagnosesIdentically(Path snapshot) throws IOException, Exception {
        Path original = tmp.resolve("original");
        tenant.writeBundle(original, "2026-03-13T03:00:00Z");
        Bundle a = BundleReader.read(original);
        Bundle b = BundleReader.read(snapshot);
        assertThat(b.tenant().connectors()).hasSize(CONNECTORS);
        assertThat(b.warnings()).isEmpty();
        Diagnoser doctor = Diagnoser.builder().build();
        Instant at = Instant.parse("2026-03-13T03:00:00Z");
        List<ReportedCase> cases = List.of(
                ReportedCase.NONE,
                new ReportedCase(Symptom.NOT_ENROLLING, "dc8-key-21", null, null, TenantLocation.of("72058304855015424", null)),
                new ReportedCase(Symptom.DISCONNECTED, null, "DC3-Group", null, TenantLocation.of("72058304855015424", null)),
                new ReportedCase(Symptom.APP_UNREACHABLE, null, null, ApplicationTarget.parse("app40.corp.example.com:443"), TenantLocation.of("72058304855015424", null)));
        for (ReportedCase c : cases) {
            String fromBundle = Reports.render(doctor.diagnose(facts(a, c, at)), Format.JSON);
            String fromSnapshot = Reports.render(doctor.diagnose(facts(b, c, at)), Format.JSON);
            assertThat(fromSnapshot).as("case " + c).isEqualTo(fromBundle);
        }
    }

    static Facts facts(Bundle b, ReportedCase c, Instant at) {
        return b.withCase(c).toFacts().toBuilder().evaluatedAt(at, "test").build();
    }

    @Test
    void aRateLimitedTenThousandConnectorSnapshotTakesTwentyFivePagesAndDiagnosesLikeTheBundle() throws Exception {
        // the documented 20 GET per 10 s, with the window scaled to 1 s so the default build stays quick
        Path out = tmp.resolve("snap");
        Figures paced = snapshot("server 20/1s, client 20/1s",
                LiveEnv.server().rateLimit(20, 10, Duration.ofSeconds(1)), "20/1s", out);
        assertThat(paced.tooMany()).as("a client pacing itself at the server's limit is never refused").isZero();
        assertDiagnosesIdentically(out);
        report(paced);
    }

    @Test
    @Tag("bench")
    void benchAtTheRealLimitOfTwentyGetsPerTenSeconds() throws Exception {
        Figures paced = snapshot("server 20/10s, client default (20/10s)",
                LiveEnv.server().rateLimit(20, 10, Duration.ofSeconds(10)), null, tmp.resolve("real"));
        assertThat(paced.tooMany()).isZero();
        assertDiagnosesIdentically(tmp.resolve("real"));
        // servers stricter than the client expects: refused often, every refusal obeyed, still 25 pages
        Figures strict = snapshot("server 10/10s, client default",
                LiveEnv.server().rateLimit(10, 5, Duration.ofSeconds(10)), null, tmp.resolve("strict"));
        assertThat(strict.tooMany()).isPositive();
        Figures fixed = snapshot("server 10/10s, retry-after always 4s",
                LiveEnv.server().rateLimit(10, 5, Duration.ofSeconds(10)).fixedRetryAfter(Duration.ofSeconds(4)), null,
                tmp.resolve("fixed"));
        assertThat(fixed.tooMany()).isPositive();
        report(paced, strict, fixed);
    }

    static void report(Figures... figures) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Figures f : figures) {
            sb.append(f.line()).append('\n');
        }
        System.out.print(sb);
        Files.writeString(Path.of("target", "bench-10k.txt"), sb, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
