package app_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/ppei-iceberg/iceberg/app/internal/xwait"
)

// needDisplay fails a test or benchmark that opens real windows when there
// is no display to open them on.
func needDisplay(tb testing.TB) {
	tb.Helper()
	if os.Getenv("DISPLAY") == "" {
		tb.Fatal("this opens real windows: run it with a display (make test and make bench start Xvfb)")
	}
}

// buildApp builds the real binary into a temporary folder, with extra go
// build flags (such as -race), and returns its path.
func buildApp(tb testing.TB, flags ...string) string {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), "iceberg")
	args := append(append([]string{"build"}, flags...), "-o", bin, "github.com/ppei-iceberg/iceberg")
	if out, err := exec.Command("go", args...).CombinedOutput(); err != nil {
		tb.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// openWatcher opens an X connection that sees windows appear, closed when
// the test ends.
func openWatcher(tb testing.TB) *xwait.Watcher {
	tb.Helper()
	w, err := xwait.Open()
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(w.Close)
	return w
}
