package io.zpadoctor.client.host;

import io.zpadoctor.model.host.FohhState;
import io.zpadoctor.model.host.LogEvent;
import io.zpadoctor.model.host.LogEventKind;
import io.zpadoctor.model.host.StatusBlock;
import io.zpadoctor.model.host.StatusFormat;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import static io.zpadoctor.client.host.Fixtures.file;
import static io.zpadoctor.client.host.Fixtures.malformed;
import static io.zpadoctor.client.host.Fixtures.notApplicable;
import static io.zpadoctor.client.host.Fixtures.parsed;
import static io.zpadoctor.client.host.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Fixtures are the journal excerpts of Zscaler's public help pages and runbook (zpa-domain.md 5.4-5.5), with the
 * status blocks completed to full length; host names and addresses of a few were changed.
 */
class JournalParserTest {
    static final Instant JULY_2025 = Instant.parse("2025-07-18T11:00:00Z");

    static HostFile journal(String fixture) {
        return file("journal.txt", "journal", fixture);
    }

    static List<LogEventKind> kinds(List<LogEvent> events) {
        return events.stream().map(LogEvent::kind).toList();
    }

    @Test
    void readsClassicStatusBlocks() {
        JournalParser parser = new JournalParser(Instant.parse("2024-11-08T03:00:00Z"));
        List<StatusBlock> blocks = parsed(parser, journal("journal-classic-status-blocks.txt"), StatusBlock.class);
        assertThat(blocks).hasSize(2);
        StatusBlock b = blocks.get(0);
        assertThat(b.line()).isEqualTo(2);
        assertThat(b.time()).isEqualTo(LocalDateTime.parse("2024-11-08T02:29:53"));
        assertThat(b.pid()).isEqualTo(6123);
        assertThat(b.format()).isEqualTo(StatusFormat.CLASSIC);
        assertThat(b.connectorId()).isEqualTo("72060411536474191");
        assertThat(b.connectorName()).isEqualTo("z-sjc6-corp-1");
        assertThat(b.version()).isEqualTo("18.87.1");
        assertThat(b.certificateExpiryDays()).isEqualTo(227);
        assertThat(b.controlState()).isEqualTo(FohhState.CONNECTED);
        assertThat(b.controlStateRaw()).isEqualTo("fohh_connection_connected");
        assertThat(b.localAddress()).isEqualTo("10.32.112.100:42098");
        assertThat(b.brokerName()).isEqualTo("broker1b.sjc8.prod.zpath.net");
        assertThat(b.brokerAddress()).isEqualTo("40.86.176.165");
        assertThat(b.dataConnections()).isEqualTo(55);
        assertThat(b.backedOffConnections()).isZero();
        assertThat(b.registeredApps()).isEqualTo(33);
        assertThat(b.aliveApps()).isEqualTo(33);
        assertThat(b.passiveHealth()).isEqualTo(33);
        assertThat(b.serviceCount()).isEqualTo(85);
        assertThat(b.targetCount()).isEqualTo(104);
        assertThat(b.aliveTargets()).isEqualTo(74);
        assertThat(b.agedTargets()).isZero();
        assertThat(b.activeMtunnels()).isEqualTo(136);
        assertThat(b.bytesToBroker()).isEqualTo(92785793639L);
        assertThat(b.bytesFromBroker()).isEqualTo(42238684512L);
        assertThat(b.timeSkewSeconds()).isEqualTo(-0.012783);
        assertThat(b.uptimeSeconds()).isNull(); // the classic block does not print it
        assertThat(b.hasHeader()).isTrue();
        StatusBlock second = blocks.get(1);
        assertThat(second.backedOffConnections()).isEqualTo(2);
        assertThat(second.aliveApps()).isEqualTo(31);
        assertThat(second.timeSkewSeconds()).isEqualTo(0.000214);
    }

    @Test
    void theCertificateLineIsAlsoAnEvent() {
        List<LogEvent> events = parsed(new JournalParser(null), journal("journal-classic-status-blocks.txt"), LogEvent.class);
        assertThat(events).filteredOn(e -> e.kind() == LogEventKind.CERTIFICATE_EXPIRY)
                .extracting(LogEvent::days).containsExactly(227, 227);
        assertThat(events).filteredOn(e -> e.kind() == LogEventKind.BROKER_REDIRECT).singleElement()
                .satisfies(e -> assertThat(e.benign()).isTrue());
    }

