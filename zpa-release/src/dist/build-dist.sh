#!/usr/bin/env bash
# Builds the release that needs nothing installed (run by zpa-release's pom in the dist profile, at package):
#   <target>/zpa-doctor-<version>-linux-x64.tar.gz  zpa-doctor-<version>/: runtime/ (a jlink runtime of the listed
#                                                 modules), app/ (the CLI jar, lib/ and the class-data-sharing archive
#                                                 recorded here with that runtime), bin/zpa-doctor, LICENSE, README.md,
#                                                 CHANGELOG.md
#   <target>/image-root/                          the container's file system for Jib: the same release tree at
#                                                 /opt/zpa-doctor, bash for its launcher, and the C library and the
#                                                 few other shared libraries the runtime links against, from this
#                                                 machine (the build has no registry to pull a base image from)
# Every output is written beside its final name and moved there last: a failed run leaves none of them behind.
set -euo pipefail

usage() {
  echo "usage: build-dist.sh --java-home JDK --app DIR --version V --target DIR --modules M,M --timestamp ISO-8601 \\" >&2
  echo "       --launcher FILE [--doc FILE]...   (--app: the folder holding zpa-doctor.jar and its lib/)" >&2
  exit 64
}
docs=()
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || usage
  case "$1" in
    --java-home) jdk="$2" ;;
    --app) app_in="$2" ;;
    --version) version="$2" ;;
    --target) target="$2" ;;
    --modules) modules="$2" ;;
    --timestamp) timestamp="$2" ;;
    --launcher) launcher="$2" ;;
    --doc) docs+=("$2") ;;
    *) usage ;;
  esac
  shift 2
done
[ -n "${jdk:-}" ] && [ -n "${app_in:-}" ] && [ -n "${version:-}" ] && [ -n "${target:-}" ] && [ -n "${modules:-}" ] \
  && [ -n "${timestamp:-}" ] && [ -n "${launcher:-}" ] || usage

fail() { echo "build-dist: $1" >&2; exit "${2:-70}"; }
[ -x "$jdk/bin/jlink" ] && [ -x "$jdk/bin/jdeps" ] || fail "$jdk has no bin/jlink or bin/jdeps; build with a full JDK 17+" 69
[ -d "$jdk/jmods" ] || fail "$jdk has no jmods/ (on Debian: the openjdk-17-jdk-headless package)" 69
[ -f "$app_in/zpa-doctor.jar" ] || fail "no $app_in/zpa-doctor.jar (build zpa-examples first)" 66
command -v ldd >/dev/null 2>&1 || fail "no ldd on the PATH (it names the libraries the container needs)" 69

name="zpa-doctor-$version"
tarball="$target/$name-linux-x64.tar.gz"
work="$target/dist-work"
stage="$work/$name"
image="$target/image-root"
rm -rf "$work" "$image" "$image.tmp" "$tarball" "$tarball.tmp"
mkdir -p "$work"
jdeps_pid=""
tar_pid=""
cleanup() {
  [ -z "$jdeps_pid" ] || kill "$jdeps_pid" 2>/dev/null || true
  [ -z "$tar_pid" ] || kill "$tar_pid" 2>/dev/null || true
  rm -rf "$work" "$image.tmp" "$tarball.tmp"
}
trap cleanup EXIT

# The jar and exactly the jars its manifest's Class-Path names (zpa-examples/target/lib may hold jars of earlier
# builds): the same files ./zpa-doctor runs in a checkout.
mkdir -p "$stage/app/lib" "$stage/bin"
cp "$app_in/zpa-doctor.jar" "$stage/app/"
(cd "$work" && "$jdk/bin/jar" -xf "$stage/app/zpa-doctor.jar" META-INF/MANIFEST.MF)
classpath="$(tr -d '\r' < "$work/META-INF/MANIFEST.MF" \
  | awk '/^ / { if (cp) line = line substr($0, 2); next } { cp = 0 } /^Class-Path: / { cp = 1; line = substr($0, 13) }
         END { print line }')"
