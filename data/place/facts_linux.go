package place

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

func systemFacts(f *Facts) {
	f.FileSystem = linuxFileSystem
}

// linuxFileSystem is statfs's magic number for path's file system, and the
// type /proc/self/mountinfo gives the mount that holds it.
func linuxFileSystem(path string) (int64, string, error) {
	dir := nearestExisting(path)
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, "", fmt.Errorf("statfs %s: %w", dir, err)
	}
	resolved, err := resolveExisting(dir)
	if err != nil {
		resolved = dir
	}
	return int64(st.Type), mountTypeOf(resolved), nil
}

// mountTypeOf is the file system type of the mount point holding path: the
// longest mount point that is path or a folder above it.
func mountTypeOf(path string) string {
	f, err := os.Open("/proc/self/mountinfo")
	if err != nil {
		return ""
	}
	defer f.Close()
	return mountTypeIn(bufio.NewScanner(f), path)
}

// mountTypeIn reads mountinfo lines: "36 35 98:0 /mnt1 /mnt2 rw … - ext3 /dev/root rw".
func mountTypeIn(sc *bufio.Scanner, path string) string {
	best, bestType := -1, ""
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 5 {
			continue
		}
		sep := -1
		for i := 6; i < len(fields); i++ {
			if fields[i] == "-" {
				sep = i
				break
			}
		}
		if sep < 0 || sep+1 >= len(fields) {
			continue
		}
		mp := unescapeMount(fields[4])
		if within(path, mp) && len(mp) > best {
			best, bestType = len(mp), fields[sep+1]
		}
	}
	return bestType
}

// unescapeMount undoes mountinfo's octal escapes (\040 for a space).
func unescapeMount(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func within(path, dir string) bool {
	if dir == "/" {
		return strings.HasPrefix(path, "/")
	}
	return path == dir || strings.HasPrefix(path, dir+"/")
}

// nearestExisting is path, or the nearest folder above it that exists.
func nearestExisting(path string) string {
	for {
		if _, err := os.Stat(path); err == nil {
			return path
		}
		parent := filepath.Dir(path)
		if parent == path {
			return path
		}
		path = parent
	}
}
