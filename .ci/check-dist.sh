#!/usr/bin/env bash
# Checks what `make dist` built, as a user would get it:
# - the Windows exe is PE32+ x86-64 for the GUI subsystem with icon, version and manifest
#   resources, and its zip holds it beside "How to start.txt";
# - the Linux tarball holds the binary, the .desktop entry and the icon, and that binary reports
#   the version in FyneApp.toml and the commit it was built from;
# - both binaries were built with every tag in TAGS (the Makefile's), so what ships is what the
#   tests and benchmarks measured.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)".*/\1/p' FyneApp.toml | head -n 1)
appid=$(sed -n 's/^[[:space:]]*ID[[:space:]]*=[[:space:]]*"\(.*\)".*/\1/p' FyneApp.toml | head -n 1)
commit=${COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}
base=dist/PPEI-Iceberg-$version
fail() { echo "check-dist: $*" >&2; exit 1; }
# built_with FILE: fails unless FILE's Go build settings hold every tag in TAGS.
built_with() {
  local tags
  tags=$(go version -m "$1" | awk '$1 == "build" && $2 ~ /^-tags=/ {sub(/^-tags=/, "", $2); print $2}')
  for want in ${TAGS//,/ }; do
    [[ ,$tags, == *,"$want",* ]] || fail "$1 was built without the tag $want (tags: ${tags:-none})"
  done
}
: "${TAGS:?run this through make, which sets TAGS}"

# Windows
exe=dist/iceberg.exe
[[ -f $exe ]] || fail "$exe is missing: run make dist-windows"
file -b "$exe" | grep -q 'PE32+ executable (GUI) x86-64' || fail "$exe: $(file -b "$exe")"
go run .ci/pecheck.go "$exe" "$version"
built_with "$exe"
zip=$base-windows-amd64.zip
listing=$(unzip -Z1 "$zip") || fail "$zip is missing or unreadable"
for want in iceberg.exe "How to start.txt"; do
  grep -qxF "$want" <<<"$listing" || fail "$zip has no '$want'"
done
unzip -p "$zip" iceberg.exe | cmp -s - "$exe" || fail "$zip holds a different iceberg.exe from $exe"
echo "check-dist: $zip: iceberg.exe and How to start.txt"

# Linux
tarball=$base-linux-amd64.tar.xz
[[ -f $tarball ]] || fail "$tarball is missing: run make dist-linux"
listing=$(tar -tJf "$tarball")
bin=$(grep -E '^iceberg/usr/(local/)?bin/iceberg$' <<<"$listing") || fail "$tarball has no bin/iceberg"
desktop=$(grep -E "/share/applications/$appid\.desktop$" <<<"$listing") || fail "$tarball has no $appid.desktop"
icon=$(grep -E "/share/pixmaps/$appid\.png$" <<<"$listing") || fail "$tarball has no icon"
grep -qx 'iceberg/Makefile' <<<"$listing" || fail "$tarball has no Makefile"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -C "$tmp" -xJf "$tarball"
entry=$(cat "$tmp/$desktop")
for want in "Name=PPEI Iceberg" "Exec=iceberg" "Icon=$appid" "Type=Application"; do
  grep -qxF "$want" <<<"$entry" || fail "$desktop lacks '$want':"$'\n'"$entry"
done
file -b "$tmp/$icon" | grep -q 'PNG image data, 512 x 512' || fail "$icon: $(file -b "$tmp/$icon")"
file -b "$tmp/$bin" | grep -q 'ELF 64-bit LSB .*x86-64' || fail "$bin: $(file -b "$tmp/$bin")"
built_with "$tmp/$bin"
got=$("$tmp/$bin" --version 2>/dev/null) || fail "$bin --version failed"
want="PPEI Iceberg $version (commit $commit)"
[[ $got == "$want" ]] || fail "$bin --version printed '$got', want '$want'"
echo "check-dist: $tarball: binary ($got), $appid.desktop, 512 px icon"
echo "check-dist: both binaries built with the tags $TAGS"
