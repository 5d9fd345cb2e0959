//go:build !windows

package export

import (
	"errors"
	"os"
	"sync"
	"syscall"
)

var umask = sync.OnceValue(func() os.FileMode {
	m := syscall.Umask(0)
	syscall.Umask(m)
	return os.FileMode(m)
})

// newFileMode is a new output's permissions: the user's usual ones (0666
// less the umask), or 0600 for a file with names.
func newFileMode(private bool) os.FileMode {
	if private {
		return 0o600
	}
	return 0o666 &^ umask()
}

func isDiskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EFBIG) || errors.Is(err, syscall.EDQUOT)
}
