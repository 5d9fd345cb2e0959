package app

import (
	"image"
	"image/color"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
)

func themeColour(n fyne.ThemeColorName) color.Color {
	return theme.Current().Color(n, fyne.CurrentApp().Settings().ThemeVariant())
}

func themeSize(n fyne.ThemeSizeName) float32 { return theme.Current().Size(n) }

// markShape draws a level as the PDF does, as a shape, so a level never
// shows by colour alone: an empty circle (not shaded), a half-filled circle
// (partly), or a disc with a tick (shaded). The font has no tick glyph.
type markShape struct {
	raster *canvas.Raster
	level  data.Shade
	ink    color.NRGBA // outline, half fill, disc
	paper  color.NRGBA // inside of the partly circle; the tick
}

// newPixelRaster draws pixel by pixel into a fresh image each time. Fyne's
// NewRasterWithPixels keeps its image for reuse, so every raster on every
// built screen would hold a second copy of its texture in memory; this one
// leaves only the texture.
func newPixelRaster(pixel func(x, y, w, h int) color.NRGBA) *canvas.Raster {
	return canvas.NewRaster(func(w, h int) image.Image {
		img := image.NewNRGBA(image.Rect(0, 0, w, h))
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				img.SetNRGBA(x, y, pixel(x, y, w, h))
			}
		}
		return img
	})
}

func newMarkShape() *markShape {
	m := &markShape{}
	m.raster = newPixelRaster(m.pixel)
	m.raster.ScaleMode = canvas.ImageScaleSmooth
	return m
}

func nrgba(c color.Color) color.NRGBA {
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}

// setColours takes the level and theme colours for the next draw.
func (m *markShape) set(level data.Shade, ink, paper fyne.ThemeColorName) {
	m.level = level
	m.ink, m.paper = nrgba(themeColour(ink)), nrgba(themeColour(paper))
	m.raster.Refresh()
}

func clamp01(v float64) float64 { return math.Max(0, math.Min(1, v)) }

// segDist is the distance from p to the segment ab.
func segDist(px, py, ax, ay, bx, by float64) float64 {
	dx, dy := bx-ax, by-ay
	t := clamp01(((px-ax)*dx + (py-ay)*dy) / (dx*dx + dy*dy))
	return math.Hypot(px-ax-t*dx, py-ay-t*dy)
}

// over puts colour c with coverage a over dst.
func over(dst color.NRGBA, c color.NRGBA, a float64) color.NRGBA {
	a *= float64(c.A) / 255
	if a <= 0 {
		return dst
	}
	da := float64(dst.A) / 255
	oa := a + da*(1-a)
	mix := func(s, d uint8) uint8 {
		return uint8((float64(s)*a + float64(d)*da*(1-a)) / oa)
	}
	return color.NRGBA{R: mix(c.R, dst.R), G: mix(c.G, dst.G), B: mix(c.B, dst.B), A: uint8(oa * 255)}
}

func (m *markShape) pixel(x, y, w, h int) color.NRGBA {
	size := math.Min(float64(w), float64(h))
	r := size/2 - 1
	cx, cy := float64(w)/2, float64(h)/2
	px, py := float64(x)+0.5, float64(y)+0.5
	d := math.Hypot(px-cx, py-cy)
	stroke := math.Max(1.5, size/12)
	disc := clamp01(r - d + 0.5)
	inner := clamp01(r - stroke - d + 0.5)
	out := color.NRGBA{}
	switch mapmodel.MarkFor(m.level) {
	case mapmodel.MarkTick:
		out = over(out, m.ink, disc)
		s := r * mapmodel.TickScale
		tw := math.Max(s*mapmodel.TickStroke, 1.5)
		tk := mapmodel.Tick(cx, cy, s)
		t := math.Min(segDist(px, py, tk[0].X, tk[0].Y, tk[1].X, tk[1].Y), segDist(px, py, tk[1].X, tk[1].Y, tk[2].X, tk[2].Y))
		out = over(out, m.paper, clamp01(tw/2-t+0.5)*disc)
	case mapmodel.MarkHalfCircle:
		out = over(out, m.paper, disc)
		out = over(out, m.ink, disc-inner)
		if px < cx { // the left half, as mapmodel.HalfDisc outlines it
			out = over(out, m.ink, disc*clamp01(cx-px+0.5))
		}
	default:
		out = over(out, m.ink, disc-inner)
	}
	return out
}

