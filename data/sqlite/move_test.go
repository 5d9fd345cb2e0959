package sqlite

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
)

// The kill test runs this test binary again as a child that moves the old
// default's file and ends itself (os.Exit, no clean-up) right after one
// step; init runs before TestMain, so the child needs nothing else here.
const (
	envMoveChild = "ICEBERG_MOVE_CHILD" // "step from to": run as the child
	exitAtStep   = 9
)

func init() {
	spec := os.Getenv(envMoveChild)
	if spec == "" {
		return
	}
	parts := strings.SplitN(spec, "\n", 3)
	moveStep = func(step string) error {
		if step == parts[0] {
			os.Exit(exitAtStep)
		}
		return nil
	}
	if _, err := MoveOldDefault(context.Background(), parts[1], parts[2]); err != nil {
		fmt.Fprintln(os.Stderr, "child move:", err)
		os.Exit(3)
	}
	os.Exit(0)
}

var moveSteps = []string{stepCopied, stepChecked, stepJournal, stepSwitched, stepMarked}

// oldDefault makes a database at dir/old/iceberg.db with sessions and
// shading, closed as the old version would leave it.
func oldDefault(t *testing.T, sessions int) (from, to string) {
	t.Helper()
	dir := t.TempDir()
	from = filepath.Join(dir, "config", "ppei-iceberg", "iceberg.db")
	to = filepath.Join(dir, "local share", "PPEI Iceberg", "iceberg.db")
	if err := os.MkdirAll(filepath.Dir(from), 0o700); err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), from)
	if err != nil {
		t.Fatal(err)
	}
	fillSessions(t, s, sessions)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return from, to
}

func fillSessions(t *testing.T, s *Store, n int) {
	t.Helper()
	ctx := context.Background()
	for i := 0; i < n; i++ {
		id := MustCreate(t, s, fmt.Sprintf("Workshop %d – Siân's group", i+1))
		if err := s.SetShade(ctx, id, "mat.reporting", data.ShadeShaded); err != nil {
			t.Fatal(err)
		}
		if err := s.SetSummary(ctx, id, "Summary of workshop "+fmt.Sprint(i+1)); err != nil {
			t.Fatal(err)
		}
	}
}

// fingerprint is the content of every file in dir (name and SHA-256), so a
// test can show a folder was left exactly as it was.
func fingerprint(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, fmt.Sprintf("%s %x", e.Name(), sha256.Sum256(b)))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// wantSessions opens path and checks it holds the n sessions oldDefault made.
func wantSessions(t *testing.T, path string, n int) {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer s.Close()
	list, err := s.ListSessions(context.Background(), data.SessionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != n {
		t.Fatalf("%s holds %d sessions, want %d", path, len(list), n)
	}
	if n == 0 {
		return
	}
	r := mustRecord(t, s, list[0].ID)
	if !strings.HasPrefix(r.Title, "Workshop ") || r.Summary == "" {
		t.Errorf("moved session lost its details: %+v", r.Session)
	}
}

// wantOnly checks the new folder holds the database and nothing of the move.
func wantOnly(t *testing.T, to string) {
	t.Helper()
	for _, p := range []string{partialPath(to), journalPath(to), partialPath(to) + "-journal", journalPath(to) + ".tmp"} {
		if exists(p) {
			t.Errorf("the move left %s behind", p)
		}
	}
}

func TestMoveOldDefault(t *testing.T) {
	from, to := oldDefault(t, 3)
	before := fingerprint(t, filepath.Dir(from))
	m, err := MoveOldDefault(context.Background(), from, to)
	if err != nil {
		t.Fatalf("move: %v", err)
	}
	if m == nil || m.From != from || m.To != to || m.Sessions != 3 {
		t.Fatalf("move returned %+v, want from %s to %s with 3 sessions", m, from, to)
	}
	if msg := m.Message(); !strings.Contains(msg, to) || !strings.Contains(msg, from) || !strings.Contains(msg, "backup") {
		t.Errorf("message %q does not say where from, where to and that a backup is kept", msg)
	}
	wantSessions(t, to, 3)
	wantOnly(t, to)
	st, err := os.Stat(to)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("new file mode = %v (%v), want 0600", st.Mode(), err)
	}
	// The old file is as it was; a note beside it says where it went.
	marker, err := os.ReadFile(MarkerPath(from))
	if err != nil || !bytes.Contains(marker, []byte(to)) {
		t.Fatalf("marker beside the old file: %q, %v", marker, err)
	}
	if err := os.Remove(MarkerPath(from)); err != nil {
		t.Fatal(err)
	}
	if after := fingerprint(t, filepath.Dir(from)); after != before {
		t.Errorf("the old folder changed:\nbefore %s\nafter  %s", before, after)
	}
	if err := writeSynced(MarkerPath(from), string(marker)); err != nil {
		t.Fatal(err)
	}

	// Said once: the next start has nothing to move.
	if m, err := MoveOldDefault(context.Background(), from, to); m != nil || err != nil {
		t.Fatalf("second start moved again: %+v, %v", m, err)
	}
	// Removing the new file does not bring the old one back.
	removeDatabase(to)
	if m, err := MoveOldDefault(context.Background(), from, to); m != nil || err != nil || exists(to) {
		t.Fatalf("after the new file was removed the old one was moved again: %+v, %v", m, err)
	}
}

