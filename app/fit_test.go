package app

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/sqlite"
)

// fitSizes are the screens a room projects on. "windowed" is the same
// screen less 72 px for a title bar and a taskbar (a maximised window).
var fitSizes = []struct {
	name string
	size fyne.Size
}{
	{"1024×768", fyne.NewSize(1024, 768)},
	{"1024×768 windowed", fyne.NewSize(1024, 768-72)},
	{"1280×720", fyne.NewSize(1280, 720)},
	{"1280×720 windowed", fyne.NewSize(1280, 720-72)},
	{"1366×768", fyne.NewSize(1366, 768)},
	{"1366×768 windowed", fyne.NewSize(1366, 768-72)},
	{"1920×1080", fyne.NewSize(1920, 1080)},
	{"1920×1080 windowed", fyne.NewSize(1920, 1080-72)},
}

// fitZooms are the text zooms a facilitator reaches for; every one is
// checked at every size.
var fitZooms = []float32{1, 1.25, 1.5}

// rect is an object's place on the canvas.
type rect struct{ x, y, w, h float32 }

func rectOf(pos fyne.Position, size fyne.Size) rect {
	return rect{pos.X, pos.Y, size.Width, size.Height}
}

func (r rect) inside(o rect) bool {
	const e = 1
	return r.x >= o.x-e && r.y >= o.y-e && r.x+r.w <= o.x+o.w+e && r.y+r.h <= o.y+o.h+e
}

func (r rect) cut(o rect) rect {
	x0, y0 := max(r.x, o.x), max(r.y, o.y)
	x1, y1 := min(r.x+r.w, o.x+o.w), min(r.y+r.h, o.y+o.h)
	if x1 < x0 || y1 < y0 {
		return rect{x0, y0, 0, 0}
	}
	return rect{x0, y0, x1 - x0, y1 - y0}
}

func (r rect) String() string { return fmt.Sprintf("%.0f,%.0f %.0f×%.0f", r.x, r.y, r.w, r.h) }

// fitWalk walks the rendered object tree of a canvas and collects what
// does not fit: an object outside the canvas, siblings that overlap, text
// cut short or a word broken mid-word, a control squeezed below its size.
type fitWalk struct {
	canvas   rect
	problems []string
	seen     map[string]bool
	// visible is the part of each object on screen: inside the canvas and
	// every scroll it is in.
	visible map[fyne.CanvasObject]rect
	full    map[fyne.CanvasObject]rect
}

func newFitWalk(c fyne.Canvas) *fitWalk {
	return &fitWalk{canvas: rectOf(fyne.NewPos(0, 0), c.Size()), seen: map[string]bool{},
		visible: map[fyne.CanvasObject]rect{}, full: map[fyne.CanvasObject]rect{}}
}

func (f *fitWalk) fail(format string, args ...any) {
	p := fmt.Sprintf(format, args...)
	if !f.seen[p] {
		f.seen[p] = true
		f.problems = append(f.problems, p)
	}
}

// describe names an object for a failure: its kind and its text.
func describe(o fyne.CanvasObject) string {
	kind := strings.TrimPrefix(reflect.TypeOf(o).String(), "*")
	switch v := o.(type) {
	case *widget.Label:
		return fmt.Sprintf("label %q", shorten(v.Text, 40))
	case *widget.Button:
		return fmt.Sprintf("button %q", v.Text)
	case *button:
		return fmt.Sprintf("button %q", v.Text)
	case *widget.Check:
		return fmt.Sprintf("check %q", shorten(v.Text, 40))
	case *check:
		return fmt.Sprintf("check %q", shorten(v.Text, 40))
	case *canvas.Text:
		return fmt.Sprintf("text %q", shorten(v.Text, 40))
	case *textEntry:
		return fmt.Sprintf("field %q", shorten(v.PlaceHolder, 40))
	case *wordTile:
		return fmt.Sprintf("tile %q", v.label)
	case *railStep:
		return fmt.Sprintf("rail stop %q", v.name)
	case *fyne.Container:
		var inner []string
		for _, c := range v.Objects {
			if d := describe(c); !strings.HasPrefix(d, "fyne.Container") && len(inner) < 2 {
				inner = append(inner, d)
			}
		}
		return fmt.Sprintf("%s %s [%s]", kind, strings.TrimPrefix(fmt.Sprintf("%T", v.Layout), "*layout."), strings.Join(inner, ", "))
	}
	return kind
}

