package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// button is Fyne's button that keeps only the keys a button uses: Space
// and Enter press it, Esc gives the keyboard back (or closes the dialog it
// is in), and every other key goes to the window as if nothing had the
// keyboard. Fyne's own button swallows them, so after Tab lands on one the
// room's single keys (numbers, T, A, P, arrows, PageUp/PageDown) would do
// nothing.
type button struct {
	widget.Button
}

// newButton is a button with a label, as widget.NewButton.
func newButton(label string, tapped func()) *button {
	return newIconButton(label, nil, tapped)
}

// newIconButton is a button with a label and an icon, as
// widget.NewButtonWithIcon.
func newIconButton(label string, icon fyne.Resource, tapped func()) *button {
	b := &button{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Space or Enter, handles Esc, and passes
// the rest on.
func (b *button) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		b.Button.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	case fyne.KeyEscape:
		escapeFrom(b)
	default:
		passKeyFrom(b, ev)
	}
}

// TypedRune passes a typed character on to the window (Space is the
// press, above).
func (b *button) TypedRune(r rune) {
	if r != ' ' {
		passRuneFrom(b, r)
	}
}

// check is Fyne's check box that, like button, passes on the keys it does
// not use: Space ticks it, Esc gives the keyboard back (or closes its
// dialog), and the room's keys go to the window.
type check struct {
	widget.Check
}

// newCheck is a check box, as widget.NewCheck.
func newCheck(label string, changed func(bool)) *check {
	c := &check{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedRune ticks the box on Space and passes other characters on.
func (c *check) TypedRune(r rune) {
	if r == ' ' {
		c.Check.TypedRune(r)
		return
	}
	passRuneFrom(c, r)
}

// TypedKey handles Esc and passes the other keys on (Space is the rune).
func (c *check) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace:
	case fyne.KeyEscape:
		escapeFrom(c)
	default:
		passKeyFrom(c, ev)
	}
}

// passKeyFrom gives a key that f, which has the keyboard, does not use to
// the window, as if nothing had the keyboard. A control in a dialog
// passes nothing: the room's keys are for the screen.
func passKeyFrom(f fyne.Focusable, ev *fyne.KeyEvent) {
	if c := canvasFocusing(f); c != nil && c.Overlays().Top() == nil {
		passKey(c, ev)
	}
}

// passRuneFrom gives a typed character to the window, as passKeyFrom.
func passRuneFrom(f fyne.Focusable, r rune) {
	if c := canvasFocusing(f); c != nil && c.Overlays().Top() == nil {
		if on := c.OnTypedRune(); on != nil {
			on(r)
		}
	}
}

// canvasFocusing is the canvas whose keyboard f has, or nil.
func canvasFocusing(f fyne.Focusable) fyne.Canvas {
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		if c := w.Canvas(); c != nil && c.Focused() == f {
			return c
		}
	}
	return nil
}

// passKey gives a key to the canvas's own handlers, as the desktop driver
// does when nothing has the keyboard: key-down, then the typed key.
func passKey(c fyne.Canvas, ev *fyne.KeyEvent) {
	if dc, ok := c.(interface {
		OnKeyDown() func(*fyne.KeyEvent)
	}); ok && dc.OnKeyDown() != nil {
		dc.OnKeyDown()(ev)
	}
	if f := c.OnTypedKey(); f != nil {
		f(ev)
	}
}

// escapeFrom is Esc pressed on a control that has the keyboard: in a
// dialog it closes the dialog, as the dialog's Cancel or Close would;
// elsewhere it gives the keyboard back, so the window's keys work as with
// nothing focused.
func escapeFrom(f fyne.Focusable) { escapeIn(canvasFocusing(f)) }

// escapeIn is Esc on whatever has the keyboard of c.
func escapeIn(c fyne.Canvas) {
	if c == nil {
		return
	}
	if top := c.Overlays().Top(); top != nil {
		top.Hide()
		return
	}
	c.Unfocus()
}

// choice is Fyne's drop-down that, like button, passes on the keys it does
// not use: Space, Up and Down open its list and Left and Right step through
// its options, as Fyne's does; Esc gives the keyboard back (or closes its
// dialog), and PageUp/PageDown (a presenter's clicker) and the room's
// single keys go to the window. Fyne's own drop-down swallows them.
type choice struct {
	widget.Select
}

// newChoice is a drop-down, as widget.NewSelect (Fyne fills in its
// placeholder when it is drawn).
func newChoice(options []string, changed func(string)) *choice {
	c := &choice{}
	c.Options, c.OnChanged = options, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey keeps the keys a drop-down uses, handles Esc and passes the
// rest on.
func (c *choice) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyUp, fyne.KeyDown, fyne.KeyLeft, fyne.KeyRight:
		c.Select.TypedKey(ev)
	case fyne.KeyEscape:
		escapeFrom(c)
	default:
		passKeyFrom(c, ev)
	}
}

// TypedRune passes a typed character on to the window.
func (c *choice) TypedRune(r rune) { passRuneFrom(c, r) }
