package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// Layouts that let every screen fit from 1024×768 to 1920×1080 at 100–150%
// text zoom. Fyne lays out a wrapped label by the width it last had, so
// these give each object its width first and then ask how tall it is, and
// none asks the window for more room than the narrowest screen has: what
// does not fit wraps to another row or column, or scrolls.

// heightAt is how tall o is at width w: it is given the width first, so a
// wrapped label inside it knows how many lines it needs.
func heightAt(o fyne.CanvasObject, w float32) float32 {
	if o.Size().Width != w {
		o.Resize(fyne.NewSize(w, o.MinSize().Height))
	}
	return o.MinSize().Height
}

// setPlace moves and sizes o.
func setPlace(o fyne.CanvasObject, x, y, w, h float32) {
	o.Move(fyne.NewPos(x, y))
	o.Resize(fyne.NewSize(w, h))
}

// frameLayout is the window: a top and a bottom bar as tall as their
// text needs at the window's width, and the screen between them.
type frameLayout struct{ top, bottom fyne.CanvasObject }

func (f *frameLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		w = fyne.Max(w, m.Width)
		h += m.Height
	}
	return fyne.NewSize(w, h)
}

func (f *frameLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var top, bottom float32
	if f.top.Visible() {
		top = heightAt(f.top, size.Width)
		setPlace(f.top, 0, 0, size.Width, top)
	}
	if f.bottom.Visible() {
		bottom = heightAt(f.bottom, size.Width)
		setPlace(f.bottom, 0, size.Height-bottom, size.Width, bottom)
	}
	for _, o := range objs {
		if o != f.top && o != f.bottom {
			setPlace(o, 0, top, size.Width, fyne.Max(0, size.Height-top-bottom))
		}
	}
}

// flowLayout puts its objects in a row at their own sizes and starts
// another row when the width runs out, as words wrap; a bar of buttons so
// never asks for more width than its widest button.
type flowLayout struct{ width float32 } // the width last laid out at

func (f *flowLayout) rows(objs []fyne.CanvasObject, width float32, do func(o fyne.CanvasObject, x, y float32, s fyne.Size)) float32 {
	p := themeSize(theme.SizeNamePadding)
	var x, y, rowH float32
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		s := o.MinSize()
		if x > 0 && x+s.Width > width {
			x, y, rowH = 0, y+rowH+p, 0
		}
		if do != nil {
			do(o, x, y, s)
		}
		x += s.Width + p
		rowH = fyne.Max(rowH, s.Height)
	}
	return y + rowH
}

func (f *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objs {
		if o.Visible() {
			w = fyne.Max(w, o.MinSize().Width)
		}
	}
	width := f.width
	if width < w {
		width = w
	}
	return fyne.NewSize(w, f.rows(objs, width, nil))
}

func (f *flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	f.width = size.Width
	f.rows(objs, size.Width, func(o fyne.CanvasObject, x, y float32, s fyne.Size) {
		setPlace(o, x, y, fyne.Min(s.Width, size.Width), s.Height)
	})
}

// newFlow is a row of objects that wraps.
func newFlow(objs ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &flowLayout{}, Objects: objs}
}

// columnsLayout sets its objects side by side in equal columns when each
// has the width it needs, and one under another when not.
type columnsLayout struct{ width float32 }

func (c *columnsLayout) side(objs []fyne.CanvasObject, width float32) bool {
	p := themeSize(theme.SizeNamePadding)
	col := (width - p*float32(len(objs)-1)) / float32(len(objs))
	for _, o := range objs {
		if o.MinSize().Width > col {
			return false
		}
	}
	return true
}

func (c *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	p := themeSize(theme.SizeNamePadding)
	var w, sum, tallest float32
	for _, o := range objs {
		m := o.MinSize()
		w = fyne.Max(w, m.Width)
		sum += m.Height + p
		tallest = fyne.Max(tallest, m.Height)
	}
	if c.width > 0 && c.side(objs, c.width) {
		return fyne.NewSize(w, tallest)
	}
	return fyne.NewSize(w, sum-p)
}

