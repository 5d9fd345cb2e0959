package app

import (
	"context"
	"fmt"
	"image/color"
	"io"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export"
)

// compareScreen shows two or more sessions as one map: for two, what moved
// up, down or stayed the same from the older to the newer; for more, how
// many sessions shaded each word. Marks and numbers carry the meaning, so
// it reads in grayscale as the PDF does.
type compareScreen struct {
	store   data.Store
	ctx     context.Context
	fw      *data.Framework
	msg     *messageBar
	dialogs *fileDialogs

	sessions []data.Session // the choices, newest first
	chosen   map[int64]bool
	recs     []*data.Record // the chosen sessions, oldest first

	root      fyne.CanvasObject
	checks    []*check
	pickList  *container.Scroll
	heading   *widget.Label
	countLine *widget.Label
	result    *fyne.Container
	names     *check
	exportBtn *button
}

// newCompareScreen shows Compare with the sessions preselect chosen.
func (u *ui) newCompareScreen(preselect []int64) *compareScreen {
	c := &compareScreen{store: u.sess.store, ctx: u.sess.ctx, fw: u.fw, msg: u.msg, dialogs: u.dialogs, chosen: map[int64]bool{}}
	for _, id := range preselect {
		c.chosen[id] = true
	}
	c.build(u.viewButton(), u.showHome, u.exportHandout)
	return c
}

// build lists the sessions to choose from and lays the screen out.
func (c *compareScreen) build(view *button, home, handout func()) {
	list, err := c.store.ListSessions(c.ctx, data.SessionFilter{Limit: 500})
	if err != nil {
		c.msg.fail(err)
	}
	c.sessions = list
	// One line a session, two to a row, so the chooser shows at least
	// five sessions at 1280×720 and the map keeps most of the height.
	var rows []fyne.CanvasObject
	for _, s := range list {
		id := s.ID
		ch := newCheck(shortTitle(s.Title), func(on bool) {
			c.chosen[id] = on
			c.load()
		})
		ch.Checked = c.chosen[id]
		c.checks = append(c.checks, ch)
		line := label(pickLine(s), sizeSmall, false)
		line.Wrapping = fyne.TextWrapOff
		line.Truncation = fyne.TextTruncateEllipsis
		rows = append(rows, container.NewBorder(nil, nil, ch, nil, line))
	}
	// In a VBox, so a few sessions keep one line's height each.
	// Two to a row where they fit, else one; pickLayout keeps five in view.
	grid := newGrid(2, rows...)
	c.pickList = container.NewVScroll(container.NewVBox(grid))
	pickLabel := label("Choose two or more sessions", theme.SizeNameText, true)
	pick := container.NewBorder(pickLabel, nil, nil, nil, c.pickList)

	homeBtn := newIconButton("Home", theme.HomeIcon(), home)
	c.exportBtn = newIconButton("Export PDF…", theme.DocumentSaveIcon(), c.onExport)
	c.exportBtn.Importance = widget.HighImportance
	c.names = newCheck("Include names", nil)
	hand := newIconButton("Hand-out PDF…", theme.DocumentIcon(), handout)
	bar := newFlow(homeBtn, c.exportBtn, c.names, hand, view)

	c.heading = label("", theme.SizeNameSubHeadingText, true)
	c.countLine = label("", theme.SizeNameText, false)
	c.result = container.NewStack()
	// On a short screen the heading scrolls in its own room over the map.
	right := newGiveWay(container.NewVBox(c.heading, c.countLine), container.NewScroll(c.result), nil)
	// The chooser sits above the map, so the five columns have the
	// window's whole width at 1280×720.
	split := &fyne.Container{Layout: &pickLayout{grid: grid, label: pickLabel, pick: pick, right: right}, Objects: []fyne.CanvasObject{pick, right}}
	c.root = container.NewPadded(container.NewBorder(bar, nil, nil, nil, split))
	c.load()
}

