package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/place"
	"github.com/ppei-iceberg/iceberg/data/sqlite"
)

// onNFS makes every path under dir look, to place.Check, like an NFS mount.
func onNFS(t *testing.T, dir string) {
	t.Helper()
	old := placeFacts
	t.Cleanup(func() { placeFacts = old })
	placeFacts = func() place.Facts {
		return place.Facts{OS: "linux", Getenv: os.Getenv, FileSystem: func(p string) (int64, string, error) {
			if p == dir || strings.HasPrefix(p, dir+string(filepath.Separator)) {
				return 0x6969, "nfs4", nil
			}
			return 0xEF53, "ext4", nil
		}}
	}
}

// privateHome points the default folders at a temp dir.
func privateHome(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, "data"))
	return home
}

func mainRun(t *testing.T, env Env, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env.Stdout, env.Stderr = &out, &errb
	env.Getenv = func(string) string { return "" }
	code = Main(args, env)
	return code, out.String(), errb.String()
}

// sharedDB makes a database with one session in a folder that plays a share.
func sharedDB(t *testing.T) (path string, id int64) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "share")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(dir, "team.db")
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	id, err = s.CreateSession(context.Background(), &data.Session{Title: "Board workshop", Community: "Governing Body"})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	onNFS(t, dir)
	return path, id
}

func sum(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

func TestNetworkDatabaseRefusedForChanges(t *testing.T) {
	privateHome(t)
	db, id := sharedDB(t)
	before := sum(t, db)
	code, _, stderr := mainRun(t, Env{}, "--db", db, "shade", fmt.Sprint(id), "mat.reporting", "shaded")
	if code != exitError {
		t.Fatalf("shade on a share: exit %d, want %d", code, exitError)
	}
	for _, want := range []string{db + " is on a network share (NFS)", "not opened for changes", "copy-local", "list, show or export"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("refusal does not say %q:\n%s", want, stderr)
		}
	}
	if n := strings.Count(strings.TrimSpace(stderr), "\n"); n != 0 {
		t.Errorf("refusal is %d lines, want one sentence:\n%s", n+1, stderr)
	}
	if sum(t, db) != before {
		t.Error("the refused file was changed")
	}
}