func TestMoveNothingToDo(t *testing.T) {
	dir := t.TempDir()
	from, to := filepath.Join(dir, "old", "iceberg.db"), filepath.Join(dir, "new", "iceberg.db")
	if m, err := MoveOldDefault(context.Background(), from, to); m != nil || err != nil || exists(filepath.Dir(to)) {
		t.Fatalf("no old file: %+v, %v", m, err)
	}
	// A database already at the new default is never replaced.
	from, to = oldDefault(t, 2)
	if err := os.MkdirAll(filepath.Dir(to), 0o700); err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), to)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if m, err := MoveOldDefault(context.Background(), from, to); m != nil || err != nil {
		t.Fatalf("new file present: %+v, %v", m, err)
	}
	wantSessions(t, to, 0)
}

// A bad old file is not moved: the error says why, and the file is as it was.
func TestMoveRefusesBadFile(t *testing.T) {
	from, to := oldDefault(t, 1)
	b, _ := os.ReadFile(from)
	for i := 4096; i < len(b); i++ { // the second page on is garbage
		b[i] = 0x5A
	}
	if err := os.WriteFile(from, b, 0o600); err != nil {
		t.Fatal(err)
	}
	before := fingerprint(t, filepath.Dir(from))
	m, err := MoveOldDefault(context.Background(), from, to)
	if err == nil || m != nil {
		t.Fatalf("damaged file moved: %+v, %v", m, err)
	}
	if data.ErrorCode(err) != data.EBadFile {
		t.Errorf("error %v, want a bad-file sentence", err)
	}
	if exists(to) {
		t.Error("a database was made at the new default")
	}
	wantOnly(t, to)
	if after := fingerprint(t, filepath.Dir(from)); after != before {
		t.Error("the damaged old file was changed")
	}
}

// A failure after each step before the switch leaves the old file intact
// and no new one; the next start moves it. After the switch nothing can
// fail the move.
func TestMoveFailsAtEachStep(t *testing.T) {
	for _, step := range moveSteps {
		t.Run(step, func(t *testing.T) {
			from, to := oldDefault(t, 2)
			before := fingerprint(t, filepath.Dir(from))
			injected := errors.New("injected failure at " + step)
			moveStep = func(s string) error {
				if s == step {
					return injected
				}
				return nil
			}
			m, err := MoveOldDefault(context.Background(), from, to)
			moveStep = func(string) error { return nil }
			switched := step == stepSwitched || step == stepMarked
			if switched {
				if err != nil || m == nil {
					t.Fatalf("after the switch: %+v, %v; want the move done", m, err)
				}
			} else {
				if !errors.Is(err, injected) || m != nil || exists(to) {
					t.Fatalf("failure at %s: %+v, %v; new file exists %v", step, m, err, exists(to))
				}
				wantOnly(t, to)
				if after := fingerprint(t, filepath.Dir(from)); after != before {
					t.Fatalf("the old folder changed")
				}
				if m, err = MoveOldDefault(context.Background(), from, to); err != nil || m == nil {
					t.Fatalf("the next start did not move: %+v, %v", m, err)
				}
			}
			wantSessions(t, to, 2)
			wantOnly(t, to)
		})
	}
}

