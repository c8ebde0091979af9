"""Writes the telemetry scenarios (bundle with lss/ + expected.yaml) under
zpa-rules/src/test/resources/scenarios/telemetry. Run from the project root: python3 tools/gen-telemetry-scenarios.py.

The tenant is the res-001 one (two groups of two authenticated connectors); records follow the LSS JSON templates
(ctime LogTimestamp, numbers as strings, as the help pages show them). Each scenario says why it fires or must not.
"""
import json, os, shutil, sys, datetime
HERE = os.path.dirname(os.path.abspath(__file__))
SCEN = os.path.join(HERE, "..", "zpa-rules", "src", "test", "resources", "scenarios")
ROOT = os.path.join(SCEN, "telemetry")
BASE = os.path.join(SCEN, "res-001-busy-under-threshold", "api")
T0 = datetime.datetime(2026, 11, 20, 9, 0, 0, tzinfo=datetime.timezone.utc)
GB = 1 << 30
MB = 1 << 20
C1, C2, C3, C4 = "dc1-acg-key-1", "dc1-acg-key-2", "dc2-acg-key-1", "dc2-acg-key-2"
GROUP = {C1: "DC1-Frankfurt", C2: "DC1-Frankfurt", C3: "DC2-Amsterdam", C4: "DC2-Amsterdam"}

def ctime(t):
    return t.strftime("%a %b ") + str(t.day) + t.strftime(" %H:%M:%S %Y")

def metrics(minute, name, cpu=20, sysmem=40, procmem=12, disk=50 * GB, targets=9, alive=9, used=800, avail=27000,
            pfd=600, pmax=421000, sfd=2211, smax=960344):
    t = T0 + datetime.timedelta(minutes=minute)
    return json.dumps({"LogTimestamp": ctime(t), "Connector": name, "CPUUtilization": str(cpu),
                       "SystemMemoryUtilization": str(sysmem), "ProcessMemoryUtilization": str(procmem),
                       "AppCount": "12", "ServiceCount": "20", "TargetCount": str(targets),
                       "AliveTargetCount": str(alive), "ActiveConnectionsToPublicSE": "2",
                       "ActiveConnectionsToPrivateSE": "0", "UsedTCPPortsIPv4": str(used), "UsedUDPPortsIPv4": "3",
                       "AvailablePorts": str(avail), "SystemMaximumFileDescriptors": str(smax),
                       "SystemUsedFileDescriptors": str(sfd), "ProcessMaximumFileDescriptors": str(pmax),
                       "ProcessUsedFileDescriptors": str(pfd), "AvailableDiskBytes": str(disk),
                       "MicroTenantID": "0"}, separators=(",", ": "))