// pickLine is a session's line in the chooser, what tells sessions apart
// first (date, agreed or draft, follow-up), as the line may be cut short.
func pickLine(s data.Session) string {
	var parts []string
	if s.MeetingDate != "" {
		parts = append(parts, s.MeetingDate)
	}
	if s.Status == data.StatusAgreed {
		parts = append(parts, "agreed")
	} else {
		parts = append(parts, "draft")
	}
	if s.FollowsID != 0 {
		parts = append(parts, "follow-up")
	}
	for _, p := range []string{s.Community, s.Organisation} {
		if strings.TrimSpace(p) != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}

// shortTitle keeps a session's title to one short line for the chooser,
// cutting from the middle so the end ("… (follow-up)") still shows.
func shortTitle(t string) string {
	const most, tail = 40, 15
	r := []rune(t)
	if len(r) <= most {
		return t
	}
	return strings.TrimSpace(string(r[:most-tail-1])) + "…" + strings.TrimSpace(string(r[len(r)-tail:]))
}

// load reads the chosen sessions, oldest first, and draws the comparison.
func (c *compareScreen) load() {
	c.recs = nil
	for i := len(c.sessions) - 1; i >= 0; i-- {
		s := c.sessions[i]
		if !c.chosen[s.ID] {
			continue
		}
		r, err := c.store.Session(c.ctx, s.ID)
		if err != nil {
			c.msg.fail(err)
			continue
		}
		c.recs = append(c.recs, r)
	}
	// A follow-up always comes after the session it follows.
	if len(c.recs) == 2 && c.recs[0].FollowsID == c.recs[1].ID {
		c.recs[0], c.recs[1] = c.recs[1], c.recs[0]
	}
	switch {
	case len(c.recs) < 2:
		c.exportBtn.Disable()
		c.heading.SetText("Compare sessions")
		c.countLine.SetText("Tick two sessions to see what moved between them, or more to see how many groups shaded each word.")
		c.result.Objects = nil
	case len(c.recs) == 2:
		c.exportBtn.Enable()
		pc := data.ComparePair(c.fw, c.recs[0], c.recs[1])
		c.heading.SetText("“" + c.recs[0].Title + "” (before) compared with “" + c.recs[1].Title + "” (after)")
		c.countLine.SetText(export.PairCountLine(pc) + ".")
		c.result.Objects = []fyne.CanvasObject{c.pairMap(pc)}
	default:
		c.exportBtn.Enable()
		h := data.CompareMany(c.fw, c.recs)
		c.heading.SetText(fmt.Sprintf("How many of %d sessions shaded each word", h.Sessions))
		c.countLine.SetText("Each word: how many sessions shaded it fully, as a count, a percentage and a bar as long as that share; partly shaded is counted beside it.")
		c.result.Objects = []fyne.CanvasObject{c.heatMap(h)}
	}
	c.result.Refresh()
}

// pairMap is the five element columns with each word's move.
func (c *compareScreen) pairMap(pc data.PairComparison) fyne.CanvasObject {
	var heads, cols []fyne.CanvasObject
	for _, ec := range pc.Elements {
		heads = append(heads, container.NewVBox(label(ec.Name, theme.SizeNameText, true),
			label(fmt.Sprintf("%d up · %d down · %d same", ec.Up, ec.Down, ec.Same), sizeSmall, false)))
		col := container.NewVBox()
		for _, w := range pc.Words {
			if w.Element != ec.Code {
				continue
			}
			detail := "was " + shadeWords(w.From)
			col.Add(compareCell(w.To, w.Label, w.Move.Label(), detail, newMoveMark(w.Move, w.To)))
		}
		cols = append(cols, col)
	}
	return columns(heads, cols)
}

// heatMap is the five element columns with how many sessions shaded each word.
func (c *compareScreen) heatMap(h data.Heat) fyne.CanvasObject {
	var heads, cols []fyne.CanvasObject
	for _, e := range h.Elements {
		heads = append(heads, label(e.Name, theme.SizeNameText, true))
		col := container.NewVBox()
		for _, w := range e.Words {
			col.Add(heatCell(w))
		}
		cols = append(cols, col)
	}
	return columns(heads, cols)
}

// columns lays the element columns out under their headings, the headings
// in a row of their own so a name that wraps ("Boundary encounters" on a
// narrow screen) keeps every column's first word level.
func columns(heads, cols []fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(container.NewGridWithColumns(len(heads), heads...), container.NewGridWithColumns(len(cols), cols...))
}

// heatCell is one word of a heat map in its own marks, never the
// workshop's: a plain card with the count in words and numbers and a bar
// of the share that shaded it, partly shaded counted beside it. No fill,
// hatching or half-circle, which on the workshop screens mean one group's
// shading.
func heatCell(w data.WordHeat) fyne.CanvasObject {
	ink := themeColour(theme.ColorNameForeground)
	text := func(s string, size fyne.ThemeSizeName, bold bool) *canvas.Text {
		t := canvas.NewText(s, ink)
		t.TextSize = themeSize(size)
		t.TextStyle.Bold = bold
		return t
	}
	// Every cell has the same lines, so the rows line up across columns.
	lines := container.NewVBox(text(w.Label, theme.SizeNameText, true),
		text(fmt.Sprintf("%d of %d shaded · %d%%", w.Shaded, w.Sessions, w.Percent), sizeSmall, true),
		text(fmt.Sprintf("%d partly", w.Partly), sizeSmall, false))
	track := canvas.NewRectangle(color.Transparent)
	track.StrokeColor = ink
	track.StrokeWidth = 1
	fill := canvas.NewRectangle(ink)
	bar := container.NewStack(track, container.New(&barLayout{frac: float32(w.Shaded) / float32(max(1, w.Sessions))}, fill))
	bg := canvas.NewRectangle(themeColour(colourCard))
	bg.StrokeColor = themeColour(colourEdge)
	bg.StrokeWidth = 1
	bg.CornerRadius = 6
	return container.NewStack(bg, container.NewPadded(container.NewBorder(nil, bar, nil, nil, lines)))
}

// compareCell is a word of a pair comparison as on the review map: filled,
// hatched and marked by its level now, with its line of comparison and a
// move mark.
func compareCell(level data.Shade, word, line, detail string, mark fyne.CanvasObject) fyne.CanvasObject {
	fill, ink := tileColours(level)
	bg := canvas.NewRectangle(themeColour(fill))
	bg.StrokeColor = themeColour(colourEdge)
	bg.StrokeWidth = 2
	bg.CornerRadius = 6
	text := func(s string, size fyne.ThemeSizeName, bold bool) *canvas.Text {
		t := canvas.NewText(s, themeColour(ink))
		t.TextSize = themeSize(size)
		t.TextStyle.Bold = bold
		return t
	}
	lines := container.NewVBox(text(word, theme.SizeNameText, true), text(line, sizeSmall, true))
	if detail != "" {
		lines.Add(text(detail, sizeSmall, false))
	}
	m := newMarkShape()
	mi, mp := markColours(level)
	m.set(level, mi, mp)
	side := themeSize(sizeWord)
	marks := container.NewHBox(container.NewGridWrap(fyne.NewSize(side, side), m.raster))
	if mark != nil {
		marks.Add(container.NewGridWrap(fyne.NewSize(side, side), mark))
	}
	body := container.NewBorder(nil, nil, container.NewCenter(marks), nil, lines)
	var objs []fyne.CanvasObject
	objs = append(objs, bg)
	if level == data.ShadePartly {
		objs = append(objs, newHatch(themeColour(colourHatch), 9))
	}
	objs = append(objs, container.NewPadded(body))
	return container.NewStack(objs...)
}

// barLayout draws its one object as a bar the given share of the width.
type barLayout struct{ frac float32 }

func (b *barLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(10, 8) }

func (b *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(size.Width*b.frac, size.Height))
	}
}

