// Package app is PPEI Iceberg's window: Home, Setup, the workshop screens
// a facilitator projects (Intro, the five elements, Review) and the keys,
// themes and zoom that make them usable from the back of a room. Every
// change goes straight to a data.Store; the window keeps no unsaved state
// beyond text typed in the last moment, which it writes on any move.
package app

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	_ "github.com/ppei-iceberg/iceberg/app/fonts" // the PDF's fonts: Fyne's own copy
	"github.com/ppei-iceberg/iceberg/data"
)

// Options are what main passes to Run.
type Options struct {
	DBPath string // the database file, shown on Home so people know where their work is
	// OpenErr, with a nil store, says why DBPath could not be opened.
	OpenErr error
	// Files opens sessions files and repairs one that cannot be used: for
	// the recovery screen, a practice session's temporary file and opening
	// another file. main gives it the SQLite store's.
	Files Files
	// Notice, when not empty, is said once in the message bar: the move of
	// the sessions file from the old default folder.
	Notice string
}

// Files is how the window opens sessions files and what it may do to one
// that cannot be opened. None of it deletes or overwrites a user's file.
type Files interface {
	// Open opens (or creates) the sessions file at path.
	Open(ctx context.Context, path string) (data.Store, error)
	// Backups lists the backup copies kept beside path, newest first.
	Backups(path string) []string
	// RestoreBackup moves path aside, puts the backup in its place and
	// says where the moved file went ("" if there was none).
	RestoreBackup(path, backup string, now time.Time) (aside string, err error)
	// MoveAside renames path out of the way and says where it went.
	MoveAside(path string, now time.Time) (aside string, err error)
	// CheckPlace refuses, with an error wrapping a *place.Problem, a file
	// in a network or synced folder, where it must not be changed.
	CheckPlace(path string) error
	// CopyToLocal copies path to this computer's local folder, checks the
	// copy and says where it is; path is left as it was.
	CopyToLocal(ctx context.Context, path string) (string, error)
	// OpenReadOnly opens path to read and export from, never changing it.
	OpenReadOnly(ctx context.Context, path string) (data.Store, error)
}

// AppID identifies the app to Fyne (preferences folder, desktop entry).
const AppID = "uk.org.ppei.iceberg"

// Run opens the window on store and returns when it is closed. With a nil
// store (the file at opts.DBPath could not be used, for opts.OpenErr) it
// first shows the ways on, and closes any store it opens there.
func Run(store data.Store, opts Options) error {
	a := fyneapp.NewWithID(AppID)
	a.Settings().SetTheme(newIceTheme(a.Preferences().StringWithFallback(prefLook, lookLight), 1))
	fontsLoaded := loadFonts()
	w := a.NewWindow("PPEI Iceberg")
	fontsLoaded()
	w.Resize(fyne.NewSize(1280, 720))
	var u *ui
	// Start-up collects at Go's usual pace, so building the first screen is
	// not slowed by collections. Once the window has settled, most of the
	// heap is fonts, loaded once and kept, and collecting at half the usual
	// growth keeps resident memory near a bare Fyne window's.
	settle := newSettler(time.Second, func() {
		debug.SetGCPercent(50)
		debug.FreeOSMemory()
	})
	defer settle.stop()
	start := func(st data.Store, path string) {
		u = buildUI(a, w, st, opts.Files)
		u.dbPath = path // before Home is built, so it can say where the work is kept
		u.sess.debounce = 700 * time.Millisecond
		u.sess.tickEvery = 500 * time.Millisecond
		u.settle = settle
		if !u.restore() {
			u.showHome()
		}
	}
	var opened data.Store // opened here, from the recovery screen, so closed here
	if store == nil {
		r := newRecoveryScreen(a, w, opts.Files, opts.DBPath, opts.OpenErr, func(st data.Store, path, note string) {
			opened = st
			start(st, path)
			u.sayOpened(note)
		})
		if opts.Notice != "" {
			r.result.SetText(opts.Notice)
			r.result.Show()
		}
		w.SetContent(r.root)
	} else {
		start(store, opts.DBPath)
		u.sayOpened(opts.Notice)
	}
	w.ShowAndRun()
	if u != nil {
		u.shutdown()
	}
	if opened != nil {
		return opened.Close()
	}
	return nil
}

// Preference keys.
const (
	prefLook         = "look"
	prefZoom         = "zoom"
	prefTimerMinutes = "timerMinutes"
	prefLastSession  = "lastSession"
	prefLastScreen   = "lastScreen"
)

