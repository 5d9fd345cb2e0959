package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// textEntry is a text field that gives the window back the keys a
// facilitator needs while typing: Esc leaves the field (so single-key
// shortcuts work again), F11 toggles full screen, PageUp/PageDown (what a
// presenter clicker sends) move the room on, and Ctrl+E, Ctrl+= and Ctrl+-
// still export and zoom. Every other key is typing.
type textEntry struct {
	widget.Entry
	u *ui
}

func (u *ui) newEntry(placeholder string, multiLine bool) *textEntry {
	e := &textEntry{u: u}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.PlaceHolder = placeholder
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles the presentation keys and passes the rest to the field.
func (e *textEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		if c := e.u.win.Canvas(); c != nil {
			c.Unfocus()
		}
		return
	case fyne.KeyF11:
		e.u.toggleFullScreen()
		return
	case fyne.KeyPageDown, fyne.KeyPageUp:
		if e.u.inWorkshop() {
			if ev.Name == fyne.KeyPageDown {
				e.u.next()
			} else {
				e.u.back()
			}
			return
		}
	}
	e.Entry.TypedKey(ev)
}

// TypedShortcut lets window shortcuts through; the field keeps its own
// editing shortcuts, including Ctrl+Z for the text being typed.
func (e *textEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && e.u.windowShortcut(cs) {
		return
	}
	e.Entry.TypedShortcut(s)
}
