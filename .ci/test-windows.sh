#!/usr/bin/env bash
# Runs the Windows build's command line under wine64, as a facilitator's laptop would:
# --version, `framework --json`, then a session made with `new` and read back with `show --json`
# from a database whose path has spaces and non-ASCII letters, given by --db and by ICEBERG_DB,
# and one made with no --db, which must land in the user's AppData folder.
set -euo pipefail
cd "$(dirname "$0")/.."
exe=$PWD/dist/iceberg.exe
[[ -f $exe ]] || { echo "test-windows: $exe is missing: run make dist-windows" >&2; exit 1; }
version=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)".*/\1/p' FyneApp.toml | head -n 1)
commit=${COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}

wine=$(command -v wine64 || command -v wine || echo /usr/lib/wine/wine64)
[[ -x $wine ]] || { echo "test-windows: wine64 is not installed: run make test-windows" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/iceberg-wine.XXXXXX")
trap 'WINEPREFIX=$tmp/prefix wineserver -k 2>/dev/null || true; rm -rf "$tmp"' EXIT
export WINEPREFIX=$tmp/prefix WINEDEBUG=-all WINEARCH=win64
export WINEDLLOVERRIDES="mscoree,mshtml=" # no Mono or Gecko install prompts
# wine turns arguments into UTF-16 through the Unix locale: it must be a UTF-8 one that exists.
export HOME=$tmp/home LANG=C.UTF-8 LC_ALL=C.UTF-8
mkdir -p "$HOME"
unset ICEBERG_DB DISPLAY # the command line must not need a screen
PATH=/usr/lib/wine:$PATH # wineserver

fail() { echo "test-windows: $*" >&2; exit 1; }
step_start=$SECONDS
run() { "$wine" "$exe" "$@" 2>"$tmp/stderr" | tr -d '\r'; }

"$wine" wineboot --init >/dev/null 2>&1 || true
# Go's runtime needs bcryptprimitives.dll (ProcessPrng), which Windows 10 and later have and
# wine 8.0 lacks: give the test prefix a small stand-in built with the same mingw-w64.
sys32=$WINEPREFIX/drive_c/windows/system32
[[ -d $sys32 ]] || fail "wineboot made no prefix in $WINEPREFIX"
if [[ ! -e $sys32/bcryptprimitives.dll ]]; then
  x86_64-w64-mingw32-gcc -O2 -shared -s -o "$sys32/bcryptprimitives.dll" .ci/wine-bcryptprimitives.c -ladvapi32
fi
echo "test-windows: wine prefix ready ($((SECONDS - step_start)) s)"

got=$(run --version) || fail "--version failed: $(cat "$tmp/stderr")"
[[ $got == "PPEI Iceberg $version (commit $commit)" ]] || fail "--version printed '$got'"
echo "test-windows: --version: $got"

run framework --json >"$tmp/framework.json" || fail "framework --json failed: $(cat "$tmp/stderr")"
jq -e '(.elements | length) == 5 and ([.elements[].words | length] | add) == 22' \
  "$tmp/framework.json" >/dev/null || fail "framework --json printed no valid framework of 5 elements and 22 words"
echo "test-windows: framework --json: $(jq -r '"\(.id) \(.version), elements \([.elements[].code] | join(" "))"' "$tmp/framework.json")"

# A folder a real user could have: spaces, an apostrophe and letters outside ASCII.
dir="$HOME/Zoë's sessions (Łódź)"
mkdir -p "$dir"
winpath="Z:$(sed 's|/|\\|g' <<<"$dir")\\iceberg test.db"

title="Governing Body – Siân's test"
id=$(run --db "$winpath" new --title "$title" --cop "Governing Body") ||
  fail "new failed: $(cat "$tmp/stderr")"
id=$(tr -d '[:space:]' <<<"$id")
[[ -n $id ]] || fail "new printed no id"
[[ -f "$dir/iceberg test.db" ]] || fail "new did not create $dir/iceberg test.db"

check_show() {
  jq -e --arg id "$id" --arg title "$title" '(.id | tostring) == $id and .title == $title' "$1" >/dev/null
}
run --db "$winpath" show "$id" --json >"$tmp/show.json" || fail "show --json failed: $(cat "$tmp/stderr")"
check_show "$tmp/show.json" || fail "show --json did not return the session: $(cat "$tmp/show.json")"
ICEBERG_DB=$winpath run show "$id" --json >"$tmp/show2.json" || fail "ICEBERG_DB show failed: $(cat "$tmp/stderr")"
check_show "$tmp/show2.json" || fail "ICEBERG_DB show did not return the session"
echo "test-windows: new → show --json round trip in '$winpath' (by --db and ICEBERG_DB)"

# With no --db the database goes to the user's AppData folder (os.UserConfigDir on Windows).
run new --title "Default folder" --cop "Test" >/dev/null || fail "new without --db failed: $(cat "$tmp/stderr")"
db=$(find "$WINEPREFIX/drive_c/users" -path '*/AppData/Roaming/ppei-iceberg/iceberg.db' | head -n 1)
[[ -n $db ]] || fail "new without --db made no AppData\\Roaming\\ppei-iceberg\\iceberg.db"
echo "test-windows: default database: ${db#"$WINEPREFIX/"}"
echo "test-windows: passed ($((SECONDS - step_start)) s)"