// leafWidgets are Fyne's own widgets, checked as a whole, not inside.
func leafWidget(o fyne.CanvasObject) bool {
	switch o.(type) {
	case *button, *widget.Button, *widget.Entry, *textEntry, *widget.Select, *choice, *check, *widget.Check, *widget.List, *sessionList,
		*widget.Table, *widget.Tree, *widget.Icon, *widget.Separator, *widget.Hyperlink,
		*widget.ProgressBar, *widget.Slider, *hatch, *widget.RadioGroup, *radioChoice, *widget.SelectEntry:
		return true
	}
	return false
}

func textSize(n fyne.ThemeSizeName) float32 {
	if n == "" {
		return theme.TextSize()
	}
	return themeSize(n)
}

// checkLabel fails a label whose text is cut short, or whose wrapping
// breaks a word.
func (f *fitWalk) checkLabel(l *widget.Label, r rect) {
	if l.Text == "" {
		return
	}
	ts := textSize(l.SizeName)
	avail := r.w - 2*themeSize(theme.SizeNameInnerPadding)
	switch l.Wrapping {
	case fyne.TextWrapWord, fyne.TextWrapBreak:
		for _, word := range strings.Fields(l.Text) {
			if fyne.MeasureText(word, ts, l.TextStyle).Width > avail+0.5 {
				f.fail("%s breaks %q mid-word (%.0f px wide)", describe(l), word, avail)
				break
			}
		}
		if min := l.MinSize(); min.Height > r.h+1 {
			f.fail("%s has its lines cut: %.0f of %.0f px high", describe(l), r.h, min.Height)
		}
	default:
		if l.Truncation != fyne.TextTruncateOff {
			// Asked to end in "…" when short of room (the compare
			// picker's detail lines, one line a session): not checked.
			return
		}
		for _, line := range strings.Split(l.Text, "\n") {
			if fyne.MeasureText(line, ts, l.TextStyle).Width > avail+1 {
				f.fail("%s is cut short: %.0f px for %.0f", describe(l), avail, fyne.MeasureText(line, ts, l.TextStyle).Width)
				break
			}
		}
	}
}

// checkText fails a drawn text that runs outside the widget drawing it.
func (f *fitWalk) checkText(t *canvas.Text, r, owner rect) {
	if t.Text == "" {
		return
	}
	m := fyne.MeasureText(t.Text, t.TextSize, t.TextStyle)
	x := r.x
	switch t.Alignment {
	case fyne.TextAlignCenter:
		x += (r.w - m.Width) / 2
	case fyne.TextAlignTrailing:
		x += r.w - m.Width
	}
	if !(rect{x, r.y, m.Width, m.Height}).inside(owner) {
		f.fail("%s runs outside its %s (%s in %s)", describe(t), "widget", rect{x, r.y, m.Width, m.Height}, owner)
	}
}

// overlapping layouts put their children on top of each other by design.
func overlapping(c *fyne.Container) bool {
	if c.Layout == nil {
		return true
	}
	kind := fmt.Sprintf("%T", c.Layout)
	switch strings.TrimPrefix(strings.TrimPrefix(kind, "*"), "layout.") {
	case "stackLayout", "paddedLayout", "centerLayout", "maxLayout":
		return true
	}
	return strings.HasPrefix(kind, "*dialog.") // a dialog's own frame
}

// settle lays the tree out again from the top, as the real driver does
// each frame for any container whose child's minimum size has changed (a
// wrapped label's height once it knows its width).
func settle(o fyne.CanvasObject) {
	if o == nil || !o.Visible() {
		return
	}
	switch v := o.(type) {
	case *fyne.Container:
		if v.Layout != nil {
			v.Layout.Layout(v.Objects, v.Size())
		}
		for _, c := range v.Objects {
			settle(c)
		}
	case fyne.Widget:
		if leafWidget(o) {
			return
		}
		r := test.WidgetRenderer(v)
		r.Layout(v.Size())
		for _, c := range r.Objects() {
			settle(c)
		}
	}
}

