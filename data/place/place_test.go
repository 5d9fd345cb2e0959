package place

import (
	"errors"
	"strings"
	"testing"
)

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

// windowsFacts plays a Windows machine: C: is the local disk, H: and Y: are
// network drives, E: a USB stick, and OneDrive syncs the folders given.
func windowsFacts(vars map[string]string, syncRoots ...string) Facts {
	return Facts{
		OS:     "windows",
		Getenv: env(vars),
		DriveType: func(root string) uint32 {
			switch root {
			case `C:\`, `\\?\Volume{0b1c2d3e-0000-0000-0000-100000000000}\`:
				return DriveFixed
			case `H:\`, `Y:\`:
				return DriveRemote
			case `E:\`:
				return DriveRemovable
			}
			return DriveNoRootDir
		},
		SyncRoots: func() []string { return syncRoots },
	}
}

func TestCheckWindows(t *testing.T) {
	vars := map[string]string{
		"OneDrive":           `C:\Users\sam\OneDrive - NHS Trust`,
		"OneDriveCommercial": `C:\Users\sam\OneDrive - NHS Trust`,
		"OneDriveConsumer":   `C:\Users\sam\OneDrive`,
	}
	f := windowsFacts(vars, `C:\Users\sam\NHS Trust\Commissioning - Documents`)
	tests := []struct {
		path  string
		kind  Kind
		where string
	}{
		{`C:\Users\sam\AppData\Local\PPEI Iceberg\iceberg.db`, Local, ""},
		{`c:/users/sam/Documents/iceberg.db`, Local, ""},
		{`E:\iceberg.db`, Local, ""},
		{`\\?\C:\Users\sam\iceberg.db`, Local, ""},
		{`\\?\Volume{0b1c2d3e-0000-0000-0000-100000000000}\data\iceberg.db`, Local, ""},
		{`\\fileserver\home$\sam\iceberg.db`, Network, `in the shared network folder \\fileserver\home$`},
		{`//fileserver/team/iceberg.db`, Network, `in the shared network folder \\fileserver\team`},
		{`\\?\UNC\fileserver\team\iceberg.db`, Network, `in the shared network folder \\fileserver\team`},
		{`\\?\unc\fileserver\team\sub\iceberg.db`, Network, `in the shared network folder \\fileserver\team`},
		{`\\.\UNC\fs2\share\iceberg.db`, Network, `in the shared network folder \\fs2\share`},
		{`H:\iceberg.db`, Network, "on H:, which is a network drive"},
		{`y:\Workshops\iceberg.db`, Network, "on Y:, which is a network drive"},
		{`\\?\Y:\iceberg.db`, Network, "on Y:, which is a network drive"},
		{`C:\Users\sam\OneDrive - NHS Trust\Documents\iceberg.db`, Synced, `in a folder that OneDrive keeps in sync (C:\Users\sam\OneDrive - NHS Trust)`},
		{`C:\USERS\SAM\ONEDRIVE\iceberg.db`, Synced, `in a folder that OneDrive keeps in sync (C:\Users\sam\OneDrive)`},
		{`C:\Users\sam\OneDrive`, Synced, `in a folder that OneDrive keeps in sync (C:\Users\sam\OneDrive)`},
		{`C:\Users\sam\OneDriveBackup\iceberg.db`, Local, ""}, // a name that only starts like the root
		{`C:\Users\sam\NHS Trust\Commissioning - Documents\Board\iceberg.db`, Synced,
			`in a folder that OneDrive keeps in sync with SharePoint or OneDrive (C:\Users\sam\NHS Trust\Commissioning - Documents)`},
		{`C:\Users\sam\NHS Trust\iceberg.db`, Local, ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			err := Check(tt.path, f)
			p, ok := IsProblem(err)
			if tt.kind == Local {
				if err != nil {
					t.Fatalf("Check(%q) = %v, want nil", tt.path, err)
				}
				return
			}
			if !ok {
				t.Fatalf("Check(%q) = %v, want a %s problem", tt.path, err, tt.kind)
			}
			if p.Kind != tt.kind || p.Where != tt.where || p.Path != tt.path {
				t.Errorf("Check(%q) = %+v, want kind %s, where %q", tt.path, *p, tt.kind, tt.where)
			}
		})
	}
}

// A link or junction on the local disk that leads to a share is judged by
// where it leads.
func TestCheckFollowsLinks(t *testing.T) {
	f := windowsFacts(nil)
	f.Resolve = func(p string) (string, error) {
		if strings.HasPrefix(p, `C:\Users\sam\Team`) {
			return `\\fileserver\team` + p[len(`C:\Users\sam\Team`):], nil
		}
		return p, nil
	}
	p, ok := IsProblem(Check(`C:\Users\sam\Team\iceberg.db`, f))
	if !ok || p.Kind != Network || p.Path != `C:\Users\sam\Team\iceberg.db` {
		t.Fatalf("linked share: got %+v, want a network problem for the path as given", p)
	}
	if err := Check(`C:\Users\sam\Local\iceberg.db`, f); err != nil {
		t.Fatalf("local folder: %v", err)
	}
	f.Resolve = func(string) (string, error) { return "", errors.New("broken link") }
	if err := Check(`C:\Users\sam\Team\iceberg.db`, f); err != nil {
		t.Fatalf("a link that cannot be followed is judged as written: %v", err)
	}
}

// With no drive facts (not Windows), only the text of the path counts.
func TestCheckWindowsWithoutFacts(t *testing.T) {
	f := Facts{OS: "windows"}
	if err := Check(`Y:\iceberg.db`, f); err != nil {
		t.Errorf("without GetDriveTypeW a drive letter cannot be judged: %v", err)
	}
	if _, ok := IsProblem(Check(`\\server\share\iceberg.db`, f)); !ok {
		t.Errorf("a UNC path is a share whatever the facts")
	}
}

func TestCheckLinux(t *testing.T) {
	tests := []struct {
		name      string
		magic     int64
		mountType string
		kind      Kind
		where     string
	}{
		{"ext4", 0xEF53, "ext4", Local, ""},
		{"btrfs", 0x9123683E, "btrfs", Local, ""},
		{"tmpfs", 0x01021994, "tmpfs", Local, ""},
		{"nfs", 0x6969, "nfs4", Network, "on a network share (NFS)"},
		{"cifs", 0xFF534D42, "cifs", Network, "on a network share (SMB (CIFS))"},
		{"smb2", 0xFE534D42, "smb3", Network, "on a network share (SMB)"},
		{"smb1", 0x517B, "smbfs", Network, "on a network share (SMB)"},
		{"wsl windows drive", 0x01021997, "9p", Network, "on a network share (9P)"},
		{"nfs by mount type only", 0, "nfs", Network, "on a network share (NFS)"},
		{"sshfs", fuseMagic, "fuse.sshfs", Network, "on a network folder mounted through FUSE (SSHFS)"},
		{"rclone", fuseMagic, "fuse.rclone", Network, "on a network folder mounted through FUSE (rclone)"},
		{"gvfs", fuseMagic, "fuse.gvfsd-fuse", Network, "on a network folder mounted through FUSE (GNOME's network folders (GVfs))"},
		{"ntfs-3g is FUSE on a local disk", fuseMagic, "fuseblk", Local, ""},
		{"encrypted folder", fuseMagic, "fuse.gocryptfs", Local, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var asked string
			f := Facts{OS: "linux", FileSystem: func(p string) (int64, string, error) {
				asked = p
				return tt.magic, tt.mountType, nil
			}}
			err := Check("/home/sam/data/iceberg.db", f)
			if asked != "/home/sam/data/iceberg.db" {
				t.Errorf("FileSystem asked about %q", asked)
			}
			p, ok := IsProblem(err)
			if tt.kind == Local {
				if err != nil {
					t.Fatalf("got %v, want nil", err)
				}
				return
			}
			if !ok || p.Kind != tt.kind || p.Where != tt.where {
				t.Fatalf("got %v, want kind %s where %q", err, tt.kind, tt.where)
			}
		})
	}
	f := Facts{OS: "linux", FileSystem: func(string) (int64, string, error) { return 0, "", errors.New("no such folder") }}
	if err := Check("/nowhere/iceberg.db", f); err != nil {
		t.Errorf("a path statfs cannot read is left to the open: %v", err)
	}
}

