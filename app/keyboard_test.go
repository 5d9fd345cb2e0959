package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
)

// press sends a key as Fyne's desktop driver does (internal/driver/glfw,
// processKeyPressed): the key-down goes to the focused object if it takes
// key-downs, or to the window when nothing has the keyboard; then the
// typed key goes to the focused object, or to the window.
func (h *harness) press(name fyne.KeyName) {
	c := h.win.Canvas()
	ev := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		if k, ok := f.(desktop.Keyable); ok {
			k.KeyDown(ev)
		}
		f.TypedKey(ev)
		return
	}
	h.u.onKeyDown(ev) // what bindKeys gives the desktop canvas; the test canvas has none
	c.OnTypedKey()(ev)
}

// tab is Tab as the desktop driver takes it: a field that accepts tabs
// gets the key; otherwise the keyboard moves to the next control.
func (h *harness) tab() {
	c := h.win.Canvas()
	if t, ok := c.Focused().(fyne.Tabbable); ok && t.AcceptsTab() {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		return
	}
	c.FocusNext()
}

// Ctrl+N opens a new session's Setup from Home or mid-workshop, with the
// keyboard in its title.
func TestCtrlNOpensANewSession(t *testing.T) {
	h := newHarness(t)
	ctrlN := &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierControl}
	h.shortcut(ctrlN)
	if s := h.u.cur.setup; s == nil || s.create == nil || h.win.Canvas().Focused() != s.title {
		t.Fatalf("Ctrl+N on Home: screen %q, focus %T", h.u.screen, h.win.Canvas().Focused())
	}
	h.createSession("Board mapping", "Governing Body")
	h.u.show(h.u.fw.Elements[0].Code)
	h.win.Canvas().Focus(h.u.cur.element.notes) // even while typing notes
	h.shortcut(ctrlN)
	if s := h.u.cur.setup; s == nil || s.create == nil {
		t.Fatalf("Ctrl+N mid-workshop shows %q, want a new session's Setup", h.u.screen)
	}
}

// Enter passes the privacy list; the save dialog that follows has the file
// name selected, so a typed full path replaces it, and Enter saves there.
func TestEnterExportsAndTypedPathSaves(t *testing.T) {
	h := newHarness(t)
	h.createSession("Board mapping", "Governing Body")
	h.u.show(h.u.fw.Elements[0].Code)
	h.shortcut(&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierControl})
	if h.u.screen != screenReview || h.win.Canvas().Overlays().Top() == nil {
		t.Fatalf("Ctrl+E: screen %q, dialog %v", h.u.screen, h.win.Canvas().Overlays().Top())
	}
	privacy := h.win.Canvas().Overlays().Top()
	h.press(fyne.KeyReturn)
	top := h.win.Canvas().Overlays().Top()
	if top == nil || top == privacy {
		t.Fatal("Enter on the privacy list did not go on to the save dialog")
	}
	name, ok := h.win.Canvas().Focused().(*nameEntry)
	if !ok {
		t.Fatalf("the save dialog starts with %T focused, want its name", h.win.Canvas().Focused())
	}
	if name.SelectedText() != name.Text || !strings.HasSuffix(name.Text, ".pdf") {
		t.Fatalf("the name %q is not selected (%q)", name.Text, name.SelectedText())
	}
	path := filepath.Join(t.TempDir(), "typed", "paper.pdf")
	mustOK(t, os.MkdirAll(filepath.Dir(path), 0o755), "mkdir")
	h.runes(path)
	if name.Text != path {
		t.Fatalf("typing replaced the name with %q, want %q", name.Text, path)
	}
	h.press(fyne.KeyReturn)
	b, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("no PDF at the typed path: %v (%q)", err, h.u.msg.text.Text)
	}
	if h.win.Canvas().Overlays().Top() != nil {
		t.Error("the save dialog stayed open")
	}
}

