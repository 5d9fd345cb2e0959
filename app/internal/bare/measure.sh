#!/usr/bin/env bash
# Measure PPEI Iceberg beside a bare Fyne window, in the same run, under Xvfb:
#   cold start to first frame (process start until the window's first
#   non-black pixel), and resident memory after a full workshop (the bare
#   window after the same wait).
#
#   app/internal/bare/measure.sh [RUNS]      (from the repository root)
set -euo pipefail
runs=${1:-5}
tmp=$(mktemp -d)
trap 'kill ${xpid:-} 2>/dev/null; rm -rf "$tmp"' EXIT
go build -o "$tmp/iceberg" .
go build -o "$tmp/bare" ./app/internal/bare
export LANG=en_US.UTF-8 XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache

Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp 3>"$tmp/display" 2>/dev/null &
xpid=$!
until [[ -s $tmp/display ]]; do sleep 0.05; done
export DISPLAY=:$(head -n 1 "$tmp/display")
py=/usr/bin/python3
[[ -x $py ]] || py=python3

# first non-black pixel at the window's centre, in seconds since $1
first_frame() {
  local start=$1
  while :; do
    if xwd -root -silent 2>/dev/null | "$py" -c '
import sys, struct
b = sys.stdin.buffer.read()
h = struct.unpack(">25I", b[:100])
hsize, w, hgt, bpl, ncol = h[0], h[4], h[5], h[12], h[19]
off = hsize + ncol * 12 + (hgt // 2) * bpl + (w // 2) * 4
sys.exit(0 if any(b[off:off + 3]) else 1)'; then
      break
    fi
  done
  echo "$(date +%s.%N) - $start" | bc
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure_start() { # program args...
  local s; s=$(date +%s.%N)
  "$@" >/dev/null 2>&1 &
  local pid=$!
  first_frame "$s"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  sleep 0.5
}

db=$tmp/x.db
id=$("$tmp/iceberg" --db "$db" new --title "Measure" --cop "Governing Body")
for i in $(seq "$runs"); do
  rm -rf "$XDG_CONFIG_HOME"
  measure_start "$tmp/iceberg" --db "$db" >>"$tmp/app.txt"
  measure_start "$tmp/bare" >>"$tmp/bare.txt"
done
echo "cold start to first frame, median of $runs: iceberg $(median <"$tmp/app.txt") s, bare $(median <"$tmp/bare.txt") s"
echo "  iceberg runs: $(tr '\n' ' ' <"$tmp/app.txt")"
echo "  bare runs:    $(tr '\n' ' ' <"$tmp/bare.txt")"

rss() { awk '/VmRSS|VmHWM/ {printf "%s %d MB  ", $1, $2/1024}' "/proc/$1/status"; }

# A full workshop: open the session, shade every word of every element,
# run and pause each timer, agree each element, then the Review map.
rm -rf "$XDG_CONFIG_HOME"
"$tmp/iceberg" --db "$db" >/dev/null 2>&1 &
app=$!
win=$(xdotool search --sync --onlyvisible --pid "$app" | head -n 1)
sleep 1
keys="Return Right"
for n in 5 5 4 6 3; do
  for k in $(seq "$n"); do keys="$keys $k $k"; done
  keys="$keys t p p t a Right"
done
for k in $keys; do xdotool key --window "$win" "$k"; sleep 0.15; done
sleep 2
echo "after a full workshop: iceberg $(rss "$app")"
"$tmp/iceberg" --db "$db" show "$id" | head -n 3 >&2 || true
kill "$app"; wait "$app" 2>/dev/null || true

"$tmp/bare" >/dev/null 2>&1 &
bare=$!
xdotool search --sync --onlyvisible --pid "$bare" >/dev/null
sleep 3
echo "bare window after the same wait: $(rss "$bare")"
kill "$bare"; wait "$bare" 2>/dev/null || true
