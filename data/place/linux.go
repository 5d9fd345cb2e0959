package place

import (
	"strings"
)

// Network file systems by their statfs magic number (linux/magic.h and the
// file systems' own sources).
var networkMagic = map[uint32]string{
	0x6969:     "NFS",
	0x517B:     "SMB",
	0xFF534D42: "SMB (CIFS)",
	0xFE534D42: "SMB",
	0x01021997: "9P", // WSL's Windows drives, virtual machines' shared folders
	0x5346414F: "AFS",
	0x73757245: "Coda",
	0x00C36400: "Ceph",
	0x0BD00BD0: "Lustre",
}

// fuseMagic is every FUSE file system's magic number: local ones too
// (ntfs-3g, encrypted folders), so the mount's type decides.
const fuseMagic = 0x65735546

// networkFUSE are FUSE mount types (after "fuse.") that reach over a
// network, named as the mount table shows them.
var networkFUSE = map[string]string{
	"sshfs":                  "SSHFS",
	"rclone":                 "rclone",
	"gvfsd-fuse":             "GNOME's network folders (GVfs)",
	"s3fs":                   "S3",
	"goofys":                 "S3",
	"gcsfuse":                "Google Cloud Storage",
	"blobfuse":               "Azure Blob Storage",
	"blobfuse2":              "Azure Blob Storage",
	"curlftpfs":              "FTP",
	"smbnetfs":               "SMB",
	"davfs":                  "WebDAV",
	"glusterfs":              "GlusterFS",
	"ceph-fuse":              "Ceph",
	"juicefs":                "JuiceFS",
	"onedriver":              "OneDrive",
	"google-drive-ocamlfuse": "Google Drive",
	"keybase":                "Keybase",
}

// Mount types that are network file systems whatever the magic number.
var networkMountTypes = map[string]string{
	"nfs": "NFS", "nfs4": "NFS", "cifs": "SMB (CIFS)", "smb3": "SMB", "smbfs": "SMB",
	"9p": "9P", "afs": "AFS", "ceph": "Ceph", "davfs": "WebDAV", "glusterfs": "GlusterFS",
}

func checkLinux(path string, f Facts) *Problem {
	if f.FileSystem == nil {
		return nil
	}
	magic, mountType, err := f.FileSystem(path)
	if err != nil {
		return nil // the open that follows says what is wrong with the path
	}
	if name, ok := networkMagic[uint32(magic)]; ok {
		return &Problem{Kind: Network, Where: "on a network share (" + name + ")"}
	}
	if name, ok := networkMountTypes[mountType]; ok {
		return &Problem{Kind: Network, Where: "on a network share (" + name + ")"}
	}
	sub, isFUSE := strings.CutPrefix(mountType, "fuse.")
	if uint32(magic) == fuseMagic || isFUSE {
		if name, ok := networkFUSE[sub]; ok {
			return &Problem{Kind: Network, Where: "on a network folder mounted through FUSE (" + name + ")"}
		}
	}
	return nil
}