// Every form starts in its first field: Setup for a new session, for the
// session just made, and reopened from the Intro and from Review; an
// action opened for editing in its text; a save dialog in its name. (Home, the elements and Review take no field first:
// there the single keys work the room, and a field would type them.)
func TestFocusStartsInTheFirstField(t *testing.T) {
	h := newHarness(t)
	c := h.win.Canvas()
	h.u.newSession()
	if got := c.Focused(); got != h.u.cur.setup.title {
		t.Fatalf("new session's Setup starts with %T", got)
	}
	id := h.createSession("Board mapping", "Governing Body")
	if got := c.Focused(); got != h.u.cur.setup.title {
		t.Errorf("the made session's Setup starts with %T", got)
	}
	for _, from := range []string{screenIntro, screenReview} {
		h.u.show(from)
		if c.Focused() != nil {
			t.Errorf("%s starts with %T focused, want nothing (its keys work the room)", from, c.Focused())
		}
		h.u.editDetails()
		if got := c.Focused(); h.u.cur.setup == nil || got != h.u.cur.setup.title {
			t.Errorf("details opened from %s start with %T focused, want the title", from, got)
		}
	}
	// An action opened for editing on Review: its text.
	h.u.show(screenReview)
	r := h.u.cur.review
	r.actText.SetText("Share papers two weeks before meetings")
	test.Tap(r.actSave)
	c.Unfocus()
	r.onEdit(h.record(id).Actions[0])
	if got := c.Focused(); got != r.actText {
		t.Errorf("an action opened for editing starts with %T focused, want its text", got)
	}
	h.u.exportSessionFile(id)
	if _, ok := c.Focused().(*nameEntry); !ok {
		t.Errorf("the save dialog starts with %T focused, want its name", c.Focused())
	}
}

// Tab leaves every multi-line field (notes, summaries, the cover's long
// fields) for the next control and types no tab into it.
func TestTabLeavesMultiLineFields(t *testing.T) {
	h := newHarness(t)
	h.createSession("Board mapping", "Governing Body")
	c := h.win.Canvas()
	screens := append([]string{screenSetup}, h.u.stops()...)
	seen := 0
	for _, screen := range screens {
		h.u.show(screen)
		if s := h.u.cur.setup; s != nil {
			s.coverBox.Open(0) // the cover sheet's long fields
		}
		for _, o := range walkShown(h.win.Content()) {
			e, ok := o.(*textEntry)
			if !ok || !e.MultiLine {
				continue
			}
			seen++
			c.Focus(e)
			h.runes("ab")
			h.tab()
			if c.Focused() == e || c.Focused() == nil {
				t.Errorf("%s: Tab stayed in the multi-line field %q", screen, e.PlaceHolder)
			}
			if e.Text != "ab" {
				t.Errorf("%s: Tab in %q left %q, want %q", screen, e.PlaceHolder, e.Text, "ab")
			}
			c.Focus(e)
			e.SetText("")
		}
	}
	t.Logf("Tab left all %d multi-line fields", seen)
	if seen < 7 {
		t.Fatalf("found only %d multi-line fields on the session's screens", seen)
	}
}