// ui is the window: its frame, the screen showing, the look and the
// practice run. The open session lives in sess, which the screens share;
// each screen is given only what it uses. Only the Fyne thread touches it.
type ui struct {
	app    fyne.App
	win    fyne.Window
	files  Files
	fw     *data.Framework
	dbPath string

	sess    *session
	msg     *messageBar
	keys    *entryKeys   // handed to every text field
	dialogs *fileDialogs // open and save, over this window
	privacy *privacyList // the privacy list last shown before a public export

	look string
	zoom float32

	screen      string
	cur         screens
	built       builtScreens
	root        *fyne.Container
	body        *fyne.Container
	practiceBar *fyne.Container
	closedOnce  bool

	escaped bool // the last Esc closed a dialog, so does nothing more
	// enterConfirms is the dialog Enter confirms while it is on top.
	enterConfirms *enterConfirm
	countMode     bool // the number keys count own views instead of shading
	countMinus    bool // the next number key takes one away

	lastSession int64
	lastScreen  string
	setupFrom   string  // the workshop screen Setup was opened from, if any
	compareWith []int64 // the sessions Compare opens with chosen

	practice  *practiceRun // the temporary store of a practice session, when one is running
	realStore data.Store   // the user's store, kept while practising
	settle    *settler     // told of each screen and change; nil in tests that need none
}

// loadFonts has Fyne load the regular and bold faces on a second core while
// the main goroutine connects to the display (NewWindow starts GLFW), and
// returns the wait for them; the window's first screen needs both, and
// each costs Fyne a parse of the font and of a system fallback font.
//
// Built with migrated_fynedo (as the app is), Fyne's caches are plain maps
// for its main goroutine alone. This is safe only because NewWindow draws
// and measures no text, and the main goroutine waits before anything else
// touches Fyne. TestStartupHasNoDataRace runs the real binary built with
// the race detector to keep it so.
func loadFonts() (wait func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
			fyne.MeasureText("PPEI Iceberg", theme.TextSize(), style)
		}
	}()
	return func() { <-done }
}

// newUI builds the window's contents on a and w and shows Home. Tests call
// it with Fyne's test app and window.
func newUI(a fyne.App, w fyne.Window, store data.Store, files Files) *ui {
	u := buildUI(a, w, store, files)
	u.showHome()
	return u
}

// buildUI builds the window's frame on a and w, with no screen in it yet.
func buildUI(a fyne.App, w fyne.Window, store data.Store, files Files) *ui {
	u := &ui{
		app:   a,
		win:   w,
		files: files,
		fw:    store.Framework(),
		sess:  newSessionController(store),
		built: builtScreens{elements: map[string]*elementScreen{}},
	}
	// Where the window was last, read before Home is shown and remembered.
	u.lastSession = int64(a.Preferences().IntWithFallback(prefLastSession, 0))
	u.lastScreen = a.Preferences().StringWithFallback(prefLastScreen, screenHome)
	u.look = a.Preferences().StringWithFallback(prefLook, lookLight)
	u.zoom = float32(a.Preferences().FloatWithFallback(prefZoom, 1))
	u.applyTheme()

	u.msg = newMessageBar() // in the theme's colours
	u.sess.fail = u.msg.fail
	u.sess.refreshed = u.refreshed
	u.sess.timerMinutes = u.timerMinutes
	u.sess.tick = func() {
		if u.cur.element != nil {
			u.cur.element.showTimer()
		}
	}
	u.dialogs = &fileDialogs{win: w, msg: u.msg}
	u.keys = &entryKeys{win: w, step: u.step, shortcut: u.windowShortcut, fail: u.msg.fail}
	u.keys.typedRune, u.keys.typedKey = u.onTypedRune, u.onTypedKey

	u.body = container.NewStack()
	u.practiceBar = u.newPracticeBar()
	u.root = &fyne.Container{Layout: &frameLayout{top: u.practiceBar, bottom: u.msg.box},
		Objects: []fyne.CanvasObject{u.practiceBar, u.body, u.msg.box}}
	u.msg.window = u.root
	w.SetContent(u.root)
	u.bindKeys()
	w.SetCloseIntercept(func() {
		u.shutdown()
		w.Close()
	})
	return u
}

// applyTheme sets the look and zoom as the app's theme.
func (u *ui) applyTheme() {
	u.app.Settings().SetTheme(newIceTheme(u.look, u.zoom))
}

func (u *ui) setLook(look string) {
	u.look = look
	u.app.Preferences().SetString(prefLook, look)
	u.applyTheme()
	u.redraw()
}

