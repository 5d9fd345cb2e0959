package sqlite

import (
	"os"
	"syscall"
)

func processRunning(pid int) bool {
	const queryLimited = 0x1000 // PROCESS_QUERY_LIMITED_INFORMATION
	h, err := syscall.OpenProcess(queryLimited, false, uint32(pid))
	if err != nil {
		return false
	}
	defer syscall.CloseHandle(h)
	var code uint32
	if err := syscall.GetExitCodeProcess(h, &code); err != nil {
		return false
	}
	return code == 259 // STILL_ACTIVE
}

// linkUnsupported: FAT and some network drives have no hard links.
func linkUnsupported(error) bool { return true }

// ownedByMe: Windows permissions are not Unix modes; nothing to narrow.
func ownedByMe(os.FileInfo) bool { return false }
