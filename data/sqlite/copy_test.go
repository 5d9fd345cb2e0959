package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
)

// sharedFile plays a database on a file server: made and closed, in its
// own folder.
func sharedFile(t *testing.T, sessions int) string {
	t.Helper()
	from, _ := oldDefault(t, sessions)
	return from
}

func TestCopyTo(t *testing.T) {
	src := sharedFile(t, 3)
	before := fingerprint(t, filepath.Dir(src))
	local := filepath.Join(t.TempDir(), "PPEI Iceberg")
	got, err := CopyTo(context.Background(), src, local)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(local, "iceberg.db"); got != want {
		t.Errorf("copy at %s, want %s", got, want)
	}
	wantSessions(t, got, 3)
	// Never over a file that is there: the next copy takes a new name.
	again, err := CopyTo(context.Background(), src, local)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(local, "iceberg (2).db"); again != want {
		t.Errorf("second copy at %s, want %s", again, want)
	}
	wantSessions(t, got, 3)
	if after := fingerprint(t, filepath.Dir(src)); after != before {
		t.Errorf("copying changed the original's folder:\nbefore %s\nafter  %s", before, after)
	}
	entries, _ := os.ReadDir(local)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, ",") != "iceberg (2).db,iceberg.db" {
		t.Errorf("local folder holds %v, want the two copies only", names)
	}
}

func TestCopyToRefuses(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.db")
	if err := os.WriteFile(notDB, []byte(strings.Repeat("not a database ", 20)), 0o600); err != nil {
		t.Fatal(err)
	}
	local := filepath.Join(dir, "local")
	if _, err := CopyTo(context.Background(), notDB, local); data.ErrorCode(err) != data.EBadFile ||
		!strings.Contains(data.ErrorMessage(err), "not an SQLite file") {
		t.Errorf("not a database: %v", err)
	}
	if _, err := CopyTo(context.Background(), filepath.Join(dir, "missing.db"), local); data.ErrorCode(err) != data.EBadFile {
		t.Errorf("missing file: %v", err)
	}
	if entries, _ := os.ReadDir(local); len(entries) != 0 {
		t.Errorf("a refused copy left %v in the local folder", entries)
	}
}

func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	src := sharedFile(t, 2)
	before := fingerprint(t, filepath.Dir(src))
	s, err := OpenReadOnly(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	if !s.ReadOnly() || s.Path() != src {
		t.Errorf("ReadOnly %v, Path %s; want true, %s", s.ReadOnly(), s.Path(), src)
	}
	list, err := s.ListSessions(ctx, data.SessionFilter{})
	if err != nil || len(list) != 2 {
		t.Fatalf("list: %v, %v", list, err)
	}
	r := mustRecord(t, s, list[0].ID)
	if r.Summary == "" {
		t.Error("the read-only copy lost a summary")
	}
	err = s.SetSummary(ctx, list[0].ID, "changed")
	if data.ErrorCode(err) != EReadOnly || !strings.Contains(data.ErrorMessage(err), "opened read-only") {
		t.Errorf("a change on a read-only store: %v", err)
	}
	if _, err := s.CreateSession(ctx, &data.Session{Title: "x", Community: "y"}); data.ErrorCode(err) != EReadOnly {
		t.Errorf("a new session on a read-only store: %v", err)
	}
	dir := s.ro.dir
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if exists(dir) {
		t.Errorf("Close left the private copy in %s", dir)
	}
	if after := fingerprint(t, filepath.Dir(src)); after != before {
		t.Errorf("reading changed the original's folder:\nbefore %s\nafter  %s", before, after)
	}
}

// An older file is read through a copy brought up to date; the original
// keeps its version.
func TestOpenReadOnlyOldSchema(t *testing.T) {
	v1, err := os.ReadFile("testdata/v1.db")
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "old.db")
	if err := os.WriteFile(src, v1, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := OpenReadOnly(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.ListSessions(context.Background(), data.SessionFilter{}); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(src)
	if string(after) != string(v1) {
		t.Error("the original was changed")
	}
	if entries, _ := os.ReadDir(filepath.Dir(src)); len(entries) != 1 {
		t.Errorf("files were written beside the original: %v", entries)
	}
}

func TestOpenReadOnlyBadFile(t *testing.T) {
	src := filepath.Join(t.TempDir(), "bad.db")
	if err := os.WriteFile(src, []byte(strings.Repeat("x", 200)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := OpenReadOnly(context.Background(), src)
	if data.ErrorCode(err) != data.EBadFile || !strings.Contains(data.ErrorMessage(err), src) {
		t.Errorf("bad file read-only: %v (the message should name %s)", err, src)
	}
}
