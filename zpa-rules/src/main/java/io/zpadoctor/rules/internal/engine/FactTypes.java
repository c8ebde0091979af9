package io.zpadoctor.rules.internal.engine;

import io.zpadoctor.model.EvaluationTime;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.Thresholds;
import io.zpadoctor.model.derived.CaseScope;
import io.zpadoctor.model.derived.Disconnected;
import io.zpadoctor.model.derived.EffectiveSegment;
import io.zpadoctor.model.derived.GroupDisconnects;
import io.zpadoctor.model.derived.GroupHealth;
import io.zpadoctor.model.derived.GroupInServerGroup;
import io.zpadoctor.model.derived.Loaded;
import io.zpadoctor.model.derived.NotEnrolling;
import io.zpadoctor.model.derived.SegmentMatch;
import io.zpadoctor.model.derived.SegmentUsesServerGroup;
import io.zpadoctor.model.derived.ServingGroup;
import io.zpadoctor.model.derived.UpgradeLag;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.model.host.HostInventory;
import io.zpadoctor.model.host.ProbeProblem;
import io.zpadoctor.model.tenant.AppConnector;
import io.zpadoctor.model.tenant.ApplicationSegment;
import io.zpadoctor.model.tenant.ConnectorGroup;
import io.zpadoctor.model.tenant.EnrollmentCertificate;
import io.zpadoctor.model.tenant.ProvisioningKey;
import io.zpadoctor.model.tenant.ServerGroup;

import java.util.Set;

/** The fact types something puts into a session: the reader, the host parsers, the diagnoser, the rules. */
public final class FactTypes {
    public static final Set<Class<?>> PRODUCED = Set.of(
            AppConnector.class, ConnectorGroup.class, ProvisioningKey.class, EnrollmentCertificate.class,
            ServerGroup.class, ApplicationSegment.class,
            ReportedCase.class, EvaluationTime.class, Thresholds.class, CaseScope.class, Loaded.class,
            NotEnrolling.class, io.zpadoctor.model.derived.KeyOfFailingGroup.class, Disconnected.class, GroupHealth.class, SegmentMatch.class, EffectiveSegment.class,
            ServingGroup.class, io.zpadoctor.model.derived.SegmentServed.class, GroupInServerGroup.class,
            SegmentUsesServerGroup.class, UpgradeLag.class,
            GroupDisconnects.class, Finding.class,
            io.zpadoctor.model.derived.SameFingerprint.class, io.zpadoctor.model.derived.SameAddress.class,
            io.zpadoctor.model.derived.EnrolledWithKey.class, io.zpadoctor.model.derived.CertificateInUse.class,
            io.zpadoctor.model.internal.lookup.ConnectorsById.class, io.zpadoctor.model.internal.lookup.GroupHealthById.class,
            io.zpadoctor.model.internal.lookup.TenantKeys.class,
            io.zpadoctor.model.derived.HostContext.class, io.zpadoctor.model.derived.HostStatus.class,
            io.zpadoctor.model.derived.OptDisk.class, io.zpadoctor.model.derived.HostKey.class,
            HostInventory.class, ProbeProblem.class,
            io.zpadoctor.model.host.ServiceStatus.class, io.zpadoctor.model.host.StatusBlock.class,
            io.zpadoctor.model.host.LogEvent.class, io.zpadoctor.model.host.ProcessUsage.class,
            io.zpadoctor.model.host.ProcessTable.class, io.zpadoctor.model.host.CpuInfo.class,
            io.zpadoctor.model.host.MemoryTotals.class, io.zpadoctor.model.host.DiskUsage.class,
            io.zpadoctor.model.host.DiskConsumer.class, io.zpadoctor.model.host.ConnectorMemory.class,
            io.zpadoctor.model.host.DnsLookup.class, io.zpadoctor.model.host.ResolverConfig.class,
            io.zpadoctor.model.host.TcpProbe.class, io.zpadoctor.model.host.TlsProbe.class,
            io.zpadoctor.model.host.PingResult.class, io.zpadoctor.model.host.ClockSync.class,
            io.zpadoctor.model.host.UpgradeReach.class, io.zpadoctor.model.host.KeyFileShape.class,
            io.zpadoctor.model.host.VarDirectory.class, io.zpadoctor.model.host.HostAddresses.class,
            io.zpadoctor.model.telemetry.ConnectorTelemetry.class, io.zpadoctor.model.telemetry.TelemetryIntake.class,
            io.zpadoctor.model.derived.TelemetrySign.class);

    private FactTypes() {
    }
}
