package sqlite

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestMoveAsideAndRestoreBackup(t *testing.T) {
	now := time.Date(2026, 11, 25, 18, 0, 0, 0, time.UTC)
	dir := t.TempDir()
	path := filepath.Join(dir, "iceberg.db")

	// An old-schema file migrates and leaves a backup.
	fixture, err := os.ReadFile(filepath.Join("testdata", "v1.db"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, fixture, 0o600)
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	backups := Backups(path)
	if len(backups) != 1 {
		t.Fatalf("backups = %v", backups)
	}

	// The file goes bad; restoring keeps the bad file aside, byte for byte.
	bad := []byte("this is not a database any more")
	os.WriteFile(path, bad, 0o600)
	aside, err := RestoreBackup(path, backups[0], now)
	if err != nil {
		t.Fatal(err)
	}
	kept, _ := os.ReadFile(aside)
	if !bytes.Equal(kept, bad) {
		t.Error("the bad file was not kept as it was")
	}
	s, err = Open(context.Background(), path)
	if err != nil {
		t.Fatalf("restored backup does not open: %v", err)
	}
	if r := mustRecord(t, s, 1); r.Title != "Spring mapping" {
		t.Errorf("restored %q", r.Title)
	}
	s.Close()

	// Starting afresh moves the file aside under a new name each time.
	os.WriteFile(path, bad, 0o600)
	a1, err := MoveAside(path, now)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, bad, 0o600)
	a2, err := MoveAside(path, now)
	if err != nil {
		t.Fatal(err)
	}
	if a1 == a2 || a1 == aside {
		t.Errorf("a file set aside was overwritten: %s %s %s", aside, a1, a2)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("the path is still taken after moving aside")
	}
	if _, err := RestoreBackup(path, filepath.Join(dir, "elsewhere.db"), now); err == nil {
		t.Error("restored a file that is not a backup of this database")
	}
}
