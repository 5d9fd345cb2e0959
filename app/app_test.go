package app

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/sqlite"
	"github.com/ppei-iceberg/iceberg/resources"
)

// fakeClock is the time the timer sees; tests move it on by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time      { return c.t }
func (c *fakeClock) add(d time.Duration) { c.t = c.t.Add(d) }
func mustOK(tb testing.TB, err error, what string) {
	tb.Helper()
	if err != nil {
		tb.Fatalf("%s: %v", what, err)
	}
}

type harness struct {
	t     *testing.T
	app   fyne.App
	win   fyne.Window
	store *sqlite.Store
	path  string
	u     *ui
	clock *fakeClock
}

// newHarness opens a real store on a temporary file and builds the window
// on Fyne's test driver, with no goroutines: typing is saved on each move
// (as it is when the real window's delay has not yet run out) and the timer
// reads a clock the test moves.
func newHarness(t *testing.T) *harness {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	h := &harness{t: t, app: test.NewTempApp(t), clock: &fakeClock{t: time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)}}
	h.path = filepath.Join(t.TempDir(), "iceberg.db")
	st, err := sqlite.Open(context.Background(), h.path)
	mustOK(t, err, "open store")
	h.store = st
	t.Cleanup(func() { st.Close() })
	h.build()
	return h
}

// build makes a fresh window on the same app and store, as a restart does.
func (h *harness) build() {
	h.win = test.NewTempWindow(h.t, nil)
	h.win.Resize(fyne.NewSize(1280, 720))
	h.u = newUI(h.app, h.win, h.store, sqlite.Files{})
	h.u.sess.debounce = -1
	h.u.sess.now = h.clock.now
}

func (h *harness) record(id int64) *data.Record {
	h.t.Helper()
	r, err := h.store.Session(context.Background(), id)
	mustOK(h.t, err, "read session")
	return r
}

// key sends a key as the desktop driver does: to the focused object if
// there is one, otherwise to the window.
func (h *harness) key(name fyne.KeyName) {
	c := h.win.Canvas()
	ev := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	c.OnTypedKey()(ev)
}

// runes types characters as the desktop driver does.
func (h *harness) runes(s string) {
	c := h.win.Canvas()
	for _, r := range s {
		if f := c.Focused(); f != nil {
			f.TypedRune(r)
			continue
		}
		c.OnTypedRune()(r)
	}
}

// shortcut sends a shortcut as the desktop driver does.
func (h *harness) shortcut(s fyne.Shortcut) {
	c := h.win.Canvas()
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	c.(fyne.Shortcutable).TypedShortcut(s)
}

func (h *harness) levels(id int64, words ...string) []data.Shade {
	r := h.record(id)
	var out []data.Shade
	for _, w := range words {
		out = append(out, r.Word(w).Level)
	}
	return out
}

func wantLevels(t *testing.T, got []data.Shade, want ...data.Shade) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d levels, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("level %d: got %v, want %v (all: %v)", i, got[i], want[i], got)
		}
	}
}

// createSession goes through Setup as a facilitator would.
func (h *harness) createSession(title, community string) int64 {
	t := h.t
	t.Helper()
	h.u.newSession()
	s := h.u.cur.setup
	if s == nil {
		t.Fatal("New session did not show Setup")
	}
	test.Type(s.title, title)
	if !s.create.Disabled() {
		t.Fatal("Create is enabled with no community of practice")
	}
	if !strings.Contains(s.problem.Text, "community of practice") {
		t.Fatalf("problem text %q does not say what is missing", s.problem.Text)
	}
	test.Type(s.community, community)
	if s.create.Disabled() {
		t.Fatalf("Create is disabled for a valid session: %q", s.problem.Text)
	}
	test.Tap(s.create)
	if h.u.sess.rec == nil {
		t.Fatalf("no session open after Create; banner %q", h.u.msg.text.Text)
	}
	return h.u.sess.rec.ID
}