func TestNetworkDatabaseReadAndExported(t *testing.T) {
	privateHome(t)
	db, id := sharedDB(t)
	before := sum(t, db)
	code, stdout, stderr := mainRun(t, Env{}, "--db", db, "show", fmt.Sprint(id), "--json")
	if code != exitOK || !strings.Contains(stdout, `"title": "Board workshop"`) {
		t.Fatalf("show on a share: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "read from a copy taken now") {
		t.Errorf("show does not say it reads a copy: %q", stderr)
	}
	// Exports may be written anywhere, the share included.
	pdf := filepath.Join(filepath.Dir(db), "board paper.pdf")
	if code, _, stderr := mainRun(t, Env{}, "--db", db, "export", fmt.Sprint(id), "--out", pdf); code != exitOK {
		t.Fatalf("export from a share: exit %d: %s", code, stderr)
	}
	if b, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
	if sum(t, db) != before {
		t.Error("reading the file changed it")
	}
}

func TestCopyLocal(t *testing.T) {
	home := privateHome(t)
	db, id := sharedDB(t)
	code, stdout, stderr := mainRun(t, Env{}, "--db", db, "copy-local")
	if code != exitOK {
		t.Fatalf("copy-local: exit %d: %s", code, stderr)
	}
	local := strings.TrimSpace(stdout)
	if want := filepath.Join(home, "data", "ppei-iceberg", "team.db"); local != want {
		t.Errorf("copy at %s, want %s", local, want)
	}
	if !strings.Contains(stderr, "Use the copy with: iceberg --db "+local) {
		t.Errorf("copy-local does not say how to use the copy: %s", stderr)
	}
	if code, _, stderr := mainRun(t, Env{}, "--db", local, "shade", fmt.Sprint(id), "mat.reporting", "shaded"); code != exitOK {
		t.Fatalf("shade on the local copy: exit %d: %s", code, stderr)
	}
	// FILE as an argument, and a second copy beside the first.
	code, stdout, _ = mainRun(t, Env{}, "copy-local", db)
	if code != exitOK || strings.TrimSpace(stdout) != filepath.Join(home, "data", "ppei-iceberg", "team (2).db") {
		t.Errorf("second copy: exit %d, %s", code, stdout)
	}
	// Never into a folder that is no safer.
	code, _, stderr = mainRun(t, Env{}, "copy-local", db, "--to", filepath.Join(filepath.Dir(db), "sub"))
	if code != exitError || !strings.Contains(stderr, "no safer") {
		t.Errorf("copy onto the share: exit %d: %s", code, stderr)
	}
	code, _, stderr = mainRun(t, Env{}, "copy-local")
	if code != exitUsage || !strings.Contains(stderr, "needs the file to copy") {
		t.Errorf("copy-local with no file: exit %d: %s", code, stderr)
	}
	code, stdout, _ = mainRun(t, Env{}, "copy-local", "--help")
	if code != exitOK || !strings.Contains(stdout, "--to folder") {
		t.Errorf("copy-local --help: %s", stdout)
	}
}

// The window is not given a store for a file on a share: it gets the
// reason, to show with the ways on.
func TestNetworkDatabaseWindow(t *testing.T) {
	privateHome(t)
	db, _ := sharedDB(t)
	var gotStore data.Store
	var gotErr error
	env := Env{OpenWindow: func(store data.Store, path string, openErr error, _ string) error {
		gotStore, gotErr = store, openErr
		return nil
	}}
	if code, _, stderr := mainRun(t, env, "--db", db); code != exitOK {
		t.Fatalf("window: exit %d: %s", code, stderr)
	}
	if gotStore != nil {
		t.Fatal("the window was given a store on a share")
	}
	if _, ok := place.IsProblem(gotErr); !ok || data.ErrorCode(gotErr) != data.EBadFile {
		t.Fatalf("window error %v, want a bad-file error holding the place problem", gotErr)
	}
}

// The old default's file is moved at the first start, and that is said
// once.
func TestDefaultDatabaseMoved(t *testing.T) {
	home := privateHome(t)
	onNFS(t, filepath.Join(home, "nowhere")) // nothing here is a share
	old := filepath.Join(home, "config", "ppei-iceberg", "iceberg.db")
	if err := os.MkdirAll(filepath.Dir(old), 0o700); err != nil {
		t.Fatal(err)
	}
	s, err := sqlite.Open(context.Background(), old)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateSession(context.Background(), &data.Session{Title: "Kept from before", Community: "PPG"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := sum(t, old)
	code, stdout, stderr := mainRun(t, Env{}, "list")
	if code != exitOK || !strings.Contains(stdout, "Kept from before") {
		t.Fatalf("list after the move: exit %d\n%s\n%s", code, stdout, stderr)
	}
	newPath := filepath.Join(home, "data", "ppei-iceberg", "iceberg.db")
	if !strings.Contains(stderr, "has moved to this computer's own disk") || !strings.Contains(stderr, newPath) || !strings.Contains(stderr, old) {
		t.Errorf("the move is not told: %q", stderr)
	}
	if sum(t, old) != before {
		t.Error("the old file was changed")
	}
	code, _, stderr = mainRun(t, Env{}, "list")
	if code != exitOK || stderr != "" {
		t.Errorf("second start: exit %d, said %q; want nothing said", code, stderr)
	}
}

// The window is told of the move, once, with the store on the new file.
func TestDefaultDatabaseMovedWindow(t *testing.T) {
	home := privateHome(t)
	onNFS(t, filepath.Join(home, "nowhere"))
	old := filepath.Join(home, "config", "ppei-iceberg", "iceberg.db")
	if err := os.MkdirAll(filepath.Dir(old), 0o700); err != nil {
		t.Fatal(err)
	}
	s, err := sqlite.Open(context.Background(), old)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	var notices, paths []string
	env := Env{OpenWindow: func(store data.Store, path string, openErr error, notice string) error {
		if store == nil {
			t.Errorf("no store for the window: %v", openErr)
		}
		notices, paths = append(notices, notice), append(paths, path)
		return nil
	}}
	for i := 0; i < 2; i++ {
		if code, _, stderr := mainRun(t, env, []string{}...); code != exitOK {
			t.Fatalf("window start %d: exit %d: %s", i, code, stderr)
		}
	}
	newPath := filepath.Join(home, "data", "ppei-iceberg", "iceberg.db")
	if len(notices) != 2 || !strings.Contains(notices[0], newPath) || notices[1] != "" {
		t.Errorf("notices %q, want the move told at the first start only", notices)
	}
	if len(paths) != 2 || paths[0] != newPath || paths[1] != newPath {
		t.Errorf("window opened %v, want %s both times", paths, newPath)
	}
}
