#!/usr/bin/env bash
# Installs what a make target needs, and only what is missing.
#
#   .ci/deps.sh GROUP...     groups: build test lint office browser icons windows linux-package wine
#
# Debian packages are checked with `dpkg -s` first, so a machine that has them makes no apt call
# at all; when some are missing, one `apt-get update` and one `apt-get install` fetch them (as root,
# or through sudo). Without either, it prints the apt-get line to run and fails. Go tools are
# installed with `go install` at pinned versions into $(go env GOPATH)/bin when missing.
set -euo pipefail

staticcheck_version=v0.8.2 # honnef.co/go/tools, built with this Go
fyne_version=v1.7.4        # fyne.io/tools/cmd/fyne
axe_version=4.14.1         # axe-core from npm, for the browser check of the HTML report

pkgs=() tools=() npm_pkgs=()
for group in "$@"; do
  case $group in
    # Fyne's GLFW driver needs the GL and X11 headers; libxxf86vm-dev only at link time.
    build) pkgs+=(gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
      libxinerama-dev libxi-dev libxxf86vm-dev libxext-dev) ;;
    # Xvfb and xdotool for the real-window smoke test, pdftotext for the PDF tests, rsvg-convert for
    # the SVG map; the XTEST and DAMAGE headers for app/internal/xwait, which types and watches frames.
    test) pkgs+=(xvfb xdotool poppler-utils librsvg2-bin libxtst-dev libxdamage-dev) ;;
    # The linter, built with this Go (make test installs it in its second line of checks; see .ci/test.sh).
    lint) tools+=(staticcheck) ;;
    # LibreOffice, headless, opens the Word document and the CSV in the tests as an office suite would.
    office) pkgs+=(libreoffice-writer-nogui libreoffice-calc-nogui) ;;
    # Headless Chromium and axe-core check the HTML report as a browser shows it; pdfinfo
    # reads the PDF Chromium prints. axe-core comes from npm into .cache/ (git-ignored).
    browser) pkgs+=(chromium poppler-utils) npm_pkgs+=("axe-core@$axe_version") ;;
    icons) pkgs+=(librsvg2-bin) ;;
    windows) pkgs+=(gcc-mingw-w64-x86-64 zip unzip file xz-utils) tools+=(fyne) ;;
    linux-package) pkgs+=(xz-utils) tools+=(fyne) ;;
    wine) pkgs+=(wine64 jq) ;;
    *) echo "deps.sh: unknown group '$group' (build test lint office browser icons windows linux-package wine)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
# de-duplicate, keeping order
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | awk 'NF && !seen[$0]++')

if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    sudo=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo=(sudo)
  else
    echo "Some system packages are missing. Run this (or ask someone with admin rights to):" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  echo "deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

gobin=$(go env GOBIN)
[[ -n $gobin ]] || gobin=$(go env GOPATH)/bin
for t in $(printf '%s\n' "${tools[@]}" | awk 'NF && !seen[$0]++'); do
  case $t in
    staticcheck) mod=honnef.co/go/tools/cmd/staticcheck@$staticcheck_version ;;
    fyne) mod=fyne.io/tools/cmd/fyne@$fyne_version ;;
  esac
  want=${mod##*@}
  # `go version -m` names the module version a binary was built from: reinstall on a change of pin.
  if [[ -x $gobin/$t ]] && go version -m "$gobin/$t" 2>/dev/null | awk -v w="$want" '$1 == "mod" && $3 == w { ok = 1 } END { exit !ok }'; then
    continue
  fi
  echo "deps: go install $mod"
  GOFLAGS=-buildvcs=false go install "$mod"
done

# npm packages go into .cache/npm of the project (git-ignored), never globally. Node and npm come
# with the machine; `apt-get install npm` would conflict with them, so it is never tried here.
if ((${#npm_pkgs[@]})); then
  root=$(cd "$(dirname "$0")/.." && pwd)/.cache/npm
  for spec in "${npm_pkgs[@]}"; do
    name=${spec%@*} want=${spec##*@}
    have=$(node -p "require('$root/node_modules/$name/package.json').version" 2>/dev/null || true)
    [[ $have == "$want" ]] && continue
    if ! command -v npm >/dev/null; then
      echo "npm is missing: install Node.js (which brings npm), then run this again." >&2
      exit 1
    fi
    echo "deps: npm install $spec"
    mkdir -p "$root"
    npm install --silent --no-audit --no-fund --prefix "$root" "$spec" >/dev/null
  done
fi
