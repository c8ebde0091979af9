#!/usr/bin/env python3
"""Compares `zpa-doctor fleet --format json` of a blind tenant with its expected.yaml (the writer's rule at its end):
every `fires` entry reported once (subject or an also-accept-subject), `explained-symptoms` only beneath their cause,
`may-fire` tolerated, `must-not-fire` absent, nothing else at WARNING or above.
  tools/blind-fleet-compare.py REPORT.json EXPECTED.yaml   -> prints disagreements, exit 1 when there are any"""
import json, sys
import yaml

RANK = {"CRITICAL": 4, "WARNING": 3, "UNKNOWN": 2, "INFO": 1}

def main(report, expected):
    d = json.load(open(report))
    ex = yaml.safe_load(open(expected))
    import os
    segs = json.load(open(os.path.join(os.path.dirname(expected), "api", "application-segments.json")))
    segs = segs if isinstance(segs, list) else segs.get("list", [])
    names = {str(x["id"]): x.get("name", "") for x in segs}
    found = [(f["code"], f["subject"].get("id"), f) for f in d["findings"]]
    used = set()
    problems = []
    def match(code, subjects):
        return [i for i, (c, s, _) in enumerate(found) if c == code and s in subjects]
    for e in ex.get("fires", []):
        subs = [str(e["subject"])] + [str(x) for x in e.get("also-accept-subject", [])]
        m = match(e["code"], subs)
        if not m:
            problems.append(f"missing   {e['code']} {e['subject']} ({e.get('why', '')})")
            continue
        if len(m) > 1:
            problems.append(f"repeated  {e['code']} {e['subject']} x{len(m)}")
        f = found[m[0]][2]
        if e.get("severity") and f["severity"] != e["severity"]:
            problems.append(f"severity  {e['code']} {e['subject']}: {f['severity']}, expected {e['severity']}")
        want = set(str(x) for x in e.get("affected-segments", []))
        if want:
            text = json.dumps(f)
            lost = [s for s in want if s not in text and names.get(s, s) not in text]
            if lost:
                problems.append(f"segments  {e['code']} {e['subject']} does not name {lost}")
        used.update(m)
    for e in ex.get("explained-symptoms", []):
        for i in match(e["code"], [str(e["subject"])]):
            used.add(i)
            under = e.get("under", {}).get("code")
            if under and under not in found[i][2].get("explainedBy", []):
                problems.append(f"unexplained {e['code']} {e['subject']}: expected beneath {under}, "
                                f"explainedBy {found[i][2].get('explainedBy', [])}")
    for e in ex.get("may-fire", []):
        used.update(match(e["code"], [str(e["subject"])]))
    for e in ex.get("must-not-fire", []):
        for i in match(e["code"], [str(e["subject"])]):
            problems.append(f"trap      {e['code']} {e['subject']} fired ({e.get('why', '')})")
            used.add(i)
    for i, (c, s, f) in enumerate(found):
        if i not in used and RANK.get(f["severity"], 0) >= RANK["WARNING"]:
            problems.append(f"extra     {c} {s} {f['severity']} {f['subject'].get('name', '')}")
    for p in problems:
        print(p)
    print(f"{report}: {len(problems)} disagreement(s), {len(found)} findings")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
