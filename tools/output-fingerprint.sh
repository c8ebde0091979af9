#!/usr/bin/env bash
# Writes the outputs a refactoring must keep byte-identical into a new folder: the demo in every format, the JSON
# report of every rule scenario, and the fleet JSON of a generated 10,000-connector tenant (exit codes and
# standard error beside each). Two such folders compare with `diff -r` (issue 15).
#   tools/output-fingerprint.sh /tmp/before      # on the old commit, after mvn -q install -DskipTests
#   tools/output-fingerprint.sh /tmp/after       # on the new one
#   diff -r /tmp/before /tmp/after && echo identical
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 OUT-FOLDER" >&2; exit 64; }
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "$1")
[ ! -e "$out" ] || { echo "$out exists; name a new folder" >&2; exit 64; }
target="$root/zpa-examples/target"
[ -f "$target/zpa-doctor.jar" ] && [ -d "$target/test-classes" ] \
  || { echo "build first: mvn -q install -DskipTests (and test-compile in zpa-examples)" >&2; exit 69; }
cp="$target/zpa-doctor.jar:$target/lib/*:$target/test-classes"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
java -cp "$cp" io.zpadoctor.examples.cli.ZpaDoctor generate --connectors 10000 --seed 1 --out "$work/tenant-10k" >/dev/null

sep=$'\x1f'
names=()
: > "$work/runs.txt"
add() { names+=("$1"); shift; local IFS="$sep"; printf '%s\n' "$*" >> "$work/runs.txt"; }
for f in json markdown text; do add "demo.$f" demo --format "$f"; done
while IFS= read -r d; do
  rel=${d#"$root/zpa-rules/src/test/resources/scenarios/"}
  add "scenario/${rel//\//__}.json" diagnose --bundle "$d" --format json
done < <(find "$root/zpa-rules/src/test/resources/scenarios" -name expected.yaml -printf '%h\n' | sort)
add "fleet-10k.json" fleet --bundle "$work/tenant-10k" --format json
# paths of the temporary tenant would differ between runs: the fleet report names files relative to the bundle

java -Xss2m -cp "$cp" io.zpadoctor.examples.cli.HostileBatch "$work"
mkdir -p "$out/scenario"
for i in "${!names[@]}"; do
  n=${names[$i]}
  { printf 'exit %s\n' "$(cat "$work/$i.code")"; cat "$work/$i.err"; } > "$out/$n.exit-and-stderr"
  mv "$work/$i.out" "$out/$n"
done
echo "$(ls -R "$out" | grep -c .) files in $out"
