package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/format"
)

// Review exports every format through the save dialog, public unless names
// are ticked, and copies the map's text alternative to the clipboard.
func TestReviewExportsEveryFormat(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t)
	ctx := context.Background()
	id := h.createSession("Formats board paper", "Governing Body")
	rec := h.record(id)
	s := rec.Session
	s.Facilitator = "Fiona Facilitator"
	s.Participants = []data.Participants{{Role: data.RoleServiceUser, Count: 1, Names: []string{"Sam Serviceuser"}}}
	mustOK(t, h.store.UpdateDetails(ctx, id, func(x *data.Session) error { *x = s; return nil }), "names")
	fw := h.store.Framework()
	word := fw.Elements[1].Words[1]
	mustOK(t, h.store.SetShade(ctx, id, word.ID, data.ShadeShaded), "shade")
	mustOK(t, h.store.SetWordNote(ctx, id, word.ID, "Sam Serviceuser reads every report."), "note")
	h.u.sess.reload()
	h.u.show(screenReview)
	r := h.u.cur.review

	magic := map[string]string{format.PDF: "%PDF-", format.HTML: "<!DOCTYPE html>", format.DOCX: "PK\x03\x04", format.PNG: "\x89PNG", format.SVG: "<?xml"}
	for i, f := range format.All {
		r.format.SetSelectedIndex(i)
		startDialogsIn(dir)
		h.u.exportPaper()
		test.Tap(h.dialog().button("Export")) // the privacy list, before a public export
		d := h.dialog()
		name := "paper-" + f + "." + f
		d.name(name)
		test.Tap(d.button("Save"))
		b, err := os.ReadFile(filepath.Join(dir, name))
		mustOK(t, err, "the saved "+f)
		if !bytes.HasPrefix(b, []byte(magic[f])) {
			t.Errorf("%s: the saved file does not start as one", f)
		}
		if (f == format.HTML || f == format.SVG) && bytes.Contains(b, []byte("Serviceuser")) {
			t.Errorf("%s: the public file names the participant", f)
		}
		if !strings.Contains(h.u.msg.text.Text, "without names") {
			t.Errorf("%s: after saving, the window says %q", f, h.u.msg.text.Text)
		}
	}

	h.u.copyAltText()
	got := fyne.CurrentApp().Clipboard().Content()
	want := format.AltText(fw, h.u.sess.rec, format.Options{})
	if got != want || !strings.Contains(got, word.Label) {
		t.Errorf("the clipboard holds %q, want the map's text alternative %q", got, want)
	}
}