func TestWholeWorkshop(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	fw := h.store.Framework()
	P, Mat, C := fw.Elements[0], fw.Elements[1], fw.Elements[2]

	// Setup: create, then change a count; the change is saved at once.
	id := h.createSession("Governing Body mapping", "Governing Body")
	list, err := h.store.ListSessions(ctx, data.SessionFilter{})
	mustOK(t, err, "list")
	if len(list) != 1 || list[0].Title != "Governing Body mapping" {
		t.Fatalf("sessions after create: %+v", list)
	}
	h.u.cur.setup.step(data.RoleServiceUser, 1)
	h.u.cur.setup.step(data.RoleServiceUser, 1)
	h.u.sess.flush()
	if got := h.record(id).Count(data.RoleServiceUser); got != 2 {
		t.Fatalf("service users after two taps of +: got %d, want 2", got)
	}
	test.Type(h.u.cur.setup.date, "x") // 2026-…x is not a date
	if h.u.cur.setup.problem.Hidden || !strings.Contains(h.u.cur.setup.problem.Text, "not a date") {
		t.Fatalf("a bad date gives no inline problem: %q", h.u.cur.setup.problem.Text)
	}
	h.u.show(screenIntro)
	if h.record(id).MeetingDate == "" || strings.HasSuffix(h.record(id).MeetingDate, "x") {
		t.Fatalf("an invalid date was saved: %q", h.record(id).MeetingDate)
	}

	// Intro → P by the Right key.
	h.key(fyne.KeyRight)
	if h.u.screen != P.Code || h.u.cur.element == nil {
		t.Fatalf("Right from Intro: screen %q, want %q", h.u.screen, P.Code)
	}
	w0, w1 := P.Words[0].ID, P.Words[1].ID

	// Shade by tap: none → partly → shaded.
	test.Tap(h.u.cur.element.tiles[0])
	wantLevels(t, h.levels(id, w0), data.ShadePartly)
	if h.u.cur.element.tiles[0].level != data.ShadePartly {
		t.Fatal("tile does not show the saved level")
	}
	test.Tap(h.u.cur.element.tiles[0])
	wantLevels(t, h.levels(id, w0, w1), data.ShadeShaded, data.ShadeNone)

	// Shade by number key; a key past the last word does nothing.
	h.runes("2")
	wantLevels(t, h.levels(id, w0, w1), data.ShadeShaded, data.ShadePartly)
	h.runes("9")
	wantLevels(t, h.levels(id, w0, w1), data.ShadeShaded, data.ShadePartly)

	// Typing in a word's note: its digits and letters never shade or move.
	before := h.levels(id, w0, w1, P.Words[2].ID)
	h.win.Canvas().Focus(h.u.cur.element.wordNotes[0])
	h.runes("1 2 3 tp met weekly")
	test.TypeOnCanvas(h.win.Canvas(), "3t") // even sent straight to the window
	h.key(fyne.KeyRight)                    // moves the cursor, not the room
	wantLevels(t, h.levels(id, w0, w1, P.Words[2].ID), before...)
	if h.u.screen != P.Code {
		t.Fatalf("Right in a text field moved the room to %q", h.u.screen)
	}
	if h.u.sess.clock.running() {
		t.Fatal("T typed in a note started the timer")
	}
	if got := h.u.cur.element.wordNotes[0].Text; got != "1 2 3 tp met weekly" {
		t.Fatalf("note text: %q", got)
	}
	// Esc leaves the field; then Right moves on and the note is saved.
	h.key(fyne.KeyEscape)
	if h.win.Canvas().Focused() != nil {
		t.Fatal("Esc did not leave the text field")
	}
	h.key(fyne.KeyRight)
	if h.u.screen != Mat.Code {
		t.Fatalf("Right: screen %q, want %q", h.u.screen, Mat.Code)
	}
	if got := h.record(id).Word(w0).Note; got != "1 2 3 tp met weekly" {
		t.Fatalf("saved note: %q", got)
	}

	// Timer: T starts, T pauses; minutes spent are saved.
	h.runes("t")
	if !h.u.sess.clock.running() {
		t.Fatal("T did not start the timer")
	}
	h.clock.add(65 * time.Second)
	if got := h.u.cur.element.timerText.Text; got != "8:55" {
		h.u.cur.element.showTimer()
		if got = h.u.cur.element.timerText.Text; got != "8:55" {
			t.Fatalf("timer shows %q after 65 s of 10 min, want 8:55", got)
		}
	}
	h.runes("T")
	if h.u.sess.clock.running() {
		t.Fatal("T did not pause the timer")
	}
	if got := h.record(id).Element(Mat.Code).Seconds; got != 65 {
		t.Fatalf("seconds after pause: got %d, want 65", got)
	}
	test.Tap(h.u.cur.element.timerButton) // start by button
	h.clock.add(12 * time.Minute)         // past zero: calm, and still counting
	h.u.cur.element.showTimer()
	if !strings.HasPrefix(h.u.cur.element.timerText.Text, "+") || !strings.Contains(h.u.cur.element.timerNote.Text, "Time is up") {
		t.Fatalf("over time shows %q / %q", h.u.cur.element.timerText.Text, h.u.cur.element.timerNote.Text)
	}
	h.key(fyne.KeyPageDown) // leaving pauses and saves
	if got := h.record(id).Element(Mat.Code).Seconds; got != 65+12*60 {
		t.Fatalf("seconds after leaving: got %d, want %d", got, 65+12*60)
	}
	if h.u.screen != C.Code {
		t.Fatalf("PageDown: screen %q, want %q", h.u.screen, C.Code)
	}

	// Discussion notes, then PageUp (a clicker) while still typing.
	h.win.Canvas().Focus(h.u.cur.element.notes)
	h.runes("Training is formal for GPs; service users learn by doing.")
	h.key(fyne.KeyPageUp)
	if h.u.screen != Mat.Code {
		t.Fatalf("PageUp from a text field: screen %q, want %q", h.u.screen, Mat.Code)
	}
	if got := h.record(id).Element(C.Code).Notes; !strings.HasPrefix(got, "Training is formal") {
		t.Fatalf("discussion notes saved as %q", got)
	}

	// Prompts: P shows the next, with the finding it comes from.
	first := h.u.cur.element.promptText.Text
	h.runes("p")
	if h.u.cur.element.promptText.Text == first || !strings.Contains(h.u.cur.element.promptFrom.Text, "From the research") {
		t.Fatalf("P: prompt %q from %q", h.u.cur.element.promptText.Text, h.u.cur.element.promptFrom.Text)
	}

	// Agree all five: by button on the first, by A on the rest.
	for i, e := range fw.Elements {
		h.u.show(e.Code)
		if i == 0 {
			test.Tap(h.u.cur.element.agree)
		} else {
			h.runes("a")
		}
		if !h.record(id).Element(e.Code).Agreed() {
			t.Fatalf("%s not agreed", e.Code)
		}
		if !h.u.built.railSteps[e.Code].agreed {
			t.Fatalf("rail does not show %s agreed", e.Code)
		}
	}
	if got := h.record(id).Status; got != data.StatusAgreed {
		t.Fatalf("status after all five agreed: %q", got)
	}

	// Undo and redo, by Ctrl+Z / Ctrl+Y; undo takes the room to the change.
	last := fw.Elements[len(fw.Elements)-1].Code
	h.u.show(P.Code)
	h.shortcut(&fyne.ShortcutUndo{})
	if h.record(id).Element(last).Agreed() {
		t.Fatal("Ctrl+Z did not undo the last agreement")
	}
	if h.u.screen != last || !strings.Contains(h.u.msg.text.Text, "Undone") {
		t.Fatalf("after undo: screen %q, banner %q", h.u.screen, h.u.msg.text.Text)
	}
	h.shortcut(&fyne.ShortcutRedo{})
	if !h.record(id).Element(last).Agreed() {
		t.Fatal("Ctrl+Y did not redo the agreement")
	}
	h.u.show(P.Code)
	h.runes("3")
	wantLevels(t, h.levels(id, P.Words[2].ID), data.ShadePartly)
	h.shortcut(&fyne.ShortcutUndo{})
	wantLevels(t, h.levels(id, P.Words[2].ID), data.ShadeNone)
	if h.u.cur.element.tiles[2].level != data.ShadeNone {
		t.Fatal("tile still shows the undone level")
	}
	h.shortcut(&fyne.ShortcutRedo{})
	wantLevels(t, h.levels(id, P.Words[2].ID), data.ShadePartly)

	// Review shows the map from the same model as the PDF.
	h.u.show(screenReview)
	m := h.u.cur.review.mapView.model
	if m.Draft || m.Shaded != 1 || m.Partly != 2 {
		t.Fatalf("review map: draft %v, shaded %d, partly %d", m.Draft, m.Shaded, m.Partly)
	}
	h.win.Canvas().Focus(h.u.cur.review.summary)
	h.runes("Much of the work is below the surface.")
	h.key(fyne.KeyEscape)
	h.u.cur.review.actText.SetText("Share papers two weeks before meetings")
	h.u.cur.review.actElement.SetSelectedIndex(2)
	test.Tap(h.u.cur.review.actSave)
	r := h.record(id)
	if r.Summary != "Much of the work is below the surface." || len(r.Actions) != 1 || r.Actions[0].Element != Mat.Code {
		t.Fatalf("summary %q, actions %+v", r.Summary, r.Actions)
	}
	h.u.cur.review.onEdit(r.Actions[0])
	h.u.cur.review.actOwner.SetText("Lay chair")
	test.Tap(h.u.cur.review.actSave)
	if r = h.record(id); len(r.Actions) != 1 || r.Actions[0].Owner != "Lay chair" {
		t.Fatalf("edited action: %+v", r.Actions)
	}
	if h.u.cur.review.names.Checked {
		t.Fatal("Include names is ticked by default; board papers are public")
	}
}

