package app

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
)

// buttonOnScreen is the button labelled label on the window's screen.
func buttonOnScreen(h *harness, label string) *widget.Button {
	for _, c := range walk(h.win.Content()) {
		if b, ok := asButton(c); ok && b.Text == label && b.Visible() {
			return b
		}
	}
	return nil
}

// Setup keeps a person's name and job title in two fields, starts in its
// first field, and Enter creates the session, then starts the workshop.
func TestSetupPeopleAndEnter(t *testing.T) {
	h := newHarness(t)
	h.u.newSession()
	s := h.u.cur.setup
	if got := h.win.Canvas().Focused(); got != s.title {
		t.Fatalf("Setup starts with %T focused, want the title", got)
	}
	test.Type(s.title, "Board mapping")
	test.Type(s.community, "Governing Body")
	test.Type(s.facilitator.name, "Hazel Okonkwo")
	test.Type(s.facilitator.title, "Engagement Lead")
	test.Type(s.cover.lead.name, "Dana Whitfield")
	test.Type(s.cover.lead.title, "Chief Nursing Officer")
	test.Type(s.cover.author.name, "Julie Marsh")
	test.Type(s.cover.author.title, "Senior Commissioning Support Manager")
	test.Type(s.cover.paperDate, "2026-03-20")
	test.Type(s.cover.risks, "Involvement stays below the surface.")
	h.win.Canvas().Focus(s.cover.item)
	h.key(fyne.KeyReturn) // Enter in any one-line field creates the session
	if h.u.sess.rec == nil {
		t.Fatalf("Enter did not create the session: %q", s.problem.Text)
	}
	r := h.record(h.u.sess.rec.ID)
	if r.Facilitator != "Hazel Okonkwo" || r.FacilitatorTitle != "Engagement Lead" {
		t.Errorf("facilitator = %q / %q", r.Facilitator, r.FacilitatorTitle)
	}
	c := r.Cover
	if c.ExecutiveLead != "Dana Whitfield" || c.ExecutiveLeadTitle != "Chief Nursing Officer" ||
		c.Author != "Julie Marsh" || c.AuthorTitle != "Senior Commissioning Support Manager" ||
		c.PaperDate != "2026-03-20" || c.Risks != "Involvement stays below the surface." {
		t.Errorf("cover = %+v", c)
	}

	// The made session's form: the same people, apart, and saved as typed.
	s = h.u.cur.setup
	if s == nil || s.create != nil {
		t.Fatal("after Create, Setup does not show the session made")
	}
	if s.facilitator.name.Text != "Hazel Okonkwo" || s.facilitator.title.Text != "Engagement Lead" {
		t.Errorf("facilitator shows %q / %q", s.facilitator.name.Text, s.facilitator.title.Text)
	}
	if got := h.win.Canvas().Focused(); got != s.title {
		t.Errorf("the made session's form starts with %T focused, want the title", got)
	}
	test.Type(s.cover.presenter.title, "Director of Nursing")
	test.Type(s.cover.conflicts, "None declared.")
	h.u.sess.flush()
	if c := h.record(r.ID).Cover; c.PresenterTitle != "Director of Nursing" || c.Conflicts != "None declared." {
		t.Errorf("typed cover fields not saved: %+v", c)
	}
	// A second Enter starts the workshop.
	h.win.Canvas().Focus(s.title)
	h.key(fyne.KeyReturn)
	if h.u.screen != screenIntro {
		t.Errorf("Enter on the made session shows %q, want the Intro", h.u.screen)
	}
	// The screen says which date is which: no two fields share a name.
	h.u.editDetails()
	seen := map[string]bool{}
	for _, o := range walk(h.win.Content()) {
		if f, ok := o.(*widget.Form); ok {
			for _, it := range f.Items {
				if seen[it.Text] {
					t.Errorf("two fields are called %q", it.Text)
				}
				seen[it.Text] = true
			}
		}
	}
	for _, want := range []string{"Workshop date", "Board meeting date", "Paper's date", "Executive lead"} {
		if !seen[want] {
			t.Errorf("Setup has no field %q", want)
		}
	}
}

