#!/usr/bin/env bash
# The project's checks, run so they never touch the user's own files: HOME and the XDG folders
# (Fyne's preferences and font cache, Mesa's shader cache) point at a fresh temp dir. Go's build
# and module caches stay where they are: moving them would make every run a cold cgo build.
#
#   .ci/test.sh all     gofmt, go vet, go test, staticcheck; fails on any finding
#   .ci/test.sh lint    the same without go test
#   .ci/test.sh race    the window built with Go's race detector, driven under Xvfb
#   .ci/test.sh bench   benchmarks, each beside its floor, then the ratios
#   .ci/test.sh soak    the crash test with thousands of kills
#   .ci/test.sh fuzz    each fuzz target for a bounded time
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}

# Pin what Go would otherwise derive from HOME before HOME moves.
GOPATH=$(go env GOPATH) GOCACHE=$(go env GOCACHE) GOMODCACHE=$(go env GOMODCACHE) GOENV=$(go env GOENV)
export GOPATH GOCACHE GOMODCACHE GOENV
gobin=${GOBIN:-$(go env GOBIN)}
export PATH="${gobin:-$GOPATH/bin}:$PATH"
export STATICCHECK_CACHE=$PWD/.cache/staticcheck

tmp=$(mktemp -d "${TMPDIR:-/tmp}/iceberg-test.XXXXXX")
xvfb_pid=
cleanup() {
  [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache \
  XDG_DATA_HOME=$tmp/data XDG_STATE_HOME=$tmp/state XDG_RUNTIME_DIR=$tmp/runtime
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME" "$XDG_STATE_HOME"
mkdir -m 0700 "$XDG_RUNTIME_DIR"
export LANG=en_US.UTF-8
# Tests, vet, staticcheck and the binaries tests build all use the Makefile's build tags.
: "${TAGS:?run this through make, which sets TAGS}"
export GOFLAGS="${GOFLAGS:+$GOFLAGS }-tags=$TAGS"
unset LC_ALL ICEBERG_DB # a developer's own database must never reach a test
unset ICEBERG_NO_OFFICE # make test always runs the LibreOffice checks (.ci/deps.sh office installs it)
unset ICEBERG_NO_BROWSER # make test always runs the browser checks (.ci/deps.sh browser installs them)

# step runs a command under a heading with its time, and returns its status (also when called
# where set -e does not apply, as in `step ... || rc=$?`).
step() {
  local name=$1 start=$SECONDS rc=0
  shift
  echo "== $name"
  "$@" || rc=$?
  echo "== $name: $((SECONDS - start)) s"
  return "$rc"
}

gofmt_check() {
  local files unformatted
  mapfile -t files < <(git ls-files -co --exclude-standard '*.go')
  ((${#files[@]})) || return 0
  unformatted=$(gofmt -l "${files[@]}")
  if [[ -n $unformatted ]]; then
    printf 'Not gofmt-formatted (run gofmt -w on them):\n%s\n' "$unformatted" >&2
    return 1
  fi
}

# Tests that open a real window get a virtual screen when there is no display (as in CI), of
# the size given (default 1280x800).
start_xvfb() {
  [[ -n ${DISPLAY:-} ]] && return 0
  local d=99
  while [[ -e /tmp/.X$d-lock || -e /tmp/.X11-unix/X$d ]]; do d=$((d + 1)); done
  Xvfb ":$d" -screen 0 "${1:-1280x800}x24" -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=:$d
}

case $mode in
  lint)
    step gofmt gofmt_check
    # Vet and staticcheck see the race check's file too (tag racecheck), though go test leaves it
    # to make race.
    step "go vet" go vet -tags "$TAGS,racecheck" ./...
    step staticcheck staticcheck -tags "$TAGS,racecheck" ./...
    ;;
  all)
    step gofmt gofmt_check
    start_xvfb
    # The checks run in two lines at once, so that a cold build keeps both cores busy (README,
    # Build from source, has the measured times):
    #  - the window line: first the GL binding Fyne's driver uses, then the tests of every package
    #    that reaches the window. The binding's cgo step (gcc on a probe of its 5,706 C names) is
    #    one single-core job of about three minutes on a cold cache, and everything in this line
    #    waits for it, so it starts first, at normal priority;
    #  - the plain line, niced, on the other core meanwhile: the LibreOffice and Chromium install
    #    (on a fresh machine; the office tests need them), then the tests and vet of data, export
    #    and resources, which never reach the window, then staticcheck's install.
    # Last, go vet of the window's packages beside staticcheck of the whole tree (vet sees the race
    # check's file, tag racecheck, though go test leaves that test to make race).
    #
    # The window's tests build and lay out every screen many times over, leaving much short-lived
    # garbage: a GC target of 300% (Go's default is 100%) takes about a sixth off the CPU the tests
    # use, for a few hundred MB more memory (README, Build from source). Only go test has it; the
    # windows the tests start get it too, and no test measures their memory (make bench does).
    # (go list's failure must stop the run: an empty list would test only the main package.)
    every=$(go list ./...)
    plain_list=$(go list ./data/... ./export/... ./resources/...)
    mapfile -t plain <<<"$plain_list"
    mapfile -t window < <(grep -vxFf <(printf '%s\n' "${plain[@]}") <<<"$every")
    ((${#plain[@]} && ${#window[@]})) || { echo "test.sh: go list found no packages to test" >&2; exit 1; }
    tests_start=$SECONDS
    (
      rc=0
      step "office and browser" .ci/deps.sh office browser || rc=$?
      if ((rc == 0)); then
        GOGC=${GOGC:-300} step "go test (data, export, resources)" \
          nice -n 10 go test -vet=off -timeout 30m "${plain[@]}" || rc=$?
      fi
      step "go vet (data, export, resources)" nice -n 10 go vet -tags "$TAGS,racecheck" "${plain[@]}" || rc=$?
      step "staticcheck install" nice -n 10 .ci/deps.sh lint || rc=$?
      exit "$rc"
    ) >"$tmp/plain.log" 2>&1 &
    plain_pid=$!
    window_rc=0
    # The binding the main package reaches (awk reads to the end: an early exit would break the pipe).
    gl=$(go list -deps . | awk '/^github\.com\/go-gl\/gl\// && !found { print; found = 1 }')
    step "GL binding ($gl)" go build "$gl" || window_rc=$?
    if ((window_rc == 0)); then
      GOGC=${GOGC:-300} step "go test (the window)" go test -vet=off -timeout 30m "${window[@]}" || window_rc=$?
    fi
    plain_rc=0
    wait "$plain_pid" || plain_rc=$?
    cat "$tmp/plain.log"
    echo "== both lines, from the start to the end of their tests: $((SECONDS - tests_start)) s"
    ((plain_rc == 0 && window_rc == 0)) || { echo "test.sh: the checks above failed" >&2; exit 1; }
    (
      set +e
      step staticcheck staticcheck -tags "$TAGS,racecheck" ./...
    ) >"$tmp/staticcheck.log" 2>&1 &
    lint_pid=$!
    vet_rc=0
    step "go vet (the window)" go vet -tags "$TAGS,racecheck" "${window[@]}" || vet_rc=$?
    lint_rc=0
    wait "$lint_pid" || lint_rc=$?
    cat "$tmp/staticcheck.log"
    ((vet_rc == 0)) || exit "$vet_rc"
    ((lint_rc == 0)) || { echo "test.sh: staticcheck found the above" >&2; exit "$lint_rc"; }
    ;;
  bench)
    # Wide enough for the responsiveness benchmarks' two 1280x720 windows side by side.
    start_xvfb 2560x800
    # The window's benchmarks run real windows a few times each: five starts; five rounds of keys
    # for responsiveness (100 shadings, 100 PageDowns); three keyed workshops for memory, whose
    # runs differ by a few MB (each takes 23 s). The rest use Go's default.
    go test -run '^$' -bench . -benchmem ./data/... ./export/... | tee "$tmp/bench.txt"
    go test -run '^$' -bench 'Startup|Respond' -benchtime 5x ./app/realwindow/ | tee -a "$tmp/bench.txt"
    go test -run '^$' -bench 'WorkshopMemory' -benchtime 3x ./app/realwindow/ | tee -a "$tmp/bench.txt"
    .ci/bench-ratios.awk "$tmp/bench.txt"
    ;;
  race)
    # Kept apart from make test's budget: -race compiles every package again. Three runs of the
    # window (ICEBERG_RACE_RUNS to change), each checked in the database as it goes.
    start_xvfb
    step "race" go test -tags "$TAGS,racecheck" -vet=off -run '^TestStartupHasNoDataRace$' -count=1 -timeout 30m ./app/realwindow/
    ;;
  soak)
    # Thousands of kills of a process mid-change; every acknowledged change must survive.
    ICEBERG_KILLS=${ICEBERG_KILLS:-3000} go test -run TestCrashDurability -timeout 60m -v ./data/sqlite | tail -n 5
    ;;
  fuzz)
    # Each fuzz target for a bounded time (FUZZTIME, default 60s).
    go test -run '^$' -fuzz '^FuzzImport$' -fuzztime "${FUZZTIME:-60s}" ./data/sqlite
    go test -run '^$' -fuzz '^FuzzParseArgs$' -fuzztime "${FUZZTIME:-60s}" ./app/cli
    ;;
  *) echo "test.sh: unknown mode '$mode' (all, lint, race, bench, soak, fuzz)" >&2; exit 2 ;;
esac
