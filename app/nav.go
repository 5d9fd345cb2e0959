package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/ppei-iceberg/iceberg/data"
)

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

// screens is the screen showing now: at most one of them is set, and all
// are cleared together on every move.
type screens struct {
	home    *homeScreen
	setup   *setupScreen
	element *elementScreen
	review  *reviewScreen
	learn   *learnScreen
	compare *compareScreen
}

// builtScreens are the open session's workshop screens, kept for reuse.
type builtScreens struct {
	frame, stage *fyne.Container
	intro        fyne.CanvasObject
	elements     map[string]*elementScreen
	review       *reviewScreen
	railSteps    map[string]*railStep
	// staged are the screens in the stage, one showing and the rest hidden.
	staged map[fyne.CanvasObject]bool
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
	if u.sess.rec == nil {
		return false
	}
	for _, s := range u.stops() {
		if s == u.screen {
			return true
		}
	}
	return false
}

// step moves by stops along the workshop and reports whether the window
// is in the workshop, where the keys that step belong to it.
func (u *ui) step(by int) bool {
	if !u.inWorkshop() {
		return false
	}
	stops := u.stops()
	for i, s := range stops {
		if s == u.screen {
			j := i + by
			if j >= 0 && j < len(stops) {
				u.show(stops[j])
			}
			break
		}
	}
	return true
}

func (u *ui) next() { u.step(1) }
func (u *ui) back() { u.step(-1) }

// open loads a session and shows one of its screens.
func (u *ui) open(id int64, screen string) {
	u.leave()
	if err := u.sess.open(id); err != nil {
		u.msg.fail(err)
		return
	}
	u.forget()
	u.show(screen)
}

// leave writes what is typed and stops the timer before the screen changes.
func (u *ui) leave() {
	u.sess.flush()
	u.sess.pauseTimer()
}

// leaveSession closes the open session, for a screen of the whole store.
func (u *ui) leaveSession() {
	u.leave()
	u.sess.close()
	u.forget()
}

// show moves to a screen of the open session (or Home).
func (u *ui) show(screen string) {
	u.leave()
	if screen != screenHome && screen != screenLearn && screen != screenCompare && u.sess.rec == nil {
		screen = screenHome
	}
	if screen != u.screen {
		u.msg.hide()
	}
	if u.screen == screenSetup && screen != screenSetup {
		u.forget() // the details shape the intro and the order of prompts
	}
	if screen != screenSetup {
		u.setupFrom = ""
	}
	u.screen = screen
	u.cur = screens{}
	var content fyne.CanvasObject
	switch {
	case screen == screenHome:
		u.cur.home = u.newHomeScreen()
		content = u.cur.home.root
	case screen == screenLearn:
		u.cur.learn = newLearnScreen(u.fw, u.showHome, u.viewButton())
		content = u.cur.learn.root
	case screen == screenCompare:
		u.cur.compare = u.newCompareScreen(u.compareWith)
		content = u.cur.compare.root
	case screen == screenSetup:
		u.cur.setup = u.newSetupScreen(u.setupFrom)
		content = u.cur.setup.root
	case screen == screenIntro:
		if u.built.intro == nil {
			u.built.intro = newIntroScreen(u.fw, u.sess.rec, u.editDetails)
		}
		content = u.workshopFrame(u.built.intro)
	case screen == screenReview:
		if u.built.review == nil {
			u.built.review = u.newReviewScreen()
		} else {
			u.built.review.refresh()
		}
		u.cur.review = u.built.review
		content = u.workshopFrame(u.cur.review.root)
	case u.isElement(screen):
		if u.built.elements[screen] == nil {
			u.built.elements[screen] = u.newElementScreen(screen)
		} else {
			u.built.elements[screen].refresh()
		}
		u.cur.element = u.built.elements[screen]
		content = u.workshopFrame(u.cur.element.root)
	default:
		u.show(screenIntro)
		return
	}
	if len(u.body.Objects) != 1 || u.body.Objects[0] != content {
		u.body.Objects = []fyne.CanvasObject{content}
		u.body.Refresh() // a screen just built, or the workshop's frame
	}
	if c := u.win.Canvas(); c != nil {
		c.Unfocus()
		if u.cur.setup != nil {
			c.Focus(u.cur.setup.title) // a form starts in its first field
		}
	}
	u.rememberSoon()
	u.settle.busy()
}

// rememberSoon saves which screen to reopen once this one is drawn. Fyne
// writes its preferences file, synced to disk, on the thread that draws, so
// written straight away, every move between screens would wait for the disk
// before its frame. Closing the window writes it at once (shutdown).
func (u *ui) rememberSoon() { fyne.Do(u.remember) }

// editDetails opens Setup for the open session from a workshop screen;
// Setup's main button then comes back here. Shading, notes and timers are
// in the store and the session, so nothing the room did is touched.
func (u *ui) editDetails() {
	if u.sess.rec == nil {
		return
	}
	if u.screen != screenSetup {
		u.setupFrom = u.screen
	}
	u.show(screenSetup) // writes what was typed first
}

