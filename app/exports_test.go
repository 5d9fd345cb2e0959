package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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

// Before a PDF export the window says which text the PDF cannot draw and
// where; the PDF prints a marker there. Insert mode is one tick away.
func TestReviewWarnsOfTextThePDFCannotDraw(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t)
	ctx := context.Background()
	id := h.createSession("Languages board paper", "Governing Body")
	fw := h.store.Framework()
	word := fw.Elements[0].Words[0]
	mustOK(t, h.store.SetShade(ctx, id, word.ID, data.ShadeShaded), "shade")
	mustOK(t, h.store.SetWordNote(ctx, id, word.ID, "Read aloud ✓, then in Arabic: مرحبا بكم"), "note")
	h.u.sess.reload()
	h.u.show(screenReview)
	r := h.u.cur.review
	// The insert tick keeps Review within a 1024-pixel screen.
	if w := r.root.(*container.Scroll).Content.MinSize().Width; w > 1024 {
		t.Errorf("Review needs %.0f pixels across, more than a 1024-pixel screen", w)
	}
	r.insert.SetChecked(true)

	startDialogsIn(dir)
	h.u.exportPaper()
	test.Tap(h.dialog().button("Export")) // the privacy list
	want := "The PDF cannot draw some text, so it prints a marker there: Arabic text in 5.1 Participation (P): " + word.Label + " (U+0645 U+0631 U+062D)."
	if got := h.u.msg.text.Text; got != want {
		t.Errorf("before saving, the window says %q, want %q", got, want)
	}
	d := h.dialog()
	d.name("languages.pdf")
	test.Tap(d.button("Save"))
	b, err := os.ReadFile(filepath.Join(dir, "languages.pdf"))
	mustOK(t, err, "the saved PDF")
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatal("the saved file is not a PDF")
	}
	if got := h.u.msg.text.Text; !strings.Contains(got, "saved") || !strings.Contains(got, "Arabic text in 5.1 Participation (P)") {
		t.Errorf("after saving, the window says %q", got)
	}
	if !r.options().Insert {
		t.Error("the insert tick does not reach the export options")
	}
}
