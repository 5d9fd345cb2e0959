package app

import (
	"os/exec"
	"strings"
	"testing"
)

// TestWindowKnowsNoSQLite checks the window is built on data.Store alone:
// main hands it the SQLite store and sqlite.Files, so the window's package
// never imports the SQLite one.
func TestWindowKnowsNoSQLite(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/ppei-iceberg/iceberg/app").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list gave %d packages; it is not listing the app's dependencies:\n%s", len(deps), out)
	}
	for _, p := range deps {
		if p == "github.com/ppei-iceberg/iceberg/data/sqlite" {
			t.Fatal("package app imports data/sqlite; it must know only data.Store (main injects the store and sqlite.Files)")
		}
	}
}
