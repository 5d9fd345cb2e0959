//go:build linux

package export

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
)

func writeText(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// snapshot is every file in dir with its bytes.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		info, _ := os.Lstat(filepath.Join(dir, e.Name()))
		if info.Mode()&os.ModeSymlink != 0 {
			dest, _ := os.Readlink(filepath.Join(dir, e.Name()))
			out[e.Name()] = "-> " + dest
			continue
		}
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		out[e.Name()] = string(b)
	}
	return out
}

// No output may be the database or one of its own files, however the
// path is spelled; the refusal changes nothing on disk.
func TestOutputNeverTheDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sessions.db")
	for _, name := range []string{"sessions.db", "sessions.db-wal", "sessions.db-shm", "sessions.db.v2-backup-20260101-090000"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("database bytes "+name), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	data.AddDatabaseFile(db)
	if err := os.Symlink(db, filepath.Join(dir, "link.pdf")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(db+"-wal", filepath.Join(dir, "wal-link.pdf")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(db, filepath.Join(dir, "hard.pdf")); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Chdir(sub)
	before := snapshot(t, dir)
	for _, out := range []string{
		db, "../sessions.db", filepath.Join(sub, "..", "sessions.db"), filepath.Join(dir, "link.pdf"),
		filepath.Join(dir, "hard.pdf"), db + "-wal", db + "-shm", db + "-journal", "../sessions.db-journal",
		filepath.Join(dir, "wal-link.pdf"), db + ".v2-backup-20260101-090000", filepath.Join(dir, ".sessions.db.new-1-2"),
	} {
		for _, private := range []bool{false, true} {
			err := writeFile(out, private, writeText("%PDF-1.4 not a database"))
			if err == nil || !strings.Contains(err.Error(), "PPEI Iceberg database") {
				t.Errorf("writing %s: %v, want a refusal", out, err)
			}
		}
	}
	if after := snapshot(t, dir); len(after) != len(before) {
		t.Errorf("files changed: %v", after)
	} else {
		for k, v := range before {
			if after[k] != v {
				t.Errorf("%s changed", k)
			}
		}
	}
	// A file beside it is fine.
	if err := WriteFileAtomic(filepath.Join(dir, "sessions.pdf"), writeText("ok")); err != nil {
		t.Errorf("an ordinary file beside the database: %v", err)
	}
}

// A write that fails leaves the old file byte for byte as it was, and no
// temporary file behind.
func TestFailedWriteKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "paper.pdf")
	old := "the board paper as it was"
	if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFileAtomic(path, func(w io.Writer) error {
		_, _ = io.WriteString(w, "half a new pa")
		return errors.New("drawing failed")
	})
	if err == nil || !strings.Contains(err.Error(), "left as it was") {
		t.Errorf("failed write: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != old {
		t.Errorf("the old file now holds %q", b)
	}
	if got := snapshot(t, dir); len(got) != 1 {
		t.Errorf("files left behind: %v", got)
	}
}

// envFullDisk makes this test binary a child that writes under a small
// file-size limit, as on a full disk.
const envFullDisk = "ICEBERG_EXPORT_FULLDISK"

func TestMain(m *testing.M) {
	if path := os.Getenv(envFullDisk); path != "" {
		signal.Ignore(syscall.SIGXFSZ) // the write fails with EFBIG instead
		lim := &syscall.Rlimit{Cur: 4096, Max: 4096}
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, lim); err != nil {
			os.Stdout.WriteString("setrlimit: " + err.Error())
			os.Exit(0)
		}
		err := WriteFileAtomic(path, writeText(strings.Repeat("a new, longer board paper ", 1000)))
		if err == nil {
			os.Stdout.WriteString("written")
		} else {
			os.Stdout.WriteString(err.Error())
		}
		os.Exit(0)
	}
	if path := os.Getenv("ICEBERG_WRITE_CHILD"); path != "" {
		if err := WriteFileAtomic(path, writeText("new")); err != nil {
			os.Stdout.WriteString(err.Error())
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestFullDiskKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "paper.pdf")
	old := bytes.Repeat([]byte("old paper "), 100)
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envFullDisk+"="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v: %s", err, out)
	}
	if !strings.Contains(string(out), "the disk is full") || !strings.Contains(string(out), "left as it was") {
		t.Errorf("the child was told %q, want a sentence about a full disk", out)
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, old) {
		t.Error("the old file changed after a write failed on a full disk")
	}
	if got := snapshot(t, dir); len(got) != 1 {
		t.Errorf("files left behind: %v", got)
	}
}

