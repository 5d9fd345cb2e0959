#!/usr/bin/env bash
# Installable builds, called by the Makefile (which exports COMMIT, TAGS and GOBIN).
#
#   .ci/dist.sh windows     dist/iceberg.exe and dist/PPEI-Iceberg-VERSION-windows-amd64.zip
#   .ci/dist.sh linux       dist/PPEI-Iceberg-VERSION-linux-amd64.tar.xz (`fyne package -os linux`)
#   .ci/dist.sh install     the Linux tarball into ~/.local for the current user
#   .ci/dist.sh uninstall   removes what install put there
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
commit=${COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}
gobin=${GOBIN:-$(go env GOPATH)/bin}
fyne=$gobin/fyne

# FyneApp.toml is the one source of the name, id and version.
field() { sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\(.*\)\".*/\1/p" FyneApp.toml | head -n 1; }
version=$(field Version)
appid=$(field ID)
base=PPEI-Iceberg-$version

# `fyne package` writes generated files into the folder it builds (fyne.syso,
# fyne_metadata_init.go), renames the binary and bumps Build in FyneApp.toml. It works on a copy so
# the repository, and colleagues building in it at the same time, never see those.
stage_source() {
  local dir=$1
  rm -rf "$dir"
  mkdir -p "$dir"
  tar -C "$top" --exclude=./.git --exclude=./build --exclude=./dist --exclude=./.cache \
    --exclude=./iceberg --exclude=./iceberg.exe -cf - . | tar -C "$dir" -xf -
}

windows() {
  local stage=$top/build/_windows-src start=$SECONDS
  stage_source "$stage"
  echo "dist: Windows x86-64 build (cgo through mingw-w64; the first one takes several minutes)"
  # --release: -trimpath, -s -w and Fyne's release mode; the GUI subsystem comes from fyne.
  # fyne builds twice (again once the icon resource exists) and passes -ldflags from GOFLAGS
  # only to the first build, so the commit goes in as a source file of the copy instead.
  printf 'package main\n\nfunc init() { commit = "%s" }\n' "$commit" >"$stage/zz_dist_commit.go"
  (cd "$stage" && CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 GOOS=windows GOARCH=amd64 \
    "$fyne" package -os windows --release --tags "$TAGS")
  mkdir -p dist
  mv "$stage/PPEI Iceberg.exe" dist/iceberg.exe
  rm -rf "$stage"

  local pack=build/windows-zip
  rm -rf "$pack" && mkdir -p "$pack"
  cp dist/iceberg.exe "$pack/"
  sed "s/@VERSION@/$version/" .ci/how-to-start.txt | sed 's/$/\r/' >"$pack/How to start.txt"
  rm -f "dist/$base-windows-amd64.zip"
  (cd "$pack" && zip -q -X "$top/dist/$base-windows-amd64.zip" iceberg.exe "How to start.txt")
  rm -rf "$pack"
  echo "dist: dist/$base-windows-amd64.zip ($((SECONDS - start)) s)"
}

linux() {
  local stage=$top/build/_linux-pkg start=$SECONDS
  rm -rf "$stage" && mkdir -p "$stage/resources"
  echo "dist: Linux x86-64 build"
  # Built like `make build` (same cache, so no second cold cgo build) plus Fyne's release mode.
  go build -tags "$TAGS,release" -ldflags "-s -w -X main.commit=$commit" -o "$stage/iceberg" .
  # `fyne package --executable` only wraps the binary: it needs the metadata, the icon and some Go
  # file to recognise the folder, not the whole source.
  cp FyneApp.toml go.mod main.go "$stage/"
  cp resources/icon.png "$stage/resources/"
  (cd "$stage" && "$fyne" package -os linux --executable iceberg)
  mkdir -p dist
  mv "$stage/PPEI Iceberg.tar.xz" "dist/$base-linux-amd64.tar.xz"
  rm -rf "$stage"
  echo "dist: dist/$base-linux-amd64.tar.xz ($((SECONDS - start)) s)"
}

install() {
  local tmp
  tmp=$(mktemp -d)
  tar -C "$tmp" -xJf "dist/$base-linux-amd64.tar.xz"
  make -s -C "$tmp/iceberg" user-install
  rm -rf "$tmp"
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$HOME/.local/share/applications" || true
  echo "Installed PPEI Iceberg $version for ${USER:-$(id -un)}: ~/.local/bin/iceberg, with a menu entry."
  case ":$PATH:" in *":$HOME/.local/bin:"*) ;; *) echo "(~/.local/bin is not on your PATH: the menu entry works; to type 'iceberg', add it.)" ;; esac
}

uninstall() {
  rm -f "$HOME/.local/bin/iceberg" "$HOME/.local/share/applications/$appid.desktop" \
    "$HOME/.local/share/icons/$appid.png"
  local data=${XDG_DATA_HOME:-$HOME/.local/share}/ppei-iceberg old=${XDG_CONFIG_HOME:-$HOME/.config}/ppei-iceberg
  echo "Removed PPEI Iceberg from ~/.local. Your sessions stay in $data (delete that folder to remove them too)."
  [[ -e $old/iceberg.db ]] && echo "A backup from an earlier version stays in $old." || true
}

case ${1:-} in
  windows | linux | install | uninstall) "$1" ;;
  *) echo "usage: dist.sh windows|linux|install|uninstall" >&2; exit 2 ;;
esac
