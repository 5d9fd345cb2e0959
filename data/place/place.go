// Package place decides where PPEI Iceberg keeps its database, and whether
// a folder is safe for one: on the computer's own disk, not on a file
// server or in a folder a sync client (OneDrive, SharePoint) copies about.
//
// SQLite's own documentation says WAL mode does not work over a network
// filesystem and that file locking there is unreliable; a sync client that
// copies the file mid-write can damage it or bring back an old copy. Session
// files, PDFs and the other exports are written whole and renamed into
// place, so they may go anywhere: only the database is checked.
//
// The package reads nothing from the system by itself: every fact it
// decides on comes through Facts, so tests give their own. System returns
// the real ones.
package place

import (
	"errors"
	"fmt"
	"strings"
)

// Kind says what sort of place a path is in.
type Kind int

// Kinds of place.
const (
	Local   Kind = iota // the computer's own disk
	Network             // a file server: a UNC path, a network drive, an NFS or SMB mount
	Synced              // a folder OneDrive or SharePoint keeps in sync
)

func (k Kind) String() string {
	switch k {
	case Network:
		return "network"
	case Synced:
		return "synced"
	default:
		return "local"
	}
}

// Facts are what Check and the default paths learn from the system.
// A nil function means the fact is not known on this system, and the check
// that needs it is not made.
type Facts struct {
	// OS is runtime.GOOS: "windows", "linux", "darwin", …
	OS string
	// Getenv reads an environment variable.
	Getenv func(string) string
	// Resolve returns the path with symbolic links and junctions followed
	// as far as it exists (the database file itself may not exist yet).
	Resolve func(path string) (string, error)
	// DriveType is GetDriveTypeW for a root such as `C:\` or
	// `\\?\Volume{…}\` (Windows): DriveRemote for a network drive.
	DriveType func(root string) uint32
	// SyncRoots lists the folders OneDrive keeps in sync, SharePoint
	// libraries included, as its client records them (Windows registry).
	SyncRoots func() []string
	// FileSystem gives the statfs magic number of the file system holding
	// path (or its nearest existing folder), and the type its mount table
	// names, such as "nfs4" or "fuse.sshfs" (Linux).
	FileSystem func(path string) (magic int64, mountType string, err error)
}

// GetDriveTypeW's answers (winbase.h).
const (
	DriveUnknown   = 0
	DriveNoRootDir = 1
	DriveRemovable = 2
	DriveFixed     = 3
	DriveRemote    = 4
	DriveCDROM     = 5
	DriveRAMDisk   = 6
)

// Problem says a database path is in a network or synced place. Its Error
// is one plain sentence for the user.
type Problem struct {
	Path string
	Kind Kind
	// Where names the place in the user's words, e.g. "on Y:, which is a
	// network drive" or "in a folder that OneDrive keeps in sync
	// (C:\Users\sam\OneDrive - NHS)".
	Where string
}

// Why is the reason a database must not be kept there, in plain words.
func (p *Problem) Why() string {
	if p.Kind == Synced {
		return "a sync client can copy a database while it is being written, which can damage it or bring back an old copy"
	}
	return "a database kept on a network folder can be damaged or lose changes, because its locking does not work reliably there"
}

// Error is the whole sentence: what, why, and the two ways on.
func (p *Problem) Error() string {
	return fmt.Sprintf("The sessions file %s is %s, and %s, so it was not opened for changes: copy it to this computer's local folder and use the copy, or open it read-only to export from it.",
		p.Path, p.Where, p.Why())
}

// IsProblem reports whether err is, or wraps, a *Problem, and returns it.
func IsProblem(err error) (*Problem, bool) {
	var p *Problem
	ok := errors.As(err, &p)
	return p, ok
}

// Check reports a *Problem when path is in a network or synced place, and
// nil when it is on the local disk or nothing says otherwise. path should
// be absolute.
func Check(path string, f Facts) error {
	paths := []string{path}
	if f.Resolve != nil {
		if r, err := f.Resolve(path); err == nil && r != "" && r != path {
			paths = append(paths, r)
		}
	}
	for _, p := range paths {
		var prob *Problem
		switch f.OS {
		case "windows":
			prob = checkWindows(p, f)
		case "linux":
			prob = checkLinux(p, f)
		}
		if prob != nil {
			prob.Path = path
			return prob
		}
	}
	return nil
}

// App folder names: Windows shows folders to people, so it gets the
// product's name; Linux's data folders are lower case by custom.
const (
	windowsFolder = "PPEI Iceberg"
	unixFolder    = "ppei-iceberg"
	oldFolder     = "ppei-iceberg" // the old default's folder, every system
	fileName      = "iceberg.db"
)

// DefaultPath is where the database lives unless another file is named:
// %LOCALAPPDATA%\PPEI Iceberg\iceberg.db on Windows (the local profile,
// which never roams), the XDG data folder on Linux
// ($XDG_DATA_HOME/ppei-iceberg/iceberg.db, else ~/.local/share/…), and
// Application Support on macOS.
func DefaultPath(f Facts) (string, error) {
	switch f.OS {
	case "windows":
		dir := f.getenv("LOCALAPPDATA")
		if dir == "" {
			home := f.getenv("USERPROFILE")
			if home == "" {
				return "", errors.New("find the local app data folder: neither %LOCALAPPDATA% nor %USERPROFILE% is set")
			}
			dir = winJoin(home, "AppData", "Local")
		}
		return winJoin(dir, windowsFolder, fileName), nil
	case "darwin", "ios":
		home := f.getenv("HOME")
		if home == "" {
			return "", errors.New("find the data folder: $HOME is not set")
		}
		return home + "/Library/Application Support/" + unixFolder + "/" + fileName, nil
	default:
		dir := f.getenv("XDG_DATA_HOME")
		if !strings.HasPrefix(dir, "/") { // the XDG spec: a relative value is ignored
			home := f.getenv("HOME")
			if home == "" {
				return "", errors.New("find the data folder: neither $XDG_DATA_HOME nor $HOME is set")
			}
			dir = strings.TrimRight(home, "/") + "/.local/share"
		}
		return strings.TrimRight(dir, "/") + "/" + unixFolder + "/" + fileName, nil
	}
}

// OldDefaultPath is where versions before the move kept the database:
// iceberg.db in a ppei-iceberg folder of os.UserConfigDir, which is
// %APPDATA% (the roaming profile) on Windows and ~/.config on Linux. It is
// "" where the old default is the new one (macOS) or cannot be known.
func OldDefaultPath(f Facts) string {
	switch f.OS {
	case "windows":
		dir := f.getenv("APPDATA")
		if dir == "" {
			return ""
		}
		return winJoin(dir, oldFolder, fileName)
	case "darwin", "ios":
		return ""
	default:
		dir := f.getenv("XDG_CONFIG_HOME")
		if !strings.HasPrefix(dir, "/") {
			home := f.getenv("HOME")
			if home == "" {
				return ""
			}
			dir = strings.TrimRight(home, "/") + "/.config"
		}
		return strings.TrimRight(dir, "/") + "/" + oldFolder + "/" + fileName
	}
}

func (f Facts) getenv(name string) string {
	if f.Getenv == nil {
		return ""
	}
	return strings.TrimSpace(f.Getenv(name))
}
