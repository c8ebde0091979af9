#!/usr/bin/env python3
"""Generator for the blind telemetry scenarios (t-*). Writes each scenario folder next to this file.
Written blind: from runbook-seed.txt, catalog.md, zpa-domain.md, architecture.md (bundle layout),
issue 18 and the b-res-003 format example only."""
import json, os, random, shutil, time, calendar, datetime

ROOT = os.path.dirname(os.path.abspath(__file__))
MB = 1024 * 1024
GB = 1024 * MB


def iso(t):
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def lsst(t):
    # "Wed Jul  3 05:17:22 2019" (ctime layout, day padded with a space), UTC
    return time.strftime("%a %b %e %H:%M:%S %Y", time.gmtime(t))


def dur(sec):
    sec = int(sec)
    d, r = divmod(sec, 86400)
    h, r = divmod(r, 3600)
    m, s = divmod(r, 60)
    return f"{d:02d}d {h:02d}h {m:02d}m {s:02d}s"


def page(items):
    return {"totalPages": "1", "totalCount": str(len(items)), "list": items}


CERTS = [
    ("6571", "Root", None, "2565665700", "NONE"),
    ("6572", "Client", "6571", "2092712180", "ZAPP_CLIENT"),
    ("6573", "Connector", "6571", "2092712239", "NONE"),
    ("6574", "Service Edge", "6571", "2092712301", "NONE"),
]


def certs():
    out = []
    for cid, name, parent, valid_to, ctype in CERTS:
        c = {"id": cid, "name": name, "cName": f"72058304855015424.zpa-customer.com/{name}",
             "validFromInEpochSec": "1619585700", "validToInEpochSec": valid_to, "allowSigning": True,
             "privateKeyPresent": True, "clientCertType": ctype}
        if parent:
            c["parentCertId"] = parent
            c["parentCertName"] = "Root"
        c.update({"issuedTo": f"O=Zscaler,OU=Private Access,CN=72058304855015424.zpa-customer.com/{name}",
                  "issuedBy": "O=Zscaler,OU=Private Access,CN=72058304855015424.zpa-customer.com/Root",
                  "readOnly": True, "zscalerManaged": True})
        out.append(c)
    return out


class Conn:
    def __init__(self, name, group, idx, gi, base_id, ip, pub, version="25.44.6"):
        self.name, self.group, self.version = name, group, version
        self.id = str(base_id + 100 * gi + idx + 11)
        self.private_ip, self.public_ip = ip, pub
        self.events = []          # (t, kind, extra) kind in AUTH, DISC, FAIL, RESTART
        self.metrics = {}         # field -> f(i, t) override
        self.metric_offset = 12 + 37 * idx + 91 * gi
        self.status_offset = 40 + 53 * idx + 97 * gi
        self.session_start = None
        self.conn_start = None
        self.initially_connected = True
        self.no_metrics_after = None
        self.api_status = None


EARLY_DEC = {"t-res-010-sustained-cpu", "t-res-013-disk-falling", "t-net-008-reconnect-churn",
             "t-flt-007-group-all-hot", "t-multi-flapping-and-dead-targets"}


