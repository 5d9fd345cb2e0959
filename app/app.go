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
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/sqlite"
)

// Options are what main passes to Run.
type Options struct {
	DBPath string // the database file, shown on Home so people know where their work is
	// OpenErr, with a nil store, says why DBPath could not be opened.
	OpenErr error
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
		u = buildUI(a, w, st)
		u.dbPath = path // before Home is built, so it can say where the work is kept
		u.debounce = 700 * time.Millisecond
		u.tickEvery = 500 * time.Millisecond
		u.settle = settle
		if !u.restore() {
			u.showHome()
		}
	}
	var opened *sqlite.Store // opened here, from the recovery screen, so closed here
	if store == nil {
		r := newRecoveryScreen(a, w, opts.DBPath, opts.OpenErr, func(st *sqlite.Store, note string) {
			opened = st
			start(st, st.Path())
			u.info(note)
		})
		w.SetContent(r.root)
	} else {
		start(store, opts.DBPath)
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

// Screens besides the five elements, whose codes name their own screens.
const (
	screenHome   = "home"
	screenSetup  = "setup"
	screenIntro  = "intro"
	screenReview = "review"
	// Screens of the whole store rather than of one session.
	screenLearn   = "learn"
	screenCompare = "compare"
)

// Preference keys.
const (
	prefLook         = "look"
	prefZoom         = "zoom"
	prefTimerMinutes = "timerMinutes"
	prefLastSession  = "lastSession"
	prefLastScreen   = "lastScreen"
)

// ui is the window and everything it shows. Only the Fyne thread touches
// it; goroutines (the timer tick, delayed saves) reach it through fyne.Do.
type ui struct {
	app    fyne.App
	win    fyne.Window
	store  data.Store
	fw     *data.Framework
	ctx    context.Context
	dbPath string

	now       func() time.Time
	debounce  time.Duration // how long typing rests before it is saved; <0 waits for a move
	tickEvery time.Duration // timer display refresh; 0 means no ticking goroutine

	look string
	zoom float32

	rec    *data.Record // the open session; nil on Home
	screen string

	root        *fyne.Container
	body        *fyne.Container
	banner      *widget.Label
	bannerBar   *canvas.Rectangle
	bannerBox   *fyne.Container
	bannerErr   bool
	practiceBar *fyne.Container
	railSteps   map[string]*railStep
	home        *homeScreen
	setup       *setupScreen
	element     *elementScreen
	review      *reviewScreen
	learn       *learnScreen
	compare     *compareScreen
	pending     map[string]pendingText
	saveTimer   *time.Timer
	clock       countdown
	closedOnce  bool

	countMode  bool // the number keys count own views instead of shading
	countMinus bool // the next number key takes one away

	lastSession int64
	lastScreen  string
	compareWith []int64 // the sessions Compare opens with chosen

	practice  *practiceRun // the temporary store of a practice session, when one is running
	realStore data.Store   // the user's store, kept while practising
	built     builtScreens
	settle    *settler // told of each screen and change; nil in tests that need none
}

// builtScreens are the open session's workshop screens, kept for reuse.
type builtScreens struct {
	frame, stage *fyne.Container
	intro        fyne.CanvasObject
	elements     map[string]*elementScreen
	review       *reviewScreen
}

// pendingText is typing not yet written: the latest value and how to save it.
type pendingText struct {
	value string
	save  func(string) error
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
func newUI(a fyne.App, w fyne.Window, store data.Store) *ui {
	u := buildUI(a, w, store)
	u.showHome()
	return u
}

// buildUI builds the window's frame on a and w, with no screen in it yet.
func buildUI(a fyne.App, w fyne.Window, store data.Store) *ui {
	u := &ui{
		app:     a,
		win:     w,
		store:   store,
		fw:      store.Framework(),
		ctx:     context.Background(),
		now:     time.Now,
		pending: map[string]pendingText{},
		built:   builtScreens{elements: map[string]*elementScreen{}},
		clock:   countdown{left: map[string]time.Duration{}, unsaved: map[string]int{}},
	}
	// Where the window was last, read before Home is shown and remembered.
	u.lastSession = int64(a.Preferences().IntWithFallback(prefLastSession, 0))
	u.lastScreen = a.Preferences().StringWithFallback(prefLastScreen, screenHome)
	u.look = a.Preferences().StringWithFallback(prefLook, lookLight)
	u.zoom = float32(a.Preferences().FloatWithFallback(prefZoom, 1))
	u.applyTheme()

	u.banner = widget.NewLabel("")
	// One line: a wrapped label asks for its height before it knows its
	// width, which pushed a tall workshop screen off the top at 1280×720.
	u.banner.Truncation = fyne.TextTruncateEllipsis
	u.bannerBar = canvas.NewRectangle(themeColour(theme.ColorNameError))
	u.bannerBar.SetMinSize(fyne.NewSize(12, 1))
	dismiss := widget.NewButton("Dismiss", u.hideBanner)
	u.bannerBox = container.NewBorder(nil, nil, u.bannerBar, dismiss, u.banner)
	u.bannerBox.Hide()
	u.body = container.NewStack()
	u.practiceBar = u.newPracticeBar()
	u.root = container.NewBorder(u.practiceBar, u.bannerBox, nil, nil, u.body)
	w.SetContent(u.root)

	c := w.Canvas()
	c.SetOnTypedKey(u.onTypedKey)
	c.SetOnTypedRune(u.onTypedRune)
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { u.undo() })
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { u.redo() })
	for _, s := range windowShortcuts {
		sc := s
		c.AddShortcut(sc, func(fyne.Shortcut) { u.windowShortcut(sc) })
	}
	w.SetCloseIntercept(func() {
		u.shutdown()
		w.Close()
	})
	return u
}