def status(minute, name, state="ZPN_STATUS_AUTHENTICATED", auth_minute=-4320, cpu=20, mem=40):
    t = T0 + datetime.timedelta(minutes=minute, seconds=1)
    auth = "" if state.endswith("AUTH_FAILED") else (T0 + datetime.timedelta(minutes=auth_minute)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return json.dumps({"LogTimestamp": ctime(t), "SessionType": "ZPN_ASSISTANT_BROKER_CONTROL", "SessionStatus": state,
                       "Version": "25.44.6", "Platform": "el9", "ZEN": "DE-FRA-4410", "Connector": name,
                       "ConnectorGroup": GROUP.get(name, "DC1-Frankfurt"), "PrivateIP": "10.20.30.40",
                       "PublicIP": "203.0.113.17", "TimestampAuthentication": auth, "TimestampUnAuthentication": "",
                       "CPUUtilization": cpu, "MemUtilization": mem, "HostStartTime": "1794000000",
                       "ConnectorStartTime": "1794500000"}, separators=(",", ": "))

def healthy(minutes, skip=()):
    out = []
    for m in minutes:
        for c in (C1, C2, C3, C4):
            if c not in skip:
                out.append(metrics(m, c))
                out.append(status(m, c))
    return out

MIN = [0, 5, 10, 15, 20]

def scenario(name, description, fires, must_not, lines, exactly=True, primary=None, severity=None, hosts_from=None):
    d = os.path.join(ROOT, name)
    if os.path.exists(d):
        shutil.rmtree(d)
    shutil.copytree(BASE, os.path.join(d, "api"))
    with open(os.path.join(d, "case.json"), "w") as f:
        json.dump({"collectedAt": "2026-11-20T09:30:00Z", "cloud": "prod.zpath.net"}, f, indent=2)
        f.write("\n")
    os.makedirs(os.path.join(d, "lss"))
    with open(os.path.join(d, "lss", "connectors.jsonl"), "w") as f:
        f.write("\n".join(lines) + "\n")
    if hosts_from:
        # a real host folder and its case (symptom and connector), from the host-probe scenario of the same measure
        shutil.copytree(os.path.join(SCEN, hosts_from, "hosts"), os.path.join(d, "hosts"))
        shutil.copy(os.path.join(SCEN, hosts_from, "case.json"), os.path.join(d, "case.json"))
    y = ["description: " + json.dumps(description), "primary: " + (primary or "~"),
         "fires: [" + ", ".join(fires) + "]", "must-not-fire: [" + ", ".join(must_not) + "]"]
    if exactly:
        y.append("exactly: true")
    if severity:
        y.append("severity: {" + ", ".join(k + ": " + v for k, v in severity.items()) + "}")
    with open(os.path.join(d, "expected.yaml"), "w") as f:
        f.write("\n".join(y) + "\n")

def main():
    if os.path.exists(ROOT):
        shutil.rmtree(ROOT)
    ALL = ["ZPA-RES-010", "ZPA-RES-011", "ZPA-RES-012", "ZPA-RES-013", "ZPA-RES-014", "ZPA-APP-011", "ZPA-CON-008",
           "ZPA-NET-008", "ZPA-FLT-007", "ZPA-PRB-004"]
    def others(*keep):
        return [c for c in ALL if c not in keep]

    # CPU
    scenario("res-010-cpu-sustained", "Every CPU sample of dc1-acg-key-1 over the last 15 minutes is above 80 %.",
             ["ZPA-RES-010"], others("ZPA-RES-010"),
             healthy(MIN, skip=(C1,)) + [x for m in MIN for x in (metrics(m, C1, cpu=88 + m % 7), status(m, C1, cpu=90))],
             primary="ZPA-RES-010")
    scenario("res-010-one-spike", "One 97 % sample among normal ones is a spike, not sustained load.",
             [], ALL, healthy(MIN, skip=(C1,)) + [x for m in MIN for x in (metrics(m, C1, cpu=97 if m == 20 else 30),
                                                                            status(m, C1, cpu=30))])
    scenario("res-010-too-few-samples", "Two hot samples are too few to say sustained: unknown, so no finding.",
             [], ALL, [metrics(0, C1, cpu=95), metrics(5, C1, cpu=96)])
    scenario("res-010-host-files-agree", "CPU sustained in the records; the connector's host files, collected ten "
             "minutes after the last record, show the connector child busy too (ZPA-RES-001): the finding says so.",
             ["ZPA-RES-010", "ZPA-RES-001", "ZPA-RES-009"], others("ZPA-RES-010"),
             healthy(MIN, skip=(C1,)) + [x for m in MIN for x in (metrics(m, C1, cpu=92), status(m, C1, cpu=92))],
             exactly=False, primary="ZPA-RES-001", hosts_from="res-001-connector-cpu")
    # memory
    scenario("res-011-host-memory-connector-holds", "Host memory above 90 % in every sample; the connector process "
             "holds 70 % of the host.", ["ZPA-RES-011"], others("ZPA-RES-011"),
             healthy(MIN, skip=(C2,)) + [x for m in MIN for x in (metrics(m, C2, sysmem=95, procmem=70),
                                                                   status(m, C2, mem=95))], primary="ZPA-RES-011")
    scenario("res-011-memory-dips", "Host memory above 90 % except one sample at 85 %: not sustained.",
             [], ALL, healthy(MIN, skip=(C2,)) + [x for m in MIN for x in (
                 metrics(m, C2, sysmem=85 if m == 10 else 95, procmem=20), status(m, C2, mem=85 if m == 10 else 95))])
    # disk
    scenario("res-012-disk-under-floor", "AvailableDiskBytes 80 MB: under the 100 MB restart floor.",
             ["ZPA-RES-012"], others("ZPA-RES-012"),
             healthy(MIN, skip=(C3,)) + [x for m in MIN for x in (metrics(m, C3, disk=80 * MB), status(m, C3))],
             primary="ZPA-RES-012", severity={"ZPA-RES-012": "CRITICAL"})
    scenario("res-012-disk-low-but-above-floor", "150 MB free and steady: above the floor and not falling.",
             [], ALL, healthy(MIN, skip=(C3,)) + [x for m in MIN for x in (metrics(m, C3, disk=150 * MB + m),
                                                                            status(m, C3))])
    fill = [20 * GB - int(1.5 * GB * m / 60) for m in range(0, 65, 5)]
    scenario("res-013-disk-filling", "20 GB free losing 1.5 GB an hour for an hour: the floor in about 13 hours.",
             ["ZPA-RES-013"], others("ZPA-RES-013"),
             healthy(range(0, 65, 5), skip=(C4,)) + [x for i, m in enumerate(range(0, 65, 5))
                                                     for x in (metrics(m, C4, disk=fill[i]), status(m, C4))],
             primary="ZPA-RES-013")
    scenario("res-013-two-samples-only", "Two samples 5 minutes apart, 1 GB apart: too few to call a trend.",
             [], ALL, [metrics(0, C4, disk=5 * GB), metrics(5, C4, disk=4 * GB)])
    scenario("res-013-filling-slowly", "Losing 100 MB an hour with 20 GB free: the floor is more than a day away.",
             [], ALL, healthy(range(0, 65, 5), skip=(C4,)) + [x for m in range(0, 65, 5) for x in (
                 metrics(m, C4, disk=20 * GB - int(100 * MB * m / 60)), status(m, C4))])
    # ports and descriptors
    scenario("res-014-ephemeral-ports", "30,500 TCP ports used and 1,500 available: 95 % in use.",
             ["ZPA-RES-014"], others("ZPA-RES-014"),
             healthy(MIN, skip=(C1,)) + [x for m in MIN for x in (metrics(m, C1, used=30500, avail=1500), status(m, C1))],
             primary="ZPA-RES-014")
    scenario("res-014-process-descriptors", "The connector process uses 410,000 of 421,000 file descriptors.",
             ["ZPA-RES-014"], others("ZPA-RES-014"),
             healthy(MIN, skip=(C2,)) + [x for m in MIN for x in (metrics(m, C2, pfd=410000), status(m, C2))],
             primary="ZPA-RES-014")
    scenario("res-014-descriptors-at-80", "80 % of the process's file descriptors in use: under the 90 % limit.",
             [], ALL, healthy(MIN, skip=(C2,)) + [x for m in MIN for x in (metrics(m, C2, pfd=336800), status(m, C2))])
    # targets
    scenario("app-011-targets-down", "6 of 9 health-checked application servers answer.",
             ["ZPA-APP-011"], others("ZPA-APP-011"),
             healthy(MIN, skip=(C3,)) + [x for m in MIN for x in (metrics(m, C3, alive=6 if m >= 10 else 9),
                                                                   status(m, C3))], primary="ZPA-APP-011")
    scenario("app-011-targets-back", "Targets were down earlier; the latest record has all 9 alive.",
             [], ALL, healthy(MIN, skip=(C3,)) + [x for m in MIN for x in (metrics(m, C3, alive=6 if m < 20 else 9),
                                                                            status(m, C3))])
    # authentication and churn
    scenario("con-008-auth-failures", "Three AUTH_FAILED status records within the hour.",
             ["ZPA-CON-008"], others("ZPA-CON-008"),
             healthy(MIN, skip=(C4,)) + [x for m in MIN for x in (
                 metrics(m, C4), status(m, C4, state="ZPN_STATUS_AUTH_FAILED" if m >= 10 else "ZPN_STATUS_AUTHENTICATED"))],
             primary="ZPA-CON-008")
    scenario("con-008-two-failures", "Two AUTH_FAILED records, then authenticated again: not repeated enough.",
             [], ALL, healthy(MIN, skip=(C4,)) + [x for m in MIN for x in (
                 metrics(m, C4), status(m, C4, state="ZPN_STATUS_AUTH_FAILED" if m in (5, 10) else "ZPN_STATUS_AUTHENTICATED"))])
    scenario("net-008-flapping", "A new control session at every record: five within the hour.",
             ["ZPA-NET-008"], others("ZPA-NET-008"),
             healthy(MIN, skip=(C1,)) + [x for m in MIN for x in (metrics(m, C1), status(m, C1, auth_minute=m - 1))],
             primary="ZPA-NET-008")
    scenario("net-008-one-session-repeated", "The same session reported at every record is one session, not churn.",
             [], ALL, healthy(MIN, skip=(C1,)) + [x for m in MIN for x in (metrics(m, C1), status(m, C1, auth_minute=-3))])
    # group
    hot = lambda c: [x for m in MIN for x in (metrics(m, c, cpu=91), status(m, c, cpu=91))]
    scenario("flt-007-group-all-hot", "Both serving connectors of DC2-Amsterdam run above 80 % CPU in every sample.",
             ["ZPA-FLT-007", "ZPA-RES-010"], others("ZPA-FLT-007", "ZPA-RES-010"),
             healthy(MIN, skip=(C3, C4)) + hot(C3) + hot(C4), primary="ZPA-FLT-007")
    scenario("flt-007-one-of-two-hot", "One of DC2-Amsterdam's two connectors runs hot: the connector, not the group.",
             ["ZPA-RES-010"], others("ZPA-RES-010"), healthy(MIN, skip=(C3,)) + hot(C3), primary="ZPA-RES-010")
    scenario("flt-007-one-not-reporting", "DC2-Amsterdam's only reporting connector is hot; the other sends no "
             "records, so whether the whole group is hot is unknown.", ["ZPA-RES-010"], others("ZPA-RES-010"),
             healthy(MIN, skip=(C3, C4)) + hot(C3), primary="ZPA-RES-010")
    # evidence
    scenario("prb-004-lines-not-used", "A user status record (another log type), a cut line, a CPU of 140 % and a "
             "connector the tenant does not have.", ["ZPA-PRB-004"], others("ZPA-PRB-004"),
             healthy(MIN) + [
                 json.dumps({"LogTimestamp": ctime(T0), "Username": "alice@example.com", "SessionStatus": "ZPN_STATUS_AUTHENTICATED", "ClientType": "zpn_client_type_zapp"}),
                 metrics(20, C1)[:80],
                 metrics(20, C2).replace('"CPUUtilization": "20"', '"CPUUtilization": "140"'),
                 metrics(20, "old-lab-connector-9")],
             severity={"ZPA-PRB-004": "INFO"})
    scenario("prb-004-clean-feed", "Twenty minutes of healthy records from every connector.", [], ALL, healthy(MIN))

if __name__ == "__main__":
    main()
