package sqlite

import (
	"os"
)

// linkUnsupported: FAT and some network drives have no hard links.
func linkUnsupported(error) bool { return true }

// ownedByMe: Windows permissions are not Unix modes; nothing to narrow.
func ownedByMe(os.FileInfo) bool { return false }
