"""Writes the rule scenarios (bundle + expected.yaml) under zpa-rules/src/test/resources/scenarios.

Run from the project root: python3 tools/gen-scenarios.py. Scenarios are data; this script keeps their
shared tenant in one place. Host files are built from the parser fixtures, so every host text is a real output.
"""
import json, os, re, copy, shutil, sys
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "zpa-rules", "src", "test", "resources", "scenarios")
def w(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        if isinstance(obj, str): f.write(obj)
        else: json.dump(obj, f, indent=2); f.write('\n')
def snake(k):
    if k == "runtimeOS": return "runtime_o_s"
    return re.sub(r'(?<!^)(?=[A-Z])', '_', k).lower()
def sn(o):
    if isinstance(o, dict): return {snake(k): sn(v) for k, v in o.items()}
    if isinstance(o, list): return [sn(x) for x in o]
    return o
T0 = 1795512600  # 2026-11-25T08:50:00Z... collectedAt below
COLLECTED = "2026-11-20T09:30:00Z"
NOW = 1763631000  # placeholder, unused

G1 = ("72058304855089990", "DC1-Frankfurt"); G2 = ("72058304855089991", "DC2-Amsterdam")
SG1 = ("72058304855090100", "DC1-Apps"); SG2 = ("72058304855090101", "HR-Servers")
S1 = ("72058304855090500", "Intranet"); S2 = ("72058304855090501", "Payroll")

def conn(id, name, g, ip, status="ZPN_STATUS_AUTHENTICATED", enabled=True, key=("58856", "dc1-acg-key"), disc=None):
    disc = disc or str(1794990000 - (int(id[-2:]) * 7200))
    c = {"id": id, "name": name, "enabled": enabled, "controlChannelStatus": status,
         "currentVersion": "25.44.6", "expectedVersion": "25.44.6", "upgradeStatus": "COMPLETE", "upgradeAttempt": "0",
         "lastBrokerConnectTime": "1795000000", "lastBrokerDisconnectTime": disc, "ctrlBrokerName": "DE-FRA-4410",
         "expectedUpgradeTime": "1795572000", "fingerprint": "fp-" + id[-4:] + "-Q0e3m5cV0H8l8Qm6yY2m4b7sVZ1y0aQ=",
         "privateIp": ip, "publicIp": "203.0.113.17", "platform": "el9", "runtimeOS": "Red Hat Enterprise Linux 9.5",
         "provisioningKeyId": key[0], "provisioningKeyName": key[1], "enrollmentCert": {"id": "6573", "name": "Connector"},
         "appConnectorGroupId": g[0], "appConnectorGroupName": g[1]}
    if status is None: del c["controlChannelStatus"]
    return c
def group(g, enabled=True): return {"id": g[0], "name": g[1], "enabled": enabled, "upgradeDay": "SUNDAY", "upgradeTimeInSecs": "7200", "versionProfileId": "0", "versionProfileName": "Default", "countryCode": "DE"}
def key(id, name, g, used, mx, enabled=True):
    return {"id": id, "name": name, "associationType": "CONNECTOR_GRP", "zcomponentId": g[0], "zcomponentName": g[1],
            "usageCount": str(used), "maxUsage": str(mx), "enabled": enabled, "enrollmentCertId": "6573",
            "provisioningKey": "3|api.private.zscaler.com|U2NlbmFyaW9LZXlNYXRlcmlhbE5vdFRvQmVQcmludGVk" + id + "-72058304855015424"}
def sg(s, groups, enabled=True, dyn=True, servers=[], apps=(), listed=True):
    o = {"id": s[0], "name": s[1], "enabled": enabled, "dynamicDiscovery": dyn,
         "appConnectorGroups": [{"id": g[0], "name": g[1]} for g in groups],
         "applications": [{"id": a[0], "name": a[1]} for a in apps]}
    if listed: o["servers"] = servers
    return o
def seg(s, domains, tcp, sgs, enabled=True, udp=()):
    flat = []
    for a, b in tcp: flat += [str(a), str(b)]
    o = {"id": s[0], "name": s[1], "enabled": enabled, "domainNames": domains, "tcpPortRanges": flat,
         "serverGroups": [{"id": x[0], "name": x[1]} for x in sgs]}
    if udp: o["udpPortRange"] = [{"from": str(a), "to": str(b)} for a, b in udp]
    return o

def base():
    return {
        "connectors": [conn("72058304855090011", "dc1-acg-key-1", G1, "10.20.30.40"),
                       conn("72058304855090012", "dc1-acg-key-2", G1, "10.20.30.41"),
                       conn("72058304855090021", "dc2-acg-key-1", G2, "10.40.50.60", key=("58857", "dc2-acg-key")),
                       conn("72058304855090022", "dc2-acg-key-2", G2, "10.40.50.61", key=("58857", "dc2-acg-key"))],
        "connector-groups": [group(G1), group(G2)],
        "provisioning-keys": [key("58856", "dc1-acg-key", G1, 2, 5), key("58857", "dc2-acg-key", G2, 2, 5)],
        "enrollment-certificates": [{"id": "6573", "name": "Connector", "validFromInEpochSec": "1619585839", "validToInEpochSec": "2092712239"}],
        "server-groups": [sg(SG1, [G1], apps=[S1]), sg(SG2, [G2], apps=[S2])],
        "application-segments": [seg(S1, ["intranet.corp.example.com"], [(443, 443)], [SG1]),
                                 seg(S2, ["payroll.corp.example.com"], [(8443, 8443)], [SG2])],
    }

def scenario(name, desc, case, t, expected, fmt="wire"):
    d = os.path.join(ROOT, name)
    if os.path.exists(d): shutil.rmtree(d)
    c = dict(case); c.setdefault("collectedAt", COLLECTED); c.setdefault("cloud", "prod.zpath.net")
    w(f"{d}/case.json", c if fmt != "snake" else sn(c))
    for k, v in t.items():
        if v is None: continue
        if fmt == "wire": out = v
        elif fmt == "page": out = {"totalPages": "1", "totalCount": str(len(v)), "list": v}
        elif fmt == "pages": out = [{"totalPages": "2", "totalCount": str(len(v)), "list": v[:len(v)//2]}, {"totalPages": "2", "totalCount": str(len(v)), "list": v[len(v)//2:]}]
        elif fmt == "snake": out = sn(v)
        w(f"{d}/api/{k}.json", out)
    if case.get("symptom") and not expected.get("hosts") and "ZPA-PRB-002" not in expected.get("not", []):
        expected = dict(expected); expected["fires"] = list(expected.get("fires", [])) + ["ZPA-PRB-002"]
    y = "description: " + json.dumps(desc) + "\n"
    y += "primary: " + (expected.get("primary") or "~") + "\n"
    y += "fires: [" + ", ".join(expected.get("fires", [])) + "]\n"
    y += "must-not-fire: [" + ", ".join(expected.get("not", [])) + "]\n"
    if expected.get("exactly"): y += "exactly: true\n"
    if expected.get("severity"): y += "severity: {" + ", ".join(k + ": " + v for k, v in expected["severity"].items()) + "}\n"
    w(f"{d}/expected.yaml", y)

ENR = ["ZPA-ENR-001", "ZPA-ENR-002", "ZPA-ENR-008", "ZPA-ENR-009"]
CON = ["ZPA-CON-001", "ZPA-CON-004", "ZPA-CON-005", "ZPA-CON-007"]
APP = ["ZPA-APP-00%d" % i for i in range(1, 10)]

# --- enrollment ---
t = base(); t["provisioning-keys"][0].update(usageCount="5", maxUsage="5")
scenario("enr-001-key-exhausted", "A VM named like the key's connectors cannot enroll; the key is used up.",
         {"symptom": "not-enrolling", "connector": "dc1-acg-key-3"}, t,
         {"primary": "ZPA-ENR-001", "fires": ["ZPA-ENR-001", "ZPA-ENR-008"], "not": ["ZPA-ENR-002", "ZPA-ENR-009"]}, "page")
t = base()
scenario("enr-001-key-has-room", "Not enrolling, but the group's key has enrollments left: no key finding.",
         {"symptom": "not-enrolling", "connector": "dc1-acg-key-3"}, t,
         {"primary": "ZPA-ENR-008", "fires": ["ZPA-ENR-008"], "not": ["ZPA-ENR-001", "ZPA-ENR-002", "ZPA-ENR-009"]}, "page")
t = base(); t["provisioning-keys"][1]["enabled"] = False
scenario("enr-002-key-disabled", "Connectors of a group fail to enroll; its key is disabled.",
         {"symptom": "not-enrolling", "connectorGroup": "DC2-Amsterdam"}, t,
         {"primary": "ZPA-ENR-002", "fires": ["ZPA-ENR-002", "ZPA-ENR-008"], "not": ["ZPA-ENR-001", "ZPA-ENR-009"]})
t = base(); t["provisioning-keys"][0]["enabled"] = False
scenario("enr-002-other-group-key-disabled", "A disabled key of another group is no cause for this group's enrollment.",
         {"symptom": "not-enrolling", "connectorGroup": "DC2-Amsterdam"}, t,
         {"primary": "ZPA-ENR-008", "fires": ["ZPA-ENR-008"], "not": ["ZPA-ENR-002", "ZPA-ENR-001"]})
t = base(); t["provisioning-keys"] = [t["provisioning-keys"][0]]
scenario("enr-009-group-without-key", "The group being enrolled into has no provisioning key at all.",
         {"symptom": "not-enrolling", "connectorGroup": "DC2-Amsterdam"}, t,
         {"primary": "ZPA-ENR-009", "fires": ["ZPA-ENR-009", "ZPA-ENR-008"], "not": ["ZPA-ENR-001", "ZPA-ENR-002"]}, "snake")
t = base(); t["provisioning-keys"] = []
scenario("enr-009-user-code-tenant", "A tenant enrolling with OAuth2 user codes has no keys: a missing key is no finding.",
         {"symptom": "not-enrolling", "connectorGroup": "DC2-Amsterdam"}, t,
         {"primary": "ZPA-ENR-008", "fires": ["ZPA-ENR-008"], "not": ["ZPA-ENR-009", "ZPA-ENR-001"]})
t = base(); t["provisioning-keys"][1].update(usageCount="5", maxUsage="5")
scenario("enr-unscoped-report", "Not enrolling, nothing named: every exhausted connector key is a suspect (snake_case export).",
         {"symptom": "not-enrolling"}, t,
         {"primary": "ZPA-ENR-001", "fires": ["ZPA-ENR-001", "ZPA-ENR-008"], "not": ["ZPA-ENR-002", "ZPA-ENR-009"]}, "snake")
t = base(); t["provisioning-keys"][0].update(usageCount="5", maxUsage="5")
scenario("enr-no-symptom-exhausted-key", "An exhausted key with nothing failing to enroll is no enrollment failure, only a fleet warning.",
         {}, t, {"primary": "ZPA-FLT-003", "fires": ["ZPA-FLT-003"], "not": ENR, "exactly": True})

# --- connector state ---
t = base(); t["connectors"][0]["controlChannelStatus"] = "ZPN_STATUS_DISCONNECTED"; t["connectors"][0]["lastBrokerDisconnectTime"] = "1795080600"
scenario("con-001-disconnected", "The reported connector lost its control connection a day before collection.",
         {"symptom": "disconnected", "connector": "dc1-acg-key-1"}, t,
         {"primary": "ZPA-CON-001", "fires": ["ZPA-CON-001", "ZPA-FLT-001"], "not": ["ZPA-CON-004", "ZPA-CON-005", "ZPA-CON-007", "ZPA-FLT-004"], "exactly": True}, "pages")
t = base(); t["connectors"][2]["controlChannelStatus"] = "ZPN_STATUS_DISCONNECTED"
scenario("con-001-other-connector-disconnected", "Another group's connector is down; the reported one is fine.",
         {"symptom": "disconnected", "connector": "dc1-acg-key-1"}, t,
         {"primary": None, "fires": [], "not": ["ZPA-CON-001"], "exactly": True})
t = base(); del t["connectors"][1]["controlChannelStatus"]
scenario("con-004-status-absent", "The API record of a connector has no control channel status.",
         {"connectorGroup": "DC1-Frankfurt"}, t,
         {"primary": "ZPA-CON-004", "fires": ["ZPA-CON-004"], "not": ["ZPA-CON-001", "ZPA-CON-005"]})
t = base(); t["connectors"][1]["controlChannelStatus"] = "FAILED"
scenario("con-004-unknown-status-value", "A status value this version does not know is reported with its raw text (snake_case).",
         {"connector": "dc1-acg-key-2"}, t,
         {"primary": "ZPA-CON-004", "fires": ["ZPA-CON-004"], "not": ["ZPA-CON-001"]}, "snake")
t = base(); t["connectors"][3].update(enabled=False, controlChannelStatus="ZPN_STATUS_DISCONNECTED")
scenario("con-005-connector-disabled", "A disabled connector is disconnected; the disabling is the cause.",
         {"symptom": "disconnected", "connector": "dc2-acg-key-2"}, t,
         {"primary": "ZPA-CON-005", "fires": ["ZPA-CON-005", "ZPA-CON-001"], "not": ["ZPA-CON-004", "ZPA-CON-007"]})
t = base(); t["connector-groups"][0]["enabled"] = False
scenario("con-007-group-disabled", "The reported group is disabled.",
         {"connectorGroup": "DC1-Frankfurt"}, t,
         {"primary": "ZPA-CON-007", "fires": ["ZPA-CON-007"], "not": ["ZPA-CON-001", "ZPA-CON-005"], "exactly": True})
t = base()
scenario("healthy-tenant", "Everything is healthy: nothing to report.", {}, t,
         {"primary": None, "fires": [], "not": ENR + CON + APP, "exactly": True}, "pages")

# --- application reachability ---
t = base()
scenario("app-001-no-segment", "No segment defines the host users type.",
         {"symptom": "app-unreachable", "application": "wiki.corp.example.com:443"}, t,
         {"primary": "ZPA-APP-001", "fires": ["ZPA-APP-001"], "not": ["ZPA-APP-002", "ZPA-APP-003", "ZPA-APP-009"]})
t = base(); t["application-segments"][1]["enabled"] = False
scenario("app-002-segment-disabled", "The segment covering host and port is disabled.",
         {"symptom": "app-unreachable", "application": "payroll.corp.example.com:8443"}, t,
         {"primary": "ZPA-APP-002", "fires": ["ZPA-APP-002"], "not": ["ZPA-APP-001", "ZPA-APP-003"]})
t = base(); t["application-segments"][1]["enabled"] = False
scenario("app-002-only-disabled-wrong-port", "Only a disabled segment matches the host, and not on this port.",
         {"symptom": "app-unreachable", "application": "payroll.corp.example.com:9443"}, t,
         {"primary": "ZPA-APP-002", "fires": ["ZPA-APP-002"], "not": ["ZPA-APP-001", "ZPA-APP-003"]}, "snake")
t = base()
scenario("app-003-port-outside", "The segment covers the host but not the port users need.",
         {"symptom": "app-unreachable", "application": "intranet.corp.example.com:8080"}, t,
         {"primary": "ZPA-APP-003", "fires": ["ZPA-APP-003"], "not": ["ZPA-APP-001", "ZPA-APP-002", "ZPA-APP-004"]})
t = base(); t["application-segments"][0]["serverGroups"] = []; t["server-groups"][0]["applications"] = []
scenario("app-004-no-server-group", "The serving segment names no server group.",
         {"symptom": "app-unreachable", "application": "intranet.corp.example.com:443"}, t,
         {"primary": "ZPA-APP-004", "fires": ["ZPA-APP-004"], "not": ["ZPA-APP-005", "ZPA-APP-009"]})
t = base(); t["application-segments"][0]["serverGroups"] = []
scenario("app-004-linked-from-server-group", "The link is recorded only on the server group's side: still a path.",
         {"symptom": "app-unreachable", "application": "intranet.corp.example.com:443"}, t,
         {"primary": None, "fires": [], "not": APP, "exactly": True})
t = base(); t["server-groups"][1]["enabled"] = False
scenario("app-005-server-group-disabled", "The segment's server group is disabled.",
         {"symptom": "app-unreachable", "application": "payroll.corp.example.com:8443"}, t,
         {"primary": "ZPA-APP-005", "fires": ["ZPA-APP-005"], "not": ["ZPA-APP-006", "ZPA-APP-008", "ZPA-APP-009"]}, "page")
t = base(); t["server-groups"][1]["appConnectorGroups"] = []
scenario("app-006-no-connector-group", "The server group names no connector group.",
         {"symptom": "app-unreachable", "application": "payroll.corp.example.com:8443"}, t,
         {"primary": "ZPA-APP-006", "fires": ["ZPA-APP-006"], "not": ["ZPA-APP-005", "ZPA-APP-009"]})
t = base(); t["server-groups"][1].update(dynamicDiscovery=False, servers=[])
scenario("app-007-no-discovery-no-servers", "Dynamic discovery is off and no servers are listed.",
         {"symptom": "app-unreachable", "application": "payroll.corp.example.com:8443"}, t,
         {"primary": "ZPA-APP-007", "fires": ["ZPA-APP-007"], "not": ["ZPA-APP-006", "ZPA-APP-009"]})
t = base(); t["server-groups"][1]["dynamicDiscovery"] = False; del t["server-groups"][1]["servers"]
scenario("app-007-servers-not-listed", "The SDK's export drops the servers list: without it, no verdict on servers.",
         {"symptom": "app-unreachable", "application": "payroll.corp.example.com:8443"}, t,
         {"primary": None, "fires": [], "not": APP, "exactly": True}, "snake")
t = base(); t["server-groups"][1].update(dynamicDiscovery=False, servers=[{"id": "901", "name": "payroll-01", "address": "10.40.9.10", "enabled": True}])
scenario("app-007-servers-listed", "Discovery off but servers listed: a valid server group.",
         {"symptom": "app-unreachable", "application": "payroll.corp.example.com:8443"}, t,
         {"primary": None, "fires": [], "not": APP, "exactly": True})
t = base(); t["connector-groups"][1]["enabled"] = False
scenario("app-008-connector-group-disabled", "The connector group behind the server group is disabled.",
         {"symptom": "app-unreachable", "application": "payroll.corp.example.com:8443"}, t,
         {"primary": "ZPA-APP-008", "fires": ["ZPA-APP-008", "ZPA-CON-007"], "not": ["ZPA-APP-009", "ZPA-APP-005"]})
t = base()
for c in t["connectors"][2:]: c["controlChannelStatus"] = "ZPN_STATUS_DISCONNECTED"
scenario("app-009-no-serving-connector", "Both connectors serving the segment are disconnected, hours apart.",
         {"symptom": "app-unreachable", "application": "payroll.corp.example.com:8443"}, t,
         {"primary": "ZPA-APP-009", "fires": ["ZPA-APP-009", "ZPA-CON-001", "ZPA-FLT-001"], "not": ["ZPA-APP-008", "ZPA-APP-001", "ZPA-FLT-005"]})
t = base(); t["connectors"][2]["controlChannelStatus"] = "ZPN_STATUS_DISCONNECTED"
scenario("app-009-one-connector-left", "One of two serving connectors is down: the application is still served.",
         {"symptom": "app-unreachable", "application": "payroll.corp.example.com:8443"}, t,
         {"primary": "ZPA-CON-001", "fires": ["ZPA-CON-001"], "not": APP})
t = base()
t["application-segments"][1]["enabled"] = False
t["application-segments"].append(seg(("72058304855090502", "Corp wildcard"), ["*.corp.example.com"], [(443, 443), (8443, 8443)], [SG2]))
scenario("app-wildcard-serves-when-exact-disabled", "An exact segment is disabled but an enabled wildcard covers host and port.",
         {"symptom": "app-unreachable", "application": "payroll.corp.example.com:8443"}, t,
         {"primary": None, "fires": [], "not": APP, "exactly": True})
t = base(); t["application-segments"].append(seg(("72058304855090503", "DC subnet"), ["10.40.0.0/16"], [(3389, 3389)], [SG2], udp=[(3389, 3389)]))
scenario("app-cidr-segment", "An application given by IP is covered by a CIDR segment.",
         {"symptom": "app-unreachable", "application": "10.40.9.20:3389"}, t,
         {"primary": None, "fires": [], "not": APP, "exactly": True}, "page")

UPG = ["ZPA-UPG-001", "ZPA-UPG-002", "ZPA-UPG-004", "ZPA-UPG-006"]
FLT = ["ZPA-FLT-00%d" % i for i in range(1, 7)]
PAST = "1794900000"    # ~3 days before collection
SOON = "1795572000"    # ~4.7 days after collection

# --- upgrade ---
t = base(); t["connectors"][1].update(currentVersion="25.31.2", expectedUpgradeTime=PAST)
scenario("upg-001-behind-version", "A connector missed its upgrade window and stayed on the old version.",
         {"symptom": "upgrade-failed", "connector": "dc1-acg-key-2"}, t,
         {"primary": "ZPA-UPG-001", "fires": ["ZPA-UPG-001", "ZPA-UPG-006"], "not": ["ZPA-UPG-002", "ZPA-UPG-004"]})
t = base(); t["connectors"][1].update(currentVersion="25.31.2", expectedUpgradeTime=SOON)
scenario("upg-001-upgrade-scheduled", "The version differs but the upgrade is scheduled for the next window.",
         {"connector": "dc1-acg-key-2"}, t,
         {"primary": "ZPA-UPG-006", "fires": ["ZPA-UPG-006"], "not": ["ZPA-UPG-001", "ZPA-UPG-002"], "exactly": True})
t = base(); t["connectors"][1].update(currentVersion="25.31.2", expectedUpgradeTime="1795160000", upgradeStatus="IN_PROGRESS", upgradeAttempt="1")
scenario("upg-001-upgrade-in-progress", "An upgrade running inside its window is not a connector left behind.",
         {"connector": "dc1-acg-key-2"}, t,
         {"primary": "ZPA-UPG-006", "fires": ["ZPA-UPG-006"], "not": ["ZPA-UPG-001", "ZPA-UPG-002"]}, "snake")
t = base(); t["connectors"][1].update(currentVersion="25.31.2", expectedUpgradeTime="1794000000", upgradeStatus="IN_PROGRESS")
scenario("upg-001-upgrade-stuck", "An upgrade 'in progress' for two weeks is stuck: the connector is behind.",
         {"connector": "dc1-acg-key-2"}, t,
         {"primary": "ZPA-UPG-001", "fires": ["ZPA-UPG-001"], "not": ["ZPA-UPG-002"]})
t = base(); t["connectors"][3].update(currentVersion="25.31.2", expectedUpgradeTime=PAST, upgradeStatus="FAILED", upgradeAttempt="3")
scenario("upg-002-upgrade-failed", "The upgrade failed three times; revert to the default software.",
         {"symptom": "upgrade-failed", "connector": "dc2-acg-key-2"}, t,
         {"primary": "ZPA-UPG-002", "fires": ["ZPA-UPG-002", "ZPA-UPG-006"], "not": ["ZPA-UPG-001", "ZPA-UPG-004"]}, "page")
t = base(); t["connectors"][3].update(currentVersion="25.31.2", expectedUpgradeTime=PAST, upgradeStatus="FAILED", upgradeAttempt="2", provisioningKeyId="58999", provisioningKeyName="dc2-old-key")
scenario("upg-004-key-deleted", "The connector's enrollment key was deleted: that is why its upgrade fails.",
         {"symptom": "upgrade-failed", "connector": "dc2-acg-key-2"}, t,
         {"primary": "ZPA-UPG-004", "fires": ["ZPA-UPG-004", "ZPA-UPG-002"], "not": ["ZPA-UPG-001"]})
t = base()
for c in t["connectors"]: del c["provisioningKeyId"]; del c["provisioningKeyName"]
scenario("upg-004-user-code-enrollment", "Connectors enrolled with OAuth2 user codes name no key: nothing was deleted.",
         {}, t, {"primary": None, "fires": [], "not": UPG, "exactly": True})
t = base(); t["provisioning-keys"] = None; t["connectors"][0]["provisioningKeyId"] = "1"
scenario("upg-004-keys-not-exported", "Without the key list the deleted-key check cannot be run.",
         {}, t, {"primary": None, "fires": [], "not": ["ZPA-UPG-004"], "exactly": True})

# --- health ---
t = base(); t["enrollment-certificates"][0]["validToInEpochSec"] = str(1795167000 + 10 * 86400)
scenario("hlt-002-ca-expiring", "The Connector enrollment CA expires in ten days.",
         {}, t, {"primary": "ZPA-HLT-002", "fires": ["ZPA-HLT-002"], "not": [], "exactly": True, "severity": {"ZPA-HLT-002": "WARNING"}})
t = base(); t["enrollment-certificates"][0]["validToInEpochSec"] = str(1795167000 - 3 * 86400)
scenario("hlt-002-ca-expired", "The Connector enrollment CA expired three days ago (CRITICAL).",
         {}, t, {"primary": "ZPA-HLT-002", "fires": ["ZPA-HLT-002"], "not": [], "exactly": True, "severity": {"ZPA-HLT-002": "CRITICAL"}}, "snake")
t = base(); t["enrollment-certificates"].append({"id": "6574", "name": "Client", "validToInEpochSec": str(1795167000 + 5 * 86400)})
scenario("hlt-002-unused-ca-expiring", "A CA nothing enrolls against may expire without harm to connectors.",
         {}, t, {"primary": None, "fires": [], "not": ["ZPA-HLT-002"], "exactly": True})

# --- fleet ---
t = base(); t["connector-groups"].append(group(("72058304855089992", "DC3-Paris")))
t["server-groups"][1]["appConnectorGroups"].append({"id": "72058304855089992", "name": "DC3-Paris"})
scenario("flt-002-group-without-connectors", "A server group relies on a connector group that has no connectors.",
         {}, t, {"primary": "ZPA-FLT-002", "fires": ["ZPA-FLT-002"], "not": ["ZPA-FLT-001"], "exactly": True})
t = base(); t["connector-groups"].append(group(("72058304855089992", "DC3-Spare")))
t["connectors"].append(conn("72058304855090031", "dc3-acg-key-1", ("72058304855089992", "DC3-Spare"), "10.60.0.10"))
scenario("flt-001-group-serving-nothing", "Groups that serve no segment need no spare; unused groups are not flagged.",
         {}, t, {"primary": None, "fires": [], "not": ["ZPA-FLT-001", "ZPA-FLT-002"], "exactly": True})
t = base(); t["provisioning-keys"][0].update(usageCount="7", maxUsage="10")
scenario("flt-003-key-below-threshold", "A key at 70 % of its maximum is below the 80 % warning.",
         {}, t, {"primary": None, "fires": [], "not": ["ZPA-FLT-003"], "exactly": True})
t = base(); t["connectors"][1].update(controlChannelStatus="ZPN_STATUS_DISCONNECTED", lastBrokerDisconnectTime=str(1795167000 - 45 * 86400), lastBrokerConnectTime=str(1795167000 - 46 * 86400))
t["connectors"].append(conn("72058304855090013", "dc1-acg-key-3", G1, "10.20.30.42"))
scenario("flt-004-disconnected-45-days", "A connector has been gone for 45 days: a delete candidate.",
         {}, t, {"primary": "ZPA-CON-001", "fires": ["ZPA-FLT-004", "ZPA-CON-001"], "not": ["ZPA-FLT-001", "ZPA-FLT-005"], "exactly": True})
t = base()
for c, d in zip(t["connectors"][2:], ["1795100000", "1795100420"]):
    c.update(controlChannelStatus="ZPN_STATUS_DISCONNECTED", lastBrokerDisconnectTime=d)
scenario("flt-005-site-outage", "Both connectors of a group dropped within seven minutes: a site cause.",
         {"symptom": "app-unreachable", "application": "payroll.corp.example.com:8443"}, t,
         {"primary": "ZPA-FLT-005", "fires": ["ZPA-FLT-005", "ZPA-APP-009", "ZPA-CON-001"], "not": ["ZPA-FLT-004"]}, "page")
t = base(); t["connectors"].append(conn("72058304855090019", "dc1-acg-key-9", G1, "10.20.30.77", status="ZPN_STATUS_DISCONNECTED"))
t["connectors"][-1]["fingerprint"] = t["connectors"][0]["fingerprint"]
scenario("flt-006-duplicate-fingerprint", "An old record of a re-enrolled VM shares its fingerprint with the live one.",
         {}, t, {"primary": "ZPA-FLT-006", "fires": ["ZPA-FLT-006", "ZPA-CON-001"], "not": ["ZPA-FLT-001"], "exactly": True})
t = base(); t["connectors"].append(conn("72058304855090018", "dc1-old", G1, "10.20.30.40", status="ZPN_STATUS_DISCONNECTED"))
scenario("flt-006-duplicate-address", "A stale record in the same group has the live connector's private address.",
         {"connectorGroup": "DC1-Frankfurt"}, t, {"primary": "ZPA-FLT-006", "fires": ["ZPA-FLT-006", "ZPA-CON-001"], "not": ["ZPA-FLT-001"], "exactly": True}, "snake")
t = base(); t["connectors"].append(conn("72058304855090028", "dc2-other-site", G2, "10.20.30.40", status="ZPN_STATUS_DISCONNECTED"))
t["connectors"].append(conn("72058304855090029", "dc2-acg-key-3", G2, "10.40.50.62"))
scenario("flt-006-same-address-other-group", "The same private address in another group is another network, not a duplicate.",
         {}, t, {"primary": "ZPA-CON-001", "fires": ["ZPA-CON-001"], "not": ["ZPA-FLT-006"], "exactly": True})

# ===================== host evidence =====================
FIX = os.path.join(HERE, "..", "zpa-client", "src", "test", "resources", "io", "zpadoctor", "client", "host") + "/"
def fx(path): return open(FIX + path).read()

def block(t, cid, name, cert=227, state="fohh_connection_connected", data=55, backed=0, apps=(33, 33), targets=(104, 74), skew="- 0.012783"):
    p = f"{t} ac-fra-1 zpa-connector-child[6123]: "
    return "".join(p + l + "\n" for l in [
        f"-------- Connector Status:ID={cid}:Name={name}:Ver=25.44.6 --------",
        f"Certificate will expire in {cert} days, 21 hours, 26 minutes, 13 seconds",
        f"Control connection state: {state}, [10.20.30.40]:42098;broker1b.fra4.prod.zpath.net:[165.225.72.38]:443",
        f"Broker data connection count = {data}, backed_off connections = {backed}",
        "Mtunnels: Total Created = 2447339, Total Freed = 2447203, Current Active = 136, Alloc = 887, Free_q_cnt = 751",
        f"Registered apps count = {apps[0]}, alive app = {apps[1]}, passive_health = {apps[0]}, service_count = 85, target_count = {targets[0]}, alive_target = {targets[1]}, aged_target = 0",
        f"Time skew: {skew}s"])

CID, CNAME = "72058304855090011", "dc1-acg-key-1"
def healthy_journal(**kw):
    return block("Nov 20 09:27:53", CID, CNAME, **kw) + \
        "Nov 20 09:28:14 ac-fra-1 zpa-connector-child[6123]: Received broker_redirect for control connection: [10.20.30.40]:42098;broker1b.fra4.prod.zpath.net:[165.225.72.38]:443;4\n" + \
        block("Nov 20 09:28:53", CID, CNAME, **kw)

TCP_OK = "$ for ip in $(dig +short co2br.prod.zpath.net); do timeout 5 bash -c \"</dev/tcp/$ip/443\" && echo \"$ip:443 open\" || echo \"$ip:443 failed\"; done\n165.225.72.38:443 open\n165.225.72.39:443 open\n"
PS_MEM_OK = """$ ps aux --sort=-pmem | head -5
USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND
zscaler    14216 31.2 22.6 2688728 845876 ?      Sl   Nov14 2950:00 zpa-connector-child
root         889  3.1  0.4 451484 16432 ?        Ssl  Nov14  41:15 /usr/bin/python3 -s /usr/sbin/firewalld --nofork --nopid
root       14206  0.5  0.3 451484 13432 ?        Ssl  Nov14   5:15 /opt/zscaler/bin/zpa-connector
root        1321  0.3  0.2 238740  9712 ?        Ss   Nov14   3:02 /usr/sbin/sshd -D
"""
PS_CPU_OK = PS_MEM_OK.replace("--sort=-pmem", "--sort=-pcpu")
DF_OK = """$ df -hP
Filesystem             Size  Used Avail Use% Mounted on
devtmpfs               4.0M     0  4.0M   0% /dev
tmpfs                  1.8G     0  1.8G   0% /dev/shm
/dev/mapper/rhel-root   60G   11G   50G  18% /
/dev/sda1             1014M  284M  731M  28% /boot
"""
IP = "$ hostname; ip -4 -o addr show\nac-fra-1\n1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever\n2: ens192    inet 10.20.30.40/24 brd 10.20.30.255 scope global noprefixroute ens192\\       valid_lft forever preferred_lft forever\n"

def healthy_host():
    return {
        "systemctl-status.txt": fx("systemctl-status/systemctl-healthy-rhel8.txt"),
        "journal.txt": healthy_journal(),
        "ps-cpu.txt": PS_CPU_OK, "ps-mem.txt": PS_MEM_OK,
        "lscpu.txt": fx("lscpu/lscpu-rhel9-kvm-sections-wrapped-flags.txt"),
        "free.txt": fx("free/free-m-rhel9.txt"), "df.txt": DF_OK,
        "du.txt": fx("du/du-xam-top20-journal-heavy.txt"),
        "memory-status.txt": fx("memory-status/memory-status-healthy.txt"),
        "dig-broker.txt": fx("dig/dig-noerror-cname-chain.txt"),
        "resolv-conf.txt": fx("resolv-conf/resolv-conf-rhel9-networkmanager.txt"),
        "tcp-broker.txt": TCP_OK, "tls-broker.txt": fx("openssl-s-client/openssl-zscaler-chain.txt"),
        "ping-broker.txt": fx("ping/ping-replies.txt"),
        "time-sync.txt": fx("time-sync/chronyc-tracking-synced-aws.txt"),
        "upgrade-reach.txt": fx("upgrade-reach/upgrade-reach-both-answer.txt"),
        "provision-key.txt": fx("provision-key/provision-key-stat-and-shape-ok.txt"),
        "opt-zscaler-var.txt": fx("opt-zscaler-var/ls-la-enrolled-healthy.txt"),
        "ip-addr.txt": IP,
    }

def host_scenario(name, desc, case, files, expected, tenant=None, fmt="wire", folder="ac-fra-1"):
    t = tenant or base()
    expected = dict(expected); expected["hosts"] = True
    scenario(name, desc, case, t, expected, fmt)
    d = os.path.join(ROOT, name, "hosts", folder)
    os.makedirs(d, exist_ok=True)
    for f, text in files.items():
        if text is not None:
            with open(os.path.join(d, f), "w") as o: o.write(text)

def h(**changes):
    files = healthy_host()
    for k, v in changes.items():
        files[k.replace("_", "-") + ".txt"] = v
    return files

HOSTCODES = ["ZPA-ENR-003", "ZPA-ENR-004", "ZPA-ENR-005", "ZPA-ENR-006", "ZPA-ENR-007", "ZPA-NET-001", "ZPA-NET-002",
             "ZPA-NET-003", "ZPA-NET-004", "ZPA-NET-005", "ZPA-NET-006", "ZPA-NET-007", "ZPA-CON-002", "ZPA-CON-003",
             "ZPA-CON-006", "ZPA-UPG-003", "ZPA-UPG-005", "ZPA-RES-001", "ZPA-RES-002", "ZPA-RES-003", "ZPA-RES-004",
             "ZPA-RES-005", "ZPA-RES-006", "ZPA-RES-007", "ZPA-RES-008", "ZPA-RES-009", "ZPA-APP-010", "ZPA-HLT-001",
             "ZPA-PRB-001", "ZPA-PRB-002"]

host_scenario("host-healthy", "A healthy connector VM, matched to its API connector by address: only the pass record.",
    {}, h(), {"primary": None, "fires": ["ZPA-HLT-003"], "not": HOSTCODES, "exactly": True})

# --- enrollment from the host ---
def enrolling_journal(extra):
    return "".join(l + "\n" for l in [
        "Nov 20 09:12:44 ac-fra-9 zpa-connector-child[3310]: Checking Enrollment",
        "Nov 20 09:12:44 ac-fra-9 zpa-connector-child[3310]: No valid certificate. Attempting to enroll",
        "Nov 20 09:12:44 ac-fra-9 zpa-connector-child[3310]: Enroll: Connecting to api.private.zscaler.com via co2br.prod.zpath.net."]) + extra
BAD_LOGIN = "Nov 20 09:12:45 ac-fra-9 zpa-connector-child[3310]: Login request failed - http status(401) nonce(<3|{host}|0/Z6lDTq8vFakeSecretKeyMaterialXyZ0123>) fingerprint(<oXaN4RRiMc...>)\nNov 20 09:12:45 ac-fra-9 zpa-connector-child[3310]: Certificate enrollment failed.\n"
NEW_VM = dict(systemctl_status=fx("systemctl-status/systemctl-activating-auto-restart.txt"), ip_addr=IP.replace("ac-fra-1", "ac-fra-9").replace("10.20.30.40", "10.20.30.49"))

t = base(); t["provisioning-keys"][1]["provisioningKey"] = "3|api-release.prod.zpath.net|T3RoZXJHcm91cEtleU1hdGVyaWFs-72058304855015424"
host_scenario("enr-003-key-of-another-group", "The new VM of DC1 was given DC2's key: its prefix matches only DC2's key.",
    {"symptom": "not-enrolling", "connector": "dc1-acg-key-3"},
    h(journal=enrolling_journal(BAD_LOGIN.format(host="api-release.prod.zpath.net")),
      provision_key="$ stat -c '%a %U %G %s' /opt/zscaler/var/provision_key\n644 root root 95\nshape: length=94 prefix=3|api-release.prod.zpath.net| quotes=none whitespace=none lines=1\n", **NEW_VM),
    {"primary": "ZPA-ENR-003", "fires": ["ZPA-ENR-003", "ZPA-ENR-004", "ZPA-ENR-008"], "not": ["ZPA-ENR-001", "ZPA-ENR-005"]},
    tenant=t, folder="ac-fra-9")
host_scenario("enr-004-key-copied-wrongly", "The cloud refuses the login and no key problem explains it: a mis-copied key.",
    {"symptom": "not-enrolling", "connector": "dc1-acg-key-3"},
    h(journal=enrolling_journal(BAD_LOGIN.format(host="api.private.zscaler.com")), **NEW_VM),
    {"primary": "ZPA-ENR-004", "fires": ["ZPA-ENR-004", "ZPA-ENR-008"], "not": ["ZPA-ENR-003", "ZPA-ENR-001", "ZPA-ENR-005"]},
    folder="ac-fra-9")
t = base(); t["provisioning-keys"][0].update(usageCount="5", maxUsage="5")
host_scenario("enr-004-explained-by-exhausted-key", "A 401 with the group's key used up: the exhausted key is the cause.",
    {"symptom": "not-enrolling", "connector": "dc1-acg-key-3"},
    h(journal=enrolling_journal(BAD_LOGIN.format(host="api.private.zscaler.com")), **NEW_VM),
    {"primary": "ZPA-ENR-001", "fires": ["ZPA-ENR-001", "ZPA-ENR-004", "ZPA-ENR-008"], "not": ["ZPA-ENR-003"]}, tenant=t, folder="ac-fra-9")
host_scenario("enr-005-key-file-unreadable", "The key file is mode 600 root: user zscaler cannot read it.",
    {"symptom": "not-enrolling", "connector": "dc1-acg-key-3"},
    h(journal=enrolling_journal("Nov 20 09:12:45 ac-fra-9 zpa-connector-child[3310]: Certificate enrollment failed.\n"),
      provision_key=fx("provision-key/provision-key-root-0600.txt"), **NEW_VM),
    {"primary": "ZPA-ENR-005", "fires": ["ZPA-ENR-005", "ZPA-ENR-008"], "not": ["ZPA-ENR-004", "ZPA-ENR-003"]}, folder="ac-fra-9")
host_scenario("enr-005-smart-quotes", "The key was pasted from a document with typographic quotes around it.",
    {"symptom": "not-enrolling", "connector": "dc1-acg-key-3"},
    h(journal=enrolling_journal("Nov 20 09:12:45 ac-fra-9 zpa-connector-child[3310]: Certificate enrollment failed.\n"),
      provision_key=fx("provision-key/provision-key-smart-quotes-trailing-space.txt"), **NEW_VM),
    {"primary": "ZPA-ENR-005", "fires": ["ZPA-ENR-005"], "not": ["ZPA-ENR-003"]}, folder="ac-fra-9")
host_scenario("enr-005-sound-key-on-healthy-vm", "A healthy enrolled VM with a sound key file: nothing about the key.",
    {"symptom": "not-enrolling", "connector": "dc1-acg-key-1"}, h(),
    {"primary": "ZPA-ENR-008", "fires": ["ZPA-ENR-008"], "not": ["ZPA-ENR-005", "ZPA-ENR-004", "ZPA-ENR-003", "ZPA-ENR-006"]})
t = base(); t["connectors"][0]["controlChannelStatus"] = "ZPN_STATUS_DISCONNECTED"
host_scenario("enr-006-clock-behind", "The VM's clock is 746 s behind and certificates are not yet valid to it.",
    {"symptom": "disconnected", "connector": "dc1-acg-key-1"},
    h(journal=fx("journal/journal-clock-skew-not-yet-valid.txt"), time_sync=fx("time-sync/chronyc-tracking-behind-746s.txt")),
    {"primary": "ZPA-ENR-006", "fires": ["ZPA-ENR-006", "ZPA-CON-001"], "not": ["ZPA-NET-001", "ZPA-NET-003", "ZPA-NET-004"]}, tenant=t)
host_scenario("enr-006-connector-measured-skew", "No time-sync probe, but the connector logged its own 737 s offset to the cloud.",
    {"connector": "dc1-acg-key-1"},
    h(journal=healthy_journal() + "Nov 20 09:12:45 ac-fra-1 zpa-connector-child[6123]: Connector- Time synchronized, Local time - 737.427447s = cloud_time\n",
      time_sync=None),
    {"primary": "ZPA-ENR-006", "fires": ["ZPA-ENR-006"], "not": ["ZPA-NET-001", "ZPA-PRB-001"]})
host_scenario("enr-006-connector-measured-small-skew", "The connector logged a 0.4 s offset to the cloud: normal.",
    {"connector": "dc1-acg-key-1"},
    h(journal=healthy_journal() + "Nov 20 09:12:45 ac-fra-1 zpa-connector-child[6123]: Connector- Time synchronized, Local time + 0.412000s = cloud_time\n",
      time_sync=None),
    {"primary": None, "fires": [], "not": ["ZPA-ENR-006"]})
host_scenario("enr-007-cloned-vm", "A VM cloned from an enrolled connector cannot decrypt its instance identity.",
    {"symptom": "disconnected", "connector": "dc1-acg-key-1"},
    h(journal=fx("journal/journal-cloned-vm-instance-id.txt"), systemctl_status=fx("systemctl-status/systemctl-parent-only.txt")),
    {"primary": "ZPA-ENR-007", "fires": ["ZPA-ENR-007", "ZPA-CON-003"], "not": ["ZPA-ENR-006", "ZPA-NET-001"]})

# --- network ---
t = base(); t["connectors"][0]["controlChannelStatus"] = "ZPN_STATUS_DISCONNECTED"
host_scenario("net-001-nxdomain", "The VM's DNS answers NXDOMAIN for the broker name; the connector is disconnected.",
    {"symptom": "disconnected", "connector": "dc1-acg-key-1"}, h(dig_broker=fx("dig/dig-nxdomain.txt")),
    {"primary": "ZPA-NET-001", "fires": ["ZPA-NET-001", "ZPA-CON-001"], "not": ["ZPA-NET-002", "ZPA-NET-003"]}, tenant=t)
host_scenario("net-001-dns-timeout", "No DNS server answers (dig times out).",
    {"connector": "dc1-acg-key-1"}, h(dig_broker=fx("dig/dig-timeout-no-servers.txt")),
    {"primary": "ZPA-NET-001", "fires": ["ZPA-NET-001"], "not": ["ZPA-NET-002"]})
host_scenario("net-002-resolv-conf-unreadable", "resolv.conf is mode 600: user zscaler cannot read its resolvers.",
    {"connector": "dc1-acg-key-1"}, h(resolv_conf=fx("resolv-conf/resolv-conf-not-world-readable.txt"),
      journal=fx("journal/journal-dns-resolver-permissions.txt")),
    {"primary": "ZPA-NET-002", "fires": ["ZPA-NET-002", "ZPA-NET-001"], "not": ["ZPA-NET-003"]})
host_scenario("net-002-no-nameserver", "resolv.conf names no nameserver.",
    {"connector": "dc1-acg-key-1"}, h(resolv_conf=fx("resolv-conf/resolv-conf-no-nameserver.txt")),
    {"primary": "ZPA-NET-002", "fires": ["ZPA-NET-002"], "not": []})
t = base(); t["connectors"][0]["controlChannelStatus"] = "ZPN_STATUS_DISCONNECTED"
host_scenario("net-003-tcp-443-blocked", "Outbound TCP 443 to every broker address fails.",
    {"symptom": "disconnected", "connector": "dc1-acg-key-1"},
    h(tcp_broker=fx("tcp-probe/tcp-bash-loop-one-refused-one-silent.txt").replace("165.225.72.38:443 open", "165.225.72.38:443 failed"), ping_broker=fx("ping/ping-100-percent-loss.txt")),
    {"primary": "ZPA-NET-003", "fires": ["ZPA-NET-003", "ZPA-CON-001"], "not": ["ZPA-NET-007", "ZPA-NET-001"],
     "severity": {"ZPA-NET-003": "CRITICAL"}}, tenant=t)
host_scenario("net-003-some-brokers-blocked", "One broker address answers, two do not: a warning.",
    {"connector": "dc1-acg-key-1"}, h(tcp_broker=fx("tcp-probe/nc-openbsd-ubuntu.txt")),
    {"primary": "ZPA-NET-003", "fires": ["ZPA-NET-003"], "not": [], "severity": {"ZPA-NET-003": "WARNING"}})
t = base(); t["connectors"][0]["controlChannelStatus"] = "ZPN_STATUS_DISCONNECTED"
host_scenario("net-004-ssl-inspection", "A corporate inspection CA re-signs the broker's certificate.",
    {"symptom": "disconnected", "connector": "dc1-acg-key-1"},
    h(tls_broker=fx("openssl-s-client/openssl-inspection-ca-self-signed.txt"), journal=fx("journal/journal-ssl-interception.txt")),
    {"primary": "ZPA-NET-004", "fires": ["ZPA-NET-004", "ZPA-CON-001"], "not": ["ZPA-NET-003", "ZPA-NET-001"]}, tenant=t)
FLAP = "".join(f"Nov 20 0{i}:28:22 ac-fra-1 zpa-connector-child[6123]: Broker control connection to Zscaler Cloud closed: [10.20.30.40]:45316;broker6-1.fra4.prod.zpath.net:[165.225.72.38]:443;4 FOHH_CLOSE_REASON_SOCKET_ERR\nNov 20 0{i}:28:23 ac-fra-1 zpa-connector-child[6123]: Broker control connection successfully connected to Zscaler Cloud: [10.20.30.40]:34572;broker6-1.fra4.prod.zpath.net:[165.225.72.38]:443;4\n" for i in (6, 7, 8))
host_scenario("net-005-control-flapping", "The control connection dropped three times with socket errors.",
    {"connector": "dc1-acg-key-1"}, h(journal=FLAP + healthy_journal()),
    {"primary": "ZPA-NET-005", "fires": ["ZPA-NET-005"], "not": ["ZPA-NET-006"]})
host_scenario("net-005-redirects-only", "Broker redirects and one uptime reset are normal, not flapping.",
    {"connector": "dc1-acg-key-1"}, h(journal=fx("journal/journal-2025-per-connection-lines.txt")),
    {"primary": None, "fires": [], "not": ["ZPA-NET-005"]})
host_scenario("net-006-data-backed-off", "Two data connections backed off in the latest status block.",
    {"connector": "dc1-acg-key-1"}, h(journal=healthy_journal(backed=2)),
    {"primary": "ZPA-NET-006", "fires": ["ZPA-NET-006"], "not": ["ZPA-NET-005", "ZPA-HLT-003"]})
host_scenario("net-007-icmp-filtered", "Ping gets no reply but TCP 443 and TLS work: not a cause.",
    {"connector": "dc1-acg-key-1"}, h(ping_broker=fx("ping/ping-100-percent-loss.txt")),
    {"primary": None, "fires": ["ZPA-NET-007", "ZPA-HLT-003"], "not": ["ZPA-NET-003"], "exactly": True})

# --- connector state from the host ---
host_scenario("con-002-deleted-in-portal", "The VM still runs as a connector the portal deleted.",
    {"connector": "ac-old-9"},
    h(journal=block("Nov 20 08:03:20", "72058304855090777", "ac-old-9", state="fohh_connection_backoff", data=0)
      + fx("journal/journal-deleted-in-portal-ansi-colours.txt").replace("Apr 02", "Nov 20"),
      ip_addr=IP.replace("10.20.30.40", "10.20.30.77")),
    {"primary": "ZPA-CON-002", "fires": ["ZPA-CON-002"], "not": ["ZPA-CON-001"]})
host_scenario("con-003-child-not-running", "The service runs but its worker process does not.",
    {"connector": "dc1-acg-key-1"}, h(systemctl_status=fx("systemctl-status/systemctl-parent-only.txt")),
    {"primary": "ZPA-CON-003", "fires": ["ZPA-CON-003"], "not": ["ZPA-CON-002"]})
host_scenario("con-003-service-failed", "The service failed and stays down.",
    {"connector": "dc1-acg-key-1"}, h(systemctl_status=fx("systemctl-status/systemctl-failed-rhel9.txt")),
    {"primary": "ZPA-CON-003", "fires": ["ZPA-CON-003"], "not": []})
host_scenario("con-006-paused-for-upgrade", "The connector paused for an upgrade that then crash-looped.",
    {"connector": "dc1-acg-key-1"}, h(journal=fx("journal/journal-pause-upgrade-noise-crash-loop.txt")),
    {"primary": "ZPA-UPG-005", "fires": ["ZPA-CON-006", "ZPA-UPG-005"], "not": ["ZPA-ENR-007"]})

# --- upgrade from the host ---
t = base(); t["connectors"][0].update(currentVersion="25.31.2", upgradeStatus="FAILED", upgradeAttempt="3")
host_scenario("upg-003-servers-unreachable", "The VM cannot resolve the software servers: that is why the upgrade failed.",
    {"symptom": "upgrade-failed", "connector": "dc1-acg-key-1"}, h(upgrade_reach=fx("upgrade-reach/upgrade-reach-dns-failure.txt")),
    {"primary": "ZPA-UPG-003", "fires": ["ZPA-UPG-003", "ZPA-UPG-002"], "not": ["ZPA-UPG-005"]}, tenant=t)
ONE_EXIT = healthy_journal() + "Nov 20 09:29:10 ac-fra-1 zpa-connector[1047]: zscaler-update: zpa-connector-child exited too fast, was running for 3 seconds\nNov 20 09:29:11 ac-fra-1 zpa-connector[1047]: zscaler-update: zpa-connector-child Started from /opt/zscaler/var/image.bin\n"
host_scenario("upg-005-one-restart-is-no-loop", "One fast exit followed by a clean start is a restart, not a crash loop.",
    {"connector": "dc1-acg-key-1"}, h(journal=ONE_EXIT),
    {"primary": None, "fires": [], "not": ["ZPA-UPG-005", "ZPA-UPG-003"]})

# --- resources ---
PS_CPU_HOT = PS_CPU_OK.replace("zscaler    14216 31.2", "zscaler    14216  352")
AGENT_CPU = """$ ps aux --sort=-pcpu | head -5
USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND
root        2231  381  4.2 1884312 160512 ?      Ssl  Nov14 9120:11 /opt/CrowdStrike/falcond
zscaler    14216 12.4 22.6 2688728 845876 ?      Sl   Nov14 2950:00 zpa-connector-child
root         889  3.1  0.4 451484 16432 ?        Ssl  Nov14  41:15 /usr/bin/python3 -s /usr/sbin/firewalld --nofork --nopid
root       14206  0.5  0.1 451484  3432 ?        Ssl  Nov14   5:15 /opt/zscaler/bin/zpa-connector
"""
host_scenario("res-001-connector-cpu", "zpa-connector-child uses 352 % of a 4-core VM: 88 % per core.",
    {"symptom": "high-cpu", "connector": "dc1-acg-key-1"}, h(ps_cpu=PS_CPU_HOT),
    {"primary": "ZPA-RES-001", "fires": ["ZPA-RES-001", "ZPA-RES-009"], "not": ["ZPA-RES-002"]})
host_scenario("res-001-busy-under-threshold", "312 % on 4 cores is 78 % per core: under the threshold.",
    {"symptom": "high-cpu", "connector": "dc1-acg-key-1"}, h(ps_cpu=fx("ps/ps-cpu-head5-connector-on-top.txt")),
    {"primary": None, "fires": [], "not": ["ZPA-RES-001", "ZPA-RES-002", "ZPA-RES-009"]})
host_scenario("res-002-security-agent-cpu", "A security agent, not the connector, uses the CPU.",
    {"symptom": "high-cpu", "connector": "dc1-acg-key-1"}, h(ps_cpu=AGENT_CPU),
    {"primary": "ZPA-RES-002", "fires": ["ZPA-RES-002"], "not": ["ZPA-RES-001", "ZPA-RES-009"]})
PS_MEM_HOT = PS_MEM_OK.replace("zscaler    14216 31.2 22.6", "zscaler    14216 31.2 76.4")
host_scenario("res-003-connector-memory", "The connector holds 76 % of the VM's memory.",
    {"symptom": "high-memory", "connector": "dc1-acg-key-1"}, h(ps_mem=PS_MEM_HOT),
    {"primary": "ZPA-RES-003", "fires": ["ZPA-RES-003", "ZPA-RES-009"], "not": ["ZPA-RES-004"]})
MEM_HOT = fx("memory-status/memory-status-healthy.txt").replace("Out: 65210 22127434 21.102mb", "Out: 65210 2936012800 2800.000mb")
host_scenario("res-003-allocator-holds-memory", "The connector's own allocator reports 2800 MB of a 3659 MB VM out.",
    {"symptom": "high-memory", "connector": "dc1-acg-key-1"}, h(memory_status=MEM_HOT),
    {"primary": "ZPA-RES-003", "fires": ["ZPA-RES-003"], "not": ["ZPA-RES-004"]})
host_scenario("res-004-agent-memory", "omiagent holds 84.7 % of the memory, the runbook's own example.",
    {"symptom": "high-memory", "connector": "dc1-acg-key-1"}, h(ps_mem=fx("ps/ps-mem-head5-third-party-agent.txt")),
    {"primary": "ZPA-RES-004", "fires": ["ZPA-RES-004"], "not": ["ZPA-RES-003"]})
host_scenario("res-005-disk-full", "64 MB left on the root filesystem, which holds /opt/zscaler.",
    {"symptom": "high-disk", "connector": "dc1-acg-key-1"}, h(df=fx("df/df-hP-rhel9-root-almost-full.txt")),
    {"primary": "ZPA-RES-005", "fires": ["ZPA-RES-005", "ZPA-RES-006", "ZPA-RES-007"], "not": []})
DF_OPT = """$ df -hP
Filesystem                 Size  Used Avail Use% Mounted on
/dev/mapper/rhel-root       14G   14G   64M 100% /
/dev/mapper/rhel-opt        40G  4.1G   36G  11% /opt
/dev/sda1                 1014M  284M  731M  28% /boot
"""
host_scenario("res-005-opt-on-its-own-disk", "/ is full but /opt/zscaler lives on its own filesystem with room.",
    {"connector": "dc1-acg-key-1"}, h(df=DF_OPT),
    {"primary": None, "fires": [], "not": ["ZPA-RES-005", "ZPA-RES-006"]})
DF_93 = DF_OK.replace("/dev/mapper/rhel-root   60G   11G   50G  18% /", "/dev/mapper/rhel-root   60G   56G  4.2G  93% /")
host_scenario("res-006-disk-above-limit", "The root filesystem is 93 % used but still has 4 GB free.",
    {"connector": "dc1-acg-key-1"}, h(df=DF_93),
    {"primary": "ZPA-RES-006", "fires": ["ZPA-RES-006", "ZPA-RES-007"], "not": ["ZPA-RES-005"]})
host_scenario("res-007-logs-big-but-disk-fine", "The journal is large but the disk has room: no cleanup finding.",
    {"connector": "dc1-acg-key-1"}, h(),
    {"primary": None, "fires": [], "not": ["ZPA-RES-007"]})
host_scenario("res-008-no-aes", "An Azure VM without AES-NI.", {"connector": "dc1-acg-key-1"},
    h(lscpu=fx("lscpu/lscpu-azure-no-aes.txt")), {"primary": "ZPA-RES-008", "fires": ["ZPA-RES-008"], "not": []})
host_scenario("res-008-one-cpu-2gb", "A VM with one CPU and 1.8 GB of RAM.", {"connector": "dc1-acg-key-1"},
    h(lscpu=fx("lscpu/lscpu-rhel8-vmware-flat-one-cpu.txt"),
      free=fx("free/free-m-rhel9.txt").replace("3659        2480         198          17        1226        1178", "1800        1280         198          17         322         378")),
    {"primary": "ZPA-RES-008", "fires": ["ZPA-RES-008"], "not": []})

# --- reachability and health from the status block ---
host_scenario("app-010-apps-not-alive", "The connector sees 31 of its 33 applications alive.",
    {"symptom": "app-unreachable", "connector": "dc1-acg-key-1"}, h(journal=healthy_journal(apps=(33, 31))),
    {"primary": "ZPA-APP-010", "fires": ["ZPA-APP-010"], "not": ["ZPA-HLT-003", "ZPA-NET-006"]})
host_scenario("hlt-001-certificate-expiring", "The connector's certificate expires in 12 days.",
    {"connector": "dc1-acg-key-1"}, h(journal=healthy_journal(cert=12)),
    {"primary": "ZPA-HLT-001", "fires": ["ZPA-HLT-001"], "not": ["ZPA-HLT-003"]})

# --- evidence problems ---
host_scenario("prb-001-garbled-file", "free.txt holds garbage; the rest of the VM's evidence is still diagnosed.",
    {"connector": "dc1-acg-key-1"}, h(free=fx("free/free-m-value-not-a-number.txt"), tcp_broker=fx("tcp-probe/nc-openbsd-ubuntu.txt")),
    {"primary": "ZPA-NET-003", "fires": ["ZPA-PRB-001", "ZPA-NET-003"], "not": ["ZPA-RES-008"]})
host_scenario("prb-001-wrong-command", "ps-cpu.txt holds systemctl output by mistake.",
    {"connector": "dc1-acg-key-1"}, h(ps_cpu=fx("systemctl-status/systemctl-healthy-rhel8.txt")),
    {"primary": None, "fires": ["ZPA-PRB-001"], "not": ["ZPA-RES-001"]})
files = h(); del files["ps-cpu.txt"]
host_scenario("prb-002-evidence-missing", "High CPU reported, but the bundle has no ps output.",
    {"symptom": "high-cpu", "connector": "dc1-acg-key-1"}, files,
    {"primary": None, "fires": ["ZPA-PRB-002"], "not": ["ZPA-RES-001", "ZPA-PRB-001"]})