// newMoveMark draws a move as a shape: a triangle pointing up or down, or
// an equals sign for the same. The font has no arrows.
func newMoveMark(m data.Move, on data.Shade) fyne.CanvasObject {
	_, inkName := tileColours(on)
	ink := nrgba(themeColour(inkName))
	return newPixelRaster(func(x, y, w, h int) color.NRGBA {
		fx := (float64(x) + 0.5) / float64(w)
		fy := (float64(y) + 0.5) / float64(h)
		in := false
		switch m {
		case data.MoveUp:
			in = fy > 0.12 && fy < 0.88 && math.Abs(fx-0.5) < (fy-0.12)*0.6
		case data.MoveDown:
			in = fy > 0.12 && fy < 0.88 && math.Abs(fx-0.5) < (0.88-fy)*0.6
		default:
			in = fx > 0.15 && fx < 0.85 && ((fy > 0.3 && fy < 0.42) || (fy > 0.58 && fy < 0.7))
		}
		if in {
			return ink
		}
		return color.NRGBA{}
	})
}

// onExport writes the comparison PDF, public unless "Include names" is ticked.
func (c *compareScreen) onExport() {
	if len(c.recs) < 2 {
		return
	}
	recs := append([]*data.Record(nil), c.recs...)
	opt := export.Options{Paper: "a4", Names: c.names.Checked}
	d, err := decisionsFor(c.ctx, c.store, recs...)
	if err != nil {
		c.msg.fail(err)
		return
	}
	opt.Decisions = d
	c.dialogs.save("comparison.pdf", "The PDF", opt.Names, func(w io.Writer) error { return export.WriteComparePDF(w, c.fw, recs, opt) }, func(path string) string {
		if opt.Names {
			return "Comparison PDF saved with names: " + path
		}
		return "Comparison PDF saved without names (public): " + path
	})
}

