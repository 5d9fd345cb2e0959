package app

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/privacy"
)

// boardSession is a session as a commissioning support manager fills it
// in: officers on the cover with job titles, named participants, and a
// summary that names people and holds an NHS number and an email address.
func boardSession(h *harness) int64 {
	h.t.Helper()
	ctx := context.Background()
	id := h.createSession("Board paper", "Governing Body")
	s := h.record(id).Session
	s.Facilitator = "Siân O'Neill, Engagement Lead"
	s.Participants = []data.Participants{{Role: data.RoleServiceUser, Count: 3, Names: []string{"Will Hope", "Zoë Clarke"}}}
	s.Cover = data.Cover{Meeting: "Board meeting in public", Author: "Julie Marsh, Senior Commissioning Support Manager",
		Presenter: "Ben Adeyemi, Director of Communications and Engagement"}
	mustOK(h.t, h.store.UpdateDetails(ctx, id, func(x *data.Session) error { *x = s; return nil }), "people")
	mustOK(h.t, h.store.SetSummary(ctx, id, "Will Hope asked that we will hope for better letters. Hope is good. "+
		"Zoe (NHS number 943 476 5919) can be reached at zoe.clarke@example.org."), "summary")
	return id
}

// Before a public export the window lists every place a person or
// personal data may be named, each in context with its reason and a
// withhold-or-keep choice; the choices are remembered for the session and
// the PDF follows them.
func TestPrivacyListBeforePublicExport(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t)
	ctx := context.Background()
	id := boardSession(h)
	h.u.sess.reload()
	h.u.show(screenReview)
	h.u.exportPaper()
	p := h.u.privacy
	if p == nil || h.win.Canvas().Overlays().Top() == nil {
		t.Fatal("a public export did not show the privacy list first")
	}
	shown := map[string]bool{}
	for _, o := range walk(h.win.Canvas().Overlays().Top()) {
		switch w := o.(type) {
		case *widget.Label:
			shown[w.Text] = true
		case *widget.RichText:
			shown[w.String()] = true
		}
	}
	contexts := ""
	for text := range shown {
		contexts += text + "\n"
	}
	for _, want := range []string{"Will Hope asked that we will hope", "(NHS number 943 476 5919)", "reached at zoe.clarke@example.org."} {
		if !strings.Contains(contexts, want) {
			t.Errorf("the privacy list shows no context with %q", want)
		}
	}
	for _, want := range []string{
		"An NHS number (ten digits with a valid check digit).", "An email address.", "The facilitator's name.",
		"The paper's author, an officer named on the cover.",
	} {
		if !shown[want] {
			t.Errorf("the privacy list does not show %q", want)
		}
	}
	var nhs, hope privacy.Finding
	for _, f := range p.check.Findings {
		switch {
		case f.Kind == privacy.KindNHS:
			nhs = f
		case f.Review:
			hope = f
		}
	}
	if nhs.ID == "" || hope.Text != "Hope" {
		t.Fatalf("the list lacks the NHS number or the review item: %+v", p.check.Findings)
	}
	if got := p.choices[nhs.ID].Selected; got != choiceWithhold {
		t.Errorf("the NHS number starts as %q, want %q", got, choiceWithhold)
	}
	if got := p.choices[hope.ID].Selected; got != choiceKeep {
		t.Errorf("“Hope” at a sentence start starts as %q, want %q", got, choiceKeep)
	}
	if !strings.Contains(p.summary.Text, "1 still needs a decision") {
		t.Errorf("summary %q", p.summary.Text)
	}
	p.choose(nhs.ID, privacy.Keep)
	p.choose(hope.ID, privacy.Withhold)
	if !strings.Contains(p.summary.Text, "0 still need a decision") {
		t.Errorf("after deciding, summary %q", p.summary.Text)
	}
	// Pictures of the list for docs/: its top, and the places in the
	// summary with the decisions just made.
	if dir := os.Getenv("ICEBERG_SHOTS"); dir != "" {
		shot := func(name string) {
			f, err := os.Create(filepath.Join(dir, name))
			mustOK(t, err, "create")
			mustOK(t, png.Encode(f, h.win.Canvas().Capture()), "encode")
			f.Close()
		}
		shot("privacy-list.png")
		p.scrollTo(p.check.Findings[5].ID)
		shot("privacy-list-decisions.png")
		p.scrollTo(p.check.Findings[0].ID)
	}
	got, err := h.store.PrivacyDecisions(ctx, id)
	mustOK(t, err, "decisions")
	if got[nhs.ID] != "keep" || got[hope.ID] != "withhold" || len(got) != 2 {
		t.Errorf("remembered decisions = %v", got)
	}

	// Export: the PDF follows the list.
	startDialogsIn(dir)
	test.Tap(h.dialog().button("Export"))
	d := h.dialog()
	d.name("board.pdf")
	test.Tap(d.button("Save"))
	words := pdfWords(t, filepath.Join(dir, "board.pdf"))
	for _, want := range []string{"943 476 5919", "[name withheld] is good", "we will hope for better letters", "Julie Marsh, Senior Commissioning Support Manager"} {
		if !strings.Contains(words, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	for _, gone := range []string{"Will Hope", "Zoe ", "Siân", "zoe.clarke@example.org"} {
		if strings.Contains(words, gone) {
			t.Errorf("the public PDF shows %q", gone)
		}
	}

	// The next export shows the list with the choices as they were left.
	h.build()
	h.u.open(id, "")
	h.u.show(screenReview)
	h.u.exportPaper()
	if got := h.u.privacy.choices[nhs.ID].Selected; got != choiceKeep {
		t.Errorf("after a restart the NHS number shows %q, want %q", got, choiceKeep)
	}
	// Tab reaches the choices; the arrows choose, and Esc closes the list
	// from one, as from its buttons.
	c := h.win.Canvas()
	var choice *radioChoice
	for i := 0; i < 200 && choice == nil; i++ {
		h.tab()
		choice, _ = c.Focused().(*radioChoice)
	}
	if choice == nil {
		t.Fatal("Tab never reaches the privacy list's choices")
	}
	was := choice.Selected
	h.press(fyne.KeyRight)
	h.press(fyne.KeyLeft)
	if choice.Selected != choiceWithhold {
		t.Errorf("Right then Left chose %q (from %q), want %q", choice.Selected, was, choiceWithhold)
	}
	h.press(fyne.KeyEscape)
	if top := c.Overlays().Top(); top != nil && top.Visible() {
		t.Error("Esc on a choice left the privacy list open")
	}
}