// Esc closes every dialog the window opens, each as it opens (the save
// dialogs with the keyboard in their name field).
func TestEscapeClosesEveryDialog(t *testing.T) {
	h := newHarness(t)
	id := h.createSession("Board mapping", "Governing Body")
	other := h.createSession("Second mapping", "Governing Body")
	h.u.show(screenReview)
	r := h.u.cur.review
	r.actText.SetText("Share papers two weeks before meetings")
	test.Tap(r.actSave)
	acts := h.record(other).Actions
	if len(acts) != 1 {
		t.Fatalf("%d actions saved", len(acts))
	}
	// Each dialog with the buttons Tab must reach in it, from which Esc
	// closes it too. (The open dialog's Open is Fyne's own: it takes the
	// keyboard only once a file is picked, and keeps Esc to itself.)
	dialogs := []struct {
		name    string
		open    func()
		buttons []string
	}{
		{"the privacy list", h.u.exportPaper, []string{"Export", "Cancel"}},
		{"the paper's save dialog", func() {
			h.u.exportPaper()
			h.press(fyne.KeyReturn)
		}, []string{"Save", "Cancel"}},
		{"Remove this action?", func() { h.u.show(screenReview); h.u.cur.review.onRemove(acts[0]) }, []string{"Yes", "No"}},
		{"Delete this session?", func() { h.u.showHome(); h.u.cur.home.onDelete(id, "Board mapping") }, []string{"Yes", "No"}},
		{"the session file's save dialog", func() { h.u.showHome(); h.u.exportSessionFile(id) }, []string{"Save", "Cancel"}},
		{"Import session file", func() { h.u.showHome(); h.u.importSessionFile() }, []string{"Cancel"}},
		{"the hand-out's save dialog", func() { h.u.showHome(); h.u.exportHandout() }, []string{"Save", "Cancel"}},
		{"Examples", func() { h.u.showHome(); h.u.showExamples() }, []string{"Open a copy", "Close"}},
		{"the comparison's save dialog", func() { h.u.showCompare(id, other); h.u.cur.compare.onExport() }, []string{"Save", "Cancel"}},
		{"Delete for ever?", func() {
			h.u.showHome()
			h.u.cur.home.onDelete(id, "Board mapping")
			h.dialog().pressConfirm()
			h.u.cur.home.onTrash()
			h.u.cur.home.onPurge(id, "Board mapping")
		}, []string{"Yes", "No"}},
	}
	c := h.win.Canvas()
	for _, d := range dialogs {
		for _, from := range append([]string{""}, d.buttons...) { // "": as it opens
			if h.u.sess.rec == nil {
				h.u.open(other, screenReview)
			}
			d.open()
			if c.Overlays().Top() == nil {
				t.Fatalf("%s did not open", d.name)
			}
			where := "as it opens"
			if from != "" {
				where = "from " + from
				if !h.tabToButton(from) {
					t.Errorf("Tab never reaches %s's %s", d.name, from)
				}
			}
			h.press(fyne.KeyEscape)
			if top := c.Overlays().Top(); top != nil && top.Visible() {
				t.Errorf("Esc %s left %s open (focus on %T)", where, d.name, c.Focused())
				for c.Overlays().Top() != nil {
					c.Overlays().Remove(c.Overlays().Top())
				}
			}
		}
	}
}

// tabToButton presses Tab until the button labelled label has the
// keyboard, and reports whether it came to it.
func (h *harness) tabToButton(label string) bool {
	c := h.win.Canvas()
	for i := 0; i < 200; i++ {
		h.tab()
		if o, ok := c.Focused().(fyne.CanvasObject); ok {
			if b, ok := asButton(o); ok && b.Text == label {
				return true
			}
		}
	}
	return false
}

// pressConfirm taps a confirmation dialog's confirming button.
func (d *fileDialog) pressConfirm() {
	d.t.Helper()
	for _, o := range d.objects() {
		if b, ok := asButton(o); ok && b.Importance == widget.HighImportance {
			test.Tap(b)
			return
		}
	}
	d.t.Fatal("the dialog has no confirming button")
}

// The message bar's Dismiss is for a pointer: Tab goes round a whole
// screen with a message showing and never reaches it.
func TestTabNeverReachesDismiss(t *testing.T) {
	h := newHarness(t)
	h.createSession("Board mapping", "Governing Body")
	for _, screen := range []string{screenSetup, h.u.fw.Elements[0].Code, screenReview} {
		h.u.show(screen)
		h.u.msg.info("PDF saved without names (public): /home/facilitator/Documents/paper.pdf")
		if !h.u.msg.box.Visible() {
			t.Fatal("the message bar is hidden")
		}
		inBar := map[fyne.CanvasObject]bool{}
		for _, o := range walk(h.u.msg.box) {
			inBar[o] = true
		}
		dismiss := false
		for o := range inBar {
			if b, ok := o.(*tapButton); ok && b.text == "Dismiss" && b.Visible() {
				dismiss = true
			}
		}
		if !dismiss {
			t.Fatal("the message bar shows no Dismiss")
		}
		c := h.win.Canvas()
		c.Unfocus()
		h.tab()
		first := c.Focused()
		if first == nil {
			t.Fatalf("%s: Tab reaches nothing", screen)
		}
		stops := 0
		for {
			if inBar[c.Focused().(fyne.CanvasObject)] {
				t.Fatalf("%s: Tab reached the message bar's %T", screen, c.Focused())
			}
			stops++
			h.tab()
			if c.Focused() == first || stops > 500 {
				break
			}
		}
		if stops < 5 {
			t.Errorf("%s: Tab went round only %d controls", screen, stops)
		}
		t.Logf("%s: Tab goes round %d controls, Dismiss not among them", screen, stops)
	}
}

