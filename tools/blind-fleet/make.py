#!/usr/bin/env python3
"""Generate blind fleet test tenants (seeded, reproducible).

Usage: python3 make.py            # writes t040-*, t080-*, t150-*, t300-* next to this file

Each tenant is a support bundle: api/*.json (ZPA wire shape: strings for numbers, epoch-second
strings, controlChannelStatus for health) plus case.json (collectedAt only) and expected.yaml.
Written blind: from catalog.md, zpa-domain.md, the runbook seed and issue 16 only.
"""
import json
import os
import random
from datetime import datetime, timezone

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))

V_DEFAULT = "25.44.6"
V_PREV = "25.31.2"
V_NEW = "25.50.1"
CERT_ROOT, CERT_CLIENT, CERT_CONN, CERT_SE = "6571", "6572", "6573", "6574"
DAY = 86400


def dur(sec):
    sec = max(0, int(sec))
    d, r = divmod(sec, DAY)
    h, r = divmod(r, 3600)
    m, s = divmod(r, 60)
    if d:
        return "%02dd %02dh %02dm %02ds" % (d, h, m, s)
    return "%02dh %02dm %02ds" % (h, m, s)


class Tenant:
    def __init__(self, name, size, seed, collected_at, rep, cert_mode):
        self.name, self.size, self.rep, self.cert_mode = name, size, rep, cert_mode
        self.rnd = random.Random(seed)
        self.collected_at = collected_at
        self.now = int(datetime.strptime(collected_at, "%Y-%m-%dT%H:%M:%SZ")
                       .replace(tzinfo=timezone.utc).timestamp())
        base = 72058304855000000 + seed * 1000000
        self.ids = {"grp": base + 100000, "sg": base + 200000, "seg": base + 300000,
                    "con": base + 400000, "key": 40000 + seed * 1000}
        self.groups, self.sgs, self.segs, self.keys = [], [], [], []
        self.conns = []             # all connector dicts
        self.fires, self.explained, self.may, self.mustnot = [], [], [], []
        self.ipn = 0
        self.site_n = 0
        self.seg_n = 0

    # ---------- id / value helpers ----------
    def nid(self, kind):
        self.ids[kind] += self.rnd.randint(1, 7)
        return str(self.ids[kind])

    def next_ip(self):
        self.ipn += 1
        return "10.%d.%d.%d" % (40 + self.ipn // 200, (self.ipn // 50) % 4 * 10 + 10, 10 + self.ipn % 50 * 4)

    def fp(self):
        return "".join(self.rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
                       for _ in range(43)) + "="

    def ago(self, lo, hi):
        return self.now - self.rnd.randint(int(lo), int(hi))

    # ---------- object builders ----------
    def group(self, label, enabled=True, profile=("0", "Default"), key_usage=None, key_enabled=True):
        self.site_n += 1
        sites = [("Frankfurt, Germany", "50.1109", "8.6821", "Frankfurt, DE", "DE"),
                 ("Dallas, US", "32.7767", "-96.7970", "Dallas, US", "US"),
                 ("Singapore", "1.3521", "103.8198", "Singapore, SG", "SG"),
                 ("London, UK", "51.5072", "-0.1276", "London, GB", "GB"),
                 ("Sao Paulo, Brazil", "-23.5505", "-46.6333", "Sao Paulo, BR", "BR")]
        loc = sites[self.site_n % len(sites)]
        gid = self.nid("grp")
        name = "%s-%02d" % (label, self.site_n)
        g = {"id": gid, "modifiedTime": str(self.ago(40 * DAY, 200 * DAY)),
             "creationTime": str(self.ago(300 * DAY, 700 * DAY)), "modifiedBy": "72058304855015555",
             "name": name, "description": label, "enabled": enabled,
             "versionProfileId": profile[0], "overrideVersionProfile": profile[0] != "0",
             "versionProfileName": profile[1], "upgradeTimeInSecs": "7200", "upgradeDay": "SUNDAY",
             "location": loc[0], "latitude": loc[1], "longitude": loc[2], "cityCountry": loc[3],
             "countryCode": loc[4], "dnsQueryType": "IPV4_IPV6", "tcpQuickAckApp": False,
             "tcpQuickAckAssistant": False, "tcpQuickAckReadAssistant": False, "praEnabled": False,
             "useInDrMode": False, "connectorGroupType": "APP", "wafDisabled": False,
             "lssAppConnectorGroup": False, "enrollmentCertId": CERT_CONN, "readOnly": False,
             "zscalerManaged": False, "microtenantName": "Default", "serverGroups": [], "connectors": []}
        self.groups.append(g)
        kid = self.nid("key")
        g["_key"] = {"id": kid, "modifiedTime": str(self.ago(50 * DAY, 250 * DAY)),
                     "creationTime": str(self.ago(320 * DAY, 720 * DAY)), "modifiedBy": "72058304855015555",
                     "name": name.lower() + "-key", "associationType": "CONNECTOR_GRP",
                     "usageCount": None, "maxUsage": None, "zcomponentId": gid, "zcomponentName": name,
                     "enabled": key_enabled, "exportable": False, "readOnly": False, "zscalerManaged": False,
                     "enrollmentCertId": CERT_CONN, "enrollmentCertName": "Connector", "microtenantName": "Default"}
        g["_key_usage"] = key_usage      # (usage, max) or None = derived healthy
        self.keys.append(g["_key"])
        g["_n"] = 0
        g["_ver"] = V_NEW if profile[0] == "2" else V_DEFAULT
        return g

    def conn(self, g, status="ZPN_STATUS_AUTHENTICATED", disc_at=None, enabled=True, cur=None, exp=None,
             upg="COMPLETE", attempt="0", ip=None, fp=None, created=None):
        g["_n"] += 1
        cid = self.nid("con")
        key = g["_key"]
        exp = exp or g["_ver"]
        cur = cur or exp
        if status == "ZPN_STATUS_AUTHENTICATED":
            connect = self.ago(3600, 9 * DAY)
            disconnect = connect - self.rnd.randint(10, 120)
        else:
            disconnect = disc_at
            connect = disconnect - self.rnd.randint(2 * DAY, 20 * DAY)
        created = created or self.ago(200 * DAY, 600 * DAY)
        c = {"id": cid, "modifiedTime": str(max(connect, disconnect)), "creationTime": str(created),
             "modifiedBy": "-2", "name": "%s-%d" % (key["name"], g["_n"]), "description": "",
             "enabled": enabled, "fingerprint": fp or self.fp(), "issuedCertId": str(880000 + int(cid) % 100000),
             "expectedVersion": exp, "currentVersion": cur,
             "previousVersion": V_PREV if cur != V_PREV else "25.18.1",
             "lastUpgradeTime": str(self.ago(30 * DAY, 90 * DAY)), "expectedUpgradeTime": str(self.ago(20 * DAY, 25 * DAY)),
             "upgradeStatus": upg, "upgradeAttempt": attempt, "controlChannelStatus": status,
             "ctrlBrokerName": "DE-FRA-4410",
             "lastBrokerConnectTime": str(connect), "lastBrokerConnectTimeDuration": dur(self.now - connect),
             "lastBrokerDisconnectTime": str(disconnect), "lastBrokerDisconnectTimeDuration": dur(self.now - disconnect),
             "sargeVersion": "18.66.2", "privateIp": ip or self.next_ip(), "publicIp": "203.0.113.%d" % (10 + self.site_n % 200),
             "platform": "el9", "platformDetail": "ESXi", "runtimeOS": "Red Hat Enterprise Linux 9.5",
             "applicationStartTime": str(connect - 40), "latitude": g["latitude"], "longitude": g["longitude"],
             "location": g["location"], "provisioningKeyId": key["id"], "provisioningKeyName": key["name"],
             "enrollmentCert": {"id": CERT_CONN, "name": "Connector"},
             "appConnectorGroupId": g["id"], "appConnectorGroupName": g["name"], "microtenantName": "Default"}
        g["connectors"].append(c)
        self.conns.append(c)
        return c

    def healthy(self, g, n):
        return [self.conn(g) for _ in range(n)]

    def sg(self, groups, enabled=True, dd=True, servers=0, label="apps"):
        sid = self.nid("sg")
        s = {"id": sid, "modifiedTime": str(self.ago(30 * DAY, 200 * DAY)),
             "creationTime": str(self.ago(300 * DAY, 700 * DAY)), "modifiedBy": "72058304855015555",
             "name": "SG-%s-%s" % (label, sid[-4:]), "description": "", "enabled": enabled,
             "dynamicDiscovery": dd, "ipAnchored": False, "configSpace": "DEFAULT", "extranetEnabled": False,
             "weight": "0", "passive": False, "microtenantName": "Default", "readOnly": False,
             "zscalerManaged": False, "servers": [], "appConnectorGroups": [], "applications": [],
             "_groups": groups}
        for i in range(servers):
            s["servers"].append({"id": str(int(sid) + 50000 + i), "name": "srv-%s-%d" % (sid[-4:], i),
                                 "address": "10.99.%d.%d" % (int(sid) % 200, 10 + i), "enabled": True,
                                 "configSpace": "DEFAULT"})
        self.sgs.append(s)
        return s

    def seg(self, sgs, enabled=True, label="app"):
        self.seg_n += 1
        sid = self.nid("seg")
        port = self.rnd.choice(["443", "8443", "22", "3389", "1433"])
        s = {"id": sid, "modifiedTime": str(self.ago(10 * DAY, 200 * DAY)),
             "creationTime": str(self.ago(300 * DAY, 700 * DAY)), "modifiedBy": "72058304855015555",
             "name": "%s-%03d" % (label, self.seg_n), "description": "", "enabled": enabled,
             "domainNames": ["%s-%03d.corp.example.com" % (label, self.seg_n)],
             "tcpPortRanges": [port, port], "tcpPortRange": [{"from": port, "to": port}],
             "serverGroups": [], "segmentGroupId": "72058304855090400", "segmentGroupName": "Corp Apps",
             "healthReporting": "ON_ACCESS", "healthCheckType": "DEFAULT", "bypassType": "NEVER",
             "icmpAccessType": "NONE", "isCnameEnabled": True, "ipAnchored": False, "doubleEncrypt": False,
             "matchStyle": "EXCLUSIVE", "tcpKeepAlive": "0", "passiveHealthEnabled": True,
             "selectConnectorCloseToApp": False, "useInDrMode": False, "configSpace": "DEFAULT",
             "microtenantName": "Default", "_sgs": sgs}
        self.segs.append(s)
        return s

    def segs_for(self, sgobj, n, label="app", enabled=True):
        return [self.seg([sgobj], enabled=enabled, label=label) for _ in range(n)]

    # ---------- expectations ----------
    def fire(self, code, subject, severity, stype, why, affected=None, alt=None):
        e = {"code": code, "subject": subject, "subject-type": stype, "severity": severity}
        if affected is not None:
            e["affected-segments"] = [s["id"] for s in affected]
        if alt:
            e["also-accept-subject"] = alt
        e["why"] = why
        self.fires.append(e)

    def under(self, code, subject, cause_code, cause_subject, why, affected=None):
        e = {"code": code, "subject": subject, "under": {"code": cause_code, "subject": cause_subject}}
        if affected is not None:
            e["affected-segments"] = [s["id"] for s in affected]
        e["why"] = why
        self.explained.append(e)

    def maybe(self, code, subject, why):
        self.may.append({"code": code, "subject": subject, "why": why})

    def never(self, code, subject, why):
        self.mustnot.append({"code": code, "subject": subject, "why": why})

    # ---------- scenario ----------
    def build(self):
        r = self.rnd
        healthy_sgs = []
        self.key_groups = []
        hb = 2 if self.size <= 40 else 3   # healthy peers beside an injected connector fault

        def serve(g, nseg=None):
            s = self.sg([g])
            healthy_sgs.append(s)
            self.segs_for(s, nseg if nseg is not None else r.randint(1, 3))
            return s

        # ===== fleet / connector faults =====
        for _ in range(self.rep):
            # FLT-005: whole group down within a few minutes; it serves segments -> APP-009 beneath it
            g = self.group("SITE-OUTAGE")
            t0 = self.ago(2 * 3600, 30 * 3600)
            cs = [self.conn(g, "ZPN_STATUS_DISCONNECTED", disc_at=t0 + r.randint(0, 360))
                  for _ in range(3 if self.size <= 40 else r.choice([3, 4]))]
            s = self.sg([g], label="outage")
            segs = self.segs_for(s, 2, label="outage")
            self.fire("ZPA-FLT-005", g["id"], "CRITICAL", "CONNECTOR_GROUP",
                      "all %d connectors of the group disconnected within 6 minutes" % len(cs))
            for c in cs:
                self.under("ZPA-CON-001", c["id"], "ZPA-FLT-005", g["id"], "connector down because its site is down")
            self.under("ZPA-APP-009", s["id"], "ZPA-FLT-005", g["id"],
                       "segments unreachable: their only serving group is down (FLT-005 explains APP-009)", affected=segs)
            self.maybe("ZPA-FLT-001", g["id"], "0 healthy connectors < 2 in a serving group; redundant with FLT-005")

            # CON-001: one disconnected connector in an otherwise healthy group
            g = self.group("DC")
            self.healthy(g, hb)
            c = self.conn(g, "ZPN_STATUS_DISCONNECTED", disc_at=self.ago(3 * 3600, 4 * DAY))
            self.key_groups.append(g)
            if hb == 2:
                self.never("ZPA-FLT-001", g["id"], "exactly 2 enabled authenticated connectors: N+1 met (fewer than 2 fires)")
            serve(g)
            self.fire("ZPA-CON-001", c["id"], "CRITICAL", "CONNECTOR",
                      "controlChannelStatus DISCONNECTED, <30 days, peers healthy (no group cause)")

            # FLT-006: stale duplicate (same privateIp, re-enrolled) in a healthy group
            g = self.group("DC")
            live = self.healthy(g, hb)
            self.key_groups.append(g)
            stale = self.conn(g, "ZPN_STATUS_DISCONNECTED", disc_at=self.ago(8 * DAY, 14 * DAY),
                              ip=live[0]["privateIp"], created=int(live[0]["creationTime"]) - 90 * DAY)
            live[0]["creationTime"] = str(int(stale["lastBrokerDisconnectTime"]) + 600)
            serve(g)
            self.fire("ZPA-FLT-006", stale["id"], "WARNING", "CONNECTOR",
                      "same privateIp %s as live %s; this one stale (disconnected 8-14 d)" % (live[0]["privateIp"], live[0]["id"]),
                      alt=[live[0]["id"]])
            self.under("ZPA-CON-001", stale["id"], "ZPA-FLT-006", stale["id"], "the stale duplicate's disconnect is the leftover, not an outage")

        if self.rep >= 2:
            # FLT-006 variant: same fingerprint (clone leftover), stale > 30 days
            g = self.group("DC")
            live = self.healthy(g, 3)
            stale = self.conn(g, "ZPN_STATUS_DISCONNECTED", disc_at=self.ago(40 * DAY, 50 * DAY),
                              fp=live[1]["fingerprint"], created=int(live[1]["creationTime"]) - 60 * DAY)
            serve(g)
            self.fire("ZPA-FLT-006", stale["id"], "WARNING", "CONNECTOR",
                      "same fingerprint as live %s; this one disconnected 40-50 d" % live[1]["id"], alt=[live[1]["id"]])
            self.under("ZPA-CON-001", stale["id"], "ZPA-FLT-006", stale["id"], "stale duplicate")
            self.maybe("ZPA-FLT-004", stale["id"], "INFO: also >30 d disconnected; may be folded into FLT-006")

        # CON-005 (disabled connector) and an enabled-group connector disconnected > 30 d
        g = self.group("DC")
        self.healthy(g, hb)
        self.key_groups.append(g)
        dis = self.conn(g, "ZPN_STATUS_DISCONNECTED", disc_at=self.ago(2 * DAY, 5 * DAY), enabled=False)
        old = self.conn(g, "ZPN_STATUS_DISCONNECTED", disc_at=self.ago(55 * DAY, 80 * DAY))
        serve(g)
        self.fire("ZPA-CON-005", dis["id"], "WARNING", "CONNECTOR", "enabled:false (and therefore disconnected)")
        self.maybe("ZPA-CON-001", dis["id"], "disconnected because an admin disabled it; CON-005 is the better finding")
        self.fire("ZPA-FLT-004", old["id"], "INFO", "CONNECTOR", "disconnected 55-80 days: delete candidate")
        self.maybe("ZPA-CON-001", old["id"], "literally DISCONNECTED; whether a 2-month-old disconnect in a healthy group is still CRITICAL is unclear")

        # FLT-001: group serving apps with a single connector
        for _ in range(max(1, self.rep - 1)):
            g = self.group("BRANCH")
            self.healthy(g, 1)
            serve(g, 1)
            self.fire("ZPA-FLT-001", g["id"], "WARNING", "CONNECTOR_GROUP", "serves a segment with 1 enabled authenticated connector")

        # FLT-002: group with no connectors, referenced by a server group that no segment uses
        g = self.group("NEW-SITE", key_usage=(0, 4))
        s = self.sg([g], label="unused")
        self.fire("ZPA-FLT-002", g["id"], "WARNING", "CONNECTOR_GROUP",
                  "referenced by server group %s, no connectors (the server group serves no segment, so no APP finding)" % s["id"])
        self.never("ZPA-FLT-001", g["id"], "group serves no application (its server group has no segment)")

        # Upgrade: one group with a laggard (UPG-001), a failed upgrade (UPG-002), an in-progress one (no UPG-001)
        g = self.group("DC")
        self.healthy(g, hb)
        self.key_groups.insert(2, g)
        lag = self.conn(g, cur=V_PREV)
        failed = self.conn(g, cur=V_PREV, upg="FAILED", attempt="3")
        inprog = self.conn(g, cur=V_PREV, upg="IN_PROGRESS", attempt="1")
        serve(g)
        self.fire("ZPA-UPG-001", lag["id"], "WARNING", "CONNECTOR", "currentVersion %s != expected %s, status COMPLETE" % (V_PREV, V_DEFAULT))
        self.fire("ZPA-UPG-002", failed["id"], "CRITICAL", "CONNECTOR", "upgradeStatus FAILED, upgradeAttempt 3")
        self.maybe("ZPA-UPG-001", failed["id"], "version differs and FAILED is not 'in progress'; UPG-002 is the specific one")
        self.fire("ZPA-UPG-006", g["id"], "WARNING", "CONNECTOR_GROUP", "group runs %s and %s" % (V_DEFAULT, V_PREV))
        self.never("ZPA-UPG-001", inprog["id"], "upgradeStatus IN_PROGRESS: an upgrade is in progress")

        if self.rep >= 3:
            g = self.group("DC")
            self.healthy(g, 4)
            failed = self.conn(g, cur=V_PREV, upg="PARTIAL_FAILURE", attempt="1")
            serve(g)
            self.fire("ZPA-UPG-002", failed["id"], "CRITICAL", "CONNECTOR", "upgradeStatus PARTIAL_FAILURE")
            self.maybe("ZPA-UPG-001", failed["id"], "as above")
            self.fire("ZPA-UPG-006", g["id"], "WARNING", "CONNECTOR_GROUP", "mixed versions")

        # Trap: a group on the New Release profile runs a newer version than other groups
        g = self.group("DC", profile=("2", "New Release"))
        self.healthy(g, 3)
        serve(g)
        self.never("ZPA-UPG-006", g["id"], "all connectors of the group on %s = expected; other groups differ, which is fine" % V_NEW)

        # ===== application chains =====
        filler = []

        def fill_group(n=None):
            g = self.group("DC")
            self.healthy(g, n or r.randint(3, 6))
            serve(g)
            filler.append(g)
            return g

        for _ in range(2):
            fill_group(3 if self.size <= 40 else 4)

        for k in range(self.rep):
            # APP-004: enabled segment without server group
            sgmt = self.seg([], label="nosg")
            self.fire("ZPA-APP-004", sgmt["id"], "CRITICAL", "SEGMENT", "enabled segment, serverGroups []", affected=[sgmt])

            # APP-005: disabled server group used by several enabled segments (+1 disabled segment)
            s = self.sg([filler[k % len(filler)]], enabled=False, label="disabled")
            aff = self.segs_for(s, 3 + k + (1 if self.size >= 150 else 0), label="sgoff")
            off = self.seg([s], enabled=False, label="sgoff")
            self.fire("ZPA-APP-005", s["id"], "CRITICAL", "SERVER_GROUP",
                      "server group enabled:false used by %d enabled segments (one finding names all); disabled segment %s not listed" % (len(aff), off["id"]),
                      affected=aff, alt=[x["id"] for x in aff])

        # APP-006: server group with no connector group
        s = self.sg([], label="nogrp")
        aff = self.segs_for(s, 2, label="nogrp")
        self.fire("ZPA-APP-006", s["id"], "CRITICAL", "SERVER_GROUP", "appConnectorGroups []", affected=aff, alt=[x["id"] for x in aff])

        # APP-007: discovery off, no servers
        for k in range(max(1, self.rep - 1)):
            s = self.sg([filler[(k + 1) % len(filler)]], dd=False, servers=0, label="noservers")
            aff = self.segs_for(s, 2, label="nosrv")
            self.fire("ZPA-APP-007", s["id"], "CRITICAL", "SERVER_GROUP", "dynamicDiscovery false, servers []", affected=aff,
                      alt=[x["id"] for x in aff])

        # APP-008: server group whose only connector group is disabled (its connectors still authenticated)
        g = self.group("DC-DISABLED", enabled=False)
        self.healthy(g, 2)
        s = self.sg([g], label="grpoff")
        aff = self.segs_for(s, 2, label="grpoff")
        self.fire("ZPA-APP-008", s["id"], "CRITICAL", "SERVER_GROUP", "only connector group %s is enabled:false" % g["id"],
                  affected=aff, alt=[g["id"]] + [x["id"] for x in aff])
        self.maybe("ZPA-APP-009", s["id"], "connectors are enabled+authenticated, but the group is disabled; APP-008 is the specific one")

        # APP-009: every connector of the serving group disconnected, at different times (no FLT-005)
        g = self.group("DC")
        cs = [self.conn(g, "ZPN_STATUS_DISCONNECTED", disc_at=self.now - d * DAY - r.randint(0, 3000)) for d in (1, 4, 9)]
        s = self.sg([g], label="alldown")
        aff = self.segs_for(s, 2, label="alldown")
        self.fire("ZPA-APP-009", s["id"], "CRITICAL", "SERVER_GROUP",
                  "serving group %s has no authenticated connector; disconnects 1, 4, 9 days ago (not one site event)" % g["id"],
                  affected=aff, alt=[g["id"]] + [x["id"] for x in aff])
        for c in cs:
            self.fire("ZPA-CON-001", c["id"], "CRITICAL", "CONNECTOR", "disconnected; independent events, no group cause")
        self.maybe("ZPA-FLT-001", g["id"], "0 healthy < 2 in a serving group; redundant with APP-009")
        self.never("ZPA-FLT-005", g["id"], "disconnects are days apart, not within 15 minutes")

        # ===== traps =====
        # disabled segments with broken chains
        d1 = self.seg([], enabled=False, label="retired")
        s = self.sg([filler[0]], dd=False, servers=0, label="retired")
        d2 = self.seg([s], enabled=False, label="retired")
        for d in (d1, d2):
            self.never("ZPA-APP-004", d["id"], "segment is disabled: nobody can use it")
            self.never("ZPA-APP-002", d["id"], "no --app given; disabled segment is not a fault in the fleet view")
        self.never("ZPA-APP-007", s["id"], "only used by a disabled segment")
        # discovery off but servers listed
        s = self.sg([filler[1]], dd=False, servers=2, label="static")
        healthy_sgs.append(s)
        self.segs_for(s, 2, label="static")
        self.never("ZPA-APP-007", s["id"], "dynamicDiscovery false but 2 servers listed")
        # two connector groups, one disabled, one healthy
        gd = self.group("DR-DISABLED", enabled=False)
        self.healthy(gd, 2)
        s = self.sg([gd, filler[1]], label="mixed")
        healthy_sgs.append(s)
        segs = self.segs_for(s, 2, label="mixed")
        self.never("ZPA-APP-008", s["id"], "one of its two connector groups is healthy")
        for x in segs:
            self.never("ZPA-APP-008", x["id"], "served by the healthy group")
        self.never("ZPA-APP-009", s["id"], "healthy group has authenticated connectors")
        self.never("ZPA-FLT-001", gd["id"], "2 enabled authenticated connectors")
        # long-disconnected connectors in a disabled, unreferenced group
        g = self.group("RETIRED", enabled=False)
        cs = [self.conn(g, "ZPN_STATUS_DISCONNECTED", disc_at=self.ago(d * DAY, d * DAY + 3000)) for d in (45, 90, 200)]
        for c in cs:
            self.fire("ZPA-FLT-004", c["id"], "INFO", "CONNECTOR", "disconnected >30 d: delete candidate (INFO cleanup only)")
            self.never("ZPA-CON-001", c["id"], "group disabled and serves nothing: the disconnect is intended, not an outage")
        self.never("ZPA-FLT-005", g["id"], "disconnects months apart; group disabled")
        self.never("ZPA-FLT-001", g["id"], "serves no application")
        # keys: exhausted, at 80 %, at 79 %, disabled -- put on groups built above
        def keyfault(g, usage=None, enabled=True):
            if usage:
                g["_key_usage"] = usage
            g["_key"]["enabled"] = enabled
            return g["_key"]["id"]
        k = keyfault(self.key_groups[0], (10, 10))
        self.fire("ZPA-FLT-003", k, "WARNING", "PROVISIONING_KEY", "usageCount 10 = maxUsage 10 (>= 80 %)")
        self.maybe("ZPA-ENR-001", k, "catalog needs a connector failing to enroll (host evidence or symptom); fleet has neither")
        k = keyfault(self.key_groups[1], (8, 10))
        self.fire("ZPA-FLT-003", k, "WARNING", "PROVISIONING_KEY", "8/10 = exactly 80 %: catalog says 'at or above'")
        k = keyfault(self.key_groups[2], (79, 100))
        self.never("ZPA-FLT-003", k, "79/100 = 79 % < 80 %")
        k = keyfault(self.key_groups[3], enabled=False)
        self.fire("ZPA-ENR-002", k, "CRITICAL", "PROVISIONING_KEY", "key enabled:false (its group is otherwise fine)")

        if self.rep >= 3:
            # same private IP in two different groups, both live: not a duplicate
            ga = fill_group(3)
            gb = fill_group(3)
            gb["connectors"][0]["privateIp"] = ga["connectors"][0]["privateIp"]
            for c in (ga["connectors"][0], gb["connectors"][0]):
                self.never("ZPA-FLT-006", c["id"], "same privateIp in two different sites, both authenticated: neither stale")

        # enrollment CA
        if self.cert_mode == "warn":
            self.fire("ZPA-HLT-002", CERT_CONN, "WARNING", "ENROLLMENT_CERT", "Connector CA validTo in 20 days")
        elif self.cert_mode == "expired":
            self.fire("ZPA-HLT-002", CERT_CONN, "CRITICAL", "ENROLLMENT_CERT", "Connector CA expired 3 days ago")
        elif self.cert_mode == "ok45":
            self.never("ZPA-HLT-002", CERT_CONN, "Connector CA valid for 45 more days (> 30)")

        # healthy filler to reach the size
        while len(self.conns) < self.size:
            left = self.size - len(self.conns)
            n = left if left <= 6 else r.randint(3, min(6, left - 3))
            if left < 3:     # top up an existing filler group
                for _ in range(left):
                    self.conn(filler[-1])
                break
            fill_group(n)
        # a few healthy server groups with two healthy groups
        for _ in range(max(1, self.size // 100)):
            a, b = r.sample(filler, 2)
            s = self.sg([a, b], label="ha")
            self.segs_for(s, 2, label="ha")

    # ---------- serialisation ----------
    def finish(self):
        for g in self.groups:
            n = len(g["connectors"])
            key = g.pop("_key")
            ku = g.pop("_key_usage")
            if ku is None:
                mx = max(10, 2 * n + 2)
                ku = (n, mx)
            key["usageCount"], key["maxUsage"] = str(ku[0]), str(ku[1])
            for k in ("_n", "_ver"):
                g.pop(k)
        gby = {g["id"]: g for g in self.groups}
        for s in self.sgs:
            for g in s.pop("_groups"):
                s["appConnectorGroups"].append({k: g[k] for k in (
                    "id", "name", "enabled", "versionProfileId", "versionProfileName", "upgradeDay",
                    "upgradeTimeInSecs", "location", "latitude", "longitude", "dnsQueryType",
                    "connectorGroupType", "lssAppConnectorGroup", "enrollmentCertId")})
                gby[g["id"]]["serverGroups"].append({"id": s["id"], "name": s["name"], "enabled": s["enabled"],
                                                      "dynamicDiscovery": s["dynamicDiscovery"],
                                                      "configSpace": "DEFAULT", "weight": "0", "passive": False})
        sby = {s["id"]: s for s in self.sgs}
        for sg_ in self.segs:
            for s in sg_.pop("_sgs"):
                sg_["serverGroups"].append({"id": s["id"], "name": s["name"], "enabled": s["enabled"],
                                            "dynamicDiscovery": s["dynamicDiscovery"], "configSpace": "DEFAULT",
                                            "weight": "0", "passive": False})
                sby[s["id"]]["applications"].append({"id": sg_["id"], "name": sg_["name"]})

    def certs(self):
        conn_to = {"warn": self.now + 20 * DAY, "expired": self.now - 3 * DAY,
                   "ok45": self.now + 45 * DAY}.get(self.cert_mode, 2092712239)
        org = "72058304855015424.zpa-customer.com"

        def c(i, name, to, parent, ctype="NONE"):
            d = {"id": i, "name": name, "cName": "%s/%s" % (org, name), "validFromInEpochSec": "1619585839",
                 "validToInEpochSec": str(to), "allowSigning": True, "privateKeyPresent": True,
                 "clientCertType": ctype}
            if parent:
                d["parentCertId"], d["parentCertName"] = CERT_ROOT, "Root"
            d["issuedTo"] = "O=Zscaler,OU=Private Access,CN=%s/%s" % (org, name)
            d["issuedBy"] = "O=Zscaler,OU=Private Access,CN=%s/Root" % org
            d["readOnly"], d["zscalerManaged"] = True, True
            return d
        return [c(CERT_ROOT, "Root", 2565665700, False), c(CERT_CLIENT, "Client", 2092712180, True, "ZAPP_CLIENT"),
                c(CERT_CONN, "Connector", conn_to, True), c(CERT_SE, "Service Edge", 2092712301, True)]

    def write(self, description):
        d = os.path.join(HERE, self.name)
        os.makedirs(os.path.join(d, "api"), exist_ok=True)

        def page(items, per=500):
            pages = [items[i:i + per] for i in range(0, len(items), per)] or [[]]
            out = [{"totalPages": str(len(pages)), "totalCount": str(len(items)), "list": p} for p in pages]
            return out[0] if len(out) == 1 else out
        files = {"connectors.json": self.conns, "connector-groups.json": self.groups,
                 "provisioning-keys.json": self.keys, "server-groups.json": self.sgs,
                 "application-segments.json": self.segs, "enrollment-certificates.json": self.certs()}
        for f, items in files.items():
            with open(os.path.join(d, "api", f), "w") as fh:
                json.dump(page(items), fh, indent=2)
                fh.write("\n")
        with open(os.path.join(d, "case.json"), "w") as fh:
            json.dump({"collectedAt": self.collected_at}, fh, indent=2)
            fh.write("\n")
        at_or_above = [f for f in self.fires if f["severity"] != "INFO"]
        exp = {"description": description,
               "collectedAt": self.collected_at,
               "counts": {"connectors": len(self.conns), "connector-groups": len(self.groups),
                          "server-groups": len(self.sgs), "segments": len(self.segs),
                          "enabled-segments": sum(1 for s in self.segs if s["enabled"]),
                          "provisioning-keys": len(self.keys),
                          "fires": len(self.fires), "fires-warning-or-above": len(at_or_above)},
               "fires": self.fires,
               "explained-symptoms": self.explained,
               "may-fire": self.may,
               "must-not-fire": self.mustnot,
               "rule": "Every entry of fires is reported once (subject or an also-accept-subject). Entries of "
                       "explained-symptoms may appear only beneath their cause and are not counted on their own. "
                       "may-fire entries are tolerated either way. Any other finding at WARNING or above is a "
                       "false positive; extra INFO findings are reported but not failures."}
        with open(os.path.join(d, "expected.yaml"), "w") as fh:
            yaml.safe_dump(exp, fh, sort_keys=False, width=110, allow_unicode=True)


TENANTS = [
    ("t040-small", 40, 1, "2026-11-30T09:00:00Z", 1, "warn",
     "40 connectors. One of each fault kind; Connector enrollment CA expires in 20 days (HLT-002 WARNING)."),
    ("t080-medium", 80, 2, "2026-12-01T14:30:00Z", 1, "ok45",
     "80 connectors. One of each fault kind; Connector CA valid 45 more days (HLT-002 trap)."),
    ("t150-large", 150, 3, "2026-12-02T06:15:00Z", 2, "expired",
     "150 connectors. Two site outages, two stale duplicates (IP and fingerprint), two segments without a "
     "server group, two disabled server groups; Connector CA expired (HLT-002 CRITICAL)."),
    ("t300-xlarge", 300, 4, "2026-12-03T22:45:00Z", 3, "none",
     "300 connectors. Three site outages, three stale duplicates, three segments without a server group, three disabled server groups, two discovery-off server groups, a PARTIAL_FAILURE upgrade, the same "
     "private IP at two live sites (FLT-006 trap); default CAs far from expiry."),
]

if __name__ == "__main__":
    for name, size, seed, at, rep, cert, desc in TENANTS:
        t = Tenant(name, size, seed, at, rep, cert)
        t.build()
        t.finish()
        t.write(desc)
        print("%-12s connectors=%d groups=%d sgs=%d segs=%d fires=%d" % (
            name, len(t.conns), len(t.groups), len(t.sgs), len(t.segs), len(t.fires)))
