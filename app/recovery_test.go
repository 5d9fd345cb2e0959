package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/sqlite"
)

// recoveryHarness is the window as Run builds it for a file that cannot be
// used: the recovery screen first, the normal window once a way on works.
type recoveryHarness struct {
	t      *testing.T
	win    fyne.Window
	r      *recoveryScreen
	u      *ui
	opened data.Store
	note   string
}

func newRecoveryHarness(t *testing.T, path string) *recoveryHarness {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newIceTheme(lookLight, 1)) // as Run does
	_, openErr := sqlite.Open(context.Background(), path)
	if openErr == nil {
		t.Fatalf("%s opened; the test needs a file that cannot be used", path)
	}
	h := &recoveryHarness{t: t, win: test.NewTempWindow(t, nil)}
	h.win.Resize(fyne.NewSize(1280, 720))
	h.r = newRecoveryScreen(a, h.win, sqlite.Files{}, path, openErr, func(st data.Store, _, note string) {
		h.opened, h.note = st, note
		h.u = newUI(a, h.win, st, sqlite.Files{})
		h.u.sess.debounce = -1
		h.u.msg.info(note)
	})
	h.r.now = func() time.Time { return time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC) }
	h.win.SetContent(h.r.root)
	t.Cleanup(func() {
		if h.opened != nil {
			h.opened.Close()
		}
	})
	return h
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	mustOK(t, os.WriteFile(path, b, 0o600), "write "+path)
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	mustOK(t, err, "read "+path)
	return b
}

var notADatabase = []byte("These are somebody's shopping notes, not a database.\n")

func TestRecoveryScreenSaysWhatHappened(t *testing.T) {
	path := filepath.Join(t.TempDir(), "iceberg.db")
	writeFile(t, path, notADatabase)
	h := newRecoveryHarness(t, path)
	if h.r.problem.Text == "" || strings.HasPrefix(h.r.problem.Text, "Something went wrong") {
		t.Errorf("problem %q is not a sentence for people", h.r.problem.Text)
	}
	if !h.r.restoreBtn.Disabled() {
		t.Error("Restore is offered with no backup to restore")
	}
	if !bytes.Equal(readFile(t, path), notADatabase) {
		t.Error("showing the screen changed the bad file")
	}
}

func TestRecoveryStartNewKeepsBadFileAside(t *testing.T) {
	path := filepath.Join(t.TempDir(), "iceberg.db")
	writeFile(t, path, notADatabase)
	h := newRecoveryHarness(t, path)
	test.Tap(h.r.freshBtn)
	if h.u == nil {
		t.Fatalf("Start a new file did not go on to the window: %q", h.r.result.Text)
	}
	if h.u.screen != screenHome {
		t.Errorf("screen after starting afresh is %q, want Home", h.u.screen)
	}
	aside := path + ".set-aside-20260314-100000"
	if got := readFile(t, aside); !bytes.Equal(got, notADatabase) {
		t.Errorf("the file set aside is not the bad file byte for byte")
	}
	if !strings.Contains(h.note, aside) || !h.u.msg.box.Visible() || !strings.Contains(h.u.msg.text.Text, aside) {
		t.Errorf("the window does not say where the bad file went: %q", h.u.msg.text.Text)
	}
	// The new file works: a session made now is kept in it.
	id := (&harness{t: t, win: h.win, u: h.u, store: h.opened.(*sqlite.Store)}).createSession("After the bad file", "Governing Body")
	if id == 0 {
		t.Fatal("no session created in the new file")
	}
}

func TestRecoveryRestoreBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "iceberg.db")
	good, err := sqlite.Open(context.Background(), path)
	mustOK(t, err, "open")
	_, err = good.CreateSession(context.Background(), &data.Session{Title: "Kept in the backup", Community: "Governing Body"})
	mustOK(t, err, "create")
	mustOK(t, good.Close(), "close")
	backup := path + ".v1-backup-20260301-090000"
	writeFile(t, backup, readFile(t, path))
	for _, s := range []string{"-wal", "-shm"} {
		os.Remove(path + s)
	}
	writeFile(t, path, notADatabase)

	h := newRecoveryHarness(t, path)
	if h.r.restoreBtn.Disabled() {
		t.Fatal("Restore is not offered though there is a backup")
	}
	test.Tap(h.r.restoreBtn)
	if h.u == nil {
		t.Fatalf("Restore did not go on to the window: %q", h.r.result.Text)
	}
	if n := len(h.u.cur.home.sessions); n != 1 || h.u.cur.home.sessions[0].Title != "Kept in the backup" {
		t.Errorf("Home lists %v after restoring, want the backup's one session", h.u.cur.home.sessions)
	}
	aside := path + ".set-aside-20260314-100000"
	if !bytes.Equal(readFile(t, aside), notADatabase) {
		t.Error("the bad file was not kept aside byte for byte")
	}
	if !strings.Contains(h.u.msg.text.Text, aside) {
		t.Errorf("banner %q does not say where the bad file went", h.u.msg.text.Text)
	}
}

func TestRecoveryOpenAnotherFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "iceberg.db")
	writeFile(t, path, notADatabase)
	h := newRecoveryHarness(t, path)

	// Another bad file: the screen stays and says why.
	other := filepath.Join(dir, "other.db")
	writeFile(t, other, []byte{})
	writeFile(t, other, notADatabase)
	if h.r.openPath(other, "") || h.u != nil || !h.r.result.Visible() {
		t.Fatal("a second bad file did not keep the recovery screen with a reason")
	}
	// A good one, chosen in the file dialog, goes on, and the first file
	// is untouched.
	other2 := t.TempDir()
	good := filepath.Join(other2, "good.db")
	st, err := sqlite.Open(context.Background(), good)
	mustOK(t, err, "make a good file")
	st.Close()
	startDialogsIn(other2)
	test.Tap(h.r.openBtn)
	d := openDialog(t, h.win)
	d.pick("good")
	test.Tap(d.button("Open"))
	if h.u == nil || h.opened == nil || h.opened.(*sqlite.Store).Path() != good {
		t.Fatalf("a good file chosen in the dialog did not open: %q", h.r.result.Text)
	}
	if !strings.Contains(h.note, path) {
		t.Errorf("the window does not say where the bad file still is: %q", h.note)
	}
	if !bytes.Equal(readFile(t, path), notADatabase) {
		t.Error("opening another file changed the bad one")
	}
}