// hatch is the diagonal lines of a partly shaded cell, as on paper. It is
// drawn as line objects rather than an image, so a screen of partly shaded
// words keeps no pixel buffers or textures for its pattern.
type hatch struct {
	widget.BaseWidget
	colour  color.Color
	spacing float32 // between lines, along each edge
}

func newHatch(colour color.Color, spacing float32) *hatch {
	h := &hatch{colour: colour, spacing: spacing}
	h.ExtendBaseWidget(h)
	return h
}

// CreateRenderer builds the lines.
func (h *hatch) CreateRenderer() fyne.WidgetRenderer { return &hatchRenderer{h: h} }

type hatchRenderer struct {
	h     *hatch
	lines []*canvas.Line
	objs  []fyne.CanvasObject
}

func (r *hatchRenderer) Destroy() {}

func (r *hatchRenderer) MinSize() fyne.Size { return fyne.NewSize(0, 0) }

func (r *hatchRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *hatchRenderer) Layout(size fyne.Size) {
	spacing := math.Max(float64(r.h.spacing), 4)
	segs := mapmodel.HatchSegments(0, 0, float64(size.Width), float64(size.Height), spacing)
	for len(r.lines) < len(segs) {
		r.lines = append(r.lines, canvas.NewLine(r.h.colour))
	}
	r.lines = r.lines[:len(segs)]
	r.objs = r.objs[:0]
	for i, l := range r.lines {
		l.StrokeColor = r.h.colour
		l.StrokeWidth = 1
		l.Position1 = fyne.NewPos(float32(segs[i][0].X), float32(segs[i][0].Y))
		l.Position2 = fyne.NewPos(float32(segs[i][1].X), float32(segs[i][1].Y))
		r.objs = append(r.objs, l)
	}
}

func (r *hatchRenderer) Refresh() {
	r.Layout(r.h.Size())
	for _, l := range r.lines {
		l.Refresh()
	}
}

// tileColours gives the fill and text colour names for a level.
func tileColours(l data.Shade) (fill, text fyne.ThemeColorName) {
	switch l {
	case data.ShadeShaded:
		return colourShaded, colourShadedText
	case data.ShadePartly:
		return colourPartly, colourPartlyText
	}
	return colourNone, colourNoneText
}

// markColours gives the mark's ink and paper for a level on its tile.
func markColours(l data.Shade) (ink, paper fyne.ThemeColorName) {
	if l == data.ShadeShaded {
		return colourShadedText, colourShaded
	}
	return colourEdge, colourNone
}

// wordTile is a doing word as a large tile. A tap cycles its shading
// through onTap; the tile shows the level the store last confirmed, by
// fill, by pattern, by a mark and by the level in words.
type wordTile struct {
	widget.BaseWidget
	key   int // 1-based number key that cycles it; 0 for none
	label string
	level data.Shade
	tally string // how many shaded it on their own, in words; "" for no tally
	onTap func()
	scale float32 // how much larger than the theme's tile it is drawn, on a large screen
	focus keyFocus
}

func newWordTile(key int, label string, level data.Shade, onTap func()) *wordTile {
	t := &wordTile{key: key, label: label, level: level, onTap: onTap, scale: 1}
	t.ExtendBaseWidget(t)
	return t
}

// setScale draws the tile larger (or back at 1), for a large screen.
func (t *wordTile) setScale(s float32) {
	if t.scale == s {
		return
	}
	t.scale = s
	t.Refresh()
}

// size is a tile's text size: the theme's, scaled for a large screen.
func (t *wordTile) size(n fyne.ThemeSizeName) float32 {
	if t.scale <= 0 {
		return themeSize(n)
	}
	return themeSize(n) * t.scale
}

// setLevel shows a level the store has confirmed.
func (t *wordTile) setLevel(l data.Shade) {
	if t.level == l {
		return
	}
	t.level = l
	t.Refresh()
}

