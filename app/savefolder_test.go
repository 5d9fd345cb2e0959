package app

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/ppei-iceberg/iceberg/data"
)

// oneSentence fails unless msg is one plain sentence: no full stop inside
// it (paths aside) and no raw error text.
func oneSentence(t *testing.T, msg string) {
	t.Helper()
	if msg == "" {
		t.Fatal("no message")
	}
	body := strings.TrimSuffix(msg, ".")
	if strings.Contains(body, ". ") || strings.Contains(body, "\n") {
		t.Errorf("%q is more than one sentence", msg)
	}
	for _, raw := range []string{"Something went wrong", "open ", "no such file", "permission denied", "errno"} {
		if strings.Contains(msg, raw) {
			t.Errorf("%q shows raw error text %q", msg, raw)
		}
	}
}

// Save dialogs open where the last file was saved; with none yet, in
// Documents, else the home folder. A full path typed in the name box saves
// there (and ~ is the home folder); each failure is one plain sentence.
// Driven through Fyne's real save dialog.
func TestSaveDialogFolderAndTypedPath(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	h := newHarness(t)
	body := func(w io.Writer) error { _, err := fmt.Fprint(w, "paper"); return err }
	save := func(typed string) {
		t.Helper()
		h.u.dialogs.save("paper.pdf", "The PDF", false, body, func(p string) string { return "saved " + p })
		d := h.dialog()
		d.name(typed)
		test.Tap(d.button("Save"))
		if b := findButton(h, "Yes"); b != nil { // Fyne asks before replacing a file
			test.Tap(b)
		}
	}
	wantFile := func(path string) {
		t.Helper()
		if b, err := os.ReadFile(path); err != nil || string(b) != "paper" {
			t.Fatalf("%s: %q, %v (the window says %q)", path, b, err, h.u.msg.text.Text)
		}
		if !strings.Contains(h.u.msg.text.Text, "saved "+path) {
			t.Errorf("after saving %s the window says %q", path, h.u.msg.text.Text)
		}
	}

	// Nothing saved yet and no Documents: the home folder.
	save("first.pdf")
	wantFile(filepath.Join(home, "first.pdf"))
	// With Documents, and nothing remembered: Documents.
	mustOK(t, os.Mkdir(filepath.Join(home, "Documents"), 0o700), "Documents")
	h.app.Preferences().RemoveValue(prefLastFolder)
	save("second.pdf")
	wantFile(filepath.Join(home, "Documents", "second.pdf"))

	// A typed full path, elsewhere; the next dialog opens there.
	usb := filepath.Join(t.TempDir(), "usb stick")
	mustOK(t, os.Mkdir(usb, 0o700), "usb")
	save(filepath.Join(usb, "board paper.pdf"))
	wantFile(filepath.Join(usb, "board paper.pdf"))
	save("again.pdf")
	wantFile(filepath.Join(usb, "again.pdf"))
	// ~ is the home folder.
	save("~/Documents/tilde.pdf")
	wantFile(filepath.Join(home, "Documents", "tilde.pdf"))
	// The remembered folder survives a new window (it is in preferences).
	h.build()
	save("after-restart.pdf")
	wantFile(filepath.Join(home, "Documents", "after-restart.pdf"))
	// A folder that has gone since: Documents again.
	gone := filepath.Join(t.TempDir(), "gone")
	mustOK(t, os.Mkdir(gone, 0o700), "gone")
	save(filepath.Join(gone, "x.pdf"))
	mustOK(t, os.RemoveAll(gone), "remove")
	save("back.pdf")
	wantFile(filepath.Join(home, "Documents", "back.pdf"))

	// Failures: a folder that does not exist, and a write that fails.
	missing := filepath.Join(home, "no such folder", "paper.pdf")
	save(missing)
	if _, err := os.Stat(missing); err == nil {
		t.Fatal("a file was made in a folder that does not exist")
	}
	if msg := h.u.msg.text.Text; !h.u.msg.isErr || !strings.Contains(msg, "there is no folder "+filepath.Dir(missing)) {
		t.Errorf("saving into a missing folder: the window says %q", msg)
	}
	oneSentence(t, h.u.msg.text.Text)
	h.u.dialogs.save("paper.pdf", "The PDF", false, func(io.Writer) error { return errors.New("drawing failed") }, func(p string) string { return p })
	d := h.dialog()
	d.name("broken.pdf")
	test.Tap(d.button("Save"))
	if msg := h.u.msg.text.Text; !strings.Contains(msg, "could not be written") {
		t.Errorf("a failed write: the window says %q", msg)
	}
	oneSentence(t, h.u.msg.text.Text)
}

