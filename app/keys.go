package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The keys a facilitator uses from the front of the room: arrows and a
// presenter clicker's PageUp/PageDown move on, numbers shade (or count),
// single letters work the element screen, and Ctrl shortcuts work even
// while a text field has the keyboard.

// bindKeys gives the window's canvas its keys and shortcuts.
func (u *ui) bindKeys() {
	c := u.win.Canvas()
	c.SetOnTypedKey(u.onTypedKey)
	if dc, ok := c.(desktop.Canvas); ok {
		dc.SetOnKeyDown(u.onKeyDown)
	}
	c.SetOnTypedRune(u.onTypedRune)
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { u.undo() })
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { u.redo() })
	for _, s := range windowShortcuts {
		sc := s
		c.AddShortcut(sc, func(fyne.Shortcut) { u.windowShortcut(sc) })
	}
}

// windowShortcuts are the Ctrl shortcuts that work even while typing.
var windowShortcuts = []*desktop.CustomShortcut{
	{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierControl},
	{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierControl},
	{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierControl},
	{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift},
	{KeyName: fyne.KeyPlus, Modifier: fyne.KeyModifierControl},
	{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierControl},
	{KeyName: fyne.Key0, Modifier: fyne.KeyModifierControl},
	{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierControl},
	{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift},
}

// windowShortcut runs a Ctrl shortcut and reports whether it was one.
func (u *ui) windowShortcut(s *desktop.CustomShortcut) bool {
	if s.Modifier&fyne.KeyModifierControl == 0 {
		return false
	}
	switch s.KeyName {
	case fyne.KeyE:
		u.exportPaper()
	case fyne.KeyN:
		u.newSession()
	case fyne.KeyEqual, fyne.KeyPlus:
		u.setZoom(u.zoom + zoomStep)
	case fyne.KeyMinus:
		u.setZoom(u.zoom - zoomStep)
	case fyne.Key0:
		u.setZoom(1)
	case fyne.KeyQ:
		u.shutdown()
		u.app.Quit()
	case fyne.KeyZ:
		if s.Modifier&fyne.KeyModifierShift == 0 {
			return false
		}
		u.redo()
	default:
		return false
	}
	return true
}

// typing reports whether a text field has the keyboard, when single-key
// shortcuts must leave the keys to it.
func (u *ui) typing() bool {
	switch u.win.Canvas().Focused().(type) {
	case nil:
		return false
	case *button, *widget.Button, *check, *widget.Check, *choice, *sessionList, *wordTile, *railStep:
		return false
	}
	return true
}

// onKeyDown sees every key, wherever the keyboard is: Esc closes the
// dialog on top, as a dialog's Cancel or Close would.
func (u *ui) onKeyDown(ev *fyne.KeyEvent) {
	u.escaped = false
	if ev.Name != fyne.KeyEscape {
		return
	}
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		top.Hide()
		u.escaped = true
	}
}

