#!/usr/bin/env bash
# Times a cold `zpa-doctor demo` (a new JVM each run) from the release and from the checkout: the distribution
# unpacked into a temporary folder and run with no JDK on the PATH and JAVA_HOME unset, against ./zpa-doctor, runs
# alternating so a machine slowing down for a while slows both alike. Issue 19: the release must start at least as
# fast as the checkout. Prints the median wall time and CPU time (user + system, steadier on a busy machine) of each,
# and their ratio. Usage: tools/release-start.sh [RUNS] (after mvn verify or package, which builds the tarball)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-11}"
tarball="$(ls "$here"/zpa-release/target/zpa-doctor-*-linux-x64.tar.gz 2>/dev/null | head -n 1)"
[ -n "$tarball" ] || { echo "no zpa-release/target/zpa-doctor-*-linux-x64.tar.gz: run mvn -q package -DskipTests" >&2; exit 66; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work"
release="$(echo "$work"/zpa-doctor-*/bin/zpa-doctor)"
mkdir "$work/path"   # what the launcher uses, and no java
ln -s "$(command -v bash)" "$(command -v env)" "$(command -v readlink)" "$work/path/"
"$here/zpa-doctor" demo >/dev/null   # builds, and records the checkout's archive, before timing
"$release" demo >/dev/null           # both files in the page cache alike

ms() {   # ms NAME COMMAND...: appends one run's wall time, and its CPU time (user + system), in milliseconds
  local name="$1" start end
  shift
  start=$(date +%s%N)
  /usr/bin/time -f '%U %S' -o "$work/cpu" "$@" >/dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 )) >> "$work/$name.wall"
  awk '{printf "%d\n", ($1 + $2) * 1000}' "$work/cpu" >> "$work/$name.cpu"
}
for _ in $(seq "$runs"); do
  ms release env -i PATH="$work/path" HOME="$work" "$release" demo
  ms checkout "$here/zpa-doctor" demo
done
median() { sort -n "$1" | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
echo "cold demo, $runs runs each, alternating, load $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores:"
for kind in wall cpu; do
  r="$(median "$work/release.$kind")"
  c="$(median "$work/checkout.$kind")"
  printf '  %-4s  release bin/zpa-doctor demo median %5d ms   checkout ./zpa-doctor demo median %5d ms   ratio %s\n' \
    "$kind" "$r" "$c" "$(awk -v r="$r" -v c="$c" 'BEGIN {printf "%.2f", r / c}')"
done
echo "  wall, release:  $(sort -n "$work/release.wall" | tr '\n' ' ')"
echo "  wall, checkout: $(sort -n "$work/checkout.wall" | tr '\n' ' ')"