// exportHandout writes the participants' hand-out.
func (u *ui) exportHandout() {
	opt := export.HandoutOptions{Paper: "a4"}
	u.dialogs.save("hand-out.pdf", "The PDF", false, func(w io.Writer) error { return export.WriteHandout(w, u.fw, opt) }, func(path string) string {
		return "Hand-out saved: " + path + ". Print one for each person, to shade on their own before the group agrees."
	})
}

// pickLayout puts the chooser over the map: five sessions in view (three
// rows of two, or five of one), or, on a screen too short for five and the
// map's heading (1024×768 at 150% with a message showing), at least three;
// the map, which scrolls, has the rest.
type pickLayout struct {
	grid        *fyne.Container
	label       fyne.CanvasObject
	pick, right fyne.CanvasObject
}

// pickHeight is the chooser's height with n sessions in view at width w.
func (l *pickLayout) pickHeight(n int, w float32) float32 {
	g := l.grid.Layout.(*gridLayout)
	objs := l.grid.Objects
	if len(objs) == 0 {
		return l.label.MinSize().Height
	}
	cols := g.columnsFor(objs, w)
	rows := (min(n, len(objs)) + cols - 1) / cols
	row := g.cellMin(objs).Height
	return l.label.MinSize().Height + float32(rows)*row + float32(rows)*themeSize(theme.SizeNamePadding)
}

func (l *pickLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	p := themeSize(theme.SizeNamePadding)
	w := fyne.Max(l.pick.MinSize().Width, l.right.MinSize().Width)
	return fyne.NewSize(w, l.pickHeight(3, w)+p+l.right.MinSize().Height)
}

func (l *pickLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	p := themeSize(theme.SizeNamePadding)
	h := l.pickHeight(5, size.Width)
	// Short of room for five and the map's heading, the chooser keeps three.
	if room := size.Height - l.right.MinSize().Height - p; h > room {
		h = fyne.Max(l.pickHeight(3, size.Width), room)
	}
	setPlace(l.pick, 0, 0, size.Width, h)
	setPlace(l.right, 0, h+p, size.Width, size.Height-h-p)
}
