package place

import (
	"strings"
)

// The Windows checks work on the path's text alone, so they run, and are
// tested, on any system; only the facts come from Windows.

// oneDriveVars name the environment variables the OneDrive client sets to
// its roots: the personal and the work or school account.
var oneDriveVars = []string{"OneDrive", "OneDriveCommercial", "OneDriveConsumer"}

func checkWindows(path string, f Facts) *Problem {
	p := strings.ReplaceAll(path, "/", `\`)
	share, root := windowsVolume(p)
	if share != "" {
		return &Problem{Kind: Network, Where: "in the shared network folder " + share}
	}
	if root != "" && f.DriveType != nil && f.DriveType(root) == DriveRemote {
		name := strings.TrimSuffix(root, `\`)
		return &Problem{Kind: Network, Where: "on " + name + ", which is a network drive"}
	}
	plain := strings.TrimPrefix(p, `\\?\`) // \\?\C:\… names the same folder as C:\…
	for _, v := range oneDriveVars {
		if dir := f.getenv(v); dir != "" && winWithin(plain, dir) {
			return &Problem{Kind: Synced, Where: "in a folder that OneDrive keeps in sync (" + dir + ")"}
		}
	}
	if f.SyncRoots != nil {
		for _, dir := range f.SyncRoots() {
			if dir != "" && winWithin(plain, dir) {
				return &Problem{Kind: Synced, Where: "in a folder that OneDrive keeps in sync with SharePoint or OneDrive (" + dir + ")"}
			}
		}
	}
	return nil
}

// windowsVolume splits a Windows path into the network share it is on
// (`\\server\share`), or else the root GetDriveTypeW takes (`C:\`,
// `\\?\Volume{…}\`). Both are "" for a relative path.
func windowsVolume(p string) (share, root string) {
	switch {
	case hasFoldPrefix(p, `\\?\UNC\`), hasFoldPrefix(p, `\\.\UNC\`):
		return uncShare(p[len(`\\?\UNC\`):]), ""
	case strings.HasPrefix(p, `\\?\`), strings.HasPrefix(p, `\\.\`):
		rest := p[4:]
		if isDrive(rest) {
			return "", strings.ToUpper(rest[:1]) + `:\`
		}
		if hasFoldPrefix(rest, "Volume{") {
			if i := strings.IndexByte(rest, '}'); i > 0 {
				return "", p[:4+i+1] + `\`
			}
		}
		return "", ""
	case strings.HasPrefix(p, `\\`):
		return uncShare(p[2:]), ""
	case isDrive(p):
		return "", strings.ToUpper(p[:1]) + `:\`
	}
	return "", ""
}

// uncShare is `\\server\share` from "server\share\folder…".
func uncShare(rest string) string {
	parts := strings.SplitN(rest, `\`, 3)
	if len(parts) >= 2 && parts[1] != "" {
		return `\\` + parts[0] + `\` + parts[1]
	}
	return `\\` + parts[0]
}

func isDrive(p string) bool {
	if len(p) < 2 || p[1] != ':' {
		return false
	}
	c := p[0] | 0x20
	return c >= 'a' && c <= 'z'
}

// winWithin reports whether path is dir or inside it, as Windows compares
// names: without regard to case or to which slash is used.
func winWithin(path, dir string) bool {
	path = strings.ReplaceAll(path, "/", `\`)
	dir = strings.TrimRight(strings.ReplaceAll(dir, "/", `\`), `\`)
	if dir == "" || len(path) < len(dir) || !strings.EqualFold(path[:len(dir)], dir) {
		return false
	}
	return len(path) == len(dir) || path[len(dir)] == '\\'
}

func hasFoldPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// winJoin joins path parts with backslashes, whatever system runs it.
func winJoin(parts ...string) string {
	out := strings.TrimRight(parts[0], `\/`)
	for _, p := range parts[1:] {
		out += `\` + strings.Trim(p, `\/`)
	}
	return out
}
