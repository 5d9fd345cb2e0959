package app

import (
	"fmt"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
)

// textEntry is a text field that gives the window back the keys a
// facilitator needs while typing: Esc leaves the field (so single-key
// shortcuts work again), F11 toggles full screen, PageUp/PageDown (what a
// presenter clicker sends) move the room on, and Ctrl+E, Ctrl+= and Ctrl+-
// still export and zoom. Every other key is typing.
type textEntry struct {
	widget.Entry
	keys *entryKeys

	// full is stored text too long to edit here (tooLong): the field shows
	// a read-only preview and Value gives the text whole, so nothing is cut.
	full    string
	tooLong bool
}

// editLimit is the longest text a field edits, in characters. Fyne's
// wrapping text field slows sharply with length (10,000 characters take
// about a second to lay out; a megabyte would freeze the room's screen),
// so longer text, which can arrive from a session file or the command
// line, is shown in part and kept in full.
const editLimit = 10000

// SetText shows stored text, read-only in part when it is too long to edit.
func (e *textEntry) SetText(text string) {
	n := utf8.RuneCountInString(text)
	if n <= editLimit {
		if e.tooLong {
			e.tooLong, e.full = false, ""
			e.Enable()
		}
		e.Entry.SetText(text)
		return
	}
	e.full, e.tooLong = text, true
	onChanged := e.OnChanged
	e.OnChanged = nil // the preview is not an edit
	e.Entry.SetText(tooLongPreview(text, n, e.MultiLine))
	e.OnChanged = onChanged
	e.Disable()
}

// Value is the field's text: what was typed, or the stored text whole.
func (e *textEntry) Value() string {
	if e.tooLong {
		return e.full
	}
	return e.Text
}

func tooLongPreview(text string, n int, multiLine bool) string {
	note := fmt.Sprintf("[%d characters: too long to edit here, kept in full and printed in the PDF]", n)
	if multiLine {
		return note + "\n\n" + shorten(text, 2000)
	}
	return note + " " + shorten(text, 200)
}

// entryKeys are what a text field hands back to the window: the keys it
// does not type with, and a refusal to paste too much.
type entryKeys struct {
	win      fyne.Window
	step     func(by int) bool                  // moves the workshop on or back; false off the workshop
	shortcut func(*desktop.CustomShortcut) bool // runs a window shortcut; false if it is not one
	fail     func(error)
	// The window's own key handlers, for widgets of the app's own that
	// take the keyboard but do not type (tiles, rail stops).
	typedRune func(rune)
	typedKey  func(*fyne.KeyEvent)
}

// newEntry is a text field that passes the window's keys on.
func (k *entryKeys) newEntry(placeholder string, multiLine bool) *textEntry {
	e := &textEntry{keys: k}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.PlaceHolder = placeholder
	e.ExtendBaseWidget(e)
	return e
}

// CreateRenderer draws the field as Fyne does, but with no fill and, on a
// large field, its outline as four sides (edges.go says why).
func (e *textEntry) CreateRenderer() fyne.WidgetRenderer {
	return frameField(e.Entry.CreateRenderer())
}

// AcceptsTab is false for every field, multi-line ones too: Tab moves to
// the next control, as in any form, and typed tabs are not wanted in notes.
func (e *textEntry) AcceptsTab() bool { return false }

// TypedKey handles the presentation keys and passes the rest to the field.
func (e *textEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape: // leaves the field, or closes the dialog it is in
		escapeIn(e.keys.win.Canvas())
		return
	case fyne.KeyF11:
		e.keys.win.SetFullScreen(!e.keys.win.FullScreen())
		return
	case fyne.KeyPageDown:
		if e.keys.step(1) {
			return
		}
	case fyne.KeyPageUp:
		if e.keys.step(-1) {
			return
		}
	}
	e.Entry.TypedKey(ev)
}

// TypedShortcut lets window shortcuts through; the field keeps its own
// editing shortcuts, including Ctrl+Z for the text being typed.
func (e *textEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && e.keys.shortcut(cs) {
		return
	}
	if p, ok := s.(*fyne.ShortcutPaste); ok && p.Clipboard != nil {
		if n := utf8.RuneCountInString(p.Clipboard.Content()) + utf8.RuneCountInString(e.Text); n > editLimit {
			e.keys.fail(data.Errorf(data.EInvalid, "That is too much to paste here: the field would hold %d characters, and the most is %d. Paste a shorter part.", n, editLimit))
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// shorten cuts text shown in a label to at most n characters, so a
// pasted megabyte cannot stall the screen; the stored text is untouched.
func shorten(text string, n int) string {
	for i := range text {
		if n == 0 {
			return text[:i] + "…"
		}
		n--
	}
	return text
}