    @Test
    void readsPerConnectionLinesWithUptimeResetsClosesAndRedirects() {
        JournalParser parser = new JournalParser(Instant.parse("2025-01-27T06:00:00Z"));
        HostFile f = journal("journal-2025-per-connection-lines.txt");
        List<StatusBlock> blocks = parsed(parser, f, StatusBlock.class);
        assertThat(blocks).extracting(StatusBlock::uptimeSeconds).containsExactly(1988L, 2048L, 13L, 73L);
        StatusBlock first = blocks.get(0);
        assertThat(first.format()).isEqualTo(StatusFormat.PER_CONNECTION);
        assertThat(first.hasHeader()).isFalse();
        assertThat(first.brokerName()).isEqualTo("broker6-1.bom6.prod.zpath.net");
        assertThat(first.brokerAddress()).isEqualTo("165.225.121.224");
        assertThat(first.localAddress()).isEqualTo("10.1.81.40:45316");
        assertThat(first.rttTcpMicros()).isEqualTo(66661);
        assertThat(first.rttAppMicros()).isEqualTo(48162);
        assertThat(first.disconnectDurationSeconds()).isZero();
        assertThat(first.time()).isEqualTo(LocalDateTime.parse("2025-01-27T05:25:37"));
        assertThat(first.dataConnections()).isNull(); // not printed in this format: never zero
        assertThat(blocks.get(2).brokerName()).isEqualTo("broker4a.bom5.prod.zpath.net");

        List<LogEvent> events = parsed(parser, f, LogEvent.class);
        assertThat(events).extracting(LogEvent::kind, LogEvent::detail, LogEvent::benign).containsExactly(
                tuple(LogEventKind.CONTROL_CLOSED, "FOHH_CLOSE_REASON_SOCKET_ERR", false),
                tuple(LogEventKind.CONTROL_CONNECTED, null, true),
                tuple(LogEventKind.BROKER_REDIRECT, null, true),
                tuple(LogEventKind.CONTROL_CLOSED_REDIRECT, "FOHH_CLOSE_REASON_REDIRECT", true),
                tuple(LogEventKind.CONTROL_CONNECTED, null, true),
                tuple(LogEventKind.CONNECTION_BACKOFF, null, false));
        assertThat(events.get(0).peer()).isEqualTo("broker6-1.bom6.prod.zpath.net");
        assertThat(events.get(0).line()).isEqualTo(5);
        assertThat(events.get(0).process()).isEqualTo("zpa-connector-child");
        assertThat(events.get(0).pid()).isEqualTo(103412);
        assertThat(events.get(5).peer()).isEqualTo("broker2b.bom5.prod.zpath.net");
    }

    @Test
    void readsTheSslInterceptionSignature() {
        List<LogEvent> events = parsed(new JournalParser(JULY_2025), journal("journal-ssl-interception.txt"), LogEvent.class);
        assertThat(kinds(events)).containsExactly(LogEventKind.CHECKING_ENROLLMENT, LogEventKind.ENROLLMENT_ATTEMPT,
                LogEventKind.ENROLL_CONNECTING, LogEventKind.TLS_SELF_SIGNED_IN_CHAIN, LogEventKind.ENROLLMENT_FAILED,
                LogEventKind.EXITED_TOO_FAST);
        LogEvent tls = events.get(3);
        assertThat(tls.detail()).isEqualTo("/C=DE/O=Example AG/CN=Example Inspection CA");
        assertThat(tls.peer()).isEqualTo("co2br.prod.zpath.net");
        assertThat(tls.time()).isEqualTo(LocalDateTime.parse("2025-07-18T10:40:02"));
        assertThat(events.get(2).detail()).isEqualTo("api.private.zscaler.com");
        assertThat(events.get(2).peer()).isEqualTo("co2br.prod.zpath.net");
        assertThat(events.get(5).seconds()).isEqualTo(2.0);
        assertThat(events.get(5).process()).isEqualTo("zpa-connector");
    }

