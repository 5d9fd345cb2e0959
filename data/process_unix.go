//go:build !windows

package data

import (
	"errors"
	"syscall"
)

// ProcessRunning reports whether the process pid still runs, so that the
// leftovers of a process that was killed can be told from the work of
// another copy of the app running now.
func ProcessRunning(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
