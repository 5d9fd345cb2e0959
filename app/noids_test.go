package app

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/ppei-iceberg/iceberg/data"
)

// frameworkIDs are every id the framework gives its parts: bundles,
// findings, elements' ids, words and quotes. None is for the screen.
func frameworkIDs(fw *data.Framework) map[string]bool {
	ids := map[string]bool{}
	for _, b := range fw.Bundles {
		ids[b.ID] = true
		for _, f := range b.Findings {
			ids[f.ID] = true
		}
	}
	for _, f := range fw.GeneralFindings {
		ids[f.ID] = true
	}
	for _, e := range fw.Elements {
		ids[e.ID] = true
		for _, w := range e.Words {
			ids[w.ID] = true
		}
	}
	for _, q := range fw.Quotes {
		ids[q.ID] = true
	}
	return ids
}

// idToken is anything shaped like a dotted id: trust.relational, p.aligning.
var idToken = regexp.MustCompile(`\b[a-z]+\.[a-z][a-z-]*[a-z]\b`)

// shownIDs lists the framework ids in the text drawn on the window: a
// dotted id anywhere in a text, or a text that is nothing but an id.
func shownIDs(w fyne.Window, ids map[string]bool) []string {
	var out []string
	objs := walk(w.Canvas().Content())
	for _, o := range w.Canvas().Overlays().List() {
		objs = append(objs, walk(o)...)
	}
	for _, o := range objs {
		t, ok := o.(*canvas.Text)
		if !ok || !t.Visible() {
			continue
		}
		if ids[strings.TrimSpace(t.Text)] {
			out = append(out, t.Text)
		}
		for _, tok := range idToken.FindAllString(t.Text, -1) {
			if ids[tok] {
				out = append(out, t.Text)
			}
		}
	}
	return out
}

// TestNoFrameworkIDsOnScreen walks every screen (each element at each of
// its prompts and quotes, every Learn page, an example opened, Compare of
// two and of three, practice and recovery) and fails on any id of the
// framework drawn as text: the room sees the finding's words.
func TestNoFrameworkIDsOnScreen(t *testing.T) {
	h := newHarness(t)
	fw := h.store.Framework()
	ids := frameworkIDs(fw)
	seen := 0
	check := func(where string) {
		t.Helper()
		seen++
		if got := shownIDs(h.win, ids); len(got) > 0 {
			t.Errorf("%s shows framework ids in %q", where, got)
		}
	}
	check("Home, empty")
	h.u.showExamples()
	check("Examples")
	for _, o := range h.win.Canvas().Overlays().List() {
		h.win.Canvas().Overlays().Remove(o)
	}
	exs, err := data.Examples(fw)
	mustOK(t, err, "examples")
	var opened []int64
	for _, ex := range exs {
		opened = append(opened, h.u.openExample(ex.Name))
		check("example " + ex.Name)
	}
	id := h.createSession("Every screen", "Governing Body")
	mustOK(t, h.store.UpdateDetails(context.Background(), id, func(s *data.Session) error {
		s.Focus = fw.Bundles[0].ID
		return nil
	}), "focus")
	check("Setup")
	h.u.open(id, screenIntro)
	check("Intro")
	for _, ex := range append([]int64{id}, opened...) {
		h.u.open(ex, screenIntro)
		for _, e := range fw.Elements {
			h.u.show(e.Code)
			s := h.u.cur.element
			for range s.prompts {
				check(e.Name + " prompt " + s.promptCount.Text)
				s.nextPrompt()
			}
			for range s.quotes {
				s.nextQuote()
				check(e.Name + " quote")
			}
		}
		h.u.show(screenReview)
		check("Review")
	}
	h.u.showHome()
	check("Home with sessions")
	h.u.showLearn()
	for i := range h.u.cur.learn.pages {
		h.u.cur.learn.show(i)
		check("Learn page " + h.u.cur.learn.pages[i].title)
	}
	h.u.showCompare(opened[0], opened[1])
	check("Compare of two")
	h.u.showCompare(opened...)
	check("Compare of three")
	h.u.startPractice()
	h.createSession("Practice", "Trainees")
	h.u.show(fw.Elements[0].Code)
	check("practice element")
	h.u.endPractice()

	path := filepath.Join(t.TempDir(), "iceberg.db")
	writeFile(t, path, notADatabase)
	r := newRecoveryHarness(t, path)
	if got := shownIDs(r.win, ids); len(got) > 0 {
		t.Errorf("recovery shows framework ids in %q", got)
	}
	if seen < 40 {
		t.Errorf("walked %d screens, want every element's prompts and quotes too", seen)
	}
}

// The walk finds an id when one is drawn, so it cannot pass by seeing nothing.
func TestShownIDsFindsAnID(t *testing.T) {
	h := newHarness(t)
	ids := frameworkIDs(h.store.Framework())
	h.win.SetContent(canvas.NewText("From finding leadership.procedures: heavy materiality", nil))
	if got := shownIDs(h.win, ids); len(got) != 1 {
		t.Fatalf("shownIDs = %q, want the one text with an id", got)
	}
	h.win.SetContent(canvas.NewText("trust", nil))
	if got := shownIDs(h.win, ids); len(got) != 1 {
		t.Fatalf("a bundle id alone: shownIDs = %q", got)
	}
	h.win.SetContent(canvas.NewText("Trust is built over time (e.g. see the file).", nil))
	if got := shownIDs(h.win, ids); len(got) != 0 {
		t.Fatalf("plain words: shownIDs = %q, want none", got)
	}
}