// The details and cover sheet open from Review and Intro mid-workshop and
// come back, with shading, notes, typing and the timer as they were.
func TestEditDetailsMidWorkshop(t *testing.T) {
	h := newHarness(t)
	id := h.createSession("Board mapping", "Governing Body")
	fw := h.store.Framework()
	P := fw.Elements[0]
	h.u.show(P.Code)
	test.Tap(h.u.cur.element.tiles[0])
	test.Tap(h.u.cur.element.tiles[0]) // shaded
	test.Type(h.u.cur.element.notes, "Papers go out late.")
	test.Tap(h.u.cur.element.timerButton)
	h.clock.add(65 * time.Second)
	h.u.show(screenReview)
	test.Type(h.u.cur.review.summary, "Reporting is strong.") // still waiting to be written

	edit := buttonOnScreen(h, "Edit details and cover sheet")
	if edit == nil {
		t.Fatal("Review has no “Edit details and cover sheet” button")
	}
	test.Tap(edit)
	s := h.u.cur.setup
	if h.u.screen != screenSetup || s == nil {
		t.Fatalf("the button shows %q", h.u.screen)
	}
	if s.action.Text != "Back to Review (Enter)" {
		t.Errorf("Setup's main button says %q, want to go back to Review", s.action.Text)
	}
	test.Type(s.cover.risks, "Late papers.")
	test.Tap(s.action)
	if h.u.screen != screenReview {
		t.Fatalf("back from Setup shows %q, want Review", h.u.screen)
	}
	r := h.record(id)
	if r.Word(P.Words[0].ID).Level != data.ShadeShaded || r.Element(P.Code).Notes != "Papers go out late." ||
		r.Summary != "Reporting is strong." || r.Cover.Risks != "Late papers." {
		t.Errorf("after editing the cover: level %v, notes %q, summary %q, risks %q",
			r.Word(P.Words[0].ID).Level, r.Element(P.Code).Notes, r.Summary, r.Cover.Risks)
	}
	if got := r.Element(P.Code).Seconds; got != 65 {
		t.Errorf("time spent on %s = %d s, want 65", P.Code, got)
	}
	if h.u.cur.review.summary.Text != "Reporting is strong." {
		t.Errorf("Review's summary shows %q", h.u.cur.review.summary.Text)
	}
	h.u.show(P.Code)
	if got := h.u.cur.element.timerText.Text; got != "8:55" {
		t.Errorf("the timer shows %q after the edit, want 8:55", got)
	}
	if h.u.cur.element.tiles[0].level != data.ShadeShaded {
		t.Error("the tile lost its shading")
	}

	// From Intro too, and back there.
	h.u.show(screenIntro)
	edit = buttonOnScreen(h, "Edit details and cover sheet")
	if edit == nil {
		t.Fatal("Intro has no “Edit details and cover sheet” button")
	}
	test.Tap(edit)
	if h.u.cur.setup == nil || h.u.cur.setup.action.Text != "Back to Intro (Enter)" {
		t.Fatal("Intro's button does not open Setup with the way back")
	}
	// Undo from Setup takes back the last cover field, and the form shows it.
	h.win.Canvas().Unfocus()
	h.shortcut(&fyne.ShortcutUndo{})
	if got := h.record(id).Cover.Risks; got != "" {
		t.Errorf("undo left the risks %q", got)
	}
	if s := h.u.cur.setup; s == nil || s.cover.risks.Text != "" || s.action.Text != "Back to Intro (Enter)" {
		t.Error("after undo, Setup does not show the cover as it is, with the way back")
	}
	h.win.Canvas().Focus(h.u.cur.setup.community)
	h.key(fyne.KeyReturn)
	if h.u.screen != screenIntro {
		t.Errorf("Enter shows %q, want the Intro it came from", h.u.screen)
	}
}

// Setup's look at 1280×720, against its master; with ICEBERG_SHOTS set
// it is also written there as a picture to look at.
func TestSetupScreen(t *testing.T) {
	h := newHarness(t)
	h.u.newSession()
	h.u.cur.setup.coverBox.Open(0)
	test.AssertRendersToMarkup(t, "screens/setup.xml", h.win.Canvas())
	if dir := os.Getenv("ICEBERG_SHOTS"); dir != "" {
		f, err := os.Create(filepath.Join(dir, "setup.png"))
		mustOK(t, err, "create")
		defer f.Close()
		mustOK(t, png.Encode(f, h.win.Canvas().Capture()), "encode")
	}
}
