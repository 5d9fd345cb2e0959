package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
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
	// window is laid out again when the bar shows or hides; set once the
	// window's frame is built.
	window *fyne.Container
}

func newMessageBar() *messageBar {
	m := &messageBar{text: widget.NewLabel("")}
	// One line: a wrapped label asks for its height before it knows its
	// width, which pushed a tall workshop screen off the top at 1280×720.
	m.text.Truncation = fyne.TextTruncateEllipsis
	m.bar = canvas.NewRectangle(themeColour(theme.ColorNameError))
	m.bar.SetMinSize(fyne.NewSize(12, 1))
	dismiss := widget.NewButton("Dismiss", m.hide)
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
func (m *messageBar) info(msg string) { m.say(msg, false) }

func (m *messageBar) say(msg string, isErr bool) {
	m.isErr = isErr
	m.text.SetText(msg)
	m.recolour()
	m.box.Show()
	m.relayout() // lay the window out again with the bar in it
}

func (m *messageBar) hide() {
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