func TestReopenReturnsToSessionAndElement(t *testing.T) {
	h := newHarness(t)
	id := h.createSession("Comms", "Communications Strategy Group")
	h.u.show(screenIntro)
	h.key(fyne.KeyRight)
	h.key(fyne.KeyRight)
	h.win.Canvas().Focus(h.u.cur.element.notes)
	h.runes("typed just before the lid closed")
	h.u.shutdown() // what closing the window does

	h.build()
	h.u.restore()
	if h.u.sess.rec == nil || h.u.sess.rec.ID != id || h.u.screen != h.store.Framework().Elements[1].Code {
		t.Fatalf("reopened at session %v screen %q", h.u.sess.rec, h.u.screen)
	}
	if got := h.u.cur.element.notes.Text; got != "typed just before the lid closed" {
		t.Fatalf("notes after reopening: %q", got)
	}
}

func TestFailedWriteShowsErrorAndTileDoesNotPretend(t *testing.T) {
	h := newHarness(t)
	h.createSession("Failing", "Governing Body")
	h.u.show(h.store.Framework().Elements[0].Code)
	mustOK(t, h.store.Close(), "close store")
	test.Tap(h.u.cur.element.tiles[0])
	if h.u.cur.element.tiles[0].level != data.ShadeNone {
		t.Fatalf("tile shows %v after a failed write", h.u.cur.element.tiles[0].level)
	}
	if h.u.msg.box.Hidden || !h.u.msg.isErr || h.u.msg.text.Text == "" {
		t.Fatal("no error shown after a failed write")
	}
	// Typing that cannot be saved stays on screen and stays waiting.
	h.win.Canvas().Focus(h.u.cur.element.notes)
	h.runes("keep me")
	h.u.sess.flush()
	if got := h.u.cur.element.notes.Text; got != "keep me" || !h.u.sess.isPending("notes:"+h.u.cur.element.el.Code) {
		t.Fatalf("unsaved text: %q pending %v", got, h.u.sess.isPending("notes:"+h.u.cur.element.el.Code))
	}
}

