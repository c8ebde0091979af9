#!/usr/bin/env python3
"""Runs a zpa-doctor jar over scenario folders and compares each diagnosis with its expected.yaml.

usage: tools/blind-compare.py JAR SCENARIO_ROOT [--json OUT]
Prints one line per scenario: AGREE, or DIFFER with what differs (primary, fires, must-not-fire, severity).
Used to record how the blind corpus fared against a build (see issue notes); the test suite itself runs the
scenarios through ScenarioTest.
"""
import json, subprocess, sys, os, re

def load_yaml(path):
    # expected.yaml uses a tiny subset: key: value, key: [a, b], key: {A: B}, key: ~
    out = {}
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line.strip() or line.lstrip().startswith('#'):
            continue
        m = re.match(r'^([\w-]+):\s*(.*)$', line)
        if not m:
            continue
        k, v = m.group(1), m.group(2).split(' #')[0].strip()
        if v.startswith('['):
            out[k] = [x.strip() for x in v.strip('[]').split(',') if x.strip()]
        elif v.startswith('{'):
            out[k] = dict((a.strip(), b.strip()) for a, b in (p.split(':') for p in v.strip('{}').split(',') if p.strip()))
        elif v in ('~', 'null', ''):
            out[k] = None
        else:
            out[k] = v.strip('"').strip("'")
    return out

def main():
    jar, root = sys.argv[1], sys.argv[2]
    results = {}
    dirs = sorted(os.path.dirname(os.path.join(dp, f)) for dp, _, fs in os.walk(root) for f in fs if f == 'expected.yaml')
    for d in dirs:
        name = os.path.relpath(d, root)
        exp = load_yaml(os.path.join(d, 'expected.yaml'))
        p = subprocess.run(['java', '-XX:TieredStopAtLevel=1', '-jar', jar, 'diagnose', '--bundle', d, '--format', 'json',
                            '--fail-on', 'never', '--no-config'], capture_output=True, text=True)
        try:
            doc = json.loads(p.stdout)
        except Exception:
            results[name] = ['the tool failed: ' + (p.stderr.strip().splitlines() or ['?'])[-1]]
            print('DIFFER', name, results[name]); continue
        codes = {f['code']: f['severity'] for f in doc['findings']}
        diffs = []
        if 'primary' in exp and exp['primary'] != doc.get('primary'):
            diffs.append('primary %s, expected %s' % (doc.get('primary'), exp['primary']))
        for c in exp.get('fires') or []:
            if c not in codes:
                diffs.append(c + ' did not fire')
        for c in exp.get('must-not-fire') or []:
            if c in codes:
                diffs.append(c + ' fired')
        for c, sev in (exp.get('severity') or {}).items():
            if codes.get(c) != sev:
                diffs.append('%s severity %s, expected %s' % (c, codes.get(c), sev))
        if str(exp.get('exactly')).lower() == 'true':
            extra = sorted(set(codes) - set(exp.get('fires') or []))
            if extra:
                diffs.append('beyond exactly: ' + ', '.join(extra))
        results[name] = diffs
        print('AGREE ' if not diffs else 'DIFFER', name, '; '.join(diffs))
    agree = sum(1 for v in results.values() if not v)
    print('%d scenarios: %d agree, %d differ' % (len(results), agree, len(results) - agree))
    if '--json' in sys.argv:
        json.dump(results, open(sys.argv[sys.argv.index('--json') + 1], 'w'), indent=1, sort_keys=True)

if __name__ == '__main__':
    main()
