package app

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
)

// fileDialog drives the Fyne file dialog on top of the window, as a person
// would: type a file name or pick a file, then press the button.
type fileDialog struct {
	t   *testing.T
	win fyne.Window
}

// startDialogsIn makes the next file dialog open in dir, as if the last
// file had been saved there.
func startDialogsIn(dir string) {
	fyne.CurrentApp().Preferences().SetString("fyne:fileDialogLastFolder", storage.NewFileURI(dir).String())
	fyne.CurrentApp().Preferences().SetString(prefLastFolder, dir)
}

// openDialog is the file dialog open over win.
func openDialog(t *testing.T, win fyne.Window) *fileDialog {
	t.Helper()
	if win.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog is open")
	}
	return &fileDialog{t: t, win: win}
}

func (h *harness) dialog() *fileDialog { return openDialog(h.t, h.win) }

func (d *fileDialog) objects() []fyne.CanvasObject {
	return walk(d.win.Canvas().Overlays().Top())
}

func (d *fileDialog) button(label string) *widget.Button {
	d.t.Helper()
	for _, o := range d.objects() {
		if b, ok := asButton(o); ok && b.Text == label {
			return b
		}
	}
	d.t.Fatalf("the dialog has no %q button", label)
	return nil
}

// name types a file name into a save dialog.
func (d *fileDialog) name(s string) {
	d.t.Helper()
	for _, o := range d.objects() {
		if e, ok := o.(*widget.Entry); ok {
			e.SetText(s)
			return
		}
	}
	d.t.Fatal("the save dialog has no file name box")
}

// pick selects a file shown in an open dialog by the name it shows.
func (d *fileDialog) pick(shown string) {
	d.t.Helper()
	var item fyne.CanvasObject
	for _, o := range d.objects() {
		if fmt.Sprintf("%T", o) == "*widget.gridWrapItem" { // one file in the dialog's grid
			item = o
		}
		if l, ok := o.(*widget.Label); ok && l.Text == shown && item != nil {
			test.Tap(item.(fyne.Tappable))
			return
		}
	}
	d.t.Fatalf("the open dialog shows no file %q", shown)
}

// pdfWords is a PDF's text as words joined by single spaces.
func pdfWords(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s (make test installs poppler-utils): %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// The board paper goes out through Fyne's save dialog: the PDF lands whole
// where it was asked for, public unless names are ticked, and Cancel writes
// nothing. A session file saved from Home comes back in through the open
// dialog as a second session.
func TestFileDialogsSaveAndOpen(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t)
	ctx := context.Background()
	id := h.createSession("Dialog board paper", "Governing Body")
	mustOK(t, h.store.UpdateDetails(ctx, id, func(s *data.Session) error {
		s.Facilitator = "Fiona Facilitator"
		s.Participants = []data.Participants{{Role: data.RoleServiceUser, Count: 1, Names: []string{"Sam Serviceuser"}}}
		return nil
	}), "names")
	fw := h.store.Framework()
	mustOK(t, h.store.SetShade(ctx, id, fw.Elements[1].Words[1].ID, data.ShadeShaded), "shade")
	h.u.sess.reload()
	h.u.show(screenReview)

	// Cancel: nothing written, no message. A public export shows the
	// privacy list first (privacylist_test.go); Export goes on.
	startDialogsIn(dir)
	h.u.exportPaper()
	test.Tap(h.dialog().button("Export"))
	test.Tap(h.dialog().button("Cancel"))
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Fatalf("Cancel wrote %v", files)
	}

	// Save, public.
	startDialogsIn(dir)
	h.u.exportPaper()
	test.Tap(h.dialog().button("Export"))
	d := h.dialog()
	d.name("board.pdf")
	test.Tap(d.button("Save"))
	path := filepath.Join(dir, "board.pdf")
	b, err := os.ReadFile(path)
	mustOK(t, err, "the saved PDF")
	if !strings.HasPrefix(string(b), "%PDF-") || !strings.Contains(string(b[len(b)-32:]), "%%EOF") {
		t.Fatalf("board.pdf is not a whole PDF (%d bytes)", len(b))
	}
	words := pdfWords(t, path)
	for _, want := range []string{"Dialog board paper", fw.Elements[1].Words[1].Label, "Participation"} {
		if !strings.Contains(words, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	for _, name := range []string{"Sam Serviceuser", "Fiona Facilitator"} {
		if strings.Contains(words, name) {
			t.Errorf("the public PDF names %q", name)
		}
	}
	if !strings.Contains(h.u.msg.text.Text, "without names") || !strings.Contains(h.u.msg.text.Text, path) {
		t.Errorf("after saving, the window says %q", h.u.msg.text.Text)
	}

	// Names ticked: they are in the PDF, and the message says so.
	h.u.cur.review.names.SetChecked(true)
	startDialogsIn(dir)
	h.u.exportPaper()
	d = h.dialog()
	d.name("board-names.pdf")
	test.Tap(d.button("Save"))
	if words := pdfWords(t, filepath.Join(dir, "board-names.pdf")); !strings.Contains(words, "Sam Serviceuser") {
		t.Error("with names ticked, the PDF does not name the participant")
	}
	if !strings.Contains(h.u.msg.text.Text, "with names") {
		t.Errorf("after saving with names, the window says %q", h.u.msg.text.Text)
	}

	// Session file out from Home, and back in as a new session.
	h.u.showHome()
	startDialogsIn(dir)
	h.u.exportSessionFile(id)
	d = h.dialog()
	d.name("spring.json")
	test.Tap(d.button("Save"))
	f, err := os.Open(filepath.Join(dir, "spring.json"))
	mustOK(t, err, "the saved session file")
	_, err = data.ReadSessionFile(f, fw)
	f.Close()
	mustOK(t, err, "read the saved session file back")

	startDialogsIn(dir)
	h.u.importSessionFile()
	d = h.dialog()
	d.pick("spring")
	test.Tap(d.button("Open"))
	list, err := h.store.ListSessions(ctx, data.SessionFilter{})
	mustOK(t, err, "list")
	if len(list) != 2 {
		t.Fatalf("after importing, %d sessions; banner %q", len(list), h.u.msg.text.Text)
	}
	imported := list[0]
	if imported.ID == id {
		imported = list[1]
	}
	if imported.Title != "Dialog board paper" || h.record(imported.ID).Word(fw.Elements[1].Words[1].ID).Level != data.ShadeShaded {
		t.Fatalf("imported %+v", imported)
	}
	if !strings.Contains(h.u.msg.text.Text, "Imported") {
		t.Errorf("after importing, the window says %q", h.u.msg.text.Text)
	}
}
