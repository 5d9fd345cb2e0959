package place

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// System returns the facts of the computer the app runs on.
func System() Facts {
	f := Facts{OS: runtime.GOOS, Getenv: os.Getenv, Resolve: resolveExisting}
	systemFacts(&f)
	return f
}

// resolveExisting follows links in the part of path that exists and keeps
// the rest as written: a database that is about to be made has no file yet.
func resolveExisting(path string) (string, error) {
	path = filepath.Clean(path)
	var rest []string
	for {
		r, err := filepath.EvalSymlinks(path)
		if err == nil {
			return filepath.Join(append([]string{r}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(path)
		if parent == path {
			return "", err
		}
		rest = append([]string{filepath.Base(path)}, rest...)
		path = parent
	}
}
