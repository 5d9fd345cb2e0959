#!/usr/bin/env bash
# Screenshots of the real window under Xvfb, full screen (F11), for the
# README's "The room" and the screenshots above it.
#
#   docs/room-shots.sh [OUTDIR]        (default docs/)
#
# Each shot starts the binary on a fresh database holding the first example
# session, with the window's preferences set to reopen it on the screen
# wanted (Fyne reads them from $XDG_CONFIG_HOME/fyne/<app id>/), at the text
# zoom and look wanted. Look at every picture before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs}
export LANG=en_US.UTF-8 GOFLAGS=${GOFLAGS:--tags=migrated_fynedo,no_emoji}
work=$(mktemp -d)
trap 'sleep 1; rm -rf "$work" 2>/dev/null || true' EXIT
# The screenshot tool is the team's, in ../shared beside the repository.
shoot=${SCREENSHOT:-$PWD/../shared/tools/screenshot.sh}
[[ -x $shoot ]] || { echo "room-shots.sh: $shoot is missing (set SCREENSHOT to the screenshot tool)" >&2; exit 1; }
go build -o "$work/iceberg" .

# shot NAME SIZE SCREEN ZOOM LOOK [KEYS]: one picture, $out/NAME.png, after
# F11 and KEYS ($WAIT seconds after the window shows, 3 unless set). Review
# is reached from Meanings with Right, as in a workshop: on a loaded machine
# an F11 sent while a reopened Review was still drawing its map was lost.
shot() {
  local name=$1 size=$2 screen=$3 zoom=$4 look=$5 keys=${6:-} dir="$work/$1"
  mkdir -p "$dir/config/fyne/uk.org.ppei.iceberg" "$dir/cache"
  local id
  id=$(XDG_CONFIG_HOME="$dir/config" "$work/iceberg" --db "$dir/iceberg.db" import resources/examples/1-leadership-paperwork.json | grep -o '[0-9]\+' | head -n 1)
  printf '{"lastSession":%s,"lastScreen":"%s","session.%s.screen":"%s","zoom":%s,"look":"%s"}\n' \
    "$id" "$screen" "$id" "$screen" "$zoom" "$look" >"$dir/config/fyne/uk.org.ppei.iceberg/preferences.json"
  XDG_CONFIG_HOME="$dir/config" XDG_CACHE_HOME="$dir/cache" ICEBERG_DB="$dir/iceberg.db" \
    "$shoot" "$out/$name.png" --size "$size" --wait "${WAIT:-3}" --keys "F11 $keys" -- "$work/iceberg"
  rm -f "$out/$name.log"
}

[[ -n ${ONLY:-} ]] && { shot $ONLY; exit; }

for size in 1024x768 1920x1080; do
  shot "room-$size-home" $size home 1 light
  shot "room-$size-setup" $size setup 1 light
  shot "room-$size-intro" $size intro 1 light
  shot "room-$size-element" $size BE 1 light
  shot "room-$size-review" $size M 1 light Right
done
shot room-1280x720-element 1280x720 BE 1 light
shot room-1366x768-element 1366x768 BE 1 light
shot room-1280x720-element-150 1280x720 BE 1.5 light
shot room-1024x768-element-150 1024x768 BE 1.5 light

# The README's screenshots, at 1280×720 as before.
shot workshop-element-light 1280x720 BE 1 light
shot workshop-element-contrast 1280x720 BE 1 contrast
shot workshop-intro-light 1280x720 intro 1 light
shot review-light 1280x720 M 1 light Right
shot review-contrast 1280x720 M 1 contrast Right
shot setup-light 1280x720 setup 1 light
shot setup-contrast 1280x720 setup 1 contrast
shot home-light 1280x720 home 1 light
shot home-contrast 1280x720 home 1 contrast