    @Test
    void aRefusedLoginKeepsOnlyTheKeysPublicPrefix() {
        ParseResult r = new JournalParser(JULY_2025).parse(journal("journal-bad-key-login-401.txt"));
        LogEvent login = r.factsOf(LogEvent.class).stream().filter(e -> e.kind() == LogEventKind.LOGIN_REFUSED)
                .findFirst().orElseThrow();
        assertThat(login.httpStatus()).isEqualTo(401);
        assertThat(login.detail()).isEqualTo("3|api-release.prod.zpath.net|");
        assertThat(login.message()).contains("nonce(<3|api-release.prod.zpath.net|…>)");
        assertThat(r.toString()).doesNotContain("Z6lDTq8vFakeSecretKeyMaterialXyZ0123").doesNotContain("0/Z6lDT");
    }

    @Test
    void readsTheRunbookLinesWithSyslogLevelsAndNoTimestamps() {
        List<LogEvent> events = parsed(new JournalParser(null), journal("journal-runbook-levels-no-timestamps.txt"), LogEvent.class);
        assertThat(kinds(events)).containsExactly(LogEventKind.CHECKING_ENROLLMENT, LogEventKind.ENROLLMENT_ATTEMPT,
                LogEventKind.ENROLL_CONNECTING, LogEventKind.LOGIN_REFUSED, LogEventKind.ENROLLMENT_FAILED);
        assertThat(events).allMatch(e -> e.time() == null && e.process() == null);
        assertThat(events.get(3).detail()).isEqualTo("3|api-release.prod.zpath.net|");
    }

    @Test
    void readsTheClonedVmSignatureInSyslogFormat() {
        List<LogEvent> events = parsed(new JournalParser(Instant.parse("2025-02-02T06:00:00Z")),
                journal("journal-cloned-vm-instance-id.txt"), LogEvent.class);
        assertThat(kinds(events)).containsExactly(LogEventKind.CHECKING_ENROLLMENT, LogEventKind.INSTANCE_ID_DECRYPT_FAILED,
                LogEventKind.INSTANCE_ID_UNAVAILABLE, LogEventKind.INSTANCE_ID_DECRYPT_FAILED, LogEventKind.EXITED_TOO_FAST,
                LogEventKind.CHILD_STARTED);
        assertThat(events.get(0).time()).isEqualTo(LocalDateTime.parse("2025-02-02T05:08:21"));
        assertThat(events.get(3).process()).isEqualTo("zpa-connector");
        assertThat(events.get(3).pid()).isNull();
        assertThat(events.get(4).seconds()).isEqualTo(1.0);
        assertThat(events.get(5).detail()).isEqualTo("/opt/zscaler/var/image.bin");
    }

    @Test
    void readsTheDnsAndResolverSignature() {
        List<LogEvent> events = parsed(new JournalParser(JULY_2025), journal("journal-dns-resolver-permissions.txt"), LogEvent.class);
        assertThat(kinds(events)).containsExactly(LogEventKind.CHECKING_ENROLLMENT, LogEventKind.CERTIFICATE_READ_FAILED,
                LogEventKind.ENROLLMENT_ATTEMPT, LogEventKind.ENROLL_CONNECTING, LogEventKind.DNS_RESOLUTION_FAILED,
                LogEventKind.HTTP_CLIENT_FAILED, LogEventKind.ENROLLMENT_FAILED, LogEventKind.EXITED_TOO_FAST,
                LogEventKind.REVERTING_TO_DEFAULT);
        assertThat(events.get(4).detail()).isEqualTo("api.private.zscaler.com");
    }

    @Test
    void readsTheClockSkewSignatureAcrossACertificateDump() {
        List<LogEvent> events = parsed(new JournalParser(JULY_2025), journal("journal-clock-skew-not-yet-valid.txt"), LogEvent.class);
        assertThat(kinds(events)).containsExactly(LogEventKind.ALREADY_ENROLLED, LogEventKind.SEND_CSR_FAILED,
                LogEventKind.CERTIFICATE_NOT_YET_VALID, LogEventKind.ENROLLMENT_FAILED, LogEventKind.EXITED_TOO_FAST);
        assertThat(events.get(1).httpStatus()).isEqualTo(400);
        assertThat(events.get(2).line()).isEqualTo(4);
        assertThat(events.get(4).seconds()).isEqualTo(2.0); // "was running for 2 s"
    }

