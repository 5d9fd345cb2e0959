package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
)

// envSafeChild runs this test binary as a child for the tests below:
// "details:PATH:ID:READY:GO" edits the session's participants, pausing
// between UpdateDetails' read and its write until the file GO exists (it
// writes READY when paused); "create:PATH" opens (so creates) a database.
const envSafeChild = "ICEBERG_SAFE_CHILD"

func safeChild(spec string) {
	f := strings.Split(spec, "\x1f")
	ctx := context.Background()
	switch f[0] {
	case "details":
		s, err := Open(ctx, f[1])
		if err != nil {
			fmt.Println("open:", err)
			return
		}
		defer s.Close()
		afterDetailsRead = func() {
			_ = os.WriteFile(f[3], nil, 0o600)
			for {
				if _, err := os.Stat(f[4]); err == nil {
					return
				}
				time.Sleep(time.Millisecond)
			}
		}
		var id int64
		fmt.Sscan(f[2], &id)
		err = s.UpdateDetails(ctx, id, func(x *data.Session) error {
			x.SetParticipants(data.Participants{Role: data.RoleLayRep, Count: 4})
			return nil
		})
		if err != nil {
			fmt.Println("update:", err)
			return
		}
		fmt.Println("ok")
	case "create":
		s, err := Open(ctx, f[1])
		if err != nil {
			fmt.Println("open:", err)
			return
		}
		s.Close()
		fmt.Println("ok")
	}
}

func safeChildCmd(spec ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envSafeChild+"="+strings.Join(spec, "\x1f"))
	return cmd
}