func TestHomeSearchTrashAndFollowUp(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	a := h.createSession("Spring mapping", "Governing Body")
	b := h.createSession("Comms review", "Communications Strategy Group")
	h.u.showHome()
	home := h.u.cur.home
	if len(home.sessions) != 2 || home.sessions[0].Title != "Comms review" {
		t.Fatalf("home list, newest first: %+v", home.sessions)
	}
	test.Type(home.search, "spring")
	if len(home.sessions) != 1 || home.sessions[0].ID != a {
		t.Fatalf("search: %+v", home.sessions)
	}
	home.search.SetText("")
	mustOK(t, h.store.DeleteSession(ctx, a), "delete")
	home.load()
	if len(home.sessions) != 1 {
		t.Fatalf("after delete: %+v", home.sessions)
	}
	test.Tap(home.trashBtn)
	if len(home.sessions) != 1 || home.sessions[0].ID != a {
		t.Fatalf("trash: %+v", home.sessions)
	}
	home.onRestore(a)
	test.Tap(home.trashBtn)
	if len(home.sessions) != 2 {
		t.Fatalf("after restore: %+v", home.sessions)
	}
	// Enter opens the newest session where the room left it (Setup here).
	h.key(fyne.KeyReturn)
	if h.u.sess.rec == nil || h.u.sess.rec.ID != b || h.u.screen != screenSetup {
		t.Fatalf("Enter on Home: rec %v screen %q", h.u.sess.rec, h.u.screen)
	}
	h.u.showHome()
	h.u.cur.home.onFollowUp(a)
	if h.u.sess.rec == nil || h.u.sess.rec.FollowsID != a || h.u.screen != screenSetup {
		t.Fatalf("follow-up: %+v on %q", h.u.sess.rec, h.u.screen)
	}
}

