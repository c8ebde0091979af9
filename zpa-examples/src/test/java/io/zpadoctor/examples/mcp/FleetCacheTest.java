package io.zpadoctor.examples.mcp;

import io.zpadoctor.examples.cli.CommandCalls;
import io.zpadoctor.rules.FleetReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The next page of a fleet costs no second read, and a changed bundle or an old entry is read again. */
class FleetCacheTest {

    /** A clock the test moves. */
    private static final class Manual extends Clock {
        Instant now = Instant.parse("2026-12-07T00:00:00Z");
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId z) { return this; }
        @Override public Instant instant() { return now; }
    }

    private final AtomicInteger reads = new AtomicInteger();

    private FleetReport compute() {
        reads.incrementAndGet();
        return null;   // the cache never looks inside a report
    }

    @Test
    void aSecondPageOfTheSameBundleIsNotReadAgain(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("api"));
        Files.writeString(dir.resolve("api/connectors.json"), "[]");
        FleetCache c = new FleetCache(new Manual());
        List<String> argv = List.of("--bundle", dir.toString());
        c.get(argv, dir, this::compute);
        c.get(argv, dir, this::compute);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aChangedFileInTheBundleIsReadAgain(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("connectors.json");
        Files.writeString(f, "[]");
        FleetCache c = new FleetCache(new Manual());
        List<String> argv = List.of("--bundle", dir.toString());
        c.get(argv, dir, this::compute);
        Files.writeString(f, "[{}]");
        Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 5_000));
        c.get(argv, dir, this::compute);
        assertThat(reads).hasValue(2);
    }

    @Test
    void otherArgumentsAndOldEntriesAreReadAgain(@TempDir Path dir) throws Exception {
        Manual clock = new Manual();
        FleetCache c = new FleetCache(clock);
        c.get(List.of("--bundle", dir.toString()), dir, this::compute);
        c.get(List.of("--bundle", dir.toString(), "--rules", "pack"), dir, this::compute);
        assertThat(reads).hasValue(2);
        clock.now = clock.now.plus(FleetCache.BUNDLE_TTL).plusSeconds(1);
        c.get(List.of("--bundle", dir.toString()), dir, this::compute);
        assertThat(reads).hasValue(3);
    }

    @Test
    void aLiveTenantIsKeptForAMinuteOnly() throws Exception {
        Manual clock = new Manual();
        FleetCache c = new FleetCache(clock);
        c.get(List.of("--api"), null, this::compute);
        clock.now = clock.now.plusSeconds(30);
        c.get(List.of("--api"), null, this::compute);
        assertThat(reads).hasValue(1);
        clock.now = clock.now.plus(FleetCache.API_TTL);
        c.get(List.of("--api"), null, this::compute);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aFailureIsNotKeptAndAMissingBundleIsNeverCached(@TempDir Path dir) throws Exception {
        FleetCache c = new FleetCache(new Manual());
        Path missing = dir.resolve("nope.tar.gz");
        assertThat(FleetCache.stamp(missing)).isNull();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> c.get(List.of("--bundle", missing.toString()), missing, () -> {
                reads.incrementAndGet();
                throw new CommandCalls.Failure(65, "zpa-doctor: " + missing + ": no such file or folder");
            })).isInstanceOf(CommandCalls.Failure.class);
        }
        assertThat(reads).hasValue(2);
    }
}