// Two processes change one session's details at once: one pauses between
// reading the session and writing its change while the other writes the
// cover. Neither change is lost, because the read and the write are one
// transaction that holds the write lock throughout.
func TestDetailsChangesFromTwoProcessesBothKept(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "two.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	id := MustCreate(t, s, "Two copies")
	ready, release := filepath.Join(dir, "ready"), filepath.Join(dir, "go")
	child := safeChildCmd("details", path, fmt.Sprint(id), ready, release)
	var out bytes.Buffer
	child.Stdout, child.Stderr = &out, &out
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(ready); err == nil {
			break
		}
		if child.ProcessState != nil {
			t.Fatalf("child ended early: %s", out.String())
		}
		time.Sleep(time.Millisecond)
	}
	// The child has read the session and not yet written. Its transaction
	// must hold the write lock now.
	probe, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=0")
	if err != nil {
		t.Fatal(err)
	}
	_, lockErr := probe.ExecContext(ctx, "BEGIN IMMEDIATE")
	_, _ = probe.ExecContext(ctx, "ROLLBACK")
	probe.Close()
	if lockErr == nil {
		t.Error("the details were read outside the write transaction: another copy could write in between")
	}
	done := make(chan error, 1)
	go func() {
		done <- s.UpdateDetails(ctx, id, func(x *data.Session) error {
			x.Cover.Author = "Chidi Okafor"
			return nil
		})
	}()
	if lockErr == nil {
		// Old behaviour: let this write land inside the child's window.
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(release, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := child.Wait(); err != nil || strings.TrimSpace(out.String()) != "ok" {
		t.Fatalf("child: %v: %s", err, out.String())
	}
	if lockErr != nil {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	r := mustRecord(t, s, id)
	if r.Cover.Author != "Chidi Okafor" {
		t.Errorf("the cover change was lost: author %q", r.Cover.Author)
	}
	if r.Count(data.RoleLayRep) != 4 {
		t.Errorf("the participants change was lost: %+v", r.Participants)
	}
}

// Only the fields a change names are written: a title edit leaves the
// participants and cover as another copy left them.
func TestUpdateDetailsWritesOnlyWhatChanged(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	id := MustCreate(t, s, "Fields")
	base := mustRecord(t, s, id).Session
	// Another copy sets the cover and a count.
	if err := s.UpdateDetails(ctx, id, func(x *data.Session) error {
		x.Cover.Presenter = "Ben Adeyemi"
		x.SetParticipants(data.Participants{Role: data.RoleClinical, Count: 2})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// The window, whose form was filled from base, changes the title.
	edited := base
	edited.Title = "Fields, renamed"
	if err := s.UpdateDetails(ctx, id, func(cur *data.Session) error {
		data.MergeDetails(cur, base, edited)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	r := mustRecord(t, s, id)
	if r.Title != "Fields, renamed" || r.Cover.Presenter != "Ben Adeyemi" || r.Count(data.RoleClinical) != 2 {
		t.Errorf("got title %q, presenter %q, clinical %d", r.Title, r.Cover.Presenter, r.Count(data.RoleClinical))
	}
	// A bad edit is refused whole.
	err := s.UpdateDetails(ctx, id, func(x *data.Session) error { x.Title = ""; x.Cover.Author = "X"; return nil })
	wantCode(t, err, data.EInvalid)
	if r := mustRecord(t, s, id); r.Cover.Author != "" || r.Title != "Fields, renamed" {
		t.Errorf("a refused edit changed the session: %+v", r.Session)
	}
}

// Purged means gone: the names and notes of a deleted and purged session
// cannot be found in the bytes of the database or its journal.
func TestPurgeLeavesNoPersonalDataOnDisk(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "purge.db")
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	keep := MustCreate(t, s, "Kept session")
	id := MustCreate(t, s, "Session to purge")
	secrets := []string{"Xanthe Quennell-Purged", "note-purged-7731", "summary-purged-2210", "action-purged-5512"}
	if err := s.UpdateDetails(ctx, id, func(x *data.Session) error {
		x.Facilitator = secrets[0]
		x.SetParticipants(data.Participants{Role: data.RoleServiceUser, Count: 1, Names: []string{secrets[0]}})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for i, w := range s.Framework().AllWords() {
		mustOK(t, s.SetWordNote(ctx, id, w.ID, fmt.Sprintf("%s %d %s", secrets[1], i, strings.Repeat("x", 300))))
	}
	mustOK(t, s.SetSummary(ctx, id, secrets[2]))
	if _, err := s.AddAction(ctx, id, &data.Action{Text: secrets[3]}); err != nil {
		t.Fatal(err)
	}
	mustOK(t, s.SetSummary(ctx, keep, "still here"))
	raw := func() []byte {
		var all []byte
		for _, p := range append([]string{path}, sidecars(path)...) {
			b, _ := os.ReadFile(p)
			all = append(all, b...)
		}
		return all
	}
	if b := raw(); !bytes.Contains(b, []byte(secrets[1])) {
		t.Fatal("the test's note is not on disk before the purge: the scan proves nothing")
	}
	mustOK(t, s.DeleteSession(ctx, id))
	if b := raw(); !bytes.Contains(b, []byte(secrets[2])) {
		t.Error("a session in the trash must still be on disk to be restored")
	}
	mustOK(t, s.PurgeSession(ctx, id))
	b := raw()
	for _, secret := range secrets {
		if bytes.Contains(b, []byte(secret)) {
			t.Errorf("%q can still be read from the database files after the purge", secret)
		}
	}
	if r := mustRecord(t, s, keep); r.Summary != "still here" {
		t.Errorf("the kept session changed: %q", r.Summary)
	}
}

func mustOK(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// folderState lists a folder's names, sizes and modification times.
func folderState(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, fmt.Sprintf("%s %d %o %d", e.Name(), info.Size(), info.Mode(), info.ModTime().UnixNano()))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// A refused file leaves its folder exactly as it was: no journal or
// shared-memory file appears beside it.
func TestRefusedFileLeavesFolderAsItWas(t *testing.T) {
	ctx := context.Background()
	makeWAL := func(t *testing.T, path string, pragmas ...string) {
		db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL")
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, p := range append([]string{"CREATE TABLE t (x)", "INSERT INTO t VALUES (1)"}, pragmas...) {
			if _, err := db.ExecContext(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
	}
	tests := []struct {
		name, want string
		make       func(t *testing.T, path string)
	}{
		{"another application's", "belongs to another application", func(t *testing.T, p string) { makeWAL(t, p, "PRAGMA application_id = 42") }},
		{"a newer version's", "newer version", func(t *testing.T, p string) {
			makeWAL(t, p, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID), fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion+5))
		}},
		{"a damaged one", "damaged", func(t *testing.T, p string) {
			s, err := Open(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			MustCreate(t, s, "Soon damaged")
			s.Close()
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			for i := 4096; i < len(b) && i < 4096*3; i++ {
				b[i] = 0xA5
			}
			if err := os.WriteFile(p, b, 0o600); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "refused.db")
			tt.make(t, path)
			before := folderState(t, dir)
			_, err := Open(ctx, path)
			if err == nil || !strings.Contains(data.ErrorMessage(err), tt.want) {
				t.Fatalf("Open = %v, want a refusal saying %q", err, tt.want)
			}
			if after := folderState(t, dir); after != before {
				t.Errorf("the folder changed:\nbefore:\n%s\nafter:\n%s", before, after)
			}
		})
	}
}

// A crash while a new database is first made leaves either no file or a
// good one: never one that is later refused as empty or foreign.
func TestKilledWhileCreatingLeavesNoBadFile(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	tries := 40
	for i := 0; i < tries; i++ {
		dir := t.TempDir()
		path := filepath.Join(dir, "new.db")
		cmd := safeChildCmd("create", path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Intn(25000)) * time.Microsecond)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			// No file: the next start makes one and clears what was half-built.
			s, err := Open(context.Background(), path)
			if err != nil {
				t.Fatalf("try %d: after a kill with no file, Open: %v", i, err)
			}
			s.Close()
		} else {
			s, err := Open(context.Background(), path)
			if err != nil {
				t.Fatalf("try %d: the kill left a file that is refused: %v", i, err)
			}
			s.Close()
		}
		matches, _ := filepath.Glob(filepath.Join(dir, ".new.db.new-*"))
		if len(matches) > 0 {
			t.Errorf("try %d: half-built files left after the next start: %v", i, matches)
		}
	}
}

// A database others could read is narrowed to its owner, with a notice;
// the backup before a migration is the owner's alone.
func TestPermissionsTightened(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "wide.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("a new database is %04o, want 0600", st.Mode().Perm())
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("a 0644 database was left %04o, want 0600", st.Mode().Perm())
	}
	if len(s.Notices) != 1 || !strings.Contains(s.Notices[0], "readable by you alone") {
		t.Errorf("notices %q, want one saying the file was narrowed", s.Notices)
	}
}

// A path too long for the system is told as such, not as damage.
func TestPathTooLongHasItsOwnMessage(t *testing.T) {
	long := filepath.Join(t.TempDir(), strings.Repeat("a", 300)+".db")
	_, err := Open(context.Background(), long)
	if err == nil || !strings.Contains(data.ErrorMessage(err), "too long") {
		t.Fatalf("Open of a 300-character name: %v, want a message saying the path is too long", err)
	}
}

// The app's own folder for the database is narrowed too; a folder the
// user chose is not.
func TestOwnFolderTightened(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_DATA_HOME", home)
	def, err := DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Dir(def), 0o755); err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), def)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if st, _ := os.Stat(filepath.Dir(def)); st.Mode().Perm() != 0o700 {
		t.Errorf("the app's folder is %04o, want 0700", st.Mode().Perm())
	}
	if len(s.Notices) != 1 || !strings.Contains(s.Notices[0], "yours alone (0700)") {
		t.Errorf("notices %q", s.Notices)
	}
	chosen := filepath.Join(t.TempDir(), "chosen")
	if err := os.Mkdir(chosen, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(chosen, 0o755); err != nil {
		t.Fatal(err)
	}
	s, err = Open(context.Background(), filepath.Join(chosen, "mine.db"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if st, _ := os.Stat(chosen); st.Mode().Perm() != 0o755 {
		t.Errorf("a folder the user chose was changed to %04o", st.Mode().Perm())
	}
}