def build(name, description, groups, hours, fires, must_not, primary=None, severity=None,
          case_extra=None, setup=None, extra_lines=None, start="2026-11-24T06:00:00Z", seed=None,
          heartbeat_min=60, unknown_records=None):
    """groups: list of dicts {name, key, location, country, zen, connectors: n, apps: [(segment, domain, port)]}"""
    rnd = random.Random(seed or name)
    if name in EARLY_DEC:  # single-digit day: LogTimestamp "Thu Dec  3 05:10:12 2026" (two spaces)
        start = "2026-12-03T05:10:00Z"
    t0 = calendar.timegm(time.strptime(start, "%Y-%m-%dT%H:%M:%SZ"))
    t_end = t0 + int(hours * 3600)
    base_id = 72058304855100000 + (abs(hash(name)) % 900) * 1000
    base_id = 72058304855100000 + (sum(map(ord, name)) % 900) * 1000
    conns = []
    gobjs = []
    for gi, g in enumerate(groups):
        gid = str(base_id + 100 * gi)
        g["id"] = gid
        g["sg_id"] = str(base_id + 100 * gi + 60)
        g["key_id"] = str(59000 + (base_id // 1000) % 900 + gi)
        cs = []
        for idx in range(g["connectors"]):
            c = Conn(f"{g['key']}-{idx + 1}", g, idx, gi, base_id,
                     f"10.{40 + gi}.{10 + (sum(map(ord, name)) % 200)}.{21 + idx}", g.get("pub", f"198.51.100.{30 + gi}"))
            # connected for ~3 days before the window
            c.session_start = t0 - 3 * 86400 - 3600 * idx - 600 * gi - 17
            c.conn_start = c.session_start - 40
            cs.append(c)
        g["conns"] = cs
        conns.extend(cs)
    byname = {c.name: c for c in conns}
    if setup:
        setup(byname, t0, t_end)

    # ---------- LSS records ----------
    status_lines, metric_lines = [], []
    for c in conns:
        host_start = c.conn_start - 75
        state_conn = c.initially_connected
        sess = c.session_start
        evs = sorted(c.events, key=lambda e: e[0])
        # timeline of connected intervals
        ei = 0
        hb = t0 + c.status_offset
        cur_version = c.version
        conn_start = c.conn_start

        def srec(t, status, auth, unauth):
            return {"LogTimestamp": lsst(t), "Connector": c.name, "ConnectorGroup": c.group["name"],
                    "SessionType": "ZPN_ASSISTANT_BROKER_CONTROL", "SessionStatus": status,
                    "Version": cur_version, "Platform": "el9", "ZEN": c.group["zen"],
                    "PrivateIP": c.private_ip, "PublicIP": c.public_ip,
                    "Latitude": c.group.get("lat", 48.1374), "Longitude": c.group.get("lon", 11.5755),
                    "CountryCode": c.group["country"],
                    "TimestampAuthentication": auth, "TimestampUnAuthentication": unauth,
                    "CPUUtilization": None, "MemUtilization": None, "ServiceCount": 9,
                    "InterfaceDefRoute": "ens192", "DefRouteGW": c.private_ip.rsplit(".", 1)[0] + ".1",
                    "PrimaryDNSResolver": c.private_ip.rsplit(".", 1)[0] + ".53",
                    "HostStartTime": host_start, "ConnectorStartTime": conn_start,
                    "NumOfInterfaces": 1, "TotalBytesRx": 0, "TotalBytesTx": 0}

        # metrics sampling grid
        mt = t0 + c.metric_offset
        i = 0
        rx = 80_000_000_000 + rnd.randint(0, 9_000_000_000)
        tx = 40_000_000_000 + rnd.randint(0, 4_000_000_000)
        created = 2_000_000 + rnd.randint(0, 500_000)
        pending = []  # (t, kind, obj)
        # walk events and heartbeats in time
        times = []
        while hb <= t_end:
            times.append((hb, "HB", None))
            hb += heartbeat_min * 60
        for e in evs:
            times.append((e[0], e[1], e[2] if len(e) > 2 else None))
        times.sort(key=lambda x: x[0])
        connected_intervals = []
        cur_from = t0 if state_conn else None
        last_cpu = {"v": 25}
        for t, kind, extra in times:
            if kind == "HB":
                if state_conn:
                    pending.append((t, "S", ("ZPN_STATUS_AUTHENTICATED", iso(sess), "")))
            elif kind == "DISC":
                pending.append((t, "S", ("ZPN_STATUS_DISCONNECTED", iso(sess), iso(t))))
                state_conn = False
                connected_intervals.append((cur_from, t))
                cur_from = None
            elif kind == "AUTH":
                sess = t
                state_conn = True
                cur_from = t
                pending.append((t, "S", ("ZPN_STATUS_AUTHENTICATED", iso(sess), "")))
            elif kind == "FAIL":
                pending.append((t, "S", ("ZPN_STATUS_AUTH_FAILED", iso(t), iso(t))))
            elif kind == "RESTART":  # restart with new version: DISC now, AUTH after extra['gap']
                pass
            elif kind == "SETVER":
                pending.append((t, "V", extra))
            elif kind == "SETSTART":
                pending.append((t, "CS", extra))
        if state_conn:
            connected_intervals.append((cur_from, t_end + 1))
        c.final_connected = state_conn
        c.final_session = sess
        disc_times = [e[0] for e in evs if e[1] == "DISC"]
        c.last_disc = disc_times[-1] if disc_times else c.session_start - 17
        while mt <= t_end:
            if any(a <= mt < b for a, b in connected_intervals) and (c.no_metrics_after is None or mt <= c.no_metrics_after):
                pending.append((mt, "M", i))
            i += 1
            mt += 300
        pending.sort(key=lambda x: (x[0], 0 if x[1] in ("V", "CS") else 1))
        for t, kind, payload in pending:
            if kind == "V":
                cur_version = payload
                continue
            if kind == "CS":
                conn_start = payload
                continue
            if kind == "S":
                r = srec(t, *payload)
                cpu = last_cpu["v"]
                r["CPUUtilization"] = int(round(cpu))
                r["MemUtilization"] = int(round(last_cpu.get("mem", 47)))
                r["TotalBytesRx"] = rx
                r["TotalBytesTx"] = tx
                status_lines.append((t, r))
                continue
            idx = payload
            f = c.metrics

            def val(field, default):
                return f[field](idx, t) if field in f else default

            cpu = val("CPUUtilization", rnd.randint(18, 34))
            sysmem = val("SystemMemoryUtilization", rnd.randint(41, 52))
            pmem = val("ProcessMemoryUtilization", rnd.randint(19, 27))
            last_cpu["v"] = cpu
            last_cpu["mem"] = sysmem
            targets = val("TargetCount", 14)
            alive = val("AliveTargetCount", targets)
            used_tcp = val("UsedTCPPortsIPv4", rnd.randint(240, 420))
            avail_ports = val("AvailablePorts", 28232 - used_tcp)
            sys_fd_max = val("SystemMaximumFileDescriptors", 1048576)
            sys_fd = val("SystemUsedFileDescriptors", rnd.randint(2900, 3600))
            p_fd_max = val("ProcessMaximumFileDescriptors", 65536)
            p_fd = val("ProcessUsedFileDescriptors", rnd.randint(900, 1400))
            disk = val("AvailableDiskBytes", 41 * GB + rnd.randint(-40, 40) * MB)
            d_tx = rnd.randint(2_000_000_000, 6_000_000_000)
            d_rx = rnd.randint(1_000_000_000, 3_000_000_000)
            tx += d_tx
            rx += d_rx
            new = rnd.randint(1500, 4000)
            created += new
            active = rnd.randint(110, 190)
            m = {"LogTimestamp": lsst(t), "Connector": c.name, "ConnectorGroup": c.group["name"],
                 "CPUUtilization": int(round(cpu)), "SystemMemoryUtilization": int(round(sysmem)),
                 "ProcessMemoryUtilization": int(round(pmem)), "AppCount": 6, "ServiceCount": 9,
                 "TargetCount": targets, "AliveTargetCount": alive,
                 "ActiveConnectionsToPublicSE": val("ActiveConnectionsToPublicSE", 3),
                 "DisconnectedConnectionsToPublicSE": 0, "ActiveConnectionsToPrivateSE": 0,
                 "DisconnectedConnectionsToPrivateSE": 0,
                 "TransmittedBytesToPublicSE": tx, "ReceivedBytesFromPublicSE": rx,
                 "TransmittedBytesToPrivateSE": 0, "ReceivedBytesFromPrivateSE": 0,
                 "AppConnectionsCreated": created, "AppConnectionsCleared": created - active,
                 "AppConnectionsActive": active,
                 "UsedTCPPortsIPv4": used_tcp, "UsedUDPPortsIPv4": rnd.randint(8, 30), "UsedTCPPortsIPv6": 0,
                 "UsedUDPPortsIPv6": 0, "AvailablePorts": avail_ports,
                 "SystemMaximumFileDescriptors": sys_fd_max, "SystemUsedFileDescriptors": sys_fd,
                 "ProcessMaximumFileDescriptors": p_fd_max, "ProcessUsedFileDescriptors": p_fd,
                 "AvailableDiskBytes": int(disk), "MicroTenantID": "0"}
            metric_lines.append((t, m))

    if unknown_records:
        for t, kind, rec in unknown_records(t0, t_end):
            (status_lines if kind == "S" else metric_lines).append((t, rec))

    last_t = max([t for t, _ in status_lines + metric_lines] + [t0])
    collected = last_t + 90
    d = os.path.join(ROOT, name)
    if os.path.exists(d):
        shutil.rmtree(d)
    os.makedirs(os.path.join(d, "api"))
    os.makedirs(os.path.join(d, "lss"))
    with open(os.path.join(d, "lss", "app-connector-metrics.jsonl"), "w") as fh:
        for t, m in sorted(metric_lines, key=lambda x: x[0]):
            fh.write((m if isinstance(m, str) else json.dumps(m, separators=(",", ":"))) + "\n")
    with open(os.path.join(d, "lss", "app-connector-status.jsonl"), "w") as fh:
        for t, r in sorted(status_lines, key=lambda x: x[0]):
            fh.write((r if isinstance(r, str) else json.dumps(r, separators=(",", ":"))) + "\n")
    if extra_lines:
        for fname, lines in extra_lines(t0, t_end).items():
            with open(os.path.join(d, "lss", fname), "w") as fh:
                for ln in lines:
                    fh.write(ln + "\n")

    # ---------- API ----------
    def api_conn(c):
        connected = c.final_connected if c.api_status is None else c.api_status == "ZPN_STATUS_AUTHENTICATED"
        lc = c.final_session
        ld = c.last_disc
        start_t = c.conn_start
        for e in sorted(c.events, key=lambda e: e[0]):
            if e[1] == "SETSTART":
                start_t = e[2]
        ver = c.version
        for e in sorted(c.events, key=lambda e: e[0]):
            if e[1] == "SETVER":
                ver = e[2]
        return {"id": c.id, "modifiedTime": str(lc), "creationTime": str(t0 - 200 * 86400), "modifiedBy": "-2",
                "name": c.name, "description": "", "enabled": True,
                "fingerprint": f"fp{c.id[-6:]}Qx/{c.name}=", "issuedCertId": str(880000 + int(c.id[-4:])),
                "expectedVersion": ver, "currentVersion": ver, "previousVersion": "25.31.2",
                "lastUpgradeTime": str(t0 - 20 * 86400), "expectedUpgradeTime": str(t0 - 20 * 86400),
                "upgradeStatus": "COMPLETE", "upgradeAttempt": "0",
                "controlChannelStatus": "ZPN_STATUS_AUTHENTICATED" if connected else "ZPN_STATUS_DISCONNECTED",
                "ctrlBrokerName": c.group["zen"],
                "lastBrokerConnectTime": str(lc), "lastBrokerConnectTimeDuration": dur(collected - lc),
                "lastBrokerDisconnectTime": str(ld), "lastBrokerDisconnectTimeDuration": dur(collected - ld),
                "sargeVersion": "18.66.2", "privateIp": c.private_ip, "publicIp": c.public_ip,
                "platform": "el9", "platformDetail": "ESXi", "runtimeOS": "Red Hat Enterprise Linux 9.5",
                "applicationStartTime": str(start_t), "latitude": str(c.group.get("lat", 48.1374)),
                "longitude": str(c.group.get("lon", 11.5755)), "location": c.group["location"],
                "provisioningKeyId": c.group["key_id"], "provisioningKeyName": c.group["key"],
                "enrollmentCert": {"id": "6573", "name": "Connector"},
                "appConnectorGroupId": c.group["id"], "appConnectorGroupName": c.group["name"],
                "microtenantName": "Default"}

    def sg_ref(g):
        return {"id": g["sg_id"], "name": g["sg"], "enabled": True, "dynamicDiscovery": True,
                "configSpace": "DEFAULT", "weight": "0", "passive": False}

    cg_list, key_list, sg_list, seg_list = [], [], [], []
    seg_id = base_id + 900
    for g in groups:
        cg_list.append({"id": g["id"], "modifiedTime": str(t0 - 30 * 86400), "creationTime": str(t0 - 300 * 86400),
                        "modifiedBy": "72058304855015555", "name": g["name"], "description": g.get("desc", ""),
                        "enabled": True, "versionProfileId": "0", "overrideVersionProfile": False,
                        "versionProfileName": "Default", "upgradeTimeInSecs": "7200", "upgradeDay": "SUNDAY",
                        "location": g["location"], "latitude": str(g.get("lat", 48.1374)),
                        "longitude": str(g.get("lon", 11.5755)), "cityCountry": g["location"],
                        "countryCode": g["country"], "dnsQueryType": "IPV4_IPV6", "tcpQuickAckApp": False,
                        "tcpQuickAckAssistant": False, "tcpQuickAckReadAssistant": False, "praEnabled": False,
                        "useInDrMode": False, "connectorGroupType": "APP", "wafDisabled": False,
                        "lssAppConnectorGroup": False, "enrollmentCertId": "6573", "readOnly": False,
                        "zscalerManaged": False, "microtenantName": "Default",
                        "serverGroups": [sg_ref(g)], "connectors": [api_conn(c) for c in g["conns"]]})
        key_list.append({"id": g["key_id"], "modifiedTime": str(t0 - 60 * 86400), "creationTime": str(t0 - 300 * 86400),
                         "modifiedBy": "72058304855015555", "name": g["key"], "associationType": "CONNECTOR_GRP",
                         "usageCount": str(len(g["conns"])), "maxUsage": "10", "zcomponentId": g["id"],
                         "zcomponentName": g["name"], "enabled": True, "exportable": False, "readOnly": False,
                         "zscalerManaged": False, "enrollmentCertId": "6573", "enrollmentCertName": "Connector",
                         "microtenantName": "Default"})
        apps = []
        for segname, domain, port in g["apps"]:
            seg_id += 1
            apps.append({"id": str(seg_id), "name": segname})
            seg_list.append({"id": str(seg_id), "modifiedTime": str(t0 - 40 * 86400), "creationTime": str(t0 - 280 * 86400),
                             "modifiedBy": "72058304855015555", "name": segname, "description": "", "enabled": True,
                             "domainNames": [domain], "tcpPortRanges": [str(port), str(port)],
                             "tcpPortRange": [{"from": str(port), "to": str(port)}],
                             "serverGroups": [sg_ref(g)], "segmentGroupId": str(base_id + 800),
                             "segmentGroupName": "Corp Apps", "healthReporting": "ON_ACCESS",
                             "healthCheckType": "DEFAULT", "bypassType": "NEVER", "icmpAccessType": "NONE",
                             "isCnameEnabled": True, "ipAnchored": False, "doubleEncrypt": False,
                             "matchStyle": "EXCLUSIVE", "tcpKeepAlive": "0", "passiveHealthEnabled": True,
                             "selectConnectorCloseToApp": False, "useInDrMode": False, "configSpace": "DEFAULT",
                             "microtenantName": "Default"})
        sg_list.append({"id": g["sg_id"], "modifiedTime": str(t0 - 50 * 86400), "creationTime": str(t0 - 290 * 86400),
                        "modifiedBy": "72058304855015555", "name": g["sg"], "description": "", "enabled": True,
                        "dynamicDiscovery": True, "ipAnchored": False, "configSpace": "DEFAULT",
                        "extranetEnabled": False, "weight": "0", "passive": False, "microtenantName": "Default",
                        "readOnly": False, "zscalerManaged": False, "servers": [],
                        "appConnectorGroups": [{"id": g["id"], "name": g["name"], "enabled": True,
                                                "versionProfileId": "0", "versionProfileName": "Default",
                                                "upgradeDay": "SUNDAY", "upgradeTimeInSecs": "7200",
                                                "location": g["location"], "latitude": str(g.get("lat", 48.1374)),
                                                "longitude": str(g.get("lon", 11.5755)), "dnsQueryType": "IPV4_IPV6",
                                                "connectorGroupType": "APP", "lssAppConnectorGroup": False,
                                                "enrollmentCertId": "6573"}],
                        "applications": apps})

    def w(fname, obj):
        with open(os.path.join(d, "api", fname), "w") as fh:
            json.dump(obj, fh, indent=2)
            fh.write("\n")

    w("connectors.json", page([api_conn(c) for c in conns]))
    w("connector-groups.json", page(cg_list))
    w("provisioning-keys.json", page(key_list))
    w("server-groups.json", page(sg_list))
    w("application-segments.json", page(seg_list))
    w("enrollment-certificates.json", page(certs()))
    case = {"cloud": "prod.zpath.net"}
    if case_extra:
        case.update(case_extra)
    case["collectedAt"] = iso(collected)
    with open(os.path.join(d, "case.json"), "w") as fh:
        json.dump(case, fh, indent=2)
        fh.write("\n")

    def flow(xs):
        return "[" + ", ".join(xs) + "]"
    lines = [f"description: {json.dumps(description)}"]
    if primary is not None:
        lines.append(f"primary: {primary}")
    lines.append(f"fires: {flow(fires)}")
    lines.append(f"must-not-fire: {flow(must_not)}")
    if severity:
        lines.append("severity: {" + ", ".join(f"{k}: {v}" for k, v in severity.items()) + "}")
    with open(os.path.join(d, "expected.yaml"), "w") as fh:
        fh.write("\n".join(lines) + "\n")
    return collected


# ---------------------------------------------------------------- tenant shapes
def G(name, key, n, location="Munich, Germany", country="DE", zen="DE-MUC-4120", sg=None, apps=None, lat=48.1374, lon=11.5755):
    return {"name": name, "key": key, "connectors": n, "location": location, "country": country, "zen": zen,
            "sg": sg or f"{name}-Servers", "apps": apps or [(f"{name} Intranet", f"intranet.{key.split('-')[0]}.corp.example.net", 443)],
            "lat": lat, "lon": lon}


# ---------------------------------------------------------------- helpers for series
R = random.Random(18)


def noisy(lo, hi):
    return lambda i, t: R.randint(lo, hi)


def window(cond, inside, outside):
    return lambda i, t: inside(i, t) if cond(i, t) else outside(i, t)


def last_minutes(t_end, minutes):
    return lambda i, t: t >= t_end - minutes * 60


NORMAL_CPU = noisy(18, 34)
NORMAL_MEM = noisy(41, 52)
NORMAL_PMEM = noisy(19, 27)
RES = ["ZPA-RES-010", "ZPA-RES-011", "ZPA-RES-012", "ZPA-RES-013", "ZPA-RES-014"]
ALL_TEL = RES + ["ZPA-APP-011", "ZPA-CON-008", "ZPA-NET-008", "ZPA-FLT-007"]


def minus(xs, *drop):
    return [x for x in xs if x not in drop]


def stable_base():
    return ["ZPA-FLT-001", "ZPA-UPG-006"]


SC = []


def scenario(fn):
    SC.append(fn)
    return fn


# ============================================================ RES-010
@scenario
def s1():
    def setup(c, t0, te):
        hot = last_minutes(te, 50)
        c["muc-dc1-key-1"].metrics["CPUUtilization"] = window(hot, noisy(86, 94), NORMAL_CPU)
    build("t-res-010-sustained-cpu",
          "muc-dc1-key-1 reports CPUUtilization 86-94 % in every App Connector Metrics record of the last 50 minutes "
          "(10 consecutive 5-minute samples, after two hours at 18-34 %), up to collectedAt: CPU above the runbook's 80 % "
          "sustained (RES-010). Its peer muc-dc1-key-2 stays at 18-34 %, so the group is not all hot (no FLT-007). "
          "Memory, disk, ports, descriptors and targets are normal.",
          [G("MUC-DC1", "muc-dc1-key", 2)], 3,
          ["ZPA-RES-010"], minus(ALL_TEL, "ZPA-RES-010") + stable_base(), primary="ZPA-RES-010", setup=setup)


@scenario
def s2():
    def setup(c, t0, te):
        c["fra-core-key-2"].metrics["CPUUtilization"] = lambda i, t: {27: 99, 28: 71}.get(i, R.randint(18, 34))
    build("t-res-010-single-spike-trap",
          "fra-core-key-2 spikes to 99 % in one Metrics sample (71 % in the next) and is at 18-34 % in the other 34 "
          "samples of three hours. One spike is not sustained CPU: no RES-010, and nothing else is wrong.",
          [G("FRA-Core", "fra-core-key", 2, location="Frankfurt, Germany", zen="DE-FRA-4410", lat=50.1109, lon=8.6821)], 3,
          [], ALL_TEL + stable_base(), setup=setup)


@scenario
def s3():
    def setup(c, t0, te):
        c["ams-dc-key-1"].metrics["CPUUtilization"] = noisy(72, 79)
        c["ams-dc-key-2"].metrics["CPUUtilization"] = noisy(70, 78)
    build("t-res-010-high-under-threshold-trap",
          "Both connectors of AMS-DC run hot for three hours, but every Metrics sample is 70-79 %, never above the "
          "runbook's 80 %: no RES-010 and no FLT-007 (the group is busy, not over the line).",
          [G("AMS-DC", "ams-dc-key", 2, location="Amsterdam, Netherlands", country="NL", zen="NL-AMS-2210", lat=52.37, lon=4.89)], 3,
          [], ALL_TEL + stable_base(), setup=setup)


@scenario
def s4():
    def setup(c, t0, te):
        c["lon-dc2-key-1"].metrics["CPUUtilization"] = window(lambda i, t: t0 + 45 * 60 <= t < t0 + 105 * 60,
                                                              noisy(87, 96), NORMAL_CPU)
    build("t-res-010-ended-hour-ago-trap",
          "lon-dc2-key-1 was above 80 % CPU for an hour (12 samples at 87-96 %, from 45 to 105 minutes into the window), "
          "then back to 18-34 % for the last 75 minutes before collectedAt. The episode is over: no open RES-010 at "
          "collection time (in watch mode it would have opened and resolved).",
          [G("LON-DC2", "lon-dc2-key", 2, location="London, United Kingdom", country="GB", zen="GB-LON-3310", lat=51.5, lon=-0.12)], 3,
          [], ALL_TEL + stable_base(), setup=setup)


@scenario
def s5():
    def setup(c, t0, te):
        c["vie-dc-key-1"].metrics["CPUUtilization"] = noisy(93, 97)
        c["vie-dc-key-2"].metrics["CPUUtilization"] = noisy(92, 96)
        c["vie-dc-key-1"].metrics["SystemMemoryUtilization"] = noisy(94, 96)
    build("t-res-010-too-few-samples-trap",
          "The LSS files cover only the last six minutes before collectedAt: two Metrics samples per connector, 5 minutes apart, all at 92-97 % "
          "CPU (and 94-96 % memory on vie-dc-key-1). Two samples five minutes apart are not a 15-minute window: the "
          "sustained checks cannot be decided, which is unknown, not a failure: no RES-010, no RES-011, no FLT-007 "
          "at WARNING or above (a not-evaluated note is fine).",
          [G("VIE-DC", "vie-dc-key", 2, location="Vienna, Austria", country="AT", zen="AT-VIE-1120", lat=48.2, lon=16.37)], 0.1,
          [], ALL_TEL + stable_base(), setup=setup)


# ============================================================ RES-011
@scenario
def s6():
    def setup(c, t0, te):
        hot = last_minutes(te, 90)
        c["zrh-dc-key-2"].metrics["SystemMemoryUtilization"] = window(hot, noisy(93, 96), NORMAL_MEM)
        c["zrh-dc-key-2"].metrics["ProcessMemoryUtilization"] = window(hot, noisy(84, 88), NORMAL_PMEM)
    build("t-res-011-connector-process-memory",
          "zrh-dc-key-2: SystemMemoryUtilization 93-96 % for the last 90 minutes (18 samples) and "
          "ProcessMemoryUtilization 84-88 % over the same samples: memory pressure held by the connector process "
          "itself (RES-011, naming the connector as the holder). CPU normal (no RES-010); the peer is normal (no FLT-007).",
          [G("ZRH-DC", "zrh-dc-key", 2, location="Zurich, Switzerland", country="CH", zen="CH-ZRH-1510", lat=47.37, lon=8.54)], 3,
          ["ZPA-RES-011"], minus(ALL_TEL, "ZPA-RES-011") + stable_base(), primary="ZPA-RES-011", setup=setup)


@scenario
def s7():
    def setup(c, t0, te):
        hot = last_minutes(te, 120)
        c["par-dc-key-1"].metrics["SystemMemoryUtilization"] = window(hot, noisy(92, 95), NORMAL_MEM)
        c["par-dc-key-1"].metrics["ProcessMemoryUtilization"] = noisy(10, 13)
    build("t-res-011-other-process-memory",
          "par-dc-key-1: SystemMemoryUtilization 92-95 % for the last two hours while ProcessMemoryUtilization stays "
          "10-13 %: the memory is held by something other than the connector (a third-party agent, the runbook's "
          "omiagent case). RES-011 fires and says another process holds it. CPU and the peer are normal.",
          [G("PAR-DC", "par-dc-key", 2, location="Paris, France", country="FR", zen="FR-PAR-2010", lat=48.85, lon=2.35)], 3,
          ["ZPA-RES-011"], minus(ALL_TEL, "ZPA-RES-011") + stable_base(), primary="ZPA-RES-011", setup=setup)


@scenario
def s8():
    def setup(c, t0, te):
        c["mad-dc-key-1"].metrics["SystemMemoryUtilization"] = lambda i, t: 96 if i == 20 else R.randint(44, 52)
        c["mad-dc-key-1"].metrics["ProcessMemoryUtilization"] = lambda i, t: 71 if i == 20 else R.randint(20, 26)
        c["mad-dc-key-2"].metrics["SystemMemoryUtilization"] = noisy(66, 71)
    build("t-res-011-memory-spike-trap",
          "mad-dc-key-1 shows one Metrics sample at 96 % system / 71 % process memory and 44-52 % in all others; "
          "mad-dc-key-2 sits at a steady 66-71 % (busy, not pressure). No RES-011, no FLT-007.",
          [G("MAD-DC", "mad-dc-key", 2, location="Madrid, Spain", country="ES", zen="ES-MAD-1010", lat=40.42, lon=-3.7)], 3,
          [], ALL_TEL + stable_base(), setup=setup)


# ============================================================ RES-012
@scenario
def s9():
    def setup(c, t0, te):
        def disk(i, t):
            if i < 12:
                return (400 - 28 * i) * MB + R.randint(-2, 2) * MB
            return R.randint(58, 66) * MB
        c["ham-dc-key-1"].metrics["AvailableDiskBytes"] = disk
    build("t-res-012-disk-under-floor",
          "ham-dc-key-1: AvailableDiskBytes fell from about 400 MB to about 70 MB in the first hour and has stayed at "
          "58-66 MB for the last two hours: under the runbook's 100 MB floor below which the connector auto-restarts "
          "(RES-012, CRITICAL like the host-side RES-005). It is already under the floor, so the 'heading there' "
          "forecast RES-013 does not apply.",
          [G("HAM-DC", "ham-dc-key", 2, location="Hamburg, Germany", zen="DE-HAM-1210", lat=53.55, lon=9.99)], 3,
          ["ZPA-RES-012"], minus(ALL_TEL, "ZPA-RES-012") + stable_base(), primary="ZPA-RES-012",
          severity={"ZPA-RES-012": "CRITICAL"}, setup=setup)


@scenario
def s10():
    def setup(c, t0, te):
        c["cgn-dc-key-2"].metrics["AvailableDiskBytes"] = lambda i, t: (318 + R.randint(-6, 6)) * MB
    build("t-res-012-low-but-steady-trap",
          "cgn-dc-key-2 has only 312-324 MB free disk in all 36 samples of three hours, with no trend: low, but above "
          "the 100 MB floor and not heading there. No RES-012, no RES-013.",
          [G("CGN-DC", "cgn-dc-key", 2, location="Cologne, Germany", zen="DE-CGN-1310", lat=50.94, lon=6.96)], 3,
          [], ALL_TEL + stable_base(), setup=setup)


# ============================================================ RES-013
@scenario
def s11():
    def setup(c, t0, te):
        c["stu-dc-key-1"].metrics["AvailableDiskBytes"] = lambda i, t: (2400 - 40 * i + R.randint(-3, 3)) * MB
    build("t-res-013-disk-falling",
          "stu-dc-key-1: AvailableDiskBytes falls by about 40 MB every 5 minutes, steadily, from 2.4 GB "
          "over three hours to about 1 GB (about 480 MB/h): at that rate it reaches the 100 MB restart floor in under two hours. "
          "Not yet under it: RES-013 fires, RES-012 does not.",
          [G("STU-DC", "stu-dc-key", 2, location="Stuttgart, Germany", zen="DE-STR-1410", lat=48.78, lon=9.18)], 3,
          ["ZPA-RES-013"], minus(ALL_TEL, "ZPA-RES-013") + stable_base(), primary="ZPA-RES-013", setup=setup)


@scenario
def s12():
    def setup(c, t0, te):
        c["dus-dc-key-1"].metrics["AvailableDiskBytes"] = lambda i, t: int((20480 - 0.5 * i) * MB)
    build("t-res-013-slow-decline-trap",
          "dus-dc-key-1's free disk declines monotonically, but by 0.5 MB per 5 minutes (6 MB/h) from 20 GB: it "
          "would take years to reach 100 MB. Steady decline alone is not RES-013 ('within hours'); no RES-012.",
          [G("DUS-DC", "dus-dc-key", 2, location="Dusseldorf, Germany", zen="DE-DUS-1610", lat=51.22, lon=6.77)], 3,
          [], ALL_TEL + stable_base(), setup=setup)


# ============================================================ RES-014
@scenario
def s13():
    def setup(c, t0, te):
        def fd(i, t):
            if t < te - 70 * 60:
                return 1100 + 2800 * i + R.randint(0, 50)
            return R.randint(63400, 64100)
        c["nue-dc-key-1"].metrics["ProcessUsedFileDescriptors"] = fd
    build("t-res-014-process-fd-exhaustion",
          "nue-dc-key-1: ProcessUsedFileDescriptors climbs steadily from about 1,100 over two hours and then sits at 63,400-64,100 of "
          "ProcessMaximumFileDescriptors 65,536 (97-98 %) for the last 70 minutes: the connector process is near "
          "descriptor exhaustion (RES-014, process file descriptors). System descriptors, ports, CPU, memory normal.",
          [G("NUE-DC", "nue-dc-key", 2, location="Nuremberg, Germany", zen="DE-NUE-1710", lat=49.45, lon=11.08)], 3,
          ["ZPA-RES-014"], minus(ALL_TEL, "ZPA-RES-014") + stable_base(), primary="ZPA-RES-014", setup=setup)


@scenario
def s14():
    def setup(c, t0, te):
        hot = last_minutes(te, 60)
        used = window(hot, lambda i, t: 27700 + (i * 37) % 90, lambda i, t: 3000 + 600 * i)
        c["prg-dc-key-2"].metrics["UsedTCPPortsIPv4"] = used
        c["prg-dc-key-2"].metrics["AvailablePorts"] = lambda i, t: 28232 - used(i, t)
    build("t-res-014-ephemeral-ports",
          "prg-dc-key-2: UsedTCPPortsIPv4 rises and holds at about 27,700-27,790 for the last hour while AvailablePorts "
          "drops to 440-530 (of an ephemeral range of 28,232): TCP source ports near exhaustion (RES-014, ports). "
          "File descriptors, CPU, memory and disk normal.",
          [G("PRG-DC", "prg-dc-key", 2, location="Prague, Czechia", country="CZ", zen="CZ-PRG-1010", lat=50.08, lon=14.43)], 3,
          ["ZPA-RES-014"], minus(ALL_TEL, "ZPA-RES-014") + stable_base(), primary="ZPA-RES-014", setup=setup)


@scenario
def s15():
    def setup(c, t0, te):
        c["waw-dc-key-1"].metrics["ProcessUsedFileDescriptors"] = noisy(36000, 39000)
        c["waw-dc-key-1"].metrics["SystemUsedFileDescriptors"] = noisy(380000, 420000)
        used = noisy(11500, 12500)
        c["waw-dc-key-2"].metrics["UsedTCPPortsIPv4"] = used
        c["waw-dc-key-2"].metrics["AvailablePorts"] = noisy(15700, 16700)
    build("t-res-014-moderate-usage-trap",
          "waw-dc-key-1 uses 36,000-39,000 of 65,536 process descriptors (55-60 %) and about 40 % of system "
          "descriptors; waw-dc-key-2 uses about 12,000 TCP ports with about 16,000 still available. Busy, but far "
          "from exhaustion: no RES-014.",
          [G("WAW-DC", "waw-dc-key", 2, location="Warsaw, Poland", country="PL", zen="PL-WAW-1010", lat=52.23, lon=21.01)], 3,
          [], ALL_TEL + stable_base(), setup=setup)


# ============================================================ APP-011
@scenario
def s16():
    def setup(c, t0, te):
        dead = last_minutes(te, 90)
        for n in ("bcn-dc-key-1", "bcn-dc-key-2"):
            c[n].metrics["AliveTargetCount"] = window(dead, lambda i, t: 11, lambda i, t: 14)
    build("t-app-011-dead-targets",
          "Both connectors of BCN-DC report TargetCount 14 and AliveTargetCount 11 in every Metrics sample of the "
          "last 90 minutes (14 of 14 before): three application servers are not alive from the connectors (APP-011, "
          "the telemetry form of the status block's alive_target check). No host files, so the host-side APP-010 "
          "cannot fire; the connectors are authenticated (no APP-009).",
          [G("BCN-DC", "bcn-dc-key", 2, location="Barcelona, Spain", country="ES", zen="ES-BCN-1110", lat=41.39, lon=2.17)], 3,
          ["ZPA-APP-011"], minus(ALL_TEL, "ZPA-APP-011") + stable_base() + ["ZPA-APP-010", "ZPA-APP-009"],
          primary="ZPA-APP-011", setup=setup)


@scenario
def s17():
    def setup(c, t0, te):
        c["lis-dc-key-1"].metrics["AliveTargetCount"] = lambda i, t: 12 if i == 22 else 14
    build("t-app-011-one-sample-dip-trap",
          "lis-dc-key-1 reports AliveTargetCount 12 of 14 in one Metrics sample and 14 of 14 in all others before and "
          "after (a health-check blip). Not a standing problem: no APP-011.",
          [G("LIS-DC", "lis-dc-key", 2, location="Lisbon, Portugal", country="PT", zen="PT-LIS-1010", lat=38.72, lon=-9.14)], 3,
          [], ALL_TEL + stable_base() + ["ZPA-APP-010"], setup=setup)


# ============================================================ CON-008
@scenario
def s18():
    def setup(c, t0, te):
        x = c["cph-dc-key-3"]
        d = te - 55 * 60
        x.events.append((d, "DISC"))
        for k in range(10):
            x.events.append((d + 240 + 300 * k, "FAIL"))
    build("t-con-008-auth-failures",
          "cph-dc-key-3 dropped 55 minutes before collectedAt and since then every reconnect attempt is logged as "
          "SessionStatus ZPN_STATUS_AUTH_FAILED in App Connector Status (10 failures, 5 minutes apart, none "
          "successful); the API shows it ZPN_STATUS_DISCONNECTED. Repeated authentication failures: CON-008 (with the "
          "CON-001 disconnected umbrella). The other two connectors of the group stay authenticated (no FLT-001, no "
          "FLT-005); there was no successful re-authentication, so this is not reconnect churn (no NET-008).",
          [G("CPH-DC", "cph-dc-key", 3, location="Copenhagen, Denmark", country="DK", zen="DK-CPH-1010", lat=55.68, lon=12.57)], 3,
          ["ZPA-CON-008", "ZPA-CON-001"], minus(ALL_TEL, "ZPA-CON-008") + stable_base() + ["ZPA-FLT-005"], setup=setup)


@scenario
def s19():
    def setup(c, t0, te):
        x = c["osl-dc-key-1"]
        x.events += [(t0 + 60 * 60, "DISC"), (t0 + 62 * 60, "FAIL"), (t0 + 67 * 60, "AUTH")]
    build("t-con-008-single-failure-trap",
          "osl-dc-key-1 disconnected once, 2 hours before collectedAt, had one ZPN_STATUS_AUTH_FAILED two minutes "
          "later and re-authenticated five minutes after that; authenticated since. One failure followed by success is "
          "not repeated failures (no CON-008) and one reconnect is not churn (no NET-008). API: authenticated.",
          [G("OSL-DC", "osl-dc-key", 2, location="Oslo, Norway", country="NO", zen="NO-OSL-1010", lat=59.91, lon=10.75)], 3,
          [], ALL_TEL + stable_base() + ["ZPA-CON-001"], setup=setup)


# ============================================================ NET-008
@scenario
def s20():
    def setup(c, t0, te):
        x = c["sto-dc-key-2"]
        t = t0 + 70 * 60
        while t < te - 8 * 60:
            x.events += [(t, "DISC"), (t + 95, "AUTH")]
            t += 14 * 60
    build("t-net-008-reconnect-churn",
          "sto-dc-key-2 authenticates and drops repeatedly: from 70 minutes into the window, a "
          "ZPN_STATUS_DISCONNECTED record every 14 minutes, each followed about 95 s later by a new "
          "ZPN_STATUS_AUTHENTICATED with a new TimestampAuthentication (8 cycles in under two hours, up to "
          "collectedAt), while ConnectorStartTime stays the same (the process does not restart: the network path "
          "flaps). NET-008. No AUTH_FAILED (no CON-008); it is authenticated at collection (no CON-001).",
          [G("STO-DC", "sto-dc-key", 2, location="Stockholm, Sweden", country="SE", zen="SE-STO-1010", lat=59.33, lon=18.07)], 3,
          ["ZPA-NET-008"], minus(ALL_TEL, "ZPA-NET-008") + stable_base() + ["ZPA-CON-001", "ZPA-FLT-005"],
          primary="ZPA-NET-008", setup=setup)


@scenario
def s21():
    def setup(c, t0, te):
        x = c["hel-dc-key-1"]
        x.events += [(t0 + 80 * 60, "DISC"), (t0 + 81 * 60 + 30, "AUTH")]
    build("t-net-008-single-reconnect-trap",
          "hel-dc-key-1 drops once and re-authenticates 90 s later; otherwise both connectors emit periodic "
          "ZPN_STATUS_AUTHENTICATED Status records every 20 minutes that repeat the same TimestampAuthentication "
          "(heartbeats of one session, not new authentications). One reconnect is not churn: no NET-008, no CON-008.",
          [G("HEL-DC", "hel-dc-key", 2, location="Helsinki, Finland", country="FI", zen="FI-HEL-1010", lat=60.17, lon=24.94)], 3,
          [], ALL_TEL + stable_base() + ["ZPA-CON-001"], setup=setup, heartbeat_min=20)


# ============================================================ FLT-007
@scenario
def s22():
    def setup(c, t0, te):
        hot = last_minutes(te, 75)
        c["fra-app-key-1"].metrics["CPUUtilization"] = window(hot, noisy(85, 93), NORMAL_CPU)
        c["fra-app-key-2"].metrics["CPUUtilization"] = window(hot, noisy(84, 92), NORMAL_CPU)
    build("t-flt-007-group-all-hot",
          "Both connectors of FRA-App report 84-93 % CPU in every sample of the last 75 minutes (15 samples each): "
          "each is RES-010 and, since every connector of the group is hot, the group needs capacity (FLT-007, "
          "add connectors). The second group FRA-Mgmt is normal.",
          [G("FRA-App", "fra-app-key", 2, location="Frankfurt, Germany", zen="DE-FRA-4410", lat=50.11, lon=8.68),
           G("FRA-Mgmt", "fra-mgmt-key", 2, location="Frankfurt, Germany", zen="DE-FRA-4410", lat=50.11, lon=8.68)], 3,
          ["ZPA-FLT-007", "ZPA-RES-010"], minus(ALL_TEL, "ZPA-FLT-007", "ZPA-RES-010") + stable_base(), setup=setup)


@scenario
def s23():
    def setup(c, t0, te):
        hot = last_minutes(te, 90)
        c["muc-edge-key-2"].metrics["CPUUtilization"] = window(hot, noisy(88, 95), NORMAL_CPU)
    build("t-flt-007-one-hot-of-three-trap",
          "In MUC-Edge (3 connectors) only muc-edge-key-2 is above 80 % CPU (88-95 % for 90 minutes): RES-010 for "
          "it, but its two peers are at 18-34 %, so the group is not all hot: no FLT-007.",
          [G("MUC-Edge", "muc-edge-key", 3)], 3,
          ["ZPA-RES-010"], minus(ALL_TEL, "ZPA-RES-010") + stable_base(), setup=setup)


# ============================================================ evidence problems
def ghost_records(names_groups):
    def gen(t0, te):
        out = []
        for gi, (cn, gn) in enumerate(names_groups):
            t = t0 + 33 + 41 * gi
            i = 0
            while t <= te:
                m = {"LogTimestamp": lsst(t), "Connector": cn, "ConnectorGroup": gn, "CPUUtilization": 97,
                     "SystemMemoryUtilization": 96, "ProcessMemoryUtilization": 88, "AppCount": 6, "ServiceCount": 9,
                     "TargetCount": 14, "AliveTargetCount": 3, "ActiveConnectionsToPublicSE": 1,
                     "DisconnectedConnectionsToPublicSE": 2, "UsedTCPPortsIPv4": 28100, "UsedUDPPortsIPv4": 12,
                     "UsedTCPPortsIPv6": 0, "UsedUDPPortsIPv6": 0, "AvailablePorts": 132,
                     "SystemMaximumFileDescriptors": 1048576, "SystemUsedFileDescriptors": 1040000,
                     "ProcessMaximumFileDescriptors": 65536, "ProcessUsedFileDescriptors": 65400,
                     "AvailableDiskBytes": (2000 - 50 * i) * MB if gi else 41 * MB, "MicroTenantID": "0"}
                out.append((t, "M", m))
                if i % 3 == 1:
                    s = {"LogTimestamp": lsst(t + 20), "Connector": cn, "ConnectorGroup": gn,
                         "SessionType": "ZPN_ASSISTANT_BROKER_CONTROL",
                         "SessionStatus": "ZPN_STATUS_AUTH_FAILED" if gi == 0 else "ZPN_STATUS_AUTHENTICATED",
                         "Version": "25.44.6", "Platform": "el9", "ZEN": "DE-MUC-4120", "PrivateIP": f"10.99.0.{5 + gi}",
                         "PublicIP": "192.0.2.99", "TimestampAuthentication": iso(t + 20), "TimestampUnAuthentication": iso(t + 20) if gi == 0 else "",
                         "CPUUtilization": 97, "MemUtilization": 96, "HostStartTime": t0 - 86400, "ConnectorStartTime": t0 - 86000}
                    out.append((t + 20, "S", s))
                    if gi == 1:
                        d = dict(s, LogTimestamp=lsst(t + 140), SessionStatus="ZPN_STATUS_DISCONNECTED",
                                 TimestampUnAuthentication=iso(t + 140))
                        out.append((t + 140, "S", d))
                t += 300
                i += 1
        return out
    return gen


@scenario
def s24():
    build("t-prb-unknown-connector-trap",
          "The LSS files hold, beside normal records for the two API connectors of MUC-DC1, a full three hours of "
          "records for two connectors the API does not know: muc-dc1-key-7 (same group name; 97 % CPU, 96 % memory, "
          "41 MB disk, 3 of 14 targets alive, ports and descriptors exhausted, repeated AUTH_FAILED) and ber-lab-1 in "
          "group BER-Lab (the same loads, disk falling, reconnect churn). They are counted and reported as evidence "
          "problems (PRB); none of the telemetry codes fires from them, and the two known connectors are healthy.",
          [G("MUC-DC1", "muc-dc1-key", 2)], 3,
          [], ALL_TEL + stable_base(), unknown_records=ghost_records([("muc-dc1-key-7", "MUC-DC1"), ("ber-lab-1", "BER-Lab")]))


def malformed(t0, te):
    out = []
    t = t0 + 150
    k = 0
    while t <= te:
        full = {"LogTimestamp": lsst(t), "Connector": "lyo-dc-key-1", "ConnectorGroup": "LYO-DC", "CPUUtilization": 98,
                "SystemMemoryUtilization": 97, "ProcessMemoryUtilization": 90, "TargetCount": 14, "AliveTargetCount": 2,
                "UsedTCPPortsIPv4": 28150, "AvailablePorts": 82, "ProcessMaximumFileDescriptors": 65536,
                "ProcessUsedFileDescriptors": 65500, "AvailableDiskBytes": 20 * MB}
        js = json.dumps(full, separators=(",", ":"))
        kind = k % 4
        if kind == 0:
            line = js[: len(js) * 2 // 3]                      # truncated mid-record
        elif kind == 1:
            line = js.replace('"CPUUtilization":98', '"CPUUtilization":"98%"').replace('"AvailableDiskBytes":20971520', '"AvailableDiskBytes":"low"')
            line = line.replace('"LogTimestamp":"', '"LogTimestamp":"not-a-time ')
        elif kind == 2:
            # a User Activity (zpn_trans_log) record: not one of the two connector log types
            line = json.dumps({"LogTimestamp": lsst(t), "ConnectionID": f"SJ{k:04d}x9", "Exporter": "unset",
                               "TimestampConnectionStart": iso(t - 2), "TimestampConnectionEnd": iso(t),
                               "Customer": "Example Corp", "Username": "a.user@example.net", "SessionID": f"S{k}",
                               "ConnectionStatus": "close", "InternalReason": "AST_MT_SETUP_ERR_NO_EPHEMERAL_PORT",
                               "Application": "LYO-DC Intranet", "AppGroup": "Corp Apps", "Connector": "lyo-dc-key-1",
                               "ConnectorIP": "10.40.0.21", "ServerIP": "10.40.9.10", "ServerPort": 443},
                              separators=(",", ":"))
        else:
            line = f"<134>1 {iso(t)} lss-recv zpa - - - CPUUtilization=98 Connector=lyo-dc-key-1 AvailableDiskBytes=20971520"
        out.append((t, "M", line))
        t += 300
        k += 1
    return out


@scenario
def s25():
    build("t-prb-malformed-lines-trap",
          "Between the valid Metrics records of lyo-dc-key-1 (normal: 18-34 % CPU, 41 GB free, 14 of 14 targets) the "
          "metrics file has one bad line every 5 minutes for three hours, all naming lyo-dc-key-1 with alarming values "
          "(98 % CPU, 20 MB disk, 2 of 14 targets, ports and descriptors exhausted): records cut mid-object, records "
          "with a text CPUUtilization/AvailableDiskBytes and an unparseable LogTimestamp, User Activity records "
          "(InternalReason AST_MT_SETUP_ERR_NO_EPHEMERAL_PORT: not one of the two connector log types) and syslog-"
          "style key=value lines. They are counted and reported (PRB) and no fact is taken from them: no telemetry "
          "code fires.",
          [G("LYO-DC", "lyo-dc-key", 2, location="Lyon, France", country="FR", zen="FR-LYO-1010", lat=45.76, lon=4.84)], 3,
          [], ALL_TEL + stable_base(), unknown_records=malformed)


# ============================================================ multi-fault
@scenario
def s26():
    def setup(c, t0, te):
        c["brq-dc-key-1"].metrics["CPUUtilization"] = window(last_minutes(te, 60), noisy(87, 95), NORMAL_CPU)
        c["brq-dc-key-2"].metrics["AvailableDiskBytes"] = lambda i, t: (3000 - 50 * i + R.randint(-4, 4)) * MB
    build("t-multi-cpu-and-disk-falling",
          "Two faults on the two connectors of BRQ-DC: brq-dc-key-1 at 87-95 % CPU for the last hour (RES-010); "
          "brq-dc-key-2's free disk falls 50 MB per 5 minutes from 3 GB to about 1.2 GB (about 600 MB/h, the 100 MB "
          "floor in under two hours: RES-013, not yet RES-012). Only one connector is hot (no FLT-007).",
          [G("BRQ-DC", "brq-dc-key", 2, location="Brno, Czechia", country="CZ", zen="CZ-PRG-1010", lat=49.2, lon=16.6)], 3,
          ["ZPA-RES-010", "ZPA-RES-013"], minus(ALL_TEL, "ZPA-RES-010", "ZPA-RES-013") + stable_base(), setup=setup)


@scenario
def s27():
    def setup(c, t0, te):
        x = c["bru-a-key-1"]
        t = t0 + 60 * 60
        while t < te - 10 * 60:
            x.events += [(t, "DISC"), (t + 70, "AUTH")]
            t += 12 * 60
        dead = last_minutes(te, 60)
        for n in ("bru-b-key-1", "bru-b-key-2"):
            c[n].metrics["AliveTargetCount"] = window(dead, lambda i, t: 10, lambda i, t: 14)
    build("t-multi-flapping-and-dead-targets",
          "Two groups, two faults: in BRU-A, bru-a-key-1 drops and re-authenticates every 12 minutes for the last two "
          "hours (NET-008, no AUTH_FAILED so no CON-008); in BRU-B both connectors report 10 of 14 targets alive for "
          "the last hour (APP-011). CPU, memory, disk, ports normal.",
          [G("BRU-A", "bru-a-key", 2, location="Brussels, Belgium", country="BE", zen="BE-BRU-1010", lat=50.85, lon=4.35),
           G("BRU-B", "bru-b-key", 2, location="Brussels, Belgium", country="BE", zen="BE-BRU-1010", lat=50.85, lon=4.35,
             apps=[("BRU-B ERP", "erp.bru.corp.example.net", 8443)])], 3,
          ["ZPA-NET-008", "ZPA-APP-011"], minus(ALL_TEL, "ZPA-NET-008", "ZPA-APP-011") + stable_base() + ["ZPA-CON-001"],
          setup=setup)


@scenario
def s28():
    def setup(c, t0, te):
        hot = last_minutes(te, 80)
        for n in ("dub-app-key-1", "dub-app-key-2"):
            c[n].metrics["SystemMemoryUtilization"] = window(hot, noisy(93, 96), NORMAL_MEM)
            c[n].metrics["ProcessMemoryUtilization"] = window(hot, noisy(80, 86), NORMAL_PMEM)
        c["dub-mgmt-key-1"].metrics["SystemUsedFileDescriptors"] = window(
            last_minutes(te, 60), noisy(1020000, 1030000), noisy(3000, 3600))
    build("t-multi-hot-memory-group-and-fd",
          "DUB-App: both connectors at 93-96 % system memory (80-86 % held by the connector process) for the last "
          "80 minutes: RES-011 for each and FLT-007 (every connector of the group hot on memory). DUB-Mgmt: "
          "dub-mgmt-key-1 uses 1,020,000-1,030,000 of 1,048,576 system file descriptors for the last hour (97-98 %): "
          "RES-014 (system descriptors). CPU and disk normal everywhere.",
          [G("DUB-App", "dub-app-key", 2, location="Dublin, Ireland", country="IE", zen="IE-DUB-1010", lat=53.35, lon=-6.26),
           G("DUB-Mgmt", "dub-mgmt-key", 2, location="Dublin, Ireland", country="IE", zen="IE-DUB-1010", lat=53.35, lon=-6.26,
             apps=[("DUB-Mgmt Jump", "jump.dub.corp.example.net", 22)])], 3,
          ["ZPA-RES-011", "ZPA-FLT-007", "ZPA-RES-014"],
          minus(ALL_TEL, "ZPA-RES-011", "ZPA-FLT-007", "ZPA-RES-014") + stable_base(), setup=setup)


if __name__ == "__main__":
    for fn in SC:
        fn()
    print(len(SC), "scenarios")
