package export

import (
	"errors"
	"os"
	"syscall"
)

// newFileMode: Windows has no umask; a file's access comes from its folder.
func newFileMode(private bool) os.FileMode {
	if private {
		return 0o600
	}
	return 0o666
}

const (
	errorDiskFull  syscall.Errno = 112
	errorHandleEOF syscall.Errno = 38
)

func isDiskFull(err error) bool {
	return errors.Is(err, errorDiskFull) || errors.Is(err, errorHandleEOF)
}
