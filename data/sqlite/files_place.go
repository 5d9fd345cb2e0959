package sqlite

import (
	"context"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/place"
)

// CheckPlace refuses a sessions file in a network or synced folder, as
// CheckPlace does with this computer's facts.
func (Files) CheckPlace(path string) error { return CheckPlace(path, place.System()) }

// CopyToLocal copies the sessions file at path to the local folder, checks
// the copy and returns where it is, as CopyTo does.
func (Files) CopyToLocal(ctx context.Context, path string) (string, error) {
	dir, err := LocalFolder()
	if err != nil {
		return "", err
	}
	return CopyTo(ctx, path, dir)
}

// OpenReadOnly opens the sessions file at path read-only, as OpenReadOnly
// does.
func (Files) OpenReadOnly(ctx context.Context, path string) (data.Store, error) {
	st, err := OpenReadOnly(ctx, path)
	if err != nil {
		return nil, err
	}
	return st, nil
}