func TestProblemSentence(t *testing.T) {
	net := (&Problem{Path: `Y:\iceberg.db`, Kind: Network, Where: "on Y:, which is a network drive"}).Error()
	want := `The sessions file Y:\iceberg.db is on Y:, which is a network drive, and a database kept on a network folder can be damaged or lose changes, because its locking does not work reliably there, so it was not opened for changes: copy it to this computer's local folder and use the copy, or open it read-only to export from it.`
	if net != want {
		t.Errorf("network sentence:\n got %s\nwant %s", net, want)
	}
	synced := (&Problem{Path: "x", Kind: Synced, Where: "in a folder that OneDrive keeps in sync (C:\\OneDrive)"}).Error()
	if !strings.Contains(synced, "a sync client can copy a database while it is being written") {
		t.Errorf("synced sentence gives the network reason: %s", synced)
	}
}

func TestDefaultPaths(t *testing.T) {
	tests := []struct {
		name     string
		os       string
		vars     map[string]string
		want     string
		wantOld  string
		wantFail bool
	}{
		{"windows", "windows", map[string]string{"LOCALAPPDATA": `C:\Users\sam\AppData\Local`, "APPDATA": `\\fs\profiles$\sam\AppData\Roaming`},
			`C:\Users\sam\AppData\Local\PPEI Iceberg\iceberg.db`, `\\fs\profiles$\sam\AppData\Roaming\ppei-iceberg\iceberg.db`, false},
		{"windows without LOCALAPPDATA", "windows", map[string]string{"USERPROFILE": `C:\Users\sam\`},
			`C:\Users\sam\AppData\Local\PPEI Iceberg\iceberg.db`, "", false},
		{"windows with nothing", "windows", nil, "", "", true},
		{"linux", "linux", map[string]string{"HOME": "/home/sam"},
			"/home/sam/.local/share/ppei-iceberg/iceberg.db", "/home/sam/.config/ppei-iceberg/iceberg.db", false},
		{"linux XDG", "linux", map[string]string{"HOME": "/home/sam", "XDG_DATA_HOME": "/data/sam/", "XDG_CONFIG_HOME": "/cfg"},
			"/data/sam/ppei-iceberg/iceberg.db", "/cfg/ppei-iceberg/iceberg.db", false},
		{"linux relative XDG is ignored", "linux", map[string]string{"HOME": "/home/sam", "XDG_DATA_HOME": "data", "XDG_CONFIG_HOME": "cfg"},
			"/home/sam/.local/share/ppei-iceberg/iceberg.db", "/home/sam/.config/ppei-iceberg/iceberg.db", false},
		{"linux with nothing", "linux", nil, "", "", true},
		{"macOS keeps its folder", "darwin", map[string]string{"HOME": "/Users/sam"},
			"/Users/sam/Library/Application Support/ppei-iceberg/iceberg.db", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Facts{OS: tt.os, Getenv: env(tt.vars)}
			got, err := DefaultPath(f)
			if (err != nil) != tt.wantFail {
				t.Fatalf("DefaultPath: %v, want failure %v", err, tt.wantFail)
			}
			if got != tt.want {
				t.Errorf("DefaultPath = %q, want %q", got, tt.want)
			}
			if old := OldDefaultPath(f); old != tt.wantOld {
				t.Errorf("OldDefaultPath = %q, want %q", old, tt.wantOld)
			}
		})
	}
}