// Each way a save can fail is said in one plain sentence that names what
// to do.
func TestSaveFailureSentences(t *testing.T) {
	dir := t.TempDir()
	for name, c := range map[string]struct {
		path string
		err  error
		want string
	}{
		"disk full":  {filepath.Join(dir, "a.pdf"), fmt.Errorf("write: the disk is full: %w", errors.New("no space left on device")), "free some space"},
		"no folder":  {filepath.Join(dir, "missing", "a.pdf"), fmt.Errorf("create: %w", fs.ErrNotExist), "there is no folder"},
		"permission": {filepath.Join(dir, "a.pdf"), &fs.PathError{Op: "open", Path: dir, Err: fs.ErrPermission}, "may not write in " + dir},
		"other":      {filepath.Join(dir, "a.pdf"), errors.New("drawing failed"), "choose another folder"},
	} {
		t.Run(name, func(t *testing.T) {
			got := data.ErrorMessage(saveFailure("The PDF", c.path, c.err))
			if !strings.Contains(got, c.want) {
				t.Errorf("message %q lacks %q", got, c.want)
			}
			oneSentence(t, got)
		})
	}
	if got := data.ErrorMessage(dialogFailure(errors.New("listing failed"))); got == "" {
		t.Error("a dialog failure says nothing")
	} else {
		oneSentence(t, got)
	}
}

// Documents is the folder user-dirs.dirs names, in the user's language,
// else home/Documents.
func TestDocumentsFolder(t *testing.T) {
	home := t.TempDir()
	conf := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", conf)
	if got := documentsFolder(home); got != filepath.Join(home, "Documents") {
		t.Errorf("without user-dirs.dirs: %q", got)
	}
	mustOK(t, os.WriteFile(filepath.Join(conf, "user-dirs.dirs"), []byte("# comment\nXDG_DESKTOP_DIR=\"$HOME/Bureau\"\nXDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n"), 0o600), "user-dirs")
	if got, want := documentsFolder(home), filepath.Join(home, "Dokumente"); runtime.GOOS == "linux" && got != want {
		t.Errorf("with user-dirs.dirs: %q, want %q", got, want)
	}
}

// During a practice every note in the message bar says nothing is saved,
// and none promises that changes are; after it, notes are as usual.
func TestPracticeMessagesSayNothingIsSaved(t *testing.T) {
	h := newHarness(t)
	h.u.startPractice()
	if msg := h.u.msg.text.Text; !strings.Contains(msg, "nothing in a practice is saved") {
		t.Errorf("starting a practice says %q", msg)
	}
	h.createSession("Practice run", "Trainees")
	check := func(what string) {
		t.Helper()
		msg := h.u.msg.text.Text
		if !strings.Contains(strings.ToLower(msg), "nothing") || !strings.Contains(msg, "saved") {
			t.Errorf("%s in a practice: %q does not say nothing is saved", what, msg)
		}
		if strings.Contains(msg, "saved as you make it") {
			t.Errorf("%s in a practice promises saving: %q", what, msg)
		}
	}
	check("creating the session")
	fw := h.store.Framework()
	h.u.show(fw.Elements[0].Code)
	h.runes("a")
	check("agreeing")
	h.u.setTimerMinutes(15)
	check("choosing a timer length")
	h.u.endPractice()
	if msg := h.u.msg.text.Text; !strings.Contains(msg, "nothing in a practice is saved") {
		t.Errorf("ending a practice says %q", msg)
	}
	h.u.setTimerMinutes(10)
	if strings.Contains(h.u.msg.text.Text, "Practice") {
		t.Errorf("after the practice a note still says %q", h.u.msg.text.Text)
	}
}

// The count between a word's − and + is labelled.
func TestTallyCounterIsLabelled(t *testing.T) {
	h := newHarness(t)
	h.createSession("Tally", "Governing Body")
	h.u.show(h.store.Framework().Elements[0].Code)
	s := h.u.cur.element
	if got := s.tallies[0].Text; got != "Own: –" {
		t.Errorf("an uncounted word's counter reads %q, want Own: –", got)
	}
	test.Tap(s.tallyPlus[0])
	if got := s.tallies[0].Text; got != "Own: 1" {
		t.Errorf("after + the counter reads %q, want Own: 1", got)
	}
}
