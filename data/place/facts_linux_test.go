package place

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
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

func TestMountTypeIn(t *testing.T) {
	info := `22 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw
40 22 0:35 / /home/sam/net rw shared:20 - nfs4 fs:/export rw
41 40 0:36 / /home/sam/net/local\040disk rw - ext4 /dev/sdb1 rw
42 22 0:37 / /run/user/1000/gvfs rw,nosuid - fuse.gvfsd-fuse gvfsd-fuse rw
`
	tests := map[string]string{
		"/etc/passwd":                          "ext4",
		"/home/sam/net":                        "nfs4",
		"/home/sam/net/iceberg.db":             "nfs4",
		"/home/sam/network/iceberg.db":         "ext4",
		"/home/sam/net/local disk/iceberg.db":  "ext4",
		"/run/user/1000/gvfs/smb-share:x/a.db": "fuse.gvfsd-fuse",
	}
	for path, want := range tests {
		if got := mountTypeIn(bufio.NewScanner(strings.NewReader(info)), path); got != want {
			t.Errorf("mountTypeIn(%q) = %q, want %q", path, got, want)
		}
	}
}
