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
	errorDiskFull    syscall.Errno = 112
	errorHandleEOF   syscall.Errno = 38
	stillActive                    = 259
	processQueryInfo               = 0x1000 // PROCESS_QUERY_LIMITED_INFORMATION
)

func isDiskFull(err error) bool {
	return errors.Is(err, errorDiskFull) || errors.Is(err, errorHandleEOF)
}

// syncFolder: Windows makes a rename durable without it.
func syncFolder(string) {}

func processRunning(pid int) bool {
	h, err := syscall.OpenProcess(processQueryInfo, false, uint32(pid))
	if err != nil {
		return false
	}
	defer syscall.CloseHandle(h)
	var code uint32
	if err := syscall.GetExitCodeProcess(h, &code); err != nil {
		return false
	}
	return code == stillActive
}
