package data

import (
	"errors"
	"os"
	"syscall"
)

func openRegular(path string) (*os.File, error) { return os.Open(path) }

func isNameTooLong(err error) bool {
	const errorFilenameExcedRange syscall.Errno = 206
	return errors.Is(err, syscall.ENAMETOOLONG) || errors.Is(err, errorFilenameExcedRange)
}
