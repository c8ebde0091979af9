#!/usr/bin/env python3
"""Independent literal reading of the catalog rules over the generated JSON, to check make.py's
expected.yaml is self-consistent (it is NOT the product). Prints rule hits not covered by
fires / explained-symptoms / may-fire, and must-not-fire entries that the literal rule would hit."""
import json, os, sys, yaml
from collections import defaultdict
from datetime import datetime, timezone
D = os.path.dirname(os.path.abspath(__file__))
AUTH = "ZPN_STATUS_AUTHENTICATED"
def load(t, f):
    j = json.load(open(os.path.join(D, t, "api", f)))
    return [x for p in (j if isinstance(j, list) else [j]) for x in p["list"]]
for t in sorted(x for x in os.listdir(D) if x.startswith("t") and os.path.isdir(os.path.join(D, x))):
    exp = yaml.safe_load(open(os.path.join(D, t, "expected.yaml")))
    now = int(datetime.strptime(exp["collectedAt"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp())
    C, G, K, S, A, E = (load(t, f) for f in ("connectors.json", "connector-groups.json", "provisioning-keys.json",
                                             "server-groups.json", "application-segments.json", "enrollment-certificates.json"))
    gby = {g["id"]: g for g in G}; sby = {s["id"]: s for s in S}
    byg = defaultdict(list)
    for c in C: byg[c["appConnectorGroupId"]].append(c)
    hits = set()
    serving = set()
    for a in A:
        if not a["enabled"]: continue
        if not a["serverGroups"]: hits.add(("ZPA-APP-004", a["id"])); continue
        for ref in a["serverGroups"]:
            s = sby[ref["id"]]
            if not s["enabled"]: hits.add(("ZPA-APP-005", s["id"])); continue
            if not s["appConnectorGroups"]: hits.add(("ZPA-APP-006", s["id"])); continue
            if not s["dynamicDiscovery"] and not s["servers"]: hits.add(("ZPA-APP-007", s["id"])); continue
            en = [gby[x["id"]] for x in s["appConnectorGroups"] if gby[x["id"]]["enabled"]]
            for x in s["appConnectorGroups"]: serving.add(x["id"])
            if not en: hits.add(("ZPA-APP-008", s["id"])); continue
            if not any(c["enabled"] and c["controlChannelStatus"] == AUTH for g in en for c in byg[g["id"]]):
                hits.add(("ZPA-APP-009", s["id"]))
    for gid in serving:
        if sum(1 for c in byg[gid] if c["enabled"] and c["controlChannelStatus"] == AUTH) < 2: hits.add(("ZPA-FLT-001", gid))
    for s in S:
        for x in s["appConnectorGroups"]:
            if not byg[x["id"]]: hits.add(("ZPA-FLT-002", x["id"]))
    for k in K:
        if int(k["usageCount"]) * 100 >= 80 * int(k["maxUsage"]): hits.add(("ZPA-FLT-003", k["id"]))
        if not k["enabled"]: hits.add(("ZPA-ENR-002", k["id"]))
    ips, fps = defaultdict(list), defaultdict(list)
    for c in C:
        if c["controlChannelStatus"] != AUTH:
            hits.add(("ZPA-CON-001", c["id"]))
            if now - int(c["lastBrokerDisconnectTime"]) > 30 * 86400: hits.add(("ZPA-FLT-004", c["id"]))
        if not c["enabled"]: hits.add(("ZPA-CON-005", c["id"]))
        if c["currentVersion"] != c["expectedVersion"]:
            if c["upgradeStatus"] != "IN_PROGRESS": hits.add(("ZPA-UPG-001", c["id"]))
        if c["upgradeStatus"] in ("FAILED", "PARTIAL_FAILURE") or int(c["upgradeAttempt"]) >= 3: hits.add(("ZPA-UPG-002", c["id"]))
        ips[(c["appConnectorGroupId"], c["privateIp"])].append(c); fps[c["fingerprint"]].append(c)
    for grp in list(ips.values()) + list(fps.values()):
        if len(grp) > 1 and any(c["controlChannelStatus"] != AUTH for c in grp):
            for c in grp:
                if c["controlChannelStatus"] != AUTH: hits.add(("ZPA-FLT-006", c["id"]))
    for g in G:
        cs = byg[g["id"]]
        if len({c["currentVersion"] for c in cs}) > 1: hits.add(("ZPA-UPG-006", g["id"]))
        if len(cs) >= 2 and all(c["controlChannelStatus"] != AUTH for c in cs):
            ts = [int(c["lastBrokerDisconnectTime"]) for c in cs]
            if max(ts) - min(ts) <= 900: hits.add(("ZPA-FLT-005", g["id"]))
    for e in E:
        if int(e["validToInEpochSec"]) - now < 30 * 86400: hits.add(("ZPA-HLT-002", e["id"]))
    covered = {(f["code"], f["subject"]) for f in exp["fires"]} | {(f["code"], f["subject"]) for f in exp["explained-symptoms"]} \
        | {(f["code"], f["subject"]) for f in exp["may-fire"]}
    never = {(f["code"], f["subject"]) for f in exp["must-not-fire"]}
    # literal CON-001 in disabled groups is deliberately must-not-fire
    print(t, "literal hits", len(hits))
    for h in sorted(hits - covered): print("  UNCOVERED literal hit", h, "(must-not-fire)" if h in never else "")
    for f in exp["fires"]:
        if (f["code"], f["subject"]) not in hits: print("  expected but literal rule silent", f["code"], f["subject"])
    ids = [c["id"] for c in C] + [g["id"] for g in G] + [s["id"] for s in S] + [a["id"] for a in A]
    assert len(ids) == len(set(ids)), "duplicate ids"