// setTally shows the word's tally beside its level.
func (t *wordTile) setTally(s string) {
	if t.tally == s {
		return
	}
	t.tally = s
	t.Refresh()
}

// Tapped cycles the shading.
func (t *wordTile) Tapped(*fyne.PointEvent) {
	t.focus.tapped(t)
	if t.onTap != nil {
		t.onTap()
	}
}

// Cursor shows a pointing hand, as for a button.
func (t *wordTile) Cursor() desktop.Cursor { return desktop.PointerCursor }

// FocusGained shows the focus ring.
func (t *wordTile) FocusGained() { t.focus.on = true; t.Refresh() }

// FocusLost hides the focus ring.
func (t *wordTile) FocusLost() { t.focus.on = false; t.Refresh() }

// TypedRune passes the room's single keys on to the window.
func (t *wordTile) TypedRune(r rune) { t.focus.rune(r) }

// TypedKey shades the tile on Space or Enter, as a tap does.
func (t *wordTile) TypedKey(ev *fyne.KeyEvent) { t.focus.key(ev, t.onTap) }

// CreateRenderer builds the tile's drawing.
func (t *wordTile) CreateRenderer() fyne.WidgetRenderer {
	r := &tileRenderer{
		t:     t,
		bg:    canvas.NewRectangle(color.Transparent),
		num:   canvas.NewText("", color.Black),
		word:  canvas.NewText("", color.Black),
		state: canvas.NewText("", color.Black),
		mark:  newMarkShape(),
		ring:  newFocusRing(),
	}
	r.hatch = newHatch(color.Transparent, 9)
	r.word.TextStyle.Bold = true
	r.num.TextStyle.Bold = true
	r.Refresh()
	return r
}

type tileRenderer struct {
	t                *wordTile
	bg               *canvas.Rectangle
	hatch            *hatch
	num, word, state *canvas.Text
	mark             *markShape
	ring             focusRing
}

func (r *tileRenderer) Destroy() {}

func (r *tileRenderer) Objects() []fyne.CanvasObject {
	return append([]fyne.CanvasObject{r.bg, r.hatch, r.num, r.word, r.state, r.mark.raster}, r.ring.objects()...)
}

func (r *tileRenderer) markSide() float32 { return r.t.size(sizeWord) }

func (r *tileRenderer) MinSize() fyne.Size {
	p := themeSize(theme.SizeNameInnerPadding)
	ws := fyne.MeasureText(r.word.Text, r.word.TextSize, r.word.TextStyle)
	ss := fyne.MeasureText(data.ShadeNone.Label(), r.state.TextSize, r.state.TextStyle)
	if st := fyne.MeasureText(r.state.Text, r.state.TextSize, r.state.TextStyle); st.Width > ss.Width {
		ss = st
	}
	ns := fyne.MeasureText("9", r.num.TextSize, r.num.TextStyle)
	w := p + ns.Width + r.markSide() + p + fyne.Max(ws.Width, ss.Width) + p
	return fyne.NewSize(w, ws.Height+ss.Height+p)
}

func (r *tileRenderer) Layout(s fyne.Size) {
	p := themeSize(theme.SizeNameInnerPadding)
	r.bg.Resize(s)
	r.bg.Move(fyne.NewPos(0, 0))
	r.ring.place(s)
	r.hatch.Resize(s)
	r.num.Move(fyne.NewPos(p/2+2, 2))
	r.num.Resize(r.num.MinSize())
	nw := r.num.MinSize().Width
	ms := r.markSide()
	r.mark.raster.Move(fyne.NewPos(p/2+nw+p/2, (s.Height-ms)/2))
	r.mark.raster.Resize(fyne.NewSize(ms, ms))
	x := p/2 + nw + p/2 + ms + p
	ws, ss := r.word.MinSize(), r.state.MinSize()
	top := (s.Height - ws.Height - ss.Height) / 2
	r.word.Move(fyne.NewPos(x, top))
	r.word.Resize(fyne.NewSize(s.Width-x-p/2, ws.Height))
	r.state.Move(fyne.NewPos(x, top+ws.Height))
	r.state.Resize(fyne.NewSize(s.Width-x-p/2, ss.Height))
}