func (c *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	c.width = size.Width
	p := themeSize(theme.SizeNamePadding)
	if c.side(objs, size.Width) {
		col := (size.Width - p*float32(len(objs)-1)) / float32(len(objs))
		for i, o := range objs {
			setPlace(o, float32(i)*(col+p), 0, col, heightAt(o, col))
		}
		return
	}
	var y float32
	for _, o := range objs {
		h := heightAt(o, size.Width)
		setPlace(o, 0, y, size.Width, h)
		y += h + p
	}
}

// newColumns is objects in columns that fold under one another.
func newColumns(objs ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &columnsLayout{}, Objects: objs}
}

// gridLayout is a grid of equal cells with as many columns as fit, up to
// most; the element screen may set the columns itself (cols > 0).
type gridLayout struct {
	most  int
	cols  int // the columns chosen for the width last laid out
	width float32
}

func (g *gridLayout) cellMin(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

// columnsFor is how many columns of cells fit width.
func (g *gridLayout) columnsFor(objs []fyne.CanvasObject, width float32) int {
	p := themeSize(theme.SizeNamePadding)
	cw := g.cellMin(objs).Width
	n := int((width + p) / (cw + p))
	if n > g.most {
		n = g.most
	}
	if n > len(objs) {
		n = len(objs)
	}
	if n < 1 {
		n = 1
	}
	return n
}

func (g *gridLayout) height(objs []fyne.CanvasObject, cols int) float32 {
	p := themeSize(theme.SizeNamePadding)
	rows := (len(objs) + cols - 1) / cols
	return float32(rows)*g.cellMin(objs).Height + float32(rows-1)*p
}

func (g *gridLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) == 0 {
		return fyne.Size{}
	}
	cols := 1
	if g.width > 0 {
		cols = g.columnsFor(objs, g.width)
	}
	return fyne.NewSize(g.cellMin(objs).Width, g.height(objs, cols))
}

func (g *gridLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) == 0 {
		return
	}
	g.width = size.Width
	p := themeSize(theme.SizeNamePadding)
	cols := g.columnsFor(objs, size.Width)
	g.cols = cols
	rows := (len(objs) + cols - 1) / cols
	cw := (size.Width - p*float32(cols-1)) / float32(cols)
	ch := fyne.Max(g.cellMin(objs).Height, (size.Height-p*float32(rows-1))/float32(rows))
	for i, o := range objs {
		setPlace(o, float32(i%cols)*(cw+p), float32(i/cols)*(ch+p), cw, ch)
	}
}

// newGrid is cells in as many columns as fit, up to most.
func newGrid(most int, objs ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &gridLayout{most: most}, Objects: objs}
}

// giveWayLayout is a screen's head over its body, for a screen whose head
// (a title, a blurb, a bar of buttons) can take more room than a short
// screen has: the body keeps its minimum, the blurb (drop) gives way
// first, and what is left of the head scrolls.
type giveWayLayout struct {
	head *container.Scroll
	body fyne.CanvasObject
	drop fyne.CanvasObject // hidden when the head does not fit whole; may be nil
}

// newGiveWay is head (in a scroll of its own) over body.
func newGiveWay(head fyne.CanvasObject, body fyne.CanvasObject, drop fyne.CanvasObject) *fyne.Container {
	s := container.NewVScroll(head)
	return &fyne.Container{Layout: &giveWayLayout{head: s, body: body, drop: drop}, Objects: []fyne.CanvasObject{s, body}}
}

func (g *giveWayLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	p := themeSize(theme.SizeNamePadding)
	b := g.body.MinSize()
	return fyne.NewSize(fyne.Max(b.Width, g.head.Content.MinSize().Width), b.Height+p+g.head.MinSize().Height)
}