// The process is ended (os.Exit, no deferred clean-up) right after each
// step. The old file stays intact; the next start finishes the move or
// makes it again, and says so once.
func TestMoveKilledAtEachStep(t *testing.T) {
	for _, step := range moveSteps {
		t.Run(step, func(t *testing.T) {
			from, to := oldDefault(t, 4)
			fromDir := filepath.Dir(from)
			before := fingerprint(t, fromDir)
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), envMoveChild+"="+step+"\n"+from+"\n"+to)
			out, err := cmd.CombinedOutput()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != exitAtStep {
				t.Fatalf("child did not stop at %s: %v\n%s", step, err, out)
			}
			// The child really stopped midway.
			midway := map[string][]bool{ // partial, journal, new file
				stepCopied: {true, false, false}, stepChecked: {true, false, false},
				stepJournal: {true, true, false}, stepSwitched: {false, true, true}, stepMarked: {false, true, true},
			}[step]
			if got := []bool{exists(partialPath(to)), exists(journalPath(to)), exists(to)}; fmt.Sprint(got) != fmt.Sprint(midway) {
				t.Fatalf("stopped at %s: partial, journal, new file = %v, want %v", step, got, midway)
			}
			// The old file is untouched whatever the step (the note beside
			// it aside, written after the switch).
			_ = os.Remove(MarkerPath(from) + ".tmp")
			marker, _ := os.ReadFile(MarkerPath(from))
			_ = os.Remove(MarkerPath(from))
			if after := fingerprint(t, fromDir); after != before {
				t.Fatalf("old folder changed by a move stopped at %s", step)
			}
			if marker != nil {
				if err := writeSynced(MarkerPath(from), string(marker)); err != nil {
					t.Fatal(err)
				}
			}

			m, err := MoveOldDefault(context.Background(), from, to)
			if err != nil || m == nil || m.To != to || m.From != from || m.Sessions != 4 {
				t.Fatalf("next start after a stop at %s: %+v, %v; want the move finished and told", step, m, err)
			}
			wantSessions(t, to, 4)
			wantOnly(t, to)
			if !exists(MarkerPath(from)) {
				t.Error("no note beside the old file")
			}
			if m, err := MoveOldDefault(context.Background(), from, to); m != nil || err != nil {
				t.Fatalf("told twice: %+v, %v", m, err)
			}
		})
	}
}

// The old version was stopped while it had the file open, so changes are
// still in the write-ahead log: the move takes them, and leaves both
// files as they were.
func TestMoveTakesTheLog(t *testing.T) {
	from, to := oldDefault(t, 1)
	s, err := Open(context.Background(), from)
	if err != nil {
		t.Fatal(err)
	}
	fillSessions(t, s, 2) // committed to the log, not yet to the file
	crashed := filepath.Join(t.TempDir(), "iceberg.db")
	for _, suffix := range []string{"", "-wal"} {
		if err := copyFile(from+suffix, crashed+suffix); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if st, err := os.Stat(crashed + "-wal"); err != nil || st.Size() == 0 {
		t.Fatalf("no log to test with: %v", err)
	}
	before := fingerprint(t, filepath.Dir(crashed))
	if _, err := MoveOldDefault(context.Background(), crashed, to); err != nil {
		t.Fatal(err)
	}
	wantSessions(t, to, 3)
	_ = os.Remove(MarkerPath(crashed))
	if after := fingerprint(t, filepath.Dir(crashed)); after != before {
		t.Errorf("the old folder changed:\nbefore %s\nafter  %s", before, after)
	}
}