// Tab reaches the word tiles and the rail's stops, which show a ring;
// with one of them focused the room's keys still work (number keys, T,
// arrows), Space or Enter taps it, and Esc gives the keyboard back.
func TestTilesAndRailTakeTheKeyboard(t *testing.T) {
	h := newHarness(t)
	id := h.createSession("Board mapping", "Governing Body")
	P := h.u.fw.Elements[0]
	h.u.show(P.Code)
	c := h.win.Canvas()
	el := h.u.cur.element
	var tile *wordTile
	for i := 0; i < 80 && tile == nil; i++ {
		h.tab()
		tile, _ = c.Focused().(*wordTile)
	}
	if tile != el.tiles[0] {
		t.Fatalf("Tab reached %T before the first tile", c.Focused())
	}
	// On the screen itself (not alone on a test canvas) the ring shows:
	// at least a one-pixel line round the tile changes by 3:1.
	c.Unfocus()
	before := c.Capture()
	c.Focus(tile)
	n, _ := changedBy(before, c.Capture(), focusNeed)
	if sz := tile.Size(); n < int(2*(sz.Width+sz.Height)) {
		t.Errorf("a focused tile changes %d pixels by 3:1, want at least %.0f", n, 2*(sz.Width+sz.Height))
	} else {
		t.Logf("a focused tile on the element screen changes %d pixels by 3:1 or more", n)
	}
	h.press(fyne.KeySpace)
	h.runes("2")
	wantLevels(t, h.levels(id, P.Words[0].ID, P.Words[1].ID), data.ShadePartly, data.ShadePartly)
	h.runes("t")
	if !h.u.sess.clock.running() {
		t.Error("T with a tile focused did not start the timer")
	}
	h.press(fyne.KeyEscape)
	if c.Focused() != nil {
		t.Errorf("Esc on a tile left %T focused", c.Focused())
	}
	h.win.Canvas().Focus(el.tiles[1])
	h.press(fyne.KeyRight)
	if h.u.screen != h.u.fw.Elements[1].Code {
		t.Errorf("Right with a tile focused shows %q", h.u.screen)
	}

	// The rail: Enter on a stop goes there.
	review := h.u.built.railSteps[screenReview]
	c.Focus(review)
	if c.Focused() != review {
		t.Fatal("the rail's Review stop takes no keyboard")
	}
	h.press(fyne.KeyReturn)
	if h.u.screen != screenReview {
		t.Errorf("Enter on the rail's Review shows %q", h.u.screen)
	}
	// A tap on a tile takes the keyboard from a note, so 1 shades again.
	h.u.show(P.Code)
	el = h.u.cur.element
	c.Focus(el.wordNotes[0])
	test.Tap(el.tiles[2])
	if c.Focused() != nil {
		t.Errorf("a tap on a tile left %T with the keyboard", c.Focused())
	}
}

