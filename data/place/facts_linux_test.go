package place

import (
	"os"
	"path/filepath"
	"testing"
)

// The real facts on this machine: a temp folder is on a local disk, and a
// database that does not exist yet is judged by its folder.
func TestSystemFactsLinux(t *testing.T) {
	dir := t.TempDir()
	f := System()
	if f.FileSystem == nil || f.Resolve == nil {
		t.Fatal("System() gives no file system facts on Linux")
	}
	magic, typ, err := f.FileSystem(filepath.Join(dir, "not yet", "iceberg.db"))
	if err != nil || magic == 0 || typ == "" {
		t.Fatalf("FileSystem = %#x, %q, %v; want a magic number and a mount type", magic, typ, err)
	}
	if err := Check(filepath.Join(dir, "iceberg.db"), f); err != nil {
		t.Errorf("a temp folder is reported as %v", err)
	}
	// A link is followed as far as the path exists.
	if err := os.Symlink(dir, filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	real, _ := filepath.EvalSymlinks(dir)
	got, err := f.Resolve(filepath.Join(dir, "link", "new", "iceberg.db"))
	if want := filepath.Join(real, "new", "iceberg.db"); err != nil || got != want {
		t.Errorf("Resolve = %q, %v; want %q", got, err, want)
	}
}
