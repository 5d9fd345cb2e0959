package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
)

// messageBar is the line along the foot of the window that says what just
// happened, or what went wrong and what to do, until it is dismissed or
// the room moves on. A coloured bar marks a problem apart from a note.
type messageBar struct {
	text  *widget.Label
	bar   *canvas.Rectangle
	box   *fyne.Container // hidden while there is nothing to say
	isErr bool
	// practising: a practice run is on, so every note says nothing is saved.
	practising bool
	// window is laid out again when the bar shows or hides; set once the
	// window's frame is built.
	window *fyne.Container
}

func newMessageBar() *messageBar {
	m := &messageBar{text: widget.NewLabel("")}
	// Wrapped, so a long path is said whole: the window's frame gives the
	// bar its width before asking how tall it is (frameLayout).
	m.text.Wrapping = fyne.TextWrapWord
	m.bar = canvas.NewRectangle(themeColour(theme.ColorNameError))
	m.bar.SetMinSize(fyne.NewSize(12, 1))
	// Dismiss is for a pointer; from the keyboard Esc dismisses, so the
	// button stays out of the Tab order.
	dismiss := newTapButton("Dismiss", m.hide)
	m.box = container.NewBorder(nil, nil, m.bar, dismiss, m.text)
	m.box.Hide()
	return m
}

// fail shows what went wrong as a sentence, until dismissed.
func (m *messageBar) fail(err error) {
	if err == nil {
		return
	}
	m.say(data.ErrorMessage(err), true)
}

// info shows a short confirmation.
func (m *messageBar) info(msg string) { m.say(practiceNote(msg, m.practising), false) }

func (m *messageBar) say(msg string, isErr bool) {
	m.isErr = isErr
	m.text.SetText(msg)
	m.recolour()
	m.box.Show()
	m.relayout() // lay the window out again with the bar in it
}

func (m *messageBar) hide() {
	if !m.box.Visible() && m.text.Text == "" {
		// Nothing to take away. Each move of screen asks, and refreshing
		// the whole window for it would refresh every widget in it.
		return
	}
	m.box.Hide()
	m.text.SetText("")
	m.relayout()
}

// recolour paints the bar in the theme's colours, after a change of look.
func (m *messageBar) recolour() {
	m.bar.FillColor = themeColour(theme.ColorNamePrimary)
	if m.isErr {
		m.bar.FillColor = themeColour(theme.ColorNameError)
	}
	m.bar.Refresh()
}

func (m *messageBar) relayout() {
	if m.window != nil {
		m.window.Refresh()
	}
}

// sayOpened says in the message bar, once the window is open on a file,
// what opening it changed: notice (from main) and what the update to
// people as records split.
func (u *ui) sayOpened(notice string) {
	if note := joinNotes(notice, peopleSplitNote(u.sess.ctx, u.sess.store)); note != "" {
		u.msg.info(note)
	}
}

// peopleSplitNote says, once, what the update to people as records split:
// entries that held a name and a job title together ("Julie Marsh,
// Senior Commissioning Support Manager"). The store returns each split
// only until it has been shown, so the window says it on the first
// opening after the update, as the command line does on standard error.
func peopleSplitNote(ctx context.Context, st data.Store) string {
	if st == nil {
		return ""
	}
	split, err := st.PeopleSplit(ctx)
	if err != nil || len(split) == 0 {
		return ""
	}
	sessions := map[int64]bool{}
	for _, p := range split {
		sessions[p.Session] = true
	}
	first := split[0]
	msg := fmt.Sprintf("Job titles are now kept apart from names: %s split in %s, e.g. “%s” is now the name “%s” and the job title “%s”.",
		plural(len(split), "entry", "entries"), plural(len(sessions), "session", "sessions"), first.Was, first.Person.Name, first.Person.Title)
	if len(split) > 1 {
		msg += " Check the others in each session's Setup."
	}
	return msg
}

// plural is "1 entry" or "2 entries".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// joinNotes puts two notes for the message bar in one line, either of
// which may be empty.
func joinNotes(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

// tapButton looks like a button and answers a tap, but is not focusable,
// so Tab passes it by.
type tapButton struct {
	widget.BaseWidget
	text  string
	onTap func()
}

func newTapButton(text string, onTap func()) *tapButton {
	b := &tapButton{text: text, onTap: onTap}
	b.ExtendBaseWidget(b)
	return b
}

// Tapped runs the button's action.
func (b *tapButton) Tapped(*fyne.PointEvent) {
	if b.onTap != nil {
		b.onTap()
	}
}

// Cursor shows a pointing hand, as for a button.
func (b *tapButton) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer draws the button's face and text.
func (b *tapButton) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(themeColour(theme.ColorNameButton))
	bg.CornerRadius = themeSize(theme.SizeNameInputRadius)
	text := widget.NewLabel(b.text)
	text.Alignment = fyne.TextAlignCenter
	return widget.NewSimpleRenderer(container.NewStack(bg, text))
}
