package sqlite

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
)

// envBadChild runs this test binary as a child that opens a database and
// reports what the user would be told: "open:PATH" or "fill:PATH:LIMIT"
// (writes under a file size limit, as on a full disk).
const envBadChild = "ICEBERG_BADFILE_CHILD"

func badFileChild(spec string) {
	parts := strings.SplitN(spec, ":", 3)
	ctx := context.Background()
	report := func(err error) {
		fmt.Printf("err\t%s\t%s\n", data.ErrorCode(err), data.ErrorMessage(err))
	}
	switch parts[0] {
	case "open":
		s, err := Open(ctx, parts[1])
		if err != nil {
			report(err)
			return
		}
		s.Close()
		fmt.Println("ok")
	case "fill":
		limit, _ := strconv.ParseUint(parts[2], 10, 64)
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: limit, Max: limit}); err != nil {
			fmt.Println("setrlimit:", err)
			return
		}
		s, err := Open(ctx, parts[1])
		if err != nil {
			report(err)
			return
		}
		defer s.Close()
		note := strings.Repeat("A long note that fills the disk. ", 1500)
		for i := 0; i < 1000; i++ {
			w := s.Framework().AllWords()[i%22]
			if err := s.SetWordNote(ctx, 1, w.ID, fmt.Sprintf("%d %s", i, note)); err != nil {
				report(err)
				return
			}
			fmt.Printf("ack\t%s\t%d\n", w.ID, i)
		}
		fmt.Println("never full")
	}
}

// childDir is a folder another user can reach, with a copy of this test
// binary in it, for running the child as nobody when the tests run as root
// (root ignores file modes, so read-only files are only read-only to others).
func childDir(t *testing.T) (dir, binary string) {
	t.Helper()
	dir, err := os.MkdirTemp("", "iceberg-badfiles-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755); os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := os.Open(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	binary = filepath.Join(dir, "child.test")
	dst, err := os.OpenFile(binary, os.O_CREATE|os.O_WRONLY, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	dst.Close()
	return dir, binary
}

func runBadChild(t *testing.T, binary, spec string, asNobody bool) string {
	t.Helper()
	cmd := exec.Command(binary, "-test.run=^$")
	cmd.Env = append(os.Environ(), envBadChild+"="+spec, "HOME=/nonexistent")
	if asNobody {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child %s: %v\n%s", spec, err, out)
	}
	return string(out)
}

func TestReadOnlyFilesAndFolders(t *testing.T) {
	asNobody := os.Geteuid() == 0
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) string // returns the database path
		want  string
	}{
		{"read-only file", func(t *testing.T, dir string) string {
			p := makeDB(t, dir)
			os.Chmod(p, 0o444)
			os.Chmod(filepath.Dir(p), 0o777)
			return p
		}, "is read-only"},
		{"read-only folder", func(t *testing.T, dir string) string {
			p := makeDB(t, dir)
			os.Chmod(p, 0o666)
			os.Chmod(filepath.Dir(p), 0o555)
			return p
		}, "cannot be written"},
		{"new file in a read-only folder", func(t *testing.T, dir string) string {
			sub := filepath.Join(dir, "locked")
			os.Mkdir(sub, 0o555)
			return filepath.Join(sub, "new.db")
		}, "permission denied"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, binary := childDir(t)
			path := tt.setup(t, dir)
			before, _ := os.ReadFile(path)
			out := runBadChild(t, binary, "open:"+path, asNobody)
			if !strings.HasPrefix(out, "err\t"+data.EBadFile+"\t") || !strings.Contains(out, tt.want) {
				t.Errorf("told the user %q, want a bad-file message saying %q", out, tt.want)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Error("the file changed")
			}
			if _, err := os.Stat(path + "-wal"); err == nil {
				t.Error("a journal was left beside the refused file")
			}
		})
	}
}

// makeDB makes a database with one session in its own sub-folder of dir.
func makeDB(t *testing.T, dir string) string {
	t.Helper()
	sub, err := os.MkdirTemp(dir, "db-")
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(sub, 0o755)
	p := filepath.Join(sub, "iceberg.db")
	s, err := Open(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	MustCreate(t, s, "Someone's workshop")
	s.Close()
	return p
}

func TestFullDisk(t *testing.T) {
	dir, binary := childDir(t)
	path := makeDB(t, dir)
	st, _ := os.Stat(path)
	limit := st.Size() + 400<<10
	out := runBadChild(t, binary, fmt.Sprintf("fill:%s:%d", path, limit), false)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "err\t") || !strings.Contains(last, "disk") {
		t.Fatalf("a full disk told the user %q", last)
	}
	if !strings.Contains(last, "nothing was lost") && !strings.Contains(last, "space") {
		t.Errorf("the message does not say what to do: %q", last)
	}
	// With room again, everything acknowledged is there and the file is sound.
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen after a full disk: %v", err)
	}
	defer s.Close()
	var ok string
	s.db.QueryRow("PRAGMA integrity_check").Scan(&ok)
	if ok != "ok" {
		t.Fatalf("integrity_check = %q", ok)
	}
	r := mustRecord(t, s, 1)
	acked := 0
	for _, line := range lines {
		f := strings.Split(line, "\t")
		if f[0] != "ack" {
			continue
		}
		acked++
		if note := r.Word(f[1]).Note; !strings.HasPrefix(note, f[2]+" ") {
			// A later acknowledged change to the same word may have replaced it.
			n, _ := strconv.Atoi(f[2])
			if !laterAck(lines, f[1], n) {
				t.Errorf("acknowledged note %s on %s lost (now %.20q)", f[2], f[1], note)
			}
		}
	}
	if acked == 0 {
		t.Error("the disk was full before any change: the limit is too small to test anything")
	}
	t.Logf("%d changes saved before the disk filled; then: %s", acked, last)
}

func laterAck(lines []string, word string, n int) bool {
	for _, line := range lines {
		f := strings.Split(line, "\t")
		if f[0] == "ack" && f[1] == word {
			if m, _ := strconv.Atoi(f[2]); m > n {
				return true
			}
		}
	}
	return false
}
