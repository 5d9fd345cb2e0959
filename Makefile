# PPEI Iceberg. `make run` opens the app, `make test` runs every check; both install what is missing.
# The longer recipes live in .ci/ so each target here stays a line or two.

GO      ?= go
COMMIT  := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
# FyneApp.toml declares [Migrations] fyneDo, which `fyne build` turns into migrated_fynedo; use it
# too. no_emoji leaves out Fyne's bundled colour-emoji font: Fyne parses it once per text style
# (about 4.7 MB of heap each), the PDF cannot show emoji anyway, and emoji typed in notes are kept
# whole and still shown from the system's own emoji font where it has one. See README, Performance.
TAGS    := migrated_fynedo,no_emoji
LDFLAGS := -X main.commit=$(COMMIT)
GOBIN   := $(or $(shell $(GO) env GOBIN),$(shell $(GO) env GOPATH)/bin)
export LANG := en_US.UTF-8
export COMMIT TAGS GOBIN

.PHONY: all deps run build test race lint bench soak fuzz dist package dist-windows dist-linux test-dist test-windows \
	install uninstall icons clean

all: build

deps:
	@.ci/deps.sh build

run: build
	./iceberg

build: deps
	$(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o iceberg .

# Tests, formatting, vet and staticcheck, with HOME and the XDG folders in a temp dir.
test:
	@.ci/deps.sh build test
	@.ci/test.sh all

# The window built with Go's race detector, started three times under Xvfb (CI runs it too).
race:
	@.ci/deps.sh build test
	@.ci/test.sh race

lint:
	@.ci/deps.sh build test lint
	@.ci/test.sh lint

soak:
	@.ci/deps.sh build
	@.ci/test.sh soak

fuzz:
	@.ci/deps.sh build
	@.ci/test.sh fuzz

bench:
	@.ci/deps.sh build test
	@.ci/test.sh bench

# Installable builds in dist/: a Windows zip and a Linux tarball, then their checks.
dist: dist-windows dist-linux test-dist

package: dist

dist-windows:
	@.ci/deps.sh windows
	@.ci/dist.sh windows

dist-linux: deps
	@.ci/deps.sh linux-package
	@.ci/dist.sh linux

test-dist:
	@.ci/check-dist.sh

# The Windows build's command line under wine64: framework, new and show round trip.
test-windows: dist-windows
	@.ci/deps.sh wine
	@.ci/test-windows.sh

# For the current user: ~/.local/bin, the menu entry and the icon, from the Linux tarball.
install: dist-linux
	@.ci/dist.sh install

uninstall:
	@.ci/dist.sh uninstall

icons:
	@.ci/deps.sh icons
	for s in 16 32 48 64 128 256 512; do \
		rsvg-convert -w $$s -h $$s resources/icon.svg -o resources/icons/icon-$$s.png || exit 1; \
	done
	cp resources/icons/icon-512.png resources/icon.png

clean:
	rm -rf iceberg iceberg.exe dist build .cache
