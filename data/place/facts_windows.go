package place

import (
	"runtime"
	"syscall"
	"unsafe"
)

var (
	kernel32          = syscall.NewLazyDLL("kernel32.dll")
	procGetDriveTypeW = kernel32.NewProc("GetDriveTypeW")
	advapi32          = syscall.NewLazyDLL("advapi32.dll")
	procRegEnumValueW = advapi32.NewProc("RegEnumValueW")
)

func systemFacts(f *Facts) {
	f.DriveType = driveType
	f.SyncRoots = oneDriveSyncRoots
}

// driveType is GetDriveTypeW(root): DriveRemote for a network drive.
func driveType(root string) uint32 {
	p, err := syscall.UTF16PtrFromString(root)
	if err != nil {
		return DriveUnknown
	}
	r, _, _ := procGetDriveTypeW.Call(uintptr(unsafe.Pointer(p)))
	return uint32(r)
}

// oneDriveSyncRoots lists the folders the OneDrive client keeps in sync,
// from where it records them for the current user: every sync engine's
// MountPoint (OneDrive and each SharePoint library), each account's
// UserFolder, and each tenant's synced library folders.
func oneDriveSyncRoots() []string {
	runtime.LockOSThread() // RegEnumKeyEx asks for one thread throughout
	defer runtime.UnlockOSThread()
	var roots []string
	for _, k := range subkeys(`Software\SyncEngines\Providers\OneDrive`) {
		if v := stringValue(`Software\SyncEngines\Providers\OneDrive\`+k, "MountPoint"); v != "" {
			roots = append(roots, v)
		}
	}
	for _, acct := range subkeys(`Software\Microsoft\OneDrive\Accounts`) {
		base := `Software\Microsoft\OneDrive\Accounts\` + acct
		if v := stringValue(base, "UserFolder"); v != "" {
			roots = append(roots, v)
		}
		for _, tenant := range subkeys(base + `\Tenants`) {
			roots = append(roots, valueNames(base+`\Tenants\`+tenant)...)
		}
	}
	return roots
}

func openKey(path string) (syscall.Handle, bool) {
	p, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return 0, false
	}
	var h syscall.Handle
	if syscall.RegOpenKeyEx(syscall.HKEY_CURRENT_USER, p, 0, syscall.KEY_READ, &h) != nil {
		return 0, false
	}
	return h, true
}

// enumerate lists a key's subkeys or value names: read puts the i-th name
// into buf (n UTF-16 units long) and reports whether there was one.
func enumerate(path string, size int, read func(h syscall.Handle, i uint32, buf *uint16, n *uint32) bool) []string {
	h, ok := openKey(path)
	if !ok {
		return nil
	}
	defer syscall.RegCloseKey(h)
	var out []string
	for i := uint32(0); ; i++ {
		buf := make([]uint16, size)
		n := uint32(len(buf))
		if !read(h, i, &buf[0], &n) {
			return out
		}
		if name := syscall.UTF16ToString(buf[:n]); name != "" {
			out = append(out, name)
		}
	}
}

func subkeys(path string) []string {
	return enumerate(path, 256, func(h syscall.Handle, i uint32, buf *uint16, n *uint32) bool {
		return syscall.RegEnumKeyEx(h, i, buf, n, nil, nil, nil, nil) == nil
	})
}

func stringValue(path, name string) string {
	h, ok := openKey(path)
	if !ok {
		return ""
	}
	defer syscall.RegCloseKey(h)
	np, err := syscall.UTF16PtrFromString(name)
	if err != nil {
		return ""
	}
	buf := make([]uint16, 1024)
	n := uint32(len(buf) * 2)
	var typ uint32
	if syscall.RegQueryValueEx(h, np, nil, &typ, (*byte)(unsafe.Pointer(&buf[0])), &n) != nil {
		return ""
	}
	if typ != syscall.REG_SZ && typ != syscall.REG_EXPAND_SZ {
		return ""
	}
	return syscall.UTF16ToString(buf[:n/2])
}

// valueNames lists a key's value names (OneDrive's Tenants keys name each
// synced library's folder by a value).
func valueNames(path string) []string {
	return enumerate(path, 1024, func(h syscall.Handle, i uint32, buf *uint16, n *uint32) bool {
		r, _, _ := procRegEnumValueW.Call(uintptr(h), uintptr(i), uintptr(unsafe.Pointer(buf)), uintptr(unsafe.Pointer(n)), 0, 0, 0, 0)
		return r == 0
	})
}