[ -n "$classpath" ] || fail "zpa-doctor.jar's manifest has no Class-Path"
libs=()
for entry in $classpath; do
  case "$entry" in lib/*.jar) ;; *) fail "unexpected Class-Path entry $entry" ;; esac
  [ -f "$app_in/$entry" ] || fail "the manifest names $entry, which is not in $app_in" 66
  cp "$app_in/$entry" "$stage/app/lib/"
  libs+=("$app_in/$entry")
done
install -m 755 "$launcher" "$stage/bin/zpa-doctor"
for d in "${docs[@]}"; do cp "$d" "$stage/"; done

# jdeps lists the modules the jars use, on the second core while jlink and the training run; checked at the end.
# (It reads the jars where they came from: the stage is moved about meanwhile.)
"$jdk/bin/jdeps" -q --multi-release 17 --ignore-missing-deps --print-module-deps \
  --class-path "$(IFS=:; echo "${libs[*]}")" "$app_in/zpa-doctor.jar" "${libs[@]}" \
  >"$work/jdeps.txt" 2>"$work/jdeps.err" &
jdeps_pid=$!

# Runtime: only the listed modules. lib/modules stays uncompressed, so a class the archive lacks loads without
# inflating (the tar.gz compresses it anyway).
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --output "$stage/runtime"

# An archive checks each jar's size and modification time: every file gets the build's fixed time before recording,
# which tar keeps on unpacking and Jib gives the container's files (its filesModificationTime).
find "$stage" -exec touch -h -d "$timestamp" {} +

# The JVM settings bin/zpa-doctor runs everything but bench with: the archive is recorded under the same ones.
opts=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:NewRatio=1 -Xss2m)

# One training JVM (the demo in each format, the fleet view of a small generated tenant, an MCP session) lists the
# classes a run loads, and a static archive is dumped from that list. A JDK 17 archive serves only jars at the paths
# it recorded, and where a release gets unpacked is not known here: so the jars are named through descriptor 9 opened
# on the release folder, /proc/self/fd/9/app/..., which bin/zpa-doctor opens the same way at run time.
java="$stage/runtime/bin/java"
mkdir -p "$work/training"
exec 9<"$stage"
"$java" "${opts[@]}" -XX:DumpLoadedClassList="$work/classes.lst" -cp /proc/self/fd/9/app/zpa-doctor.jar \
  io.zpadoctor.examples.cli.CdsTraining "$work/training" >"$work/training.log" 2>&1 \
  || { cat "$work/training.log" >&2; fail "the training run failed"; }
[ -s "$work/classes.lst" ] || fail "the training run listed no classes"
"$java" "${opts[@]}" -Xshare:dump -XX:SharedClassListFile="$work/classes.lst" \
  -XX:SharedArchiveFile="$stage/app/zpa-doctor.jsa" -Xlog:cds=warning -jar /proc/self/fd/9/app/zpa-doctor.jar \
  >"$work/dump.log" 2>&1 || { cat "$work/dump.log" >&2; fail "recording the archive failed"; }
exec 9<&-
[ -s "$stage/app/zpa-doctor.jsa" ] || fail "no archive at $stage/app/zpa-doctor.jsa"
touch -h -d "$timestamp" "$stage/app/zpa-doctor.jsa"

# What the launcher relies on: the archive maps from another folder (-Xshare:on fails if it does not).
mv "$stage" "$work/moved"
(exec 9<"$work/moved" && "$work/moved/runtime/bin/java" "${opts[@]}" -Xshare:on \
   -XX:SharedArchiveFile="$work/moved/app/zpa-doctor.jsa" -jar /proc/self/fd/9/app/zpa-doctor.jar --version) \
  >"$work/moved.log" 2>&1 || { cat "$work/moved.log" >&2; fail "the archive does not map once the release is moved"; }
mv "$work/moved" "$stage"

# Reproducible tarball: sorted names, numeric root owner, the fixed times set above, no name or time in the gzip;
# written on the second core while the image's files are put together (the stage is only read from here on).
(tar --sort=name --owner=0 --group=0 --numeric-owner --format=gnu -C "$work" -cf - "$name" | gzip -n -6 \
  > "$tarball.tmp") &
tar_pid=$!

# The container: the same release tree at /opt/zpa-doctor (its archive serves there as anywhere), started by its own
# launcher through bash; /data is the working folder a user mounts bundles into.
mkdir -p "$image.tmp/opt" "$image.tmp/bin" "$image.tmp/data" "$image.tmp/tmp" "$image.tmp/etc" \
  "$image.tmp/home/nonroot"
cp -a "$stage" "$image.tmp/opt/zpa-doctor"
cp -L "$(command -v bash)" "$image.tmp/bin/bash"

# The C library and the few others the runtime and bash link against, from this machine, whose JDK the runtime came
# from: each where the dynamic loader looks for it, and the loader at the path the binaries name. java.desktop is
# there for java.beans only: its window, font, colour, image and sound libraries never load (no AWT, headless), so
# X11, FreeType, lcms2, libjpeg and ALSA stay out.
{ find "$image.tmp/opt/zpa-doctor/runtime" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) \
    ! \( -name 'libawt_xawt.so' -o -name 'libsplashscreen.so' -o -name 'libjsound.so' -o -name 'libfontmanager.so' \
         -o -name 'liblcms.so' -o -name 'libjavajpeg.so' -o -name 'libjawt.so' \) -print0 \
    | xargs -0 ldd 2>/dev/null || true
  ldd "$image.tmp/bin/bash"; } \
  | awk -v rt="$image.tmp/" '$2 == "=>" && $3 ~ /^\// && index($3, rt) != 1 { print $3 } $1 ~ /^\/.*\/ld-linux/ { print $1 }' \
  | sort -u > "$work/libs.txt"
grep -q '/libc\.so' "$work/libs.txt" && grep -q '/ld-linux' "$work/libs.txt" \
  || fail "ldd named no C library or dynamic loader for the runtime"
while read -r lib; do
  mkdir -p "$image.tmp${lib%/*}"
  cp -L "$lib" "$image.tmp$lib"
done < "$work/libs.txt"
# Where those files come from, and their licences (GPL for bash, LGPL for the C library: their sources are those of
# the packages named), as distroless images do: on a Debian or Ubuntu build machine, each package's copyright file
# and a list of the packages and versions.
mkdir -p "$image.tmp/usr/share/doc/zpa-doctor-image"
if command -v dpkg-query >/dev/null 2>&1; then
  for f in $(cat "$work/libs.txt") "$(command -v bash)"; do
    case "$f" in /usr/*) alt="${f#/usr}" ;; *) alt="/usr$f" ;; esac
    { dpkg -S "$f" || dpkg -S "$alt"; } 2>/dev/null | head -n 1 | cut -d: -f1
  done | sort -u > "$work/packages.txt"
  [ -s "$work/packages.txt" ] || fail "dpkg names no package for the image's system files"
  while read -r pkg; do
    if [ -f "/usr/share/doc/$pkg/copyright" ]; then
      mkdir -p "$image.tmp/usr/share/doc/$pkg"
      cp "/usr/share/doc/$pkg/copyright" "$image.tmp/usr/share/doc/$pkg/"
    fi
    dpkg-query -W -f='${Package} ${Version} ${Architecture}\n' "$pkg"
  done < "$work/packages.txt" > "$image.tmp/usr/share/doc/zpa-doctor-image/PACKAGES"
else
  echo "built on a machine without dpkg: the system files are those of its own C library and bash" \
    > "$image.tmp/usr/share/doc/zpa-doctor-image/PACKAGES"
fi
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' \
  > "$image.tmp/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$image.tmp/etc/group"
printf 'hosts: files dns\n' > "$image.tmp/etc/nsswitch.conf"
find "$image.tmp" -exec touch -h -d "$timestamp" {} +

wait "$tar_pid" || { tar_pid=""; fail "writing $tarball failed"; }
tar_pid=""
wait "$jdeps_pid" || { cat "$work/jdeps.err" >&2; jdeps_pid=""; fail "jdeps failed"; }
jdeps_pid=""
for m in $(tr ',' ' ' < "$work/jdeps.txt"); do
  case ",$modules," in
    *",$m,"*) ;;
    *) fail "jdeps says the jars use module $m, which the runtime leaves out: add it to dist.modules in zpa-release/pom.xml" ;;
  esac
done
mv "$tarball.tmp" "$tarball"
mv "$image.tmp" "$image"
