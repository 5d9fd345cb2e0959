#!/usr/bin/env bash
# Runs the Windows build's command line under wine64, as a facilitator's laptop would:
# --version, `framework --json`, then a session made with `new` and read back with `show --json`
# from a database whose path has spaces and non-ASCII letters, given by --db and by ICEBERG_DB;
# the old default (AppData\Roaming) moved to the new one (AppData\Local) and told once; and a
# database on a drive letter the prefix's registry calls a network drive, a UNC path, a OneDrive
# folder and a SharePoint library refused for changes, read through a copy, and copied to the
# local folder.
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

# Windows tools print CRLF; compare file contents by hash.
hash() { sha256sum "$1" | cut -d' ' -f1; }
users=$WINEPREFIX/drive_c/users
winuser=$(id -un) # wine names the Windows user after the Unix one
appdata=$users/$winuser/AppData
[[ -d $appdata ]] || fail "the prefix has no AppData folder for $winuser"

# The old default, %APPDATA%\ppei-iceberg\iceberg.db (roaming), as the previous version left it.
old="$appdata/Roaming/ppei-iceberg/iceberg.db"
mkdir -p "$(dirname "$old")"
run --db "C:\\users\\$winuser\\AppData\\Roaming\\ppei-iceberg\\iceberg.db" new --title "Made before the move" --cop "PPG" >/dev/null ||
  fail "new in the old default folder failed: $(cat "$tmp/stderr")"
old_hash=$(hash "$old")
run list --json >"$tmp/list.json" || fail "list after the move failed: $(cat "$tmp/stderr")"
jq -e 'map(.title) | index("Made before the move")' "$tmp/list.json" >/dev/null ||
  fail "the moved database does not hold the old session: $(cat "$tmp/list.json")"
new="$appdata/Local/PPEI Iceberg/iceberg.db"
[[ -f $new ]] || fail "no database at AppData\\Local\\PPEI Iceberg\\iceberg.db after the move"
grep -q "has moved to this computer's own disk" "$tmp/stderr" || fail "the move was not told: $(cat "$tmp/stderr")"
[[ $(hash "$old") == "$old_hash" ]] || fail "the old file was changed by the move"
[[ -f $old.moved.txt ]] || fail "no note beside the old file"
run list >/dev/null || fail "second list failed"
[[ ! -s $tmp/stderr ]] || fail "the move was told twice: $(cat "$tmp/stderr")"
echo "test-windows: old default moved to ${new#"$WINEPREFIX/"}, told once, old file kept unchanged"

# With no --db the database is in the local (never roaming) AppData folder.
run new --title "Default folder" --cop "Test" >/dev/null || fail "new without --db failed: $(cat "$tmp/stderr")"
db=$(find "$users" -path '*/AppData/Local/PPEI Iceberg/iceberg.db' | head -n 1)
[[ -n $db ]] || fail "new without --db made no AppData\\Local\\PPEI Iceberg\\iceberg.db"
[[ -z $(find "$users" -path '*/AppData/Roaming/ppei-iceberg/iceberg.db-wal') ]] || fail "the roaming file was opened"
echo "test-windows: default database: ${db#"$WINEPREFIX/"}"