func (u *ui) onTypedKey(ev *fyne.KeyEvent) {
	if u.typing() {
		return
	}
	switch ev.Name {
	case fyne.KeyRight, fyne.KeyPageDown:
		if u.cur.learn != nil {
			u.cur.learn.turn(1)
		}
		u.next()
	case fyne.KeyLeft, fyne.KeyPageUp:
		if u.cur.learn != nil {
			u.cur.learn.turn(-1)
		}
		u.back()
	case fyne.KeyF11:
		u.toggleFullScreen()
	case fyne.KeyEscape:
		if u.escaped { // this Esc closed a dialog
			u.escaped = false
			return
		}
		if u.win.FullScreen() {
			u.win.SetFullScreen(false)
		} else {
			u.msg.hide()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if u.confirmOnTop() {
			return
		}
		if u.cur.home != nil {
			u.cur.home.openSelected()
		}
	case fyne.KeyDown, fyne.KeyUp:
		if u.cur.home != nil {
			u.cur.home.moveSelection(ev.Name == fyne.KeyDown)
		}
	}
}

func (u *ui) onTypedRune(r rune) {
	el := u.cur.element
	if u.typing() || el == nil {
		return
	}
	switch {
	case u.countMode && r >= '0' && r <= '9':
		by := 1
		if u.countMinus {
			by = -1
		}
		u.countMinus = false
		if r == '0' {
			el.addTallyOf(by)
		} else {
			el.addTally(int(r-'1'), by)
		}
	case u.countMode && r == '-':
		u.countMinus = true
	case r == 'c' || r == 'C':
		u.countMode, u.countMinus = !u.countMode, false
		el.showTallies()
		if u.countMode {
			u.msg.info("Counting: a number adds one to that word, − then a number takes one away, 0 adds a person. C to shade again.")
		} else {
			u.msg.info("The number keys shade words again.")
		}
	case r >= '1' && r <= '9':
		el.cycle(int(r - '1'))
	case r == 't' || r == 'T':
		el.onTimer()
	case r == 'p' || r == 'P':
		el.nextPrompt()
	case r == 'a' || r == 'A':
		el.onAgree()
	}
}

// enterConfirm is a dialog that Enter confirms, and the overlay it shows in.
type enterConfirm struct {
	dialog *dialog.ConfirmDialog
	popUp  fyne.CanvasObject
}

// confirmOnTop presses the confirming button of the dialog on top, when
// that dialog is one whose Enter the window knows (the privacy check's
// Export), and reports whether it did.
func (u *ui) confirmOnTop() bool {
	top := u.win.Canvas().Overlays().Top()
	if top == nil || u.enterConfirms == nil || top != u.enterConfirms.popUp || !top.Visible() {
		return false
	}
	d := u.enterConfirms.dialog
	u.enterConfirms = nil
	d.Confirm()
	return true
}

// keyFocus is what a tile or a rail stop of the app's own needs to take
// the keyboard: whether it has it, and the window's handlers, to which it
// passes the room's keys (number keys, T, A, arrows), so Tab onto a tile
// does not stop them working.
type keyFocus struct {
	on   bool
	keys *entryKeys
}

// tapped takes the keyboard from a field being typed in, as a tap on
// something that is not a field does, so the number keys shade again.
func (f *keyFocus) tapped(self fyne.Focusable) {
	if f.keys == nil {
		return
	}
	if c := f.keys.win.Canvas(); c != nil && c.Focused() != nil && c.Focused() != self {
		c.Unfocus()
	}
}

// rune passes a typed character to the window.
func (f *keyFocus) rune(r rune) {
	if f.keys != nil && f.keys.typedRune != nil && r != ' ' { // Space is the tap, below
		f.keys.typedRune(r)
	}
}

// key taps on Space or Enter, gives the keyboard back on Esc (so the
// window's keys work with nothing focused, as after a field), and passes
// every other key to the window.
func (f *keyFocus) key(ev *fyne.KeyEvent, tap func()) {
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		if tap != nil {
			tap()
		}
	case fyne.KeyEscape:
		if f.keys != nil {
			if c := f.keys.win.Canvas(); c != nil {
				c.Unfocus()
			}
		}
	default:
		if f.keys != nil && f.keys.typedKey != nil {
			f.keys.typedKey(ev)
		}
	}
}

// focusRing is the ring drawn inside a tile or rail stop of the app's own
// while it has the keyboard: a line of the window's colour over the edge,
// so the ring stands 3:1 apart from any tile's edge and fill, and inside
// it a ring of the focus colour.
type focusRing struct{ gap, ring *canvas.Rectangle }

func newFocusRing() focusRing {
	f := focusRing{canvas.NewRectangle(color.Transparent), canvas.NewRectangle(color.Transparent)}
	f.gap.Hide()
	f.ring.Hide()
	return f
}

// objects are the ring's two lines, drawn over the rest.
func (f focusRing) objects() []fyne.CanvasObject { return []fyne.CanvasObject{f.gap, f.ring} }

const (
	focusGapWidth  = 3 // as wide as a tile's edge, which it covers
	focusRingWidth = 4
)

func (f focusRing) place(s fyne.Size) {
	f.gap.Move(fyne.NewPos(0, 0))
	f.gap.Resize(s)
	f.ring.Move(fyne.NewPos(focusGapWidth, focusGapWidth))
	f.ring.Resize(s.SubtractWidthHeight(2*focusGapWidth, 2*focusGapWidth))
}

func (f focusRing) show(on bool) {
	f.gap.StrokeColor, f.gap.StrokeWidth, f.gap.CornerRadius = themeColour(theme.ColorNameBackground), focusGapWidth, 6
	f.ring.StrokeColor, f.ring.StrokeWidth, f.ring.CornerRadius = themeColour(theme.ColorNameFocus), focusRingWidth, 4
	f.gap.Hidden, f.ring.Hidden = !on, !on
	f.gap.Refresh()
	f.ring.Refresh()
}
