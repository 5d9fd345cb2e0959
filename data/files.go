package data

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// The files of every database this process has opened. No export may
// write over one of them: not the database, not the journal and
// shared-memory files SQLite keeps beside it, not a backup taken before a
// migration, and not a database being built. Stores add their files as
// they open them; every writer of an output asks IsDatabaseFile first.
var openDatabases struct {
	sync.Mutex
	paths []string
}

// DatabaseSidecars are the suffixes of the files SQLite keeps beside a
// database while it is open.
var DatabaseSidecars = []string{"-wal", "-shm", "-journal"}

// AddDatabaseFile records that path is a database this process uses.
func AddDatabaseFile(path string) {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	openDatabases.Lock()
	defer openDatabases.Unlock()
	for _, p := range openDatabases.paths {
		if p == abs {
			return
		}
	}
	openDatabases.paths = append(openDatabases.paths, abs)
}

// IsDatabaseFile reports whether writing path would write over a database
// this process has opened or one of its own files, however the path is
// spelled (relative, with "..", through a symbolic link or a hard link).
func IsDatabaseFile(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	target := ResolveLinks(abs)
	openDatabases.Lock()
	dbs := append([]string(nil), openDatabases.paths...)
	openDatabases.Unlock()
	tst, terr := os.Stat(target)
	for _, db := range dbs {
		if terr == nil {
			if dst, err := os.Stat(db); err == nil && os.SameFile(tst, dst) {
				return true
			}
		}
		if !sameFolder(filepath.Dir(target), filepath.Dir(db)) {
			continue
		}
		if isOwnFile(filepath.Base(target), filepath.Base(db)) {
			return true
		}
	}
	return false
}

// isOwnFile reports whether name is db's own name, a sidecar of it, a
// backup of it (NAME.vN-backup-…) or a database being built for it
// (.NAME.new-…).
func isOwnFile(name, db string) bool {
	fold := func(s string) string {
		if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
			return strings.ToLower(s)
		}
		return s
	}
	name, db = fold(name), fold(db)
	if name == db {
		return true
	}
	for _, s := range DatabaseSidecars {
		if name == db+s {
			return true
		}
	}
	if strings.HasPrefix(name, db+".v") && strings.Contains(name, "-backup-") {
		return true
	}
	return strings.HasPrefix(name, "."+db+".new-")
}

// sameFolder compares two folders as the file system sees them.
func sameFolder(a, b string) bool {
	if a == b {
		return true
	}
	as, err := os.Stat(a)
	if err != nil {
		return false
	}
	bs, err := os.Stat(b)
	if err != nil {
		return false
	}
	return os.SameFile(as, bs)
}

// ResolveLinks follows symbolic links in path to the file a write would
// reach, even when the last link points at a file that does not exist yet.
func ResolveLinks(path string) string {
	for i := 0; i < 40; i++ {
		st, err := os.Lstat(path)
		if err != nil || st.Mode()&os.ModeSymlink == 0 {
			break
		}
		dest, err := os.Readlink(path)
		if err != nil {
			break
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	dir, base := filepath.Split(path)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		return filepath.Join(real, base)
	}
	return filepath.Clean(path)
}

// SyncDir makes a new name in dir last through a power cut, where the
// system allows it (Windows cannot open a folder for syncing; NTFS
// journals its renames).
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
