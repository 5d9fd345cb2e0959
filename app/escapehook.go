package app

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// Fyne hands a key to the widget that has the keyboard, and only with
// nothing focused to the window, so Esc pressed on one of a file dialog's
// own controls (its folder buttons, its list of files, its Open button,
// its view buttons) reached nothing the app could answer and the dialog
// stayed open. hookEscape sees Esc before Fyne does, in the desktop
// window's GLFW key callback, and closes the dialog on top, as its Cancel
// would; every other key, and Esc with no dialog open, goes on to Fyne as
// before. It is installed by the first file dialog a window shows.
//
// It leans on one thing of Fyne's that is not in its API: the desktop
// driver's windows have RunWithContext, which makes the window's GLFW
// context current, so glfw.GetCurrentContext names its GLFW window. The
// real-window test TestEscClosesTheFileDialog fails if that changes.

// contextRunner is the desktop driver's window as far as hookEscape needs it.
type contextRunner interface{ RunWithContext(func()) }

var escapeHooked = map[fyne.Window]bool{}

// hookEscape makes Esc close the dialog on top of win wherever the
// keyboard is. In Fyne's test driver, which has no GLFW window, it does
// nothing. It must run on the main goroutine (a UI callback, or fyne.Do).
func hookEscape(win fyne.Window) {
	if escapeHooked[win] {
		return
	}
	rc, ok := win.(contextRunner)
	if !ok {
		return
	}
	var gw *glfw.Window
	func() {
		defer func() { _ = recover() }() // a window not yet made, or closing
		rc.RunWithContext(func() { gw = glfw.GetCurrentContext() })
	}()
	if gw == nil {
		return
	}
	c := win.Canvas()
	var fyneKeys glfw.KeyCallback
	fyneKeys = gw.SetKeyCallback(func(w *glfw.Window, key glfw.Key, scancode int, action glfw.Action, mods glfw.ModifierKey) {
		if key == glfw.KeyEscape && action == glfw.Press && mods == 0 {
			if top := c.Overlays().Top(); top != nil {
				top.Hide()
				return
			}
		}
		if fyneKeys != nil {
			fyneKeys(w, key, scancode, action, mods)
		}
	})
	escapeHooked[win] = true
}