func (r *tileRenderer) Refresh() {
	lvl := r.t.level
	fill, ink := tileColours(lvl)
	r.bg.FillColor = themeColour(fill)
	r.bg.StrokeColor = themeColour(colourEdge)
	r.bg.StrokeWidth = themeSize(theme.SizeNameInputBorder) + 1
	r.bg.CornerRadius = 6
	r.ring.show(r.t.focus.on)
	r.hatch.Hidden = lvl != data.ShadePartly
	r.hatch.colour, r.hatch.spacing = themeColour(colourHatch), 9
	for _, txt := range []*canvas.Text{r.num, r.word, r.state} {
		txt.Color = themeColour(ink)
	}
	r.num.Text = ""
	if r.t.key > 0 && r.t.key < 10 {
		r.num.Text = strconv.Itoa(r.t.key)
	}
	r.num.TextSize = r.t.size(sizeRoom)
	r.word.Text = r.t.label
	r.word.TextSize = r.t.size(sizeWord)
	r.state.Text = lvl.Label()
	if r.t.tally != "" {
		r.state.Text += " · " + r.t.tally
	}
	r.state.TextSize = r.t.size(sizeRoom)
	mi, mp := markColours(lvl)
	r.mark.set(lvl, mi, mp)
	r.Layout(r.t.Size())
	r.bg.Refresh()
	r.hatch.Refresh()
	for _, txt := range []*canvas.Text{r.num, r.word, r.state} {
		txt.Refresh()
	}
}

// railStep is one stop of the rail Intro → P → … → Review. The current
// stop is filled and underlined; an agreed element shows a tick and the
// word "agreed", so neither depends on colour alone; one whose shading
// changed since it was agreed says "changed since agreed", without a tick.
type railStep struct {
	widget.BaseWidget
	name, code string
	current    bool
	agreed     bool
	changed    bool // agreed, but its shading changed since
	onTap      func()
	focus      keyFocus
}

func newRailStep(name, code string, onTap func()) *railStep {
	s := &railStep{name: name, code: code, onTap: onTap}
	s.ExtendBaseWidget(s)
	return s
}

// Tapped moves the room to this stop.
func (s *railStep) Tapped(*fyne.PointEvent) {
	s.focus.tapped(s)
	if s.onTap != nil {
		s.onTap()
	}
}

// Cursor shows a pointing hand.
func (s *railStep) Cursor() desktop.Cursor { return desktop.PointerCursor }

// FocusGained shows the focus ring.
func (s *railStep) FocusGained() { s.focus.on = true; s.Refresh() }

// FocusLost hides the focus ring.
func (s *railStep) FocusLost() { s.focus.on = false; s.Refresh() }

// TypedRune passes the room's single keys on to the window.
func (s *railStep) TypedRune(r rune) { s.focus.rune(r) }

// TypedKey moves to this stop on Space or Enter, as a tap does.
func (s *railStep) TypedKey(ev *fyne.KeyEvent) { s.focus.key(ev, s.onTap) }

func (s *railStep) set(current, agreed, changed bool) {
	if s.current == current && s.agreed == agreed && s.changed == changed {
		return
	}
	s.current, s.agreed, s.changed = current, agreed, changed
	s.Refresh()
}

// CreateRenderer builds the stop's drawing.
func (s *railStep) CreateRenderer() fyne.WidgetRenderer {
	r := &railRenderer{
		s:    s,
		bg:   canvas.NewRectangle(color.Transparent),
		bar:  canvas.NewRectangle(color.Transparent),
		name: canvas.NewText("", color.Black),
		sub:  canvas.NewText("", color.Black),
		tick: newMarkShape(),
		ring: newFocusRing(),
	}
	r.Refresh()
	return r
}

type railRenderer struct {
	s         *railStep
	bg, bar   *canvas.Rectangle
	name, sub *canvas.Text
	tick      *markShape
	ring      focusRing
}

func (r *railRenderer) Destroy() {}

func (r *railRenderer) Objects() []fyne.CanvasObject {
	return append([]fyne.CanvasObject{r.bg, r.bar, r.name, r.sub, r.tick.raster}, r.ring.objects()...)
}

