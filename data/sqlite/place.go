package sqlite

import (
	"fmt"
	"path/filepath"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/place"
)

// CheckPlace refuses, as a *data.Error of code EBadFile wrapping the
// *place.Problem, a database in a network or synced folder.
func CheckPlace(path string, f place.Facts) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("check the folder: %w", err)
	}
	if err := place.Check(abs, f); err != nil {
		return &data.Error{Code: data.EBadFile, Message: err.Error(), Err: err}
	}
	return nil
}

// LocalFolder is the folder the default database is in, on this
// computer's own disk: where copies from network and synced folders go.
func LocalFolder() (string, error) {
	p, err := DefaultPath()
	if err != nil {
		return "", err
	}
	return filepath.Dir(p), nil
}