func (f *fitWalk) walk(o fyne.CanvasObject, parent fyne.Position, clip, owner rect, inScroll bool) {
	if o == nil || !o.Visible() {
		return
	}
	pos := parent.Add(o.Position())
	r := rectOf(pos, o.Size())
	f.full[o] = r
	f.visible[o] = r.cut(clip)
	if r.w <= 0 || r.h <= 0 {
		return
	}
	if _, spacer := o.(*layout.Spacer); spacer {
		return
	}
	if !inScroll && !r.inside(f.canvas) {
		f.fail("%s lies outside the canvas (%s)", describe(o), r)
	}
	switch v := o.(type) {
	case *widget.Label:
		f.checkLabel(v, r)
		return
	case *canvas.Text:
		f.checkText(v, r, owner)
		return
	case *fyne.Container:
		if !overlapping(v) {
			f.checkOverlap(v.Objects, fmt.Sprintf("%T", v.Layout) == "*layout.borderLayout")
		}
		for _, c := range v.Objects {
			f.walk(c, pos, clip, owner, inScroll)
		}
		return
	case *container.Scroll:
		// A scroll one way cuts what is too large the other way.
		if m := v.Content.MinSize(); v.Direction == container.ScrollVerticalOnly && m.Width > r.w+1 {
			f.fail("%s in a scroll is cut at the side: %.0f px for %.0f", describe(v.Content), r.w, m.Width)
		} else if v.Direction == container.ScrollHorizontalOnly && m.Height > r.h+1 {
			f.fail("%s in a scroll is cut at the foot: %.0f px for %.0f", describe(v.Content), r.h, m.Height)
		}
		content := rectOf(pos.Add(v.Content.Position()), v.Content.Size())
		f.walk(v.Content, pos, clip.cut(r), content, true)
		return
	}
	if e, ok := o.(*textEntry); ok && e.PlaceHolder != "" && !e.MultiLine && e.Text == "" {
		// A one-line field's hint, shown whole (the field scrolls only what is typed).
		if w := fyne.MeasureText(e.PlaceHolder, theme.TextSize(), e.TextStyle).Width; w > r.w-2*themeSize(theme.SizeNameInnerPadding)-4 {
			f.fail("%s has its hint cut: %.0f px for %.0f", describe(o), r.w-2*themeSize(theme.SizeNameInnerPadding)-4, w)
		}
	}
	if leafWidget(o) {
		if min := o.MinSize(); min.Height > r.h+1 || min.Width > r.w+1 {
			f.fail("%s is squeezed: %s for at least %.0f×%.0f", describe(o), r, min.Width, min.Height)
		}
		return
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(w).Objects() {
			f.walk(c, pos, clip, r, inScroll)
		}
	}
}

// checkOverlap fails siblings laid over each other.
func (f *fitWalk) checkOverlap(objs []fyne.CanvasObject, border bool) {
	var shown []fyne.CanvasObject
	for _, o := range objs {
		if _, spacer := o.(*layout.Spacer); spacer || !o.Visible() || o.Size().Width <= 0 || o.Size().Height <= 0 {
			continue
		}
		shown = append(shown, o)
	}
	for i := range shown {
		for j := i + 1; j < len(shown); j++ {
			a, b := rectOf(shown[i].Position(), shown[i].Size()), rectOf(shown[j].Position(), shown[j].Size())
			if a == b && border {
				continue // a border layout's centre objects share its centre
			}
			if c := a.cut(b); c.w > 1 && c.h > 1 {
				f.fail("%s overlaps %s by %.0f×%.0f", describe(shown[i]), describe(shown[j]), c.w, c.h)
			}
		}
	}
}

// inView fails an object the room must see that is not wholly on screen.
func (f *fitWalk) inView(what string, o fyne.CanvasObject) {
	full, ok := f.full[o]
	if !ok || !o.Visible() || full.w <= 0 || full.h <= 0 {
		f.fail("%s is not shown", what)
		return
	}
	v := f.visible[o]
	if math.Abs(float64(v.w-full.w)) > 1 || math.Abs(float64(v.h-full.h)) > 1 || !full.inside(f.canvas) {
		f.fail("%s is out of view: %s of it shows, at %s", what, v, full)
	}
}

// fitCheck walks canvas c and what the window must show on it.
func fitCheck(c fyne.Canvas, must map[string]fyne.CanvasObject) *fitWalk {
	f := newFitWalk(c)
	content := c.Content()
	min := content.MinSize()
	if c.(test.WindowlessCanvas).Padded() {
		min = min.Add(fyne.NewSquareSize(2 * theme.Padding()))
	}
	if min.Width > f.canvas.w+0.5 || min.Height > f.canvas.h+0.5 {
		var parts []string
		walkMins(content, 0, &parts)
		f.fail("the window needs %.0f×%.0f, more than the screen; %s", min.Width, min.Height, strings.Join(parts, "; "))
	}
	f.walk(content, fyne.NewPos(0, 0), f.canvas, f.canvas, false)
	for _, o := range c.Overlays().List() {
		if min := o.MinSize(); min.Width > f.canvas.w || min.Height > f.canvas.h {
			f.fail("a dialog needs %.0f×%.0f, more than the screen", min.Width, min.Height)
		}
		f.walk(o, fyne.NewPos(0, 0), f.canvas, f.canvas, false)
	}
	for what, o := range must {
		f.inView(what, o)
	}
	return f
}