    @Test
    void stripsTerminalColoursAndCarriageReturns() {
        List<LogEvent> events = parsed(new JournalParser(JULY_2025), journal("journal-deleted-in-portal-ansi-colours.txt"), LogEvent.class);
        assertThat(kinds(events)).containsExactly(LogEventKind.CONNECTION_EVENT_ERROR, LogEventKind.NOT_CONNECTED_TO_CLOUD);
        assertThat(events.get(0).peer()).isEqualTo("broker2.sha1.prod.zpath.net");
        assertThat(events.get(1).message()).doesNotContain("\u001B").doesNotContain("[0m").doesNotContain("\r");
    }

    @Test
    void readsShortIsoAndTheHealthyEnrollment() {
        List<LogEvent> events = parsed(new JournalParser(null), journal("journal-short-iso-healthy-enrollment.txt"), LogEvent.class);
        assertThat(kinds(events)).containsExactly(LogEventKind.SERVICE_STARTED, LogEventKind.UPGRADE_VERSION_VERIFIED,
                LogEventKind.CHILD_STARTED, LogEventKind.CHECKING_ENROLLMENT, LogEventKind.WAITING_FOR_CONFIGURATION,
                LogEventKind.NAME_RESOLUTION_ADDED, LogEventKind.NAME_RESOLUTION_ADDED, LogEventKind.CONTROL_CHANNEL_CONNECTED,
                LogEventKind.WAITING_FOR_TIME_SYNC, LogEventKind.TIME_SYNCHRONIZED);
        assertThat(events).allMatch(LogEvent::benign);
        assertThat(events.get(0).time()).isEqualTo(LocalDateTime.parse("2025-07-18T10:20:02")); // the year is printed
        assertThat(events.get(1).detail()).isEqualTo("25.31.2");
        assertThat(events.get(5).detail()).isEqualTo("165.225.72.38");
        assertThat(events.get(5).peer()).isEqualTo("co2br.prod.zpath.net");
        assertThat(events.get(9).seconds()).isEqualTo(737.427447); // host ahead of the cloud
    }

    @Test
    void readsPauseUpgradeNoiseCrashLoopAndSystemd() {
        List<LogEvent> events = parsed(new JournalParser(JULY_2025), journal("journal-pause-upgrade-noise-crash-loop.txt"), LogEvent.class);
        assertThat(kinds(events)).containsExactly(LogEventKind.PAUSED, LogEventKind.IN_PAUSED_MODE,
                LogEventKind.UPGRADE_PREP_ERROR, LogEventKind.EXITED_TOO_FAST, LogEventKind.EXITED_TOO_FAST,
                LogEventKind.EXITED_TOO_FAST, LogEventKind.REVERTING_TO_DEFAULT, LogEventKind.ENTITLEMENT_NOTICE,
                LogEventKind.SERVICE_STOPPED, LogEventKind.SERVICE_FAILED, LogEventKind.SERVICE_FAILED);
        assertThat(events.get(0).detail()).isEqualTo("Software upgrade");
        assertThat(events.get(2).benign()).isTrue();
        assertThat(events.get(7).benign()).isTrue();
        assertThat(events.get(5).seconds()).isEqualTo(0.0);
    }

    @Test
    void aDecemberLineReadInJanuaryBelongsToThePreviousYear() {
        JournalParser parser = new JournalParser(Instant.parse("2026-01-01T00:05:00Z"));
        List<StatusBlock> blocks = parsed(parser, journal("journal-dec-jan-wrap.txt"), StatusBlock.class);
        assertThat(blocks).extracting(StatusBlock::time).containsExactly(LocalDateTime.parse("2025-12-31T23:59:53"),
                LocalDateTime.parse("2026-01-01T00:00:53"));
        assertThat(blocks.get(1).controlState()).isEqualTo(FohhState.BACKOFF);
        assertThat(blocks.get(0).certificateExpiryDays()).isEqualTo(12);
    }

    @Test
    void aHostAheadOfUtcOnNewYearsEveKeepsItsNewYear() {
        JournalParser parser = new JournalParser(Instant.parse("2025-12-31T22:30:00Z")); // 08:30 on Jan 1 in UTC+10
        List<LogEvent> events = parsed(parser, text("journal.txt",
                "Jan 01 08:29:01 ac-syd-1 zpa-connector-child[1190]: Checking Enrollment\n"), LogEvent.class);
        assertThat(events.get(0).time()).isEqualTo(LocalDateTime.parse("2026-01-01T08:29:01"));
    }

