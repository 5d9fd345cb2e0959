//go:build !windows

package data

import (
	"errors"
	"os"
	"syscall"
)

// openRegular opens a file for reading without waiting: a pipe put in a
// checked file's place cannot hang the open.
func openRegular(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

func isNameTooLong(err error) bool { return errors.Is(err, syscall.ENAMETOOLONG) }
