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
	"github.com/ppei-iceberg/iceberg/data/place"
	"github.com/ppei-iceberg/iceberg/data/sqlite"
)

// shareFiles are the SQLite store's Files on a machine where the folder
// share is an NFS mount: place.Check is given that fact, the rest is real.
type shareFiles struct {
	sqlite.Files
	share string
}

func (f shareFiles) CheckPlace(path string) error {
	return sqlite.CheckPlace(path, place.Facts{OS: "linux", FileSystem: func(p string) (int64, string, error) {
		if p == f.share || strings.HasPrefix(p, f.share+string(filepath.Separator)) {
			return 0x6969, "nfs4", nil
		}
		return 0xEF53, "ext4", nil
	}})
}

// newShareHarness makes a good sessions file with one session on the
// share and shows the window as Run does for it: the recovery screen.
func newShareHarness(t *testing.T) (h *recoveryHarness, files shareFiles, path string) {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, "data"))
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	files = shareFiles{share: filepath.Join(t.TempDir(), "share")}
	mustOK(t, os.MkdirAll(files.share, 0o700), "make the share")
	path = filepath.Join(files.share, "team.db")
	st, err := sqlite.Open(context.Background(), path)
	mustOK(t, err, "make the file")
	_, err = st.CreateSession(context.Background(), &data.Session{Title: "On the share", Community: "Governing Body"})
	mustOK(t, err, "create")
	mustOK(t, st.Close(), "close")

	a := test.NewTempApp(t)
	a.Settings().SetTheme(newIceTheme(lookLight, 1))
	openErr := files.CheckPlace(path)
	if openErr == nil {
		t.Fatal("the share is not recognised")
	}
	h = &recoveryHarness{t: t, win: test.NewTempWindow(t, nil)}
	h.win.Resize(fyne.NewSize(1280, 720))
	h.r = newRecoveryScreen(a, h.win, files, path, openErr, func(st data.Store, p, note string) {
		h.opened, h.note = st, note
		h.u = buildUI(a, h.win, st, files)
		h.u.dbPath = p
		h.u.sess.debounce = -1
		h.u.showHome()
		h.u.msg.info(note)
	})
	h.r.now = func() time.Time { return time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC) }
	h.win.SetContent(h.r.root)
	t.Cleanup(func() {
		if h.opened != nil {
			h.opened.Close()
		}
	})
	return h, files, path
}

func TestRecoveryNetworkFileSaysWhyAndOffersTwoWays(t *testing.T) {
	h, _, path := newShareHarness(t)
	before := readFile(t, path)
	if got := h.r.title.Text; got != "Your sessions file is on a network folder" {
		t.Errorf("title %q", got)
	}
	for _, want := range []string{path, "network share (NFS)", "not opened for changes", "copy it to this computer's local folder", "read-only"} {
		if !strings.Contains(h.r.problem.Text, want) {
			t.Errorf("problem %q does not say %q", h.r.problem.Text, want)
		}
	}
	if !h.r.placeWays.Visible() || h.r.repairs.Visible() {
		t.Error("a good file on a share is offered the repairs for a bad file, or not the copy and read-only")
	}
	for btn, want := range map[*button]string{h.r.copyBtn: "Copy it to this computer and use the copy",
		h.r.readBtn: "Open it read-only, to export from it", h.r.openBtn: "Open another file…"} {
		if btn.Text != want || btn.Disabled() || !btn.Visible() {
			t.Errorf("the screen offers %q (disabled %v), want %q", btn.Text, btn.Disabled(), want)
		}
	}
	if !bytes.Equal(readFile(t, path), before) {
		t.Error("showing the screen changed the file")
	}
}

func TestRecoveryNetworkFileCopied(t *testing.T) {
	h, _, path := newShareHarness(t)
	before := readFile(t, path)
	test.Tap(h.r.copyBtn)
	if h.u == nil {
		t.Fatalf("the copy did not go on to the window: %q", h.r.result.Text)
	}
	local := filepath.Join(os.Getenv("XDG_DATA_HOME"), "ppei-iceberg", "team.db")
	if got := h.opened.(*sqlite.Store).Path(); got != local {
		t.Errorf("window works on %s, want the copy %s", got, local)
	}
	if n := len(h.u.cur.home.sessions); n != 1 || h.u.cur.home.sessions[0].Title != "On the share" {
		t.Errorf("Home lists %v, want the copied session", h.u.cur.home.sessions)
	}
	if !strings.Contains(h.u.msg.text.Text, local) || !strings.Contains(h.u.msg.text.Text, "left as it was") {
		t.Errorf("message %q does not say where the copy is and that the original is kept", h.u.msg.text.Text)
	}
	if foot := canvasTexts(h.u.cur.home.root); !strings.Contains(foot, "Everything is saved as you go, on this computer, in "+local) {
		t.Errorf("Home's footer does not say where the data is:\n%s", foot)
	}
	// The copy takes changes; the original does not change.
	id := (&harness{t: t, win: h.win, u: h.u, store: h.opened.(*sqlite.Store)}).createSession("Made on the copy", "Board")
	if id == 0 {
		t.Fatal("no session made on the copy")
	}
	if !bytes.Equal(readFile(t, path), before) {
		t.Error("the original on the share was changed")
	}
}

func TestRecoveryNetworkFileReadOnly(t *testing.T) {
	h, _, path := newShareHarness(t)
	before := readFile(t, path)
	test.Tap(h.r.readBtn)
	if h.u == nil {
		t.Fatalf("read-only did not go on to the window: %q", h.r.result.Text)
	}
	if n := len(h.u.cur.home.sessions); n != 1 {
		t.Fatalf("Home lists %d sessions, want 1", n)
	}
	foot := canvasTexts(h.u.cur.home.root)
	if !strings.Contains(foot, "Read-only: these sessions are read from "+path) {
		t.Errorf("Home's footer does not say the file is read-only:\n%s", foot)
	}
	// A change is refused with a sentence, and the file stays as it was.
	err := h.opened.SetSummary(context.Background(), h.u.cur.home.sessions[0].ID, "changed")
	if data.ErrorCode(err) != sqlite.EReadOnly {
		t.Errorf("a change on the read-only file: %v", err)
	}
	h.opened.Close()
	h.opened = nil
	if !bytes.Equal(readFile(t, path), before) {
		t.Error("reading the file changed it")
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("files were written beside it: %v", entries)
	}
}

// Opening another file that is on the share, from a bad file's screen,
// switches to the copy and read-only ways on for it.
func TestRecoveryOpenAnotherFileOnShare(t *testing.T) {
	h, _, shared := newShareHarness(t)
	bad := filepath.Join(t.TempDir(), "iceberg.db")
	writeFile(t, bad, notADatabase)
	_, openErr := sqlite.Open(context.Background(), bad)
	h.r.setProblem(bad, openErr)
	if h.r.placeWays.Visible() || !h.r.repairs.Visible() {
		t.Fatal("a bad file is offered the ways for a file on a share")
	}
	if h.r.openPath(shared, "") || h.u != nil {
		t.Fatal("a file on the share was opened for changes")
	}
	if !h.r.placeWays.Visible() || h.r.repairs.Visible() || h.r.path != shared || !strings.Contains(h.r.problem.Text, "network share") {
		t.Errorf("the screen did not turn to the file on the share: %q", h.r.problem.Text)
	}
}