# Y: plays a mapped network drive: the prefix's registry gives it the type "network", so
# GetDriveTypeW says DRIVE_REMOTE. The same folder through Z: is the local disk.
share=$tmp/share
mkdir -p "$share"
ln -s "$share" "$WINEPREFIX/dosdevices/y:"
"$wine" reg add 'HKLM\Software\Wine\Drives' /v 'y:' /d network /f >/dev/null 2>&1 || fail "could not set Y: to network"
wineserver -w
zshare="Z:$(sed 's|/|\\|g' <<<"$share")"
sid=$(run --db "$zshare\\team.db" new --title "On the share" --cop "Board") || fail "new on Z: failed: $(cat "$tmp/stderr")"
sid=$(tr -d '[:space:]' <<<"$sid")
share_hash=$(hash "$share/team.db")
if run --db 'Y:\team.db' shade "$sid" mat.reporting shaded >/dev/null; then fail "a change on network drive Y: was allowed"; fi
grep -q "is on Y:, which is a network drive" "$tmp/stderr" || fail "Y: refusal does not name the drive: $(cat "$tmp/stderr")"
grep -q "copy-local" "$tmp/stderr" || fail "Y: refusal does not say what to do: $(cat "$tmp/stderr")"
echo "test-windows: refused on Y: (network): $(head -c 160 "$tmp/stderr")…"
run --db 'Y:\team.db' show "$sid" --json >"$tmp/show3.json" || fail "show from Y: failed: $(cat "$tmp/stderr")"
jq -e '.title == "On the share"' "$tmp/show3.json" >/dev/null || fail "show from Y: did not read the session"
run --db 'Y:\team.db' export "$sid" --out 'Y:\board paper.pdf' >/dev/null || fail "export from and to Y: failed: $(cat "$tmp/stderr")"
[[ $(head -c 5 "$share/board paper.pdf") == "%PDF-" ]] || fail "no PDF written to Y:"
[[ $(hash "$share/team.db") == "$share_hash" ]] || fail "reading from Y: changed the file"
[[ -z $(find "$share" -name 'team.db-*') ]] || fail "reading from Y: wrote beside the file: $(ls "$share")"
echo "test-windows: read from Y: through a copy, PDF written to Y:, file unchanged"
copy=$(run --db 'Y:\team.db' copy-local) || fail "copy-local from Y: failed: $(cat "$tmp/stderr")"
copy=$(tr -d '\r\n' <<<"$copy")
[[ $copy == *'\AppData\Local\PPEI Iceberg\team.db' ]] || fail "copy-local put the copy at '$copy'"
run --db "$copy" shade "$sid" mat.reporting shaded >/dev/null || fail "shade on the local copy failed: $(cat "$tmp/stderr")"
echo "test-windows: copy-local: $copy"

# A UNC path, a OneDrive folder (from the environment) and a SharePoint library (from the
# OneDrive client's registry entries) are refused before anything is opened.
if run --db '\\fileserver\team$\iceberg.db' new --title x --cop y >/dev/null; then fail "a UNC path was allowed"; fi
grep -q 'shared network folder \\\\fileserver\\team\$' "$tmp/stderr" || fail "UNC refusal: $(cat "$tmp/stderr")"
onedrive="C:\\users\\$winuser\\OneDrive - NHS Trust"
mkdir -p "$users/$winuser/OneDrive - NHS Trust"
if OneDriveCommercial=$onedrive run --db "$onedrive\\iceberg.db" new --title x --cop y >/dev/null; then fail "a OneDrive folder was allowed"; fi
grep -q "OneDrive keeps in sync" "$tmp/stderr" || fail "OneDrive refusal: $(cat "$tmp/stderr")"
library="C:\\users\\$winuser\\NHS Trust\\Commissioning - Documents"
mkdir -p "$users/$winuser/NHS Trust/Commissioning - Documents"
"$wine" reg add 'HKCU\Software\SyncEngines\Providers\OneDrive\Commissioning' /v MountPoint /d "$library" /f >/dev/null 2>&1 ||
  fail "could not add the SharePoint library's registry entry"
wineserver -w
if run --db "$library\\iceberg.db" new --title x --cop y >/dev/null; then fail "a SharePoint library was allowed"; fi
grep -q "SharePoint" "$tmp/stderr" || fail "SharePoint refusal: $(cat "$tmp/stderr")"
[[ -z $(find "$users/$winuser/OneDrive - NHS Trust" "$users/$winuser/NHS Trust" -type f) ]] || fail "a refused folder was written to"
echo "test-windows: refused a UNC path, a OneDrive folder and a SharePoint library"
echo "test-windows: passed ($((SECONDS - step_start)) s)"
