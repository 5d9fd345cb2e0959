package app

import (
	"database/sql"
	"strings"
	"testing"
)

// TestWindowSaysWhatTheUpdateSplit checks that the window says, once and
// plainly, which "Name, Title" entries the update to people as records
// split, as the command line does on standard error: the rows are the
// store's own record of the split (schema 4's people_split table).
func TestWindowSaysWhatTheUpdateSplit(t *testing.T) {
	h := newHarness(t)
	a := h.createSession("Board map", "Governing Body")
	b := h.createSession("Second", "Governing Body")
	db, err := sql.Open("sqlite3", "file:"+h.path+"?_busy_timeout=5000")
	mustOK(t, err, "open the file")
	defer db.Close()
	_, err = db.Exec(`INSERT INTO people_split (session_id, field, was, name, title) VALUES
		(?, 'author', 'Julie Marsh, Senior Commissioning Support Manager', 'Julie Marsh', 'Senior Commissioning Support Manager'),
		(?, 'facilitator', 'Siân O''Neill, Engagement Lead', 'Siân O''Neill', 'Engagement Lead')`, a, b)
	mustOK(t, err, "record the split")

	h.u.sayOpened("")
	got := h.u.msg.text.Text
	for _, want := range []string{
		"Job titles are now kept apart from names: 2 entries split in 2 sessions",
		"“Julie Marsh, Senior Commissioning Support Manager” is now the name “Julie Marsh” and the job title “Senior Commissioning Support Manager”",
		"Check the others in each session's Setup.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("message bar %q lacks %q", got, want)
		}
	}
	if !h.u.msg.box.Visible() {
		t.Error("the message bar is not showing")
	}

	// Said once: the next opening says only its own notice, or nothing.
	h.u.msg.hide()
	h.build()
	h.u.sayOpened("")
	if h.u.msg.box.Visible() || h.u.msg.text.Text != "" {
		t.Errorf("said again on the next opening: %q", h.u.msg.text.Text)
	}
	h.u.sayOpened("Your sessions file moved.")
	if got := h.u.msg.text.Text; got != "Your sessions file moved." {
		t.Errorf("notice alone: %q", got)
	}
	if got, want := joinNotes("Moved.", "Split."), "Moved. Split."; got != want {
		t.Errorf("joinNotes = %q, want %q", got, want)
	}
	if got := plural(1, "entry", "entries"); got != "1 entry" {
		t.Errorf("plural(1) = %q", got)
	}
}

// TestReviewSaysWhatTheShadingMeans checks the window's Review key in
// words: found, found in part, not found in this group's practice, as the
// paper's key says, and never "hidden" or "not seen".
func TestReviewSaysWhatTheShadingMeans(t *testing.T) {
	h := newHarness(t)
	h.createSession("Key", "Governing Body")
	h.u.show(screenReview)
	r := h.u.cur.review
	if r == nil {
		t.Fatal("Review did not open")
	}
	want := "Key: shaded = found in this group's practice; partly = found in part; not shaded = not found in this group's practice."
	if got := r.key.Text; got != want {
		t.Errorf("Review's key = %q, want %q", got, want)
	}
	if !r.key.Visible() {
		t.Error("Review's key in words is not showing")
	}
}