// walk lists every canvas object drawn under o.
func walk(o fyne.CanvasObject) []fyne.CanvasObject { return test.LaidOutObjects(o) }

// walkShown is every object under o that is drawn: a hidden object and all
// under it are left out (the stage keeps screens built before, hidden).
func walkShown(o fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var visit func(o fyne.CanvasObject)
	visit = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		out = append(out, o)
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				visit(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				visit(c)
			}
		}
	}
	visit(o)
	return out
}

func TestReadableAtDefaultZoomAndZoomKeys(t *testing.T) {
	h := newHarness(t)
	h.createSession("Sizes", "Governing Body")
	el := h.store.Framework().Elements[3]
	h.u.show(el.Code)
	var name, word float32
	for _, o := range walk(h.win.Content()) {
		if txt, ok := o.(*canvas.Text); ok {
			switch txt.Text {
			case el.Name:
				name = fyne.Max(name, txt.TextSize)
			case el.Words[0].Label:
				word = fyne.Max(word, txt.TextSize)
			}
		}
	}
	if name < 40 || word < 24 {
		t.Fatalf("element name %.0f px (want ≥ 40), doing word %.0f px (want ≥ 24)", name, word)
	}
	h.shortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierControl})
	if h.u.zoom != 1.1 || h.app.Preferences().Float(prefZoom) < 1.09 {
		t.Fatalf("Ctrl+= zoom %v, saved %v", h.u.zoom, h.app.Preferences().Float(prefZoom))
	}
	if themeSize(sizeWord) <= 28 {
		t.Fatalf("word size after zoom in: %v", themeSize(sizeWord))
	}
	h.shortcut(&desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierControl})
	h.shortcut(&desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierControl})
	if h.u.zoom != 0.9 {
		t.Fatalf("zoom after two Ctrl+-: %v", h.u.zoom)
	}
	h.u.setLook(lookContrast)
	if h.app.Preferences().String(prefLook) != lookContrast {
		t.Fatal("look not saved")
	}
	h.build() // a new window keeps the look and zoom
	if h.u.look != lookContrast || h.u.zoom != 0.9 {
		t.Fatalf("after restart: look %q zoom %v", h.u.look, h.u.zoom)
	}
	h.key(fyne.KeyF11)
	if !h.win.FullScreen() {
		t.Fatal("F11 did not go full screen")
	}
	h.key(fyne.KeyEscape)
	if h.win.FullScreen() {
		t.Fatal("Esc did not leave full screen")
	}
}

func TestThemeUsesTheEmbeddedFont(t *testing.T) {
	th := newIceTheme(lookLight, 1)
	if !bytes.Equal(th.Font(fyne.TextStyle{}).Content(), resources.FontRegular()) {
		t.Error("regular text is not the embedded font the PDF uses")
	}
	if !bytes.Equal(th.Font(fyne.TextStyle{Bold: true}).Content(), resources.FontBold()) {
		t.Error("bold text is not the embedded font the PDF uses")
	}
}