// Tab onto a button on an element screen keeps the room's keys working:
// 1 shades the first word, T starts the timer, Right and PageDown move on;
// Space presses the button and Esc gives the keyboard back.
func TestButtonsPassTheRoomsKeys(t *testing.T) {
	h := newHarness(t)
	id := h.createSession("Board mapping", "Governing Body")
	els := h.u.fw.Elements
	c := h.win.Canvas()
	tabToButton := func() *button {
		t.Helper()
		c.Unfocus()
		for i := 0; i < 80; i++ {
			h.tab()
			if b, ok := c.Focused().(*button); ok {
				return b
			}
		}
		t.Fatalf("%s: Tab reaches no button", h.u.screen)
		return nil
	}
	h.u.show(els[0].Code)
	b := tabToButton()
	t.Logf("Tab reaches %q first", b.Text)
	h.runes("1")
	wantLevels(t, h.levels(id, els[0].Words[0].ID), data.ShadePartly)
	if c.Focused() != b {
		t.Errorf("1 moved the keyboard from the button to %T", c.Focused())
	}
	h.press(fyne.KeyRight)
	if h.u.screen != els[1].Code {
		t.Fatalf("Right with a button focused shows %q, want %q", h.u.screen, els[1].Code)
	}
	tabToButton()
	h.press(fyne.KeyPageDown)
	if h.u.screen != els[2].Code {
		t.Fatalf("PageDown with a button focused shows %q, want %q", h.u.screen, els[2].Code)
	}
	h.press(fyne.KeyPageUp)
	if h.u.screen != els[1].Code {
		t.Fatalf("PageUp with a button focused shows %q, want %q", h.u.screen, els[1].Code)
	}
	timer := h.u.cur.element.timerButton
	c.Focus(timer)
	if c.Focused() != timer {
		t.Fatal("the timer's button takes no keyboard")
	}
	h.press(fyne.KeySpace)
	if !h.u.sess.clock.running() {
		t.Error("Space on the timer's button did not start the timer")
	}
	h.runes("t")
	if h.u.sess.clock.running() {
		t.Error("T with the timer's button focused did not stop the timer")
	}
	h.press(fyne.KeyEscape)
	if c.Focused() != nil {
		t.Errorf("Esc on a button left %T focused", c.Focused())
	}
	h.runes("2")
	wantLevels(t, h.levels(id, els[1].Words[1].ID), data.ShadePartly)

	// A check box too: Space ticks it, Left goes back.
	h.u.show(screenReview)
	names := h.u.cur.review.names
	c.Focus(names)
	h.runes(" ")
	if !names.Checked {
		t.Error("Space did not tick Review's Include names")
	}
	h.press(fyne.KeyLeft)
	if last := els[len(els)-1].Code; h.u.screen != last {
		t.Errorf("Left with a check box focused shows %q, want %q", h.u.screen, last)
	}

	// A drop-down too: Right steps its options, PageUp (a clicker) goes
	// back, and Esc gives the keyboard back.
	h.u.show(screenReview)
	format := h.u.cur.review.format
	c.Focus(format)
	was := format.SelectedIndex()
	h.press(fyne.KeyRight)
	if format.SelectedIndex() == was {
		t.Error("Right on Review's format choice did not step its options")
	}
	if h.u.screen != screenReview {
		t.Errorf("Right on a drop-down left Review for %q", h.u.screen)
	}
	h.press(fyne.KeyEscape)
	if c.Focused() != nil {
		t.Errorf("Esc on a drop-down left %T focused", c.Focused())
	}
	c.Focus(format)
	h.press(fyne.KeyPageUp)
	if last := els[len(els)-1].Code; h.u.screen != last {
		t.Errorf("PageUp with a drop-down focused shows %q, want %q", h.u.screen, last)
	}
}

// Home's list rings the row with the keyboard; Down moves the ring,
// Enter opens that row's session, and the window's keys still work.
func TestHomeListRingsTheRowWithTheKeyboard(t *testing.T) {
	h := newHarness(t)
	h.createSession("First mapping", "Governing Body")
	h.createSession("Second mapping", "Governing Body")
	h.u.showHome()
	home := h.u.cur.home
	c := h.win.Canvas()
	for i := 0; i < 80 && c.Focused() != fyne.Focusable(home.list); i++ {
		h.tab()
	}
	if c.Focused() != fyne.Focusable(home.list) {
		t.Fatal("Tab never reaches Home's list")
	}
	ringed := func() []string {
		var out []string
		for _, o := range walk(home.list) {
			if r, ok := o.(*ringedRow); ok && r.on && r.Visible() {
				for _, l := range walk(r.content) {
					if lb, ok := l.(*widget.Label); ok && lb.TextStyle.Bold {
						out = append(out, lb.Text)
					}
				}
			}
		}
		return out
	}
	want := func(title string) {
		t.Helper()
		if got := ringed(); len(got) != 1 || got[0] != title {
			t.Errorf("rows ringed: %q, want only %q", got, title)
		}
	}
	want(home.sessions[0].Title)
	h.press(fyne.KeyDown)
	want(home.sessions[1].Title)
	h.press(fyne.KeyUp)
	want(home.sessions[0].Title)
	h.press(fyne.KeyDown)
	opening := home.sessions[1].ID
	h.press(fyne.KeyReturn)
	if h.u.sess.rec == nil || h.u.sess.rec.ID != opening {
		t.Fatalf("Enter on the ringed row opened %v, want session %d", h.u.sess.rec, opening)
	}
}