func (r *railRenderer) MinSize() fyne.Size {
	p := themeSize(theme.SizeNamePadding)
	// The code in bold (the current stop's) with a padding each side, so
	// seven stops and the rail's buttons fit 1024 px at 150% text.
	code := fyne.MeasureText(r.s.code, themeSize(sizeRail), fyne.TextStyle{Bold: true})
	return fyne.NewSize(code.Width+2*p, r.name.MinSize().Height+r.sub.MinSize().Height+3*p)
}

func (r *railRenderer) Layout(size fyne.Size) {
	p := themeSize(theme.SizeNamePadding)
	r.bg.Resize(size)
	r.ring.place(size)
	bar := 2 * p
	r.bar.Move(fyne.NewPos(0, size.Height-bar))
	r.bar.Resize(fyne.NewSize(size.Width, bar))
	// Long names give way to their code when the stop is narrow.
	r.name.Text = r.s.name
	r.name.TextSize = themeSize(sizeRail)
	fitText(r.name, size.Width-2*p, themeSize(sizeRail)*0.8)
	if fyne.MeasureText(r.name.Text, r.name.TextSize, r.name.TextStyle).Width > size.Width-2*p {
		r.name.Text = r.s.code
		r.name.TextSize = themeSize(sizeRail)
	}
	ns := r.name.MinSize()
	r.name.Move(fyne.NewPos((size.Width-ns.Width)/2, p))
	r.name.Resize(ns)
	if r.s.changed {
		// The whole phrase where it fits (a little smaller if need be),
		// else the one word that matters.
		r.sub.Text = "changed since agreed"
		r.sub.TextSize = themeSize(sizeSmall)
		fitText(r.sub, size.Width-p, themeSize(sizeSmall)*0.85)
		if fyne.MeasureText(r.sub.Text, r.sub.TextSize, r.sub.TextStyle).Width > size.Width-p {
			r.sub.Text = "changed"
			r.sub.TextSize = themeSize(sizeSmall)
		}
		r.sub.Refresh()
	}
	ss := r.sub.MinSize()
	ticked := r.s.agreed && !r.s.changed
	tick := float32(0)
	if ticked {
		tick = ss.Height * 0.8
	}
	x := (size.Width - ss.Width - tick - p) / 2
	r.tick.raster.Hidden = !ticked
	if ticked {
		r.tick.raster.Move(fyne.NewPos(x, p+ns.Height+(ss.Height-tick)/2))
		r.tick.raster.Resize(fyne.NewSize(tick, tick))
		x += tick + p
	}
	r.sub.Move(fyne.NewPos(x, p+ns.Height))
	r.sub.Resize(ss)
	r.name.Refresh()
}

func (r *railRenderer) Refresh() {
	r.ring.show(r.s.focus.on)
	ink := themeColour(theme.ColorNameForeground)
	r.bg.FillColor = themeColour(colourCard)
	r.bar.FillColor = color.Transparent
	r.name.TextStyle.Bold = r.s.current
	if r.s.current {
		r.bg.FillColor = themeColour(colourShaded)
		ink = themeColour(colourShadedText)
		r.bar.FillColor = ink
	}
	r.bg.StrokeColor = themeColour(colourEdge)
	r.bg.StrokeWidth = 1
	r.name.Color, r.sub.Color = ink, ink
	r.name.TextSize = themeSize(sizeRail)
	r.sub.TextSize = themeSize(sizeSmall)
	r.sub.Text = ""
	switch {
	case r.s.changed:
		r.sub.Text = "changed since agreed"
	case r.s.agreed:
		r.sub.Text = "agreed"
	case r.s.current:
		r.sub.Text = "now"
	}
	if r.s.current {
		r.tick.set(data.ShadeShaded, colourShadedText, colourShaded)
	} else {
		r.tick.set(data.ShadeShaded, theme.ColorNameForeground, colourCard)
	}
	r.Layout(r.s.Size())
	r.bg.Refresh()
	r.bar.Refresh()
	r.name.Refresh()
	r.sub.Refresh()
}
