package export

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/ppei-iceberg/iceberg/data"
)

// WriteFileAtomic writes a public output (a PDF, a CSV without names…)
// whole or not at all. See writeFile.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	return writeFile(path, false, write)
}

// WritePrivateFile writes an output that carries people's names (the
// session file, a PDF or CSV made with names): like WriteFileAtomic, but
// the file is readable by its owner alone (0600).
func WritePrivateFile(path string, write func(io.Writer) error) error {
	return writeFile(path, true, write)
}

// writeFile writes through write into a temporary file in the same folder,
// then renames it into place, so a failed write leaves the old file byte
// for byte as it was and never leaves half a file. It refuses, before
// touching anything, a path that is a database this process uses or one
// of its own files. A new file gets the user's usual permissions (the
// umask), or 0600 when private; an existing file keeps its permissions,
// narrowed to 0600 when private, and is never widened. A path that is a
// symbolic link is written at the link's target. Errors are sentences a
// person can act on.
func writeFile(path string, private bool, write func(io.Writer) error) (err error) {
	if strings.TrimSpace(path) == "" {
		return errors.New("no file name was given: choose a file to write")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("the file name %s cannot be used: %w", path, err)
	}
	if data.IsDatabaseFile(abs) {
		return &data.Error{Code: data.EInvalid, Message: fmt.Sprintf("%s is the PPEI Iceberg database, or one of its own files, so nothing was written: choose another file name", path)}
	}
	dest := data.ResolveLinks(abs)
	dir := filepath.Dir(dest)
	if st, serr := os.Stat(dir); serr != nil {
		if errors.Is(serr, fs.ErrNotExist) {
			return fmt.Errorf("the folder %s does not exist: %w", dir, serr)
		}
		return fmt.Errorf("the folder %s cannot be read: %w", dir, serr)
	} else if !st.IsDir() {
		return fmt.Errorf("%s is not a folder, so %s cannot be written there", dir, filepath.Base(dest))
	}
	mode := newFileMode(private)
	if st, serr := os.Stat(dest); serr == nil {
		if st.IsDir() {
			return fmt.Errorf("%s is a folder: choose a file name to write to", path)
		}
		if !st.Mode().IsRegular() {
			return fmt.Errorf("%s is not an ordinary file, so it was not written: choose another file name", path)
		}
		mode = st.Mode().Perm()
		if private {
			mode &= 0o600
		}
	}
	tmp, f, err := createTemp(dir, filepath.Base(dest))
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
		forgetPending(tmp)
	}()
	if err = write(f); err != nil {
		return fmt.Errorf("the file was not complete when writing stopped, so %s was left as it was: %w", filepath.Base(dest), diskError(err))
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("the file could not be saved to disk, so %s was left as it was: %w", filepath.Base(dest), diskError(err))
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("the file could not be saved to disk, so %s was left as it was: %w", filepath.Base(dest), diskError(err))
	}
	if err = os.Chmod(tmp, mode); err != nil {
		return fmt.Errorf("the file's permissions could not be set: %w", err)
	}
	if err = os.Rename(tmp, dest); err != nil {
		return fmt.Errorf("%s could not be replaced (is it open in another program?): %w", path, err)
	}
	data.SyncDir(dir)
	return nil
}

// createTemp makes the temporary file a write goes into, named
// .NAME.NNN.tmp, after noting it as pending so that the next start removes
// it if this process is killed before the rename.
func createTemp(dir, name string) (string, *os.File, error) {
	for i := 0; i < 100; i++ {
		var b [6]byte
		_, _ = rand.Read(b[:])
		tmp := filepath.Join(dir, "."+name+"."+hex.EncodeToString(b[:])+".tmp")
		notePending(tmp)
		f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			return tmp, f, nil
		}
		forgetPending(tmp)
		if !errors.Is(err, fs.ErrExist) {
			return "", nil, fmt.Errorf("the folder %s cannot be written (check its permissions or choose another folder): %w", dir, err)
		}
	}
	return "", nil, fmt.Errorf("the folder %s has too many unfinished files: remove the .tmp files there", dir)
}

// diskError names a full disk or a file-size limit plainly.
func diskError(err error) error {
	if isDiskFull(err) {
		return fmt.Errorf("the disk is full: %w", err)
	}
	return err
}

// The pending folder holds one small marker per temporary file being
// written, holding its path and the writing process's id. CleanPending,
// run at start, removes the temporary files of processes that no longer
// run, so a killed export leaves nothing behind (such a file may hold
// names).
func pendingDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "ppei-iceberg", "pending")
}

// markerName is unique: the temporary file's name carries random digits.
func markerName(tmp string) string {
	return strconv.Itoa(os.Getpid()) + "-" + filepath.Base(tmp) + ".pending"
}

// writing holds this process's own markers while their files are being
// written: the markers of this process id that it does not hold are left
// by an earlier process that had the same id, and are stale. (The window
// and the command line's tests may run several writes at once.)
var writing sync.Map

func notePending(tmp string) {
	writing.Store(markerName(tmp), true)
	dir := pendingDir()
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return
	}
	_ = os.WriteFile(filepath.Join(dir, markerName(tmp)), []byte(tmp), 0o600)
}

func forgetPending(tmp string) {
	if dir := pendingDir(); dir != "" {
		_ = os.Remove(filepath.Join(dir, markerName(tmp)))
	}
	writing.Delete(markerName(tmp))
}

// CleanPending removes the temporary files that killed exports left
// behind, and says how many it removed. Files of a process still running
// (another copy of the app exporting now) are left alone.
func CleanPending() int {
	dir := pendingDir()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	removed := 0
	for _, e := range entries {
		name := e.Name()
		pid, err := strconv.Atoi(strings.SplitN(name, "-", 2)[0])
		if err != nil || !strings.HasSuffix(name, ".pending") {
			continue
		}
		if pid != os.Getpid() && data.ProcessRunning(pid) {
			continue
		}
		if _, ok := writing.Load(name); ok && pid == os.Getpid() {
			continue // being written now, by this process
		}
		marker := filepath.Join(dir, name)
		b, err := os.ReadFile(marker)
		if err != nil {
			continue
		}
		tmp := string(b)
		base := filepath.Base(tmp)
		if strings.HasPrefix(base, ".") && strings.HasSuffix(base, ".tmp") {
			if err := os.Remove(tmp); err == nil {
				removed++
			}
		}
		_ = os.Remove(marker)
	}
	return removed
}
