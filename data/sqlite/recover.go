package sqlite

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
)

// The ways on from a database file that cannot be opened. None of them
// deletes or overwrites the file: a bad file is moved aside, and kept.

// Backups lists the backup copies taken before migrations of the database
// at path, newest first.
func Backups(path string) []string {
	matches, _ := filepath.Glob(path + ".v*-backup-*")
	sort.Slice(matches, func(i, j int) bool {
		a, _ := os.Stat(matches[i])
		b, _ := os.Stat(matches[j])
		if a == nil || b == nil {
			return matches[i] > matches[j]
		}
		return a.ModTime().After(b.ModTime())
	})
	return matches
}

// MoveAside renames the file at path (and any journal beside it) to a new
// name in the same folder and returns that name, so a new file can be
// started while the old one is kept.
func MoveAside(path string, now time.Time) (string, error) {
	stamp := now.UTC().Format("20060102-150405")
	dest := fmt.Sprintf("%s.set-aside-%s", path, stamp)
	for i := 2; exists(dest); i++ {
		dest = fmt.Sprintf("%s.set-aside-%s-%d", path, stamp, i)
	}
	if err := os.Rename(path, dest); err != nil {
		return "", &data.Error{Code: data.EBadFile, Message: fmt.Sprintf("Could not move %s aside", path), Err: err}
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if exists(path + suffix) {
			_ = os.Rename(path+suffix, dest+suffix)
		}
	}
	return dest, nil
}

// RestoreBackup moves the file at path aside (when there is one) and puts
// a copy of backup in its place. It returns where the old file went.
func RestoreBackup(path, backup string, now time.Time) (string, error) {
	if !strings.HasPrefix(backup, path+".") {
		return "", data.Errorf(data.EInvalid, "%s is not a backup of %s.", backup, path)
	}
	src, err := os.Open(backup)
	if err != nil {
		return "", &data.Error{Code: data.EBadFile, Message: fmt.Sprintf("Could not read the backup %s", backup), Err: err}
	}
	defer src.Close()
	var aside string
	if exists(path) {
		if aside, err = MoveAside(path, now); err != nil {
			return "", err
		}
	}
	tmp := path + ".restoring"
	dst, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return aside, &data.Error{Code: data.EBadFile, Message: fmt.Sprintf("Could not write %s", tmp), Err: err}
	}
	_, err = io.Copy(dst, src)
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return aside, &data.Error{Code: data.EBadFile, Message: "Could not restore the backup: is the disk full?", Err: err}
	}
	return aside, nil
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return !errors.Is(err, fs.ErrNotExist)
}
