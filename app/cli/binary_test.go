package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestRealBinary is the one end-to-end test of the built iceberg program:
// what only main and a fresh process decide (the version from FyneApp.toml,
// the default database in the data folder, what the locale does to
// errors, a clean exit with no crash output). Every other test of the
// command line calls cli.Main in process.
func TestRealBinary(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bin := testBinary(t)
	home := filepath.Join(dir, "home")
	cfg, share := filepath.Join(home, "config"), filepath.Join(home, "share")
	run := func(env []string, args ...string) result {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = append([]string{"HOME=" + home, "XDG_CONFIG_HOME=" + cfg, "XDG_CACHE_HOME=" + filepath.Join(home, "cache"),
			"APPDATA=" + filepath.Join(home, "appdata"), "LANG=en_US.UTF-8", "PATH=" + os.Getenv("PATH")}, env...)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("run %v: %v", args, err)
		}
		if s := errb.String(); strings.Contains(s, "goroutine ") || strings.Contains(s, "panic:") {
			t.Fatalf("iceberg %v crashed:\n%s", args, s)
		}
		return result{out.String(), errb.String(), code}
	}

	if r := run(nil, "--version"); r.code != 0 || !strings.HasPrefix(r.stdout, "PPEI Iceberg ") {
		t.Errorf("--version: %+v", r)
	}

	// With no --db and no ICEBERG_DB, the database is made in the data
	// folder (XDG_DATA_HOME, else ~/.local/share), never in the config
	// folder, and a second process finds what the first wrote.
	for _, env := range [][]string{{"XDG_DATA_HOME=" + share}, nil} {
		if r := run(env, "new", "--title", "Default", "--cop", "C"); r.code != 0 || strings.TrimSpace(r.stdout) != "1" {
			t.Fatalf("new with %v: %+v", env, r)
		}
		if r := run(env, "list"); r.code != 0 || !strings.Contains(r.stdout, "Default") {
			t.Errorf("list in a second process with %v: %+v", env, r)
		}
	}
	for _, dir := range []string{share, filepath.Join(home, ".local", "share")} {
		if _, err := os.Stat(filepath.Join(dir, "ppei-iceberg", "iceberg.db")); err != nil {
			t.Errorf("default database not made: %v", err)
		}
	}
	if _, err := os.Stat(filepath.Join(cfg, "ppei-iceberg")); err == nil {
		t.Error("the old default folder in the config folder was made")
	}

	// Under a plain locale an error is still one line (no locale warnings).
	for _, env := range [][]string{{"LANG=C.UTF-8"}, {"LC_ALL=C"}, {"LANG=POSIX"}} {
		r := run(env, "show", "5")
		if lines := strings.Split(strings.TrimSpace(r.stderr), "\n"); r.code != 1 || len(lines) != 1 {
			t.Errorf("with %v: exit %d, the error took %d lines:\n%s", env, r.code, len(lines), r.stderr)
		}
	}
}

// testBinary builds the iceberg program into the repository's ignored
// .cache folder and returns its path. Go relinks it only when something
// it is built from has changed, so a warm run costs a second, not a link.
func testBinary(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("the repository root is not two folders up: %v", err)
	}
	bin := filepath.Join(root, ".cache", "test-bin", "iceberg")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	// Without symbols, as the shipped builds are: it links in about half
	// the time. The environment is the one the tests started with, so the
	// build uses Go's own cache, not an empty one under the moved HOME.
	build := exec.Command("go", "build", "-ldflags=-s -w", "-o", bin, "github.com/ppei-iceberg/iceberg")
	build.Env = buildEnv
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build iceberg: %v\n%s", err, out)
	}
	return bin
}
