package sqlite

import (
	"context"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
)

// Files opens sessions files and repairs one that cannot be opened, for a
// caller that knows only data.Store: main hands it to the window, which
// never imports this package.
type Files struct{}

// Open opens the sessions file at path, as Open does.
func (Files) Open(ctx context.Context, path string) (data.Store, error) {
	st, err := Open(ctx, path)
	if err != nil {
		return nil, err // not a nil *Store in a non-nil interface
	}
	return st, nil
}

// Backups lists the backups kept beside path, newest first, as Backups does.
func (Files) Backups(path string) []string { return Backups(path) }

// RestoreBackup puts backup in place of path, as RestoreBackup does.
func (Files) RestoreBackup(path, backup string, now time.Time) (string, error) {
	return RestoreBackup(path, backup, now)
}

// MoveAside moves path out of the way, as MoveAside does.
func (Files) MoveAside(path string, now time.Time) (string, error) { return MoveAside(path, now) }