// windowShortcuts are the Ctrl shortcuts that work even while typing.
var windowShortcuts = []*desktop.CustomShortcut{
	{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierControl},
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
		u.exportPDF()
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
	case *widget.Button, *widget.Check:
		return false
	}
	return true
}

func (u *ui) onTypedKey(ev *fyne.KeyEvent) {
	if u.typing() {
		return
	}
	switch ev.Name {
	case fyne.KeyRight, fyne.KeyPageDown:
		if u.learn != nil {
			u.learn.turn(1)
		}
		u.next()
	case fyne.KeyLeft, fyne.KeyPageUp:
		if u.learn != nil {
			u.learn.turn(-1)
		}
		u.back()
	case fyne.KeyF11:
		u.toggleFullScreen()
	case fyne.KeyEscape:
		if u.win.FullScreen() {
			u.win.SetFullScreen(false)
		} else {
			u.hideBanner()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if u.screen == screenHome && u.home != nil {
			u.home.openSelected()
		}
	case fyne.KeyDown, fyne.KeyUp:
		if u.screen == screenHome && u.home != nil {
			u.home.moveSelection(ev.Name == fyne.KeyDown)
		}
	}
}

func (u *ui) onTypedRune(r rune) {
	if u.typing() || u.element == nil || !u.isElement(u.screen) {
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
			u.element.addTallyOf(by)
		} else {
			u.element.addTally(int(r-'1'), by)
		}
	case u.countMode && r == '-':
		u.countMinus = true
	case r == 'c' || r == 'C':
		u.countMode, u.countMinus = !u.countMode, false
		u.element.showTallies()
		if u.countMode {
			u.info("Counting: a number adds one to that word, − then a number takes one away, 0 adds a person. C to shade again.")
		} else {
			u.info("The number keys shade words again.")
		}
	case r >= '1' && r <= '9':
		u.element.cycle(int(r - '1'))
	case r == 't' || r == 'T':
		u.toggleTimer()
	case r == 'p' || r == 'P':
		u.element.nextPrompt()
	case r == 'a' || r == 'A':
		u.element.onAgree()
	}
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
	u.info(fmt.Sprintf("Text size %d%%.", int(z*100+0.5)))
}

func (u *ui) toggleFullScreen() { u.win.SetFullScreen(!u.win.FullScreen()) }

// redraw rebuilds the current screen, for a new look or zoom.
func (u *ui) redraw() {
	u.bannerBar.FillColor = themeColour(theme.ColorNameError)
	if !u.bannerErr {
		u.bannerBar.FillColor = themeColour(theme.ColorNamePrimary)
	}
	u.bannerBar.Refresh()
	u.forget()
	u.show(u.screen)
}

// fail shows what went wrong as a sentence, until dismissed.
func (u *ui) fail(err error) {
	if err == nil {
		return
	}
	u.bannerErr = true
	u.banner.SetText(data.ErrorMessage(err))
	u.bannerBar.FillColor = themeColour(theme.ColorNameError)
	u.bannerBar.Refresh()
	u.bannerBox.Show()
	u.root.Refresh() // lay the window out again with the banner in it
}