func (u *ui) setZoom(z float32) {
	z = float32(int(z*10+0.5)) / 10
	if z < zoomMin {
		z = zoomMin
	}
	if z > zoomMax {
		z = zoomMax
	}
	if z == u.zoom {
		return
	}
	u.zoom = z
	u.app.Preferences().SetFloat(prefZoom, float64(z))
	u.applyTheme()
	u.redraw()
	u.msg.info(fmt.Sprintf("Text size %d%%.", int(z*100+0.5)))
}

func (u *ui) toggleFullScreen() { u.win.SetFullScreen(!u.win.FullScreen()) }

// redraw rebuilds the current screen, for a new look or zoom.
func (u *ui) redraw() {
	u.msg.recolour()
	u.forget()
	u.show(u.screen)
}

// viewButton opens a menu of looks, text size and full screen.
func (u *ui) viewButton() *button {
	var b *button
	b = newIconButton("View", theme.VisibilityIcon(), func() {
		var items []*fyne.MenuItem
		for _, l := range looks {
			id := l.id
			it := fyne.NewMenuItem(l.label, func() { u.setLook(id) })
			it.Checked = u.look == id
			items = append(items, it)
		}
		items = append(items, fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("Larger text (Ctrl+=)", func() { u.setZoom(u.zoom + zoomStep) }),
			fyne.NewMenuItem("Smaller text (Ctrl+-)", func() { u.setZoom(u.zoom - zoomStep) }),
			fyne.NewMenuItem("Usual text size (Ctrl+0)", func() { u.setZoom(1) }),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("Full screen (F11)", u.toggleFullScreen),
		)
		for _, m := range []int{5, 10, 15, 20} {
			mins := m
			it := fyne.NewMenuItem(fmt.Sprintf("Timer: %d minutes per element", m), func() { u.setTimerMinutes(mins) })
			it.Checked = u.timerMinutes() == mins
			if m == 5 {
				items = append(items, fyne.NewMenuItemSeparator())
			}
			items = append(items, it)
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).Add(fyne.NewPos(0, b.Size().Height))
		widget.ShowPopUpMenuAtPosition(fyne.NewMenu("View", items...), u.win.Canvas(), pos)
	})
	return b
}

// shutdown writes everything before the window goes.
func (u *ui) shutdown() {
	if u.closedOnce {
		return
	}
	u.closedOnce = true
	u.leave()
	if u.practice != nil {
		u.discardPractice()
	}
	u.remember()
}

// undo and redo step through the open session's history.
func (u *ui) undo() { u.history(true) }
func (u *ui) redo() { u.history(false) }

func (u *ui) history(undo bool) {
	if u.sess.rec == nil {
		return
	}
	ch, err := u.sess.history(undo)
	if err != nil {
		u.msg.fail(err)
		return
	}
	// Take the room to where the change was, so they see it happen.
	if target := u.changeScreen(ch); target != "" && target != u.screen && u.inWorkshop() {
		u.sess.reread()
		u.show(target)
	} else if u.cur.setup != nil && ch.Field == data.FieldCover {
		// Setup's form shows the cover as it now is.
		u.sess.reread()
		u.show(screenSetup)
	} else {
		u.sess.reload()
	}
	verb := "Undone"
	if !undo {
		verb = "Redone"
	}
	u.msg.info(verb + ": " + ch.Describe(u.fw, undo) + ".")
}

// changeScreen is the screen that shows a change.
func (u *ui) changeScreen(ch data.Change) string {
	switch {
	case ch.Field.OnWord():
		if w, ok := u.fw.Word(ch.Target); ok {
			return w.Element
		}
	case ch.Field == data.FieldElementNotes || ch.Field == data.FieldAgreed:
		if u.isElement(ch.Target) {
			return ch.Target
		}
	case ch.Field == data.FieldSummary:
		return screenReview
	}
	return ""
}

func shadeWords(s data.Shade) string { return strings.ToLower(s.Label()) }

// setTimerMinutes sets the timer's length; every timer not yet started
// follows it at once.
func (u *ui) setTimerMinutes(mins int) {
	u.app.Preferences().SetInt(prefTimerMinutes, mins)
	if u.cur.element != nil {
		u.cur.element.showTimer()
	}
	u.msg.info(fmt.Sprintf("Each element's timer not yet started now runs for %d minutes.", mins))
}

// timerMinutes is the countdown each element starts with.
func (u *ui) timerMinutes() int {
	m := u.app.Preferences().IntWithFallback(prefTimerMinutes, 10)
	if m < 1 || m > 120 {
		m = 10
	}
	return m
}
