#!/usr/bin/env bash
# Fuzzes each target in turn (never two at once), at the lowest priority, and appends a line per target to a
# summary: target, minutes, executions, findings. Usage: zpa-client/src/test/fuzz/fuzz-all.sh [minutes] [target...]
# Run from the repository root; a target is Class#method, e.g. HostParserFuzzTest#df.
set -u
minutes=${1:-10}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for m in $(grep -A1 '@FuzzTest' zpa-client/src/test/java/io/zpadoctor/client/bundle/BundleFuzzTest.java | grep -o 'void [a-zA-Z]*' | cut -c6-); do
    targets+=("BundleFuzzTest#$m")
  done
  for m in $(grep -A1 '@FuzzTest' zpa-client/src/test/java/io/zpadoctor/client/host/HostParserFuzzTest.java | grep -o 'void [a-zA-Z]*' | cut -c6-); do
    targets+=("HostParserFuzzTest#$m")
  done
fi
logs=zpa-client/target/fuzz-logs
mkdir -p "$logs"
summary=$logs/summary.tsv
for t in "${targets[@]}"; do
  log=$logs/${t/\#/-}.log
  start=$(date +%s)
  nice -n 19 mvn -Pfuzz test -pl zpa-client -am -Dtest="$t" -Dfuzz.minutes="$minutes" >"$log" 2>&1
  rc=$?
  end=$(date +%s)
  execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  findings=$(grep -c 'Test unit written' "$log")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u -d @"$start" +%FT%TZ)" "$t" "$(( (end - start) / 60 ))" "${execs:-0}" "$findings" "$rc" >>"$summary"
done
