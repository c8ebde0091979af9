#!/usr/bin/env bash
# add-docker-manifest.sh IMAGE_TAR NAME:TAG TIMESTAMP
# Jib writes the image as an OCI image layout in a tar (oci-layout, index.json, blobs/sha256/...), which Podman and
# Docker 25+ load. Docker before 25 (Debian 12 ships 20.10) loads only the `docker save` form, whose manifest.json
# names the config and the layers: this appends one naming the same blobs (what `docker save` itself writes since
# Docker 25), so one tar loads everywhere. The OCI layout is left as it is.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: add-docker-manifest.sh IMAGE_TAR NAME:TAG TIMESTAMP" >&2; exit 64; }
tar="$1" name="$2" timestamp="$3"
fail() { echo "add-docker-manifest: $1" >&2; exit 70; }
[ -f "$tar" ] || fail "no $tar"
if tar -tf "$tar" | grep -qx 'manifest.json'; then
  exit 0
fi

hex='[0-9a-f]\{64\}'
manifest="$(tar -xOf "$tar" index.json | grep -o "\"digest\":\"sha256:$hex\"" | head -n 1 | grep -o "$hex")" \
  || fail "index.json names no manifest"
json="$(tar -xOf "$tar" "blobs/sha256/$manifest")"
config="$(printf '%s' "$json" | grep -o "\"config\":{[^}]*}" | grep -o "sha256:$hex" | grep -o "$hex")" \
  || fail "the manifest names no config"
layers="$(printf '%s' "$json" | sed 's/.*"layers":\[//' | grep -o "sha256:$hex" | grep -o "$hex")" \
  || fail "the manifest names no layers"
list=""
for l in $layers; do
  tar -tf "$tar" "blobs/sha256/$l" >/dev/null || fail "layer $l is not in $tar"
  list="$list${list:+,}\"blobs/sha256/$l\""
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf '[{"Config":"blobs/sha256/%s","RepoTags":["%s"],"Layers":[%s]}]' "$config" "$name" "$list" \
  > "$work/manifest.json"
cp "$tar" "$work/image.tar"
tar --append -f "$work/image.tar" -C "$work" --owner=0 --group=0 --numeric-owner --mtime="$timestamp" manifest.json
mv "$work/image.tar" "$tar"