// info shows a short confirmation in the banner.
func (u *ui) info(msg string) {
	u.bannerErr = false
	u.banner.SetText(msg)
	u.bannerBar.FillColor = themeColour(theme.ColorNamePrimary)
	u.bannerBar.Refresh()
	u.bannerBox.Show()
	u.root.Refresh()
}

func (u *ui) hideBanner() {
	u.bannerBox.Hide()
	u.banner.SetText("")
	u.root.Refresh()
}

// stops is the workshop's path, rail order.
func (u *ui) stops() []string {
	out := []string{screenIntro}
	for _, e := range u.fw.Elements {
		out = append(out, e.Code)
	}
	return append(out, screenReview)
}

func (u *ui) isElement(screen string) bool {
	_, ok := u.fw.Element(screen)
	return ok && screen != screenHome && screen != screenSetup && screen != screenIntro && screen != screenReview
}

func (u *ui) inWorkshop() bool {
	if u.rec == nil {
		return false
	}
	for _, s := range u.stops() {
		if s == u.screen {
			return true
		}
	}
	return false
}

func (u *ui) step(by int) {
	if !u.inWorkshop() {
		return
	}
	stops := u.stops()
	for i, s := range stops {
		if s == u.screen {
			j := i + by
			if j >= 0 && j < len(stops) {
				u.show(stops[j])
			}
			return
		}
	}
}

func (u *ui) next() { u.step(1) }
func (u *ui) back() { u.step(-1) }

// open loads a session and shows one of its screens.
func (u *ui) open(id int64, screen string) {
	u.leave()
	rec, err := u.store.Session(u.ctx, id)
	if err != nil {
		u.fail(err)
		return
	}
	u.rec = rec
	u.clock = countdown{left: map[string]time.Duration{}, unsaved: map[string]int{}}
	u.forget()
	u.show(screen)
}

// leave writes what is typed and stops the timer before the screen changes.
func (u *ui) leave() {
	u.flush()
	u.pauseTimer()
}

// show moves to a screen of the open session (or Home).
func (u *ui) show(screen string) {
	u.leave()
	if screen != screenHome && screen != screenLearn && screen != screenCompare && u.rec == nil {
		screen = screenHome
	}
	if screen != u.screen {
		u.hideBanner()
	}
	if u.screen == screenSetup && screen != screenSetup {
		u.forget() // the details shape the intro and the order of prompts
	}
	u.screen = screen
	u.home, u.setup, u.element, u.review, u.learn, u.compare = nil, nil, nil, nil, nil, nil
	var content fyne.CanvasObject
	switch {
	case screen == screenHome:
		u.home = u.newHomeScreen()
		content = u.home.root
	case screen == screenLearn:
		u.learn = u.newLearnScreen()
		content = u.learn.root
	case screen == screenCompare:
		u.compare = u.newCompareScreen(u.compareWith)
		content = u.compare.root
	case screen == screenSetup:
		u.setup = u.newSetupScreen(u.rec)
		content = u.setup.root
	case screen == screenIntro:
		if u.built.intro == nil {
			u.built.intro = u.newIntroScreen()
		}
		content = u.workshopFrame(u.built.intro)
	case screen == screenReview:
		if u.built.review == nil {
			u.built.review = u.newReviewScreen()
		} else {
			u.built.review.refresh()
		}
		u.review = u.built.review
		content = u.workshopFrame(u.review.root)
	case u.isElement(screen):
		if u.built.elements[screen] == nil {
			u.built.elements[screen] = u.newElementScreen(screen)
		} else {
			u.built.elements[screen].refresh()
		}
		u.element = u.built.elements[screen]
		content = u.workshopFrame(u.element.root)
	default:
		u.show(screenIntro)
		return
	}
	u.body.Objects = []fyne.CanvasObject{content}
	u.body.Refresh()
	if c := u.win.Canvas(); c != nil {
		c.Unfocus()
	}
	u.remember()
	u.settle.busy()
}

func (u *ui) showHome() {
	u.leave()
	u.rec = nil
	u.forget()
	u.show(screenHome)
}

// newSession shows Setup for a session not yet created.
func (u *ui) newSession() {
	u.leave()
	u.rec = nil
	u.screen = screenSetup
	u.home, u.element, u.review, u.learn, u.compare = nil, nil, nil, nil, nil
	u.setup = u.newSetupScreen(nil)
	u.body.Objects = []fyne.CanvasObject{u.setup.root}
	u.body.Refresh()
	u.hideBanner()
}

