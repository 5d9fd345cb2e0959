package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// asButton is o as a button: one of the app's own, or Fyne's own (a
// dialog's), for tests that find a button by its label.
func asButton(o fyne.CanvasObject) (*widget.Button, bool) {
	switch b := o.(type) {
	case *button:
		return &b.Button, true
	case *widget.Button:
		return b, true
	}
	return nil, false
}