    @Test
    void readsShortPreciseAndShortFullPrefixes() {
        List<LogEvent> events = parsed(new JournalParser(JULY_2025), text("journal.txt", """
                Jul 18 10:40:02.123456 ac-fra-3 zpa-connector-child[22871]: DNS resolution failed for co2br.prod.zpath.net
                Fri 2025-07-18 10:40:03 UTC ac-fra-3 zpa-connector-child[22871]: Certificate enrollment failed.
                """), LogEvent.class);
        assertThat(events).extracting(LogEvent::time).containsExactly(LocalDateTime.parse("2025-07-18T10:40:02.123456"),
                LocalDateTime.parse("2025-07-18T10:40:03"));
        assertThat(events).extracting(LogEvent::pid).containsExactly(22871, 22871);
    }

    @Test
    void withoutAReferenceTheYearComesFromTheJournalHeaderOrStaysUnknown() {
        List<StatusBlock> fromHeader = parsed(new JournalParser(null), journal("journal-classic-status-blocks.txt"), StatusBlock.class);
        assertThat(fromHeader.get(0).time()).isEqualTo(LocalDateTime.parse("2024-11-08T02:29:53"));
        List<LogEvent> unknown = parsed(new JournalParser(null), journal("journal-ssl-interception.txt"), LogEvent.class);
        assertThat(unknown).allMatch(e -> e.time() == null);
    }

    @Test
    void readsABlockPastedWithoutPrefixesInTheOldLocalRemoteFormat() {
        HostFile f = journal("journal-doc-paste-no-prefix.txt");
        List<StatusBlock> blocks = parsed(new JournalParser(null), f, StatusBlock.class);
        assertThat(blocks).singleElement().satisfies(b -> {
            assertThat(b.connectorName()).isEqualTo("Homelab Key-1");
            assertThat(b.version()).isEqualTo("19.65.2");
            assertThat(b.localAddress()).isEqualTo("10.0.10.30:53040");
            assertThat(b.brokerName()).isEqualTo("broker1c.syd4.prod.zpath.net");
            assertThat(b.registeredApps()).isZero();
            assertThat(b.targetCount()).isNull(); // cut off with "..." in the paste: not zero
            assertThat(b.timeSkewSeconds()).isEqualTo(0.0);
            assertThat(b.time()).isNull();
        });
        assertThat(kinds(parsed(new JournalParser(null), f, LogEvent.class))).contains(LogEventKind.CONTROL_CHANNEL_CONNECTED,
                LogEventKind.TIME_SYNCHRONIZED, LogEventKind.UPGRADE_VERSION_VERIFIED);
    }

    @Test
    void aBlockNeverInventsAValueItDoesNotPrint() {
        List<StatusBlock> blocks = parsed(new JournalParser(null), text("journal.txt", """
                Certificate will expire in many days
                Registered apps count = 12, alive app = unknown
                Broker data connection count = -, backed_off connections = 0
                """), StatusBlock.class);
        assertThat(blocks).singleElement().satisfies(b -> {
            assertThat(b.certificateExpiryDays()).isNull();
            assertThat(b.registeredApps()).isEqualTo(12);
            assertThat(b.aliveApps()).isNull();
            assertThat(b.dataConnections()).isNull();
            assertThat(b.backedOffConnections()).isZero();
        });
    }

    @Test
    void aJournalWithoutConnectorLinesIsParsedAndEmpty() {
        ParseResult r = new JournalParser(JULY_2025).parse(journal("journal-other-unit-no-connector-lines.txt"));
        assertThat(r.outcome()).isEqualTo(ParseResult.Outcome.PARSED);
        assertThat(r.facts()).isEmpty();
    }

    @Test
    void emptyOrAnotherCommandIsNotApplicableAndGarbageMalformed() {
        JournalParser parser = new JournalParser(JULY_2025);
        notApplicable(parser, text("journal.txt", ""));
        assertThat(notApplicable(parser, file("journal.txt", "df", "df-hP-rhel9-root-almost-full.txt")).detail()).contains("df");
        // journalctl ran and the unit logged nothing: an answer, not a missing file
        assertThat(parser.parse(text("journal.txt", "-- No entries --\n")).outcome()).isEqualTo(ParseResult.Outcome.PARSED);
        assertThat(malformed(parser, text("journal.txt", "lorem ipsum\ndolor sit amet\n")).line()).isEqualTo(1);
    }
}