// remember keeps where the room is, so a reopened window returns there.
func (u *ui) remember() {
	if u.practice != nil {
		return // a practice session is gone by the next start
	}
	p := u.app.Preferences()
	if u.rec == nil {
		p.SetInt(prefLastSession, 0)
		p.SetString(prefLastScreen, screenHome)
		return
	}
	p.SetInt(prefLastSession, int(u.rec.ID))
	p.SetString(prefLastScreen, u.screen)
	p.SetString(sessionScreenKey(u.rec.ID), u.screen)
}

// restore reopens the session and screen the window last showed, and
// reports whether it did.
func (u *ui) restore() bool {
	id, screen := u.lastSession, u.lastScreen
	if id == 0 || screen == screenHome {
		return false
	}
	rec, err := u.store.Session(u.ctx, id)
	if err != nil || rec.DeletedAt != nil {
		return false
	}
	u.rec = rec
	u.forget()
	u.show(screen)
	return true
}

// workshopFrame puts the rail above a workshop screen. The rail and the
// screens are built once per session (and look) and then reused, so moving
// between elements is quick and leaves no discarded screens behind.
func (u *ui) workshopFrame(content fyne.CanvasObject) fyne.CanvasObject {
	if u.built.frame == nil {
		steps := make([]fyne.CanvasObject, 0, 8)
		u.railSteps = map[string]*railStep{}
		for _, s := range u.stops() {
			name, code := "Intro", "Intro"
			switch s {
			case screenReview:
				name, code = "Review", "Review"
			case screenIntro:
			default:
				e, _ := u.fw.Element(s)
				name, code = e.Name, e.Code
			}
			target := s
			st := newRailStep(name, code, func() { u.show(target) })
			u.railSteps[s] = st
			steps = append(steps, st)
		}
		homeBtn := widget.NewButtonWithIcon("", theme.HomeIcon(), u.showHome)
		viewBtn := u.viewButton()
		viewBtn.SetText("")
		rail := container.NewBorder(nil, nil, nil, container.NewHBox(homeBtn, viewBtn), container.NewGridWithColumns(len(steps), steps...))
		u.built.stage = container.NewStack()
		u.built.frame = container.NewBorder(rail, nil, nil, nil, u.built.stage)
	}
	u.built.stage.Objects = []fyne.CanvasObject{content}
	u.built.stage.Refresh()
	u.refreshRail()
	return u.built.frame
}

// forget drops the screens built for the open session.
func (u *ui) forget() {
	u.built = builtScreens{elements: map[string]*elementScreen{}}
	u.railSteps = nil
}

func (u *ui) refreshRail() {
	for s, st := range u.railSteps {
		agreed := u.rec != nil && u.isElement(s) && u.rec.Element(s).Agreed()
		st.set(s == u.screen, agreed)
	}
}