// screenName is a workshop screen as a button names it.
func (u *ui) screenName(screen string) string {
	switch screen {
	case screenIntro:
		return "Intro"
	case screenReview:
		return "Review"
	}
	if e, ok := u.fw.Element(screen); ok {
		return e.Name
	}
	return "the workshop"
}

func (u *ui) showHome() {
	u.leaveSession()
	u.show(screenHome)
}

// showLearn opens Learn at its first page.
func (u *ui) showLearn() {
	u.leaveSession()
	u.show(screenLearn)
}

// showCompare opens Compare with the given sessions chosen.
func (u *ui) showCompare(ids ...int64) {
	u.leaveSession()
	u.compareWith = ids
	u.show(screenCompare)
}

// newSession shows Setup for a session not yet created.
func (u *ui) newSession() {
	u.leave()
	u.sess.close()
	u.screen = screenSetup
	u.cur = screens{}
	u.setupFrom = ""
	u.cur.setup = u.newSetupScreen("")
	u.body.Objects = []fyne.CanvasObject{u.cur.setup.root}
	u.body.Refresh()
	u.msg.hide()
	if c := u.win.Canvas(); c != nil {
		c.Focus(u.cur.setup.title)
	}
	if u.practice == nil {
		// Remembered as Setup with no session: a restart opens Home, and a
		// test driving the real window can see that Setup is showing.
		p := u.app.Preferences()
		p.SetInt(prefLastSession, 0)
		p.SetString(prefLastScreen, screenSetup)
	}
}

// remember keeps where the room is, so a reopened window returns there.
func (u *ui) remember() {
	if u.practice != nil {
		return // a practice session is gone by the next start
	}
	p := u.app.Preferences()
	rec := u.sess.rec
	if rec == nil {
		p.SetInt(prefLastSession, 0)
		p.SetString(prefLastScreen, screenHome)
		return
	}
	p.SetInt(prefLastSession, int(rec.ID))
	p.SetString(prefLastScreen, u.screen)
	p.SetString(sessionScreenKey(rec.ID), u.screen)
}

// restore reopens the session and screen the window last showed, and
// reports whether it did.
func (u *ui) restore() bool {
	id, screen := u.lastSession, u.lastScreen
	if id == 0 || screen == screenHome {
		return false
	}
	if err := u.sess.open(id); err != nil {
		return false
	}
	if u.sess.rec.DeletedAt != nil {
		u.sess.close()
		return false
	}
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
		u.built.railSteps = map[string]*railStep{}
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
			st.focus.keys = u.keys
			u.built.railSteps[s] = st
			steps = append(steps, st)
		}
		homeBtn := newIconButton("", theme.HomeIcon(), u.showHome)
		viewBtn := u.viewButton()
		viewBtn.SetText("")
		rail := container.NewBorder(nil, nil, nil, container.NewHBox(homeBtn, viewBtn), container.NewGridWithColumns(len(steps), steps...))
		u.built.stage = container.NewStack()
		u.built.frame = container.NewBorder(rail, nil, nil, nil, u.built.stage)
	}
	// Each screen, once built, stays in the stage, hidden while another
	// shows: showing it again draws it as it was left, with no new layout
	// of every label and field in it (its own refresh shows what changed).
	if !u.built.staged[content] {
		if u.built.staged == nil {
			u.built.staged = map[fyne.CanvasObject]bool{}
		}
		u.built.staged[content] = true
		u.built.stage.Objects = append(u.built.stage.Objects, content)
		u.built.stage.Layout.Layout(u.built.stage.Objects, u.built.stage.Size())
		content.Refresh()
	}
	for _, o := range u.built.stage.Objects {
		if o == content {
			o.Show()
		} else {
			o.Hide()
		}
	}
	u.refreshRail()
	return u.built.frame
}

// forget drops the screens built for the open session.
func (u *ui) forget() {
	u.built = builtScreens{elements: map[string]*elementScreen{}}
}

func (u *ui) refreshRail() {
	rec := u.sess.rec
	for s, st := range u.built.railSteps {
		var es data.ElementState
		if rec != nil && u.isElement(s) {
			es = rec.Element(s)
		}
		st.set(s == u.screen, es.Agreed(), es.ChangedSinceAgreed)
	}
}

// refreshed shows the open session as the store now has it: the rail, and
// the element or Review on screen (full), or only the map (after typing).
func (u *ui) refreshed(full bool) {
	u.refreshRail()
	if !full {
		if u.cur.review != nil {
			u.cur.review.refreshMap()
		}
		return
	}
	if u.cur.element != nil {
		u.cur.element.refresh()
	}
	if u.cur.review != nil {
		u.cur.review.refresh()
	}
	u.settle.busy()
}