func (g *giveWayLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	p := themeSize(theme.SizeNamePadding)
	room := size.Height - g.body.MinSize().Height - p
	if g.drop != nil {
		g.drop.Show()
	}
	natural := heightAt(g.head.Content, size.Width)
	if natural > room && g.drop != nil {
		g.drop.Hide()
		natural = heightAt(g.head.Content, size.Width)
	}
	h := fyne.Max(0, fyne.Min(natural, room))
	setPlace(g.head, 0, 0, size.Width, h)
	g.head.Content.Resize(fyne.NewSize(size.Width, natural))
	setPlace(g.body, 0, h+p, size.Width, size.Height-h-p)
}

// trailingLayout puts a row's buttons (trail) after its text (main) when
// the text keeps at least 16 characters' width beside them, and under it
// when not, so a narrow column never wraps the text a word or less a line.
type trailingLayout struct {
	main, trail fyne.CanvasObject
	width       float32 // the width last laid out at
}

// newTrailing is text with its buttons after it, or under it.
func newTrailing(main, trail fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &trailingLayout{main: main, trail: trail}, Objects: []fyne.CanvasObject{main, trail}}
}

func (t *trailingLayout) beside(width float32) bool {
	return width-t.trail.MinSize().Width-themeSize(theme.SizeNamePadding) >= 16*theme.TextSize()*0.55
}

func (t *trailingLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	m, tr := t.main.MinSize(), t.trail.MinSize()
	if t.width > 0 && !t.beside(t.width) {
		return fyne.NewSize(fyne.Max(m.Width, tr.Width), m.Height+tr.Height)
	}
	return fyne.NewSize(m.Width+themeSize(theme.SizeNamePadding)+tr.Width, fyne.Max(m.Height, tr.Height))
}

func (t *trailingLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	t.width = size.Width
	tr := t.trail.MinSize()
	if !t.beside(size.Width) {
		mh := heightAt(t.main, size.Width)
		setPlace(t.main, 0, 0, size.Width, mh)
		setPlace(t.trail, 0, mh, tr.Width, tr.Height)
		return
	}
	mw := size.Width - tr.Width - themeSize(theme.SizeNamePadding)
	mh := heightAt(t.main, mw)
	h := fyne.Max(mh, tr.Height)
	setPlace(t.main, 0, (h-mh)/2, mw, mh)
	setPlace(t.trail, size.Width-tr.Width, (h-tr.Height)/2, tr.Width, tr.Height)
}

// rowsLayout is objects one under another, each as tall as it is at the
// width it is given: a VBox whose wrapped labels never overlap the next
// row while Fyne has yet to ask them their height again.
type rowsLayout struct{ width float32 }

// newRows is objects one under another.
func newRows(objs ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &rowsLayout{}, Objects: objs}
}

func (r *rowsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	p := themeSize(theme.SizeNamePadding)
	var w, h float32
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if r.width > 0 {
			m.Height = heightAt(o, r.width)
		}
		w = fyne.Max(w, m.Width)
		h += m.Height
		n++
	}
	if n > 1 {
		h += float32(n-1) * p
	}
	return fyne.NewSize(w, h)
}

func (r *rowsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	r.width = size.Width
	p := themeSize(theme.SizeNamePadding)
	var y float32
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		h := heightAt(o, size.Width)
		setPlace(o, 0, y, size.Width, h)
		y += h + p
	}
}

// MinSize is a one-line field's own, at least as wide as its hint, so a
// layout that folds by minimum widths never cuts the hint short.
func (e *textEntry) MinSize() fyne.Size {
	m := e.Entry.MinSize()
	if e.MultiLine || e.PlaceHolder == "" {
		return m
	}
	w := fyne.MeasureText(e.PlaceHolder, theme.TextSize(), e.TextStyle).Width + 2*themeSize(theme.SizeNameInnerPadding) + 4
	return fyne.NewSize(fyne.Max(m.Width, w), m.Height)
}