// viewButton opens a menu of looks, text size and full screen.
func (u *ui) viewButton() *widget.Button {
	var b *widget.Button
	b = widget.NewButtonWithIcon("View", theme.VisibilityIcon(), func() {
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
			it := fyne.NewMenuItem(fmt.Sprintf("Timer: %d minutes per element", m), func() {
				u.app.Preferences().SetInt(prefTimerMinutes, mins)
				u.info(fmt.Sprintf("Each element's timer now starts at %d minutes.", mins))
			})
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

// change runs a store change for the open session, then reloads it and
// refreshes the screen. What was typed is written first, so a reload never
// puts old text back in a field.
func (u *ui) change(fn func(id int64) error) bool {
	if u.rec == nil {
		return false
	}
	u.flush()
	err := fn(u.rec.ID)
	if err != nil {
		u.fail(err)
		u.reload() // show what the store really holds
		return false
	}
	u.reload()
	return true
}

// reload reads the open session again and refreshes what shows it.
func (u *ui) reload() {
	if u.rec == nil {
		return
	}
	rec, err := u.store.Session(u.ctx, u.rec.ID)
	if err != nil {
		u.fail(err)
		return
	}
	u.rec = rec
	u.refreshRail()
	if u.element != nil {
		u.element.refresh()
	}
	if u.review != nil {
		u.review.refresh()
	}
	u.settle.busy()
}

// edit records typing in a field; it is written after a pause, or at once
// on any move, close, undo or other change.
func (u *ui) edit(key, value, stored string, save func(string) error) {
	if _, waiting := u.pending[key]; !waiting && value == stored {
		return
	}
	u.pending[key] = pendingText{value: value, save: save}
	if u.debounce < 0 {
		return
	}
	if u.saveTimer != nil {
		u.saveTimer.Stop()
	}
	u.saveTimer = time.AfterFunc(u.debounce, func() { fyne.Do(u.flushAndReload) })
}

func (u *ui) isPending(key string) bool {
	_, ok := u.pending[key]
	return ok
}

func (u *ui) flushAndReload() {
	if u.flush() {
		u.reloadQuietly()
	}
}

// reloadQuietly refreshes the record without touching text fields.
func (u *ui) reloadQuietly() {
	if u.rec == nil {
		return
	}
	if rec, err := u.store.Session(u.ctx, u.rec.ID); err == nil {
		u.rec = rec
		u.refreshRail()
		if u.review != nil {
			u.review.refreshMap()
		}
	}
}

// flush writes all waiting text and reports whether anything was written.
// Text that fails to save stays waiting and the error shows.
func (u *ui) flush() bool {
	if u.saveTimer != nil {
		u.saveTimer.Stop()
		u.saveTimer = nil
	}
	if len(u.pending) == 0 {
		return false
	}
	keys := make([]string, 0, len(u.pending))
	for k := range u.pending {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	wrote := false
	for _, k := range keys {
		p := u.pending[k]
		if err := p.save(p.value); err != nil {
			u.fail(fmt.Errorf("save text: %w", &data.Error{Code: data.ErrorCode(err),
				Message: "What you typed is not saved yet: " + strings.TrimSuffix(data.ErrorMessage(err), ".") + ". It stays on screen; it will be tried again on your next change", Err: err}))
			continue
		}
		delete(u.pending, k)
		wrote = true
	}
	if wrote && u.rec != nil {
		if rec, err := u.store.Session(u.ctx, u.rec.ID); err == nil {
			u.rec = rec
		}
	}
	return wrote
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
	if u.rec == nil {
		return
	}
	u.flush()
	var ch data.Change
	var err error
	if undo {
		ch, err = u.store.Undo(u.ctx, u.rec.ID)
	} else {
		ch, err = u.store.Redo(u.ctx, u.rec.ID)
	}
	if err != nil {
		u.fail(err)
		return
	}
	// Take the room to where the change was, so they see it happen.
	if target := u.changeScreen(ch); target != "" && target != u.screen && u.inWorkshop() {
		u.reloadRecordOnly()
		u.show(target)
	} else {
		u.reload()
	}
	verb := "Undone"
	if !undo {
		verb = "Redone"
	}
	u.info(verb + ": " + u.describe(ch) + ".")
}

func (u *ui) reloadRecordOnly() {
	if rec, err := u.store.Session(u.ctx, u.rec.ID); err == nil {
		u.rec = rec
	}
}

// changeScreen is the screen that shows a change.
func (u *ui) changeScreen(ch data.Change) string {
	switch ch.Field {
	case "shade", "word_note", "tally":
		if w, ok := u.fw.Word(ch.Target); ok {
			return w.Element
		}
	case "element_notes", "agreed":
		if u.isElement(ch.Target) {
			return ch.Target
		}
	case "summary":
		return screenReview
	}
	return ""
}

// describe says what a change was, in plain words.
func (u *ui) describe(ch data.Change) string {
	name := ch.Target
	if w, ok := u.fw.Word(ch.Target); ok {
		name = w.Label
	} else if e, ok := u.fw.Element(ch.Target); ok {
		name = e.Name
	}
	switch ch.Field {
	case "shade":
		return fmt.Sprintf("shading of %s (now %s)", name, shadeWords(u.rec.Word(ch.Target).Level))
	case "word_note":
		return "note on " + name
	case "element_notes":
		return "discussion notes for " + name
	case "agreed":
		if u.rec.Element(ch.Target).Agreed() {
			return name + " agreed"
		}
		return name + " not agreed"
	case "summary":
		return "the summary"
	case "tally":
		return "count of own views for " + name
	case "tally_of":
		return "number of people taking part in the tally"
	}
	return "the last change"
}

func shadeWords(s data.Shade) string { return strings.ToLower(s.Label()) }

// timerMinutes is the countdown each element starts with.
func (u *ui) timerMinutes() int {
	m := u.app.Preferences().IntWithFallback(prefTimerMinutes, 10)
	if m < 1 || m > 120 {
		m = 10
	}
	return m
}
