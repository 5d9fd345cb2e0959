package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ppei-iceberg/iceberg/data"
)

// EReadOnly is the code of a change refused by a store opened read-only.
const EReadOnly = "read_only"

// readOnlyCopy is what OpenReadOnly keeps: the private copy the store reads.
type readOnlyCopy struct {
	dir string
}

func (r *readOnlyCopy) remove() {
	if r != nil {
		_ = os.RemoveAll(r.dir)
	}
}

func (r *readOnlyCopy) refuse(what string, err error) error {
	return &data.Error{Code: EReadOnly, Message: fmt.Sprintf("Could not %s: this sessions file was opened read-only, to export from it. To work on it, copy it to this computer's local folder", what), Err: err}
}

// OpenReadOnly opens the database at path to read and export from it,
// without writing to it or beside it: for a file on a network or synced
// folder. The store reads a checked copy (integrity check and row counts)
// taken now in a private temporary folder, removed by Close; every change
// is refused with a *data.Error of code EReadOnly. Path() is still path,
// so no export can be written over it.
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, data.Errorf(data.EInvalid, "No database file was named.")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open store read-only: %w", err)
	}
	dir, err := os.MkdirTemp("", "iceberg-read-only-")
	if err != nil {
		return nil, fmt.Errorf("open store read-only: %w", err)
	}
	ro := &readOnlyCopy{dir: dir}
	copyPath := filepath.Join(dir, "iceberg.db")
	counts, err := snapshot(ctx, abs, copyPath)
	if err == nil {
		err = verifyCopy(ctx, copyPath, counts)
	}
	var s *Store
	if err == nil {
		// Open brings an older file's copy up to this version's schema.
		s, err = Open(ctx, copyPath)
	}
	if err != nil {
		ro.remove()
		return nil, renamePath(err, copyPath, abs)
	}
	if err := s.db.Close(); err != nil {
		ro.remove()
		return nil, fmt.Errorf("open store read-only: %w", err)
	}
	s.db, err = sql.Open("sqlite3", dsn(copyPath, true, false))
	if err != nil {
		ro.remove()
		return nil, fmt.Errorf("open store read-only: %w", err)
	}
	s.path, s.ro, s.BackupPath = abs, ro, ""
	data.AddDatabaseFile(abs)
	data.AddDatabaseFile(copyPath)
	return s, nil
}

// ReadOnly reports whether the store was opened with OpenReadOnly.
func (s *Store) ReadOnly() bool { return s.ro != nil }

// renamePath puts the file the user named in place of the private copy's
// path in a message about the copy.
func renamePath(err error, copyPath, path string) error {
	var de *data.Error
	if !errors.As(err, &de) || !strings.Contains(de.Message, copyPath) {
		return err
	}
	return &data.Error{Code: de.Code, Message: strings.ReplaceAll(de.Message, copyPath, path), Err: de.Err}
}