// fitScreen is one screen to lay out: show puts it on the window, and
// must names what the room must see on it.
type fitScreen struct {
	name string
	show func()
	must func() map[string]fyne.CanvasObject
	// notes, when set, must show at least four lines.
	notes func() *textEntry
	// perSize shows the screen afresh at each size: a dialog is sized to
	// the window it opens on.
	perSize bool
	// after, when set, changes the screen once it is laid out; it is then
	// checked as the screen lays itself out, with no settling by the test.
	after func()
}

// TestEveryScreenFits lays out every screen at every screen size and text
// zoom on Fyne's test canvas and fails when anything does not fit: an
// object outside the canvas, siblings overlapping, text or a field's hint
// cut short, a word broken mid-word, a control squeezed, the window asking
// for more than the screen, the rail, element name, timer, Agree, first
// tile or message bar out of view, or the notes under four lines. Every
// screen is checked at every size and zoom (100%, 125% and 150%, down to
// 1024×768 less a taskbar); none is left out. Where there is no room for
// all of it (1024×768 or 1280×720 at 150%, with the Practice bar and a
// message), the element screen goes tight (elementLayout.layoutTight), and
// Compare keeps three sessions in view rather than five
// (TestComparePickerShowsFiveSessions checks five with no message showing).
func TestEveryScreenFits(t *testing.T) {
	h := newHarness(t)
	u := h.u
	ctx := context.Background()
	fw := h.store.Framework()
	a := u.openExample("1-leadership-paperwork")
	b, err := h.store.FollowUp(ctx, a)
	mustOK(t, err, "follow-up")
	// The compare picker shows several sessions; the first of these, not
	// counted, is the one the Practice bar's element screens show (a row
	// "Own views: − not counted +" can be wider than the tiles).
	var uncounted int64
	for i := 0; i < 5; i++ {
		id, err := h.store.FollowUp(ctx, a)
		mustOK(t, err, "follow-up")
		if uncounted == 0 {
			uncounted = id
		}
	}
	long := strings.Repeat("The group said the minutes go to the board but rarely come back to them. ", 12)
	// Tallies on every tile, so each shows its longest state line
	// ("Shaded · 10 of 12 on their own").
	twelve, ten := 12, 10
	mustOK(t, h.store.SetTallyOf(ctx, a, &twelve), "tally of")
	for _, e := range fw.Elements {
		mustOK(t, h.store.SetElementNotes(ctx, a, e.Code, long), "notes")
		for _, w := range e.Words {
			mustOK(t, h.store.SetTally(ctx, a, w.ID, &ten), "tally")
		}
	}
	msg := "PDF saved: /home/facilitator/Documents/Northshire ICB governing body paper, 14 March 2026.pdf"

	var screens []fitScreen
	workshop := func(code string) func() map[string]fyne.CanvasObject {
		return func() map[string]fyne.CanvasObject {
			m := map[string]fyne.CanvasObject{"the message bar": u.msg.box}
			for s, st := range u.built.railSteps {
				m["rail stop "+s] = st
			}
			if el := u.cur.element; el != nil {
				m["the element name"] = el.name
				m["the timer"] = el.timerText
				m["the timer button"] = el.timerButton
				m["Agree"] = el.agree
				m["the first doing word"] = el.tiles[0]
			}
			return m
		}
	}
	plain := func() map[string]fyne.CanvasObject {
		return map[string]fyne.CanvasObject{"the message bar": u.msg.box}
	}
	screens = append(screens,
		fitScreen{name: "Home", show: func() { u.showHome() }, must: plain},
		fitScreen{name: "Setup", show: func() { u.open(a, screenSetup) }, must: plain},
		fitScreen{name: "Intro", show: func() { u.open(a, screenIntro) }, must: workshop(screenIntro)},
	)
	for _, e := range fw.Elements {
		code := e.Code
		for _, practice := range []bool{false, true} {
			practice := practice
			name, id := e.Name+" (counted)", a
			if practice {
				name, id = e.Name+" with the Practice bar (not counted)", uncounted
			}
			screens = append(screens, fitScreen{name: name,
				show: func() {
					u.open(id, code)
					u.practiceBar.Hidden = !practice
				},
				must:  workshop(code),
				notes: func() *textEntry { return u.cur.element.notes }})
		}
	}
	// The quote unfolded in the prompt's place, where it folds.
	be := fw.Elements[3].Code
	screens = append(screens, fitScreen{name: "Boundary encounters with its quote unfolded",
		show:  func() { u.open(a, be); u.cur.element.foldQuote(false) },
		must:  workshop(be),
		notes: func() *textEntry { return u.cur.element.notes }})
	// Counting own views after the screen is drawn: each tile's line grows
	// ("Shaded · 1 of 12 on their own", and on to "… 24 of 35 …"), and
	// must still show whole with only the screen's own layout.
	screens = append(screens, fitScreen{name: "Participation, counted once drawn",
		show: func() { u.open(b, fw.Elements[0].Code) },
		after: func() {
			el := u.cur.element
			if u.sess.rec.TallyOf == nil {
				for i := 0; i < 11; i++ {
					el.addTallyOf(1)
				}
			}
			el.addTallyOf(1) // one more at each size: the line grows on the way
			for i := range el.tiles {
				el.addTally(i, 1)
			}
		},
		must: workshop(fw.Elements[0].Code), notes: func() *textEntry { return u.cur.element.notes }})
	screens = append(screens,
		fitScreen{name: "Review", show: func() { u.open(a, screenReview) }, must: workshop(screenReview)},
		fitScreen{name: "Compare", show: func() { u.showCompare(a, b) }, must: plain},
		fitScreen{name: "Examples", show: func() { u.showHome(); u.showExamples() }, must: plain, perSize: true},
	)
	for i := range learnPages(fw) {
		i := i
		screens = append(screens, fitScreen{name: fmt.Sprintf("Learn page %d", i+1),
			show: func() {
				if u.cur.learn == nil {
					u.showLearn()
				}
				u.cur.learn.show(i)
			}, must: plain})
	}

	// The recovery screen, as Run shows it for a file that is not a database.
	bad := filepath.Join(t.TempDir(), "bad.db")
	mustOK(t, os.WriteFile(bad, notADatabase, 0o600), "write bad file")
	_, openErr := sqlite.Open(ctx, bad)
	screens = append(screens, fitScreen{name: "recovery", perSize: true, must: func() map[string]fyne.CanvasObject { return nil },
		show: func() {
			r := newRecoveryScreen(h.app, h.win, sqlite.Files{}, bad, openErr, func(data.Store, string, string) {})
			h.win.SetContent(r.root)
		}})

	for _, z := range fitZooms {
		u.zoom = z
		u.applyTheme()
		u.forget()
		for _, s := range screens {
			for _, o := range h.win.Canvas().Overlays().List() {
				h.win.Canvas().Overlays().Remove(o)
			}
			h.win.SetContent(u.root)
			h.win.Resize(fyne.NewSize(1280, 720))
			u.practiceBar.Hide()
			s.show()
			u.msg.info(msg)
			for _, size := range fitSizes {
				h.win.Resize(size.size)
				if s.perSize {
					for _, o := range h.win.Canvas().Overlays().List() {
						h.win.Canvas().Overlays().Remove(o)
					}
					s.show()
				}
				for i := 0; i < 3; i++ {
					settle(h.win.Canvas().Content())
				}
				if s.after != nil {
					s.after()
				}
				f := fitCheck(h.win.Canvas(), s.must())
				if s.notes != nil {
					notes := s.notes()
					ref := widget.NewMultiLineEntry()
					ref.SetMinRowsVisible(4)
					if v := f.visible[notes]; v.h < ref.MinSize().Height-1 {
						f.fail("the discussion notes show %.0f px, less than four lines (%.0f px)", v.h, ref.MinSize().Height)
					}
				}
				if len(f.problems) > 0 {
					if len(f.problems) > 6 {
						f.problems = append(f.problems[:6], fmt.Sprintf("and %d more", len(f.problems)-6))
					}
					t.Errorf("%s at %s, zoom %d%%:\n\t%s", s.name, size.name, int(z*100), strings.Join(f.problems, "\n\t"))
				}
			}
		}
		u.practiceBar.Hide()
	}
}

func walkMins(o fyne.CanvasObject, depth int, parts *[]string) {
	if depth > 6 || !o.Visible() {
		return
	}
	*parts = append(*parts, fmt.Sprintf("%d:%s %.0f", depth, shorten(describe(o), 50), o.MinSize().Height))
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walkMins(c, depth+1, parts)
		}
	}
}