// A folder that cannot be written: the old file stays as it was.
func TestReadOnlyFolderKeepsOldFile(t *testing.T) {
	if os.Geteuid() == 0 {
		// Root writes anywhere; run the write as nobody in a child.
		t.Run("as nobody", func(t *testing.T) { readOnlyFolderAsNobody(t) })
		return
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "paper.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	err := WriteFileAtomic(path, writeText("new"))
	if err == nil || !strings.Contains(err.Error(), "cannot be written") {
		t.Errorf("write into a read-only folder: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("old file now %q", b)
	}
}

func readOnlyFolderAsNobody(t *testing.T) {
	dir, err := os.MkdirTemp("", "iceberg-ro-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "child.test")
	src, _ := os.ReadFile(os.Args[0])
	if err := os.WriteFile(bin, src, 0o755); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "papers")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(folder, "paper.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o666); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// Writable file, read-only folder (owned by root, 0755).
	cmd := exec.Command(bin, "-test.run=^$")
	cmd.Env = append(os.Environ(), "ICEBERG_WRITE_CHILD="+path, "HOME=/nonexistent", "XDG_CACHE_HOME="+filepath.Join(dir, "nocache"))
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, _ := cmd.CombinedOutput()
	if !strings.Contains(string(out), "cannot be written") {
		t.Errorf("the child was told %q, want that the folder cannot be written", out)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("old file now %q", b)
	}
}

// New files get the user's usual permissions, names-bearing ones 0600;
// an existing file is never widened.
func TestFileModes(t *testing.T) {
	dir := t.TempDir()
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	mode := func(p string) os.FileMode {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return st.Mode().Perm()
	}
	want := 0o666 &^ umask()
	pub := filepath.Join(dir, "public.pdf")
	mustWrite(t, WriteFileAtomic(pub, writeText("x")))
	if got := mode(pub); got != want {
		t.Errorf("new public file %04o, want %04o (0666 less the umask)", got, want)
	}
	named := filepath.Join(dir, "named.json")
	mustWrite(t, WritePrivateFile(named, writeText("x")))
	if got := mode(named); got != 0o600 {
		t.Errorf("new file with names %04o, want 0600", got)
	}
	tight := filepath.Join(dir, "tight.pdf")
	if err := os.WriteFile(tight, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, WriteFileAtomic(tight, writeText("y")))
	if got := mode(tight); got != 0o600 {
		t.Errorf("a 0600 file rewritten became %04o", got)
	}
	wide := filepath.Join(dir, "wide.csv")
	if err := os.WriteFile(wide, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(wide, 0o644); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, WritePrivateFile(wide, writeText("names")))
	if got := mode(wide); got != 0o600 {
		t.Errorf("a 0644 file rewritten with names became %04o, want 0600", got)
	}
}

func mustWrite(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// A write through a symbolic link replaces the file it points at and
// keeps the link.
func TestWriteThroughLink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.pdf")
	link := filepath.Join(dir, "link.pdf")
	mustWrite(t, os.WriteFile(target, []byte("old"), 0o600))
	mustWrite(t, os.Symlink(target, link))
	mustWrite(t, WriteFileAtomic(link, writeText("new")))
	if b, _ := os.ReadFile(target); string(b) != "new" {
		t.Errorf("target holds %q", b)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
}

// A killed export's temporary file is removed at the next start; one that
// a running process is writing is left alone.
func TestCleanPendingRemovesLeftovers(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	dir := t.TempDir()
	// A process that has ended: run one and take its id.
	cmd := exec.Command("true")
	mustWrite(t, cmd.Run())
	dead := cmd.ProcessState.Pid()
	leftover := filepath.Join(dir, ".paper.pdf.0badc0ffee00.tmp")
	mustWrite(t, os.WriteFile(leftover, []byte("names of people"), 0o600))
	mustWrite(t, os.MkdirAll(pendingDir(), 0o700))
	marker := filepath.Join(pendingDir(), strings.Replace(markerName(leftover), strconv.Itoa(os.Getpid()), strconv.Itoa(dead), 1))
	mustWrite(t, os.WriteFile(marker, []byte(leftover), 0o600))
	// One of a live process (this one's parent) stays.
	live := filepath.Join(dir, ".other.pdf.0123456789ab.tmp")
	mustWrite(t, os.WriteFile(live, []byte("being written"), 0o600))
	liveMarker := filepath.Join(pendingDir(), strings.Replace(markerName(live), strconv.Itoa(os.Getpid()), strconv.Itoa(os.Getppid()), 1))
	mustWrite(t, os.WriteFile(liveMarker, []byte(live), 0o600))

	if n := CleanPending(); n != 1 {
		t.Errorf("CleanPending removed %d files, want 1", n)
	}
	if _, err := os.Stat(leftover); !errors.Is(err, os.ErrNotExist) {
		t.Error("the killed export's temporary file is still there")
	}
	if _, err := os.Stat(live); err != nil {
		t.Error("a running process's temporary file was removed")
	}
	// This process's own write in progress stays (the window, or tests
	// calling the command line in process, may write while another
	// starts); a marker with this process's id that it is not writing was
	// left by an earlier process with the same id, and goes.
	mine := filepath.Join(dir, ".mine.pdf.00000000aaaa.tmp")
	mustWrite(t, os.WriteFile(mine, []byte("being written here"), 0o600))
	notePending(mine)
	stale := filepath.Join(dir, ".stale.pdf.00000000bbbb.tmp")
	mustWrite(t, os.WriteFile(stale, []byte("an earlier process's"), 0o600))
	mustWrite(t, os.WriteFile(filepath.Join(pendingDir(), markerName(stale)), []byte(stale), 0o600))
	if n := CleanPending(); n != 1 {
		t.Errorf("CleanPending removed %d files, want the stale one", n)
	}
	if _, err := os.Stat(mine); err != nil {
		t.Error("this process's write in progress was removed")
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Error("a stale marker of this process's id was left")
	}
	forgetPending(mine)

	// An ordinary write leaves no marker behind.
	mustWrite(t, WriteFileAtomic(filepath.Join(dir, "done.pdf"), writeText("x")))
	entries, _ := os.ReadDir(pendingDir())
	if len(entries) != 1 {
		t.Errorf("markers left: %d, want only the running process's", len(entries))
	}
}
