package app

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
)

// mapView draws the iceberg map on screen from export/mapmodel, the same
// model and layout the PDF uses, so screen and paper agree: the sea, the
// visible tip with the count, and the five columns of doing words below
// the waterline, each cell shaded by fill, pattern and mark.
type mapView struct {
	widget.BaseWidget
	model mapmodel.Model
	// fill, when set, is the height the map should fill: what the
	// window shows of Review under its bar.
	fill func() float32
}

func newMapView(fw *data.Framework, r *data.Record) *mapView {
	v := &mapView{model: mapmodel.Build(fw, r)}
	v.ExtendBaseWidget(v)
	return v
}

func (v *mapView) set(fw *data.Framework, r *data.Record) {
	v.model = mapmodel.Build(fw, r)
	v.Refresh()
}

// MinSize keeps the map big enough to read.
func (v *mapView) MinSize() fyne.Size {
	h := float32(420)
	if v.fill != nil {
		h = fyne.Max(h, v.fill())
	}
	return fyne.NewSize(600, h)
}

// CreateRenderer builds the drawing.
func (v *mapView) CreateRenderer() fyne.WidgetRenderer {
	r := &mapRenderer{v: v}
	r.back = canvas.NewRaster(r.draw)
	return r
}

type mapRenderer struct {
	v       *mapView
	back    *canvas.Raster
	objects []fyne.CanvasObject
}

func (r *mapRenderer) Destroy() {}

func (r *mapRenderer) MinSize() fyne.Size { return r.v.MinSize() }

func (r *mapRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *mapRenderer) Refresh() {
	r.Layout(r.v.Size())
	canvas.Refresh(r.v)
}

// draw paints the sea, the ice and its outline at w×h pixels. It works a
// row at a time: only the outline's segments that reach the row are
// looked at for its pixels, so a pixel far from every edge (most of them)
// costs a few comparisons, and each pixel is worked out exactly as if
// every segment were looked at.
func (r *mapRenderer) draw(w, h int) image.Image {
	g := mapmodel.Layout(r.v.model, float64(w), float64(h))
	c := struct{ sky, sea, deep, ice, edge, line color.NRGBA }{
		nrgba(themeColour(colourSky)), nrgba(themeColour(colourSea)), nrgba(themeColour(colourSeaDeep)),
		nrgba(themeColour(colourIce)), nrgba(themeColour(colourIceEdge)), nrgba(themeColour(colourEdge)),
	}
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	var mass, tip rowEdges
	for y := 0; y < h; y++ {
		py := float64(y) + 0.5
		mass.forRow(g.Mass, py, edgeWidth)
		tip.forRow(g.Tip, py, edgeWidth)
		row := c.sky
		if py >= g.Waterline {
			row = mixColour(c.sea, c.deep, (py-g.Waterline)/math.Max(1, g.Height-g.Waterline))
		}
		line := math.Abs(py - g.Waterline)
		for x := 0; x < w; x++ {
			p := mapmodel.Point{X: float64(x) + 0.5, Y: py}
			out := row
			if mass.inside(p) || tip.inside(p) {
				out = c.ice
			}
			edge := math.Min(mass.dist(p, edgeWidth), tip.dist(p, edgeWidth))
			out = over(out, c.edge, clamp01(edgeWidth-edge))
			if line < 2 {
				out = over(out, c.line, clamp01(1.5-line))
			}
			img.SetNRGBA(x, y, out)
		}
	}
	return img
}

// rowEdges are the segments of a polygon's outline that matter to one row
// of pixels: those it crosses, for telling inside from out, and those
// within near of it, for the distance to the outline.
type rowEdges struct {
	crossing, near [][2]mapmodel.Point
}

// forRow picks poly's segments for the row at y, in the polygon's order.
func (e *rowEdges) forRow(poly []mapmodel.Point, y, near float64) {
	e.crossing, e.near = e.crossing[:0], e.near[:0]
	for i, j := 0, len(poly)-1; i < len(poly); j, i = i, i+1 {
		if a, b := poly[i], poly[j]; (a.Y > y) != (b.Y > y) {
			e.crossing = append(e.crossing, [2]mapmodel.Point{a, b})
		}
	}
	for i := range poly {
		a, b := poly[i], poly[(i+1)%len(poly)]
		if y >= math.Min(a.Y, b.Y)-near && y <= math.Max(a.Y, b.Y)+near {
			e.near = append(e.near, [2]mapmodel.Point{a, b})
		}
	}
}

// inside is mapmodel.InPolygon for a point on the row: the even-odd rule
// over the segments the row crosses.
func (e *rowEdges) inside(p mapmodel.Point) bool {
	in := false
	for _, s := range e.crossing {
		a, b := s[0], s[1]
		if p.X < (b.X-a.X)*(p.Y-a.Y)/(b.Y-a.Y)+a.X {
			in = !in
		}
	}
	return in
}

// dist is p's distance from the outline, for distances under near; a
// segment whose box, grown by near, leaves p out is not measured. It
// returns +Inf when every segment is at least near away.
func (e *rowEdges) dist(p mapmodel.Point, near float64) float64 {
	d := math.Inf(1)
	for _, s := range e.near {
		a, b := s[0], s[1]
		if p.X < math.Min(a.X, b.X)-near || p.X > math.Max(a.X, b.X)+near {
			continue
		}
		d = math.Min(d, segDist(p.X, p.Y, a.X, a.Y, b.X, b.Y))
	}
	return d
}

func mixColour(a, b color.NRGBA, t float64) color.NRGBA {
	t = clamp01(t)
	m := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t) }
	return color.NRGBA{R: m(a.R, b.R), G: m(a.G, b.G), B: m(a.B, b.B), A: 0xff}
}

// edgeWidth is how far, in pixels, the ice's outline reaches from its edge.
const edgeWidth = 1.2

func text(s string, size float32, colour fyne.ThemeColorName, bold bool) *canvas.Text {
	t := canvas.NewText(s, themeColour(colour))
	t.TextSize = size
	t.TextStyle.Bold = bold
	return t
}

// fitText shrinks a text until it fits the width, down to a floor.
func fitText(t *canvas.Text, width, floor float32) {
	for t.TextSize > floor && fyne.MeasureText(t.Text, t.TextSize, t.TextStyle).Width > width {
		t.TextSize--
	}
}

// fitSize is the largest whole size up to size at which bold s fits width.
func fitSize(s string, size, width, floor float32) float32 {
	size = float32(math.Floor(float64(size)))
	for size > floor && fyne.MeasureText(s, size, fyne.TextStyle{Bold: true}).Width > width {
		size--
	}
	return size
}

func (r *mapRenderer) Layout(size fyne.Size) {
	r.back.Resize(size)
	objs := []fyne.CanvasObject{r.back}
	if size.Width < 10 || size.Height < 10 {
		r.objects = objs
		return
	}
	m := r.v.model
	g := mapmodel.Layout(m, float64(size.Width), float64(size.Height))
	f := func(v float64) float32 { return float32(v) }
	unit := f(g.Unit)

	// The count in the visible tip.
	tl := g.TipLabel
	count := text(fmt.Sprintf("%d of %d", m.Shaded, m.Total), unit*0.75, colourEdge, true)
	count.Alignment = fyne.TextAlignCenter
	count.Move(fyne.NewPos(f(tl.X), f(tl.Y)))
	count.Resize(fyne.NewSize(f(tl.W), f(tl.H)*0.55))
	sub := "practices shaded"
	if m.Partly > 0 {
		sub += fmt.Sprintf(", %d partly", m.Partly)
	}
	subT := text(sub, unit*0.36, theme.ColorNameForeground, false)
	subT.Alignment = fyne.TextAlignCenter
	subT.Move(fyne.NewPos(f(tl.X), f(tl.Y+tl.H*0.55)))
	subT.Resize(fyne.NewSize(f(tl.W), unit*0.4))
	objs = append(objs, count, subT)

	above := text(mapmodel.TipLabel, unit*0.36, theme.ColorNameForeground, true)
	above.Move(fyne.NewPos(6, f(g.Waterline)-unit*0.45))
	objs = append(objs, above)
	if m.Draft {
		d := text(fmt.Sprintf("DRAFT: %d of %d elements agreed", m.Agreed, len(m.Columns)), unit*0.45, theme.ColorNameForeground, true)
		d.Move(fyne.NewPos(6, 4))
		objs = append(objs, d)
	}

	// One size for all the cells' words and one for the column names, the
	// largest that fits every one, so the map reads evenly (and the
	// renderer caches few sizes).
	cellSize, nameSize := unit*0.5, unit*0.5
	for i, col := range m.Columns {
		h := g.Headers[i]
		nameSize = fyne.Min(nameSize, fitSize(col.Name, nameSize, f(h.W), 9))
		for j, cell := range col.Words {
			c := g.Cells[i][j]
			cellSize = fyne.Min(cellSize, fitSize(cell.Label, cellSize, f(c.W)-f(c.H)*0.85-4, 8))
		}
	}
	for i, col := range m.Columns {
		h := g.Headers[i]
		x, y, w := f(h.X), f(h.Y), f(h.W)
		badge := canvas.NewRectangle(themeColour(colourShaded))
		badge.CornerRadius = 4
		code := text(col.Code, unit*0.34, colourShadedText, true)
		bw := fyne.MeasureText(col.Code, code.TextSize, code.TextStyle).Width + unit*0.3
		badge.Move(fyne.NewPos(x, y))
		badge.Resize(fyne.NewSize(bw, unit*0.5))
		code.Alignment = fyne.TextAlignCenter
		code.Move(fyne.NewPos(x, y))
		code.Resize(fyne.NewSize(bw, unit*0.5))
		status := "not yet agreed"
		if col.Agreed {
			status = "agreed"
		}
		st := text(status, unit*0.34, theme.ColorNameForeground, col.Agreed)
		st.Move(fyne.NewPos(x+bw+4, y+unit*0.05))
		name := text(col.Name, nameSize, colourEdge, true)
		name.Move(fyne.NewPos(x, y+unit*0.6))
		rule := canvas.NewLine(themeColour(colourEdge))
		rule.StrokeWidth = 1.5
		rule.Position1 = fyne.NewPos(x, y+f(h.H))
		rule.Position2 = fyne.NewPos(x+w, y+f(h.H))
		objs = append(objs, badge, code, st, name, rule)
		for j, cell := range col.Words {
			c := g.Cells[i][j]
			objs = append(objs, mapCell(cell, f(c.X), f(c.Y), f(c.W), f(c.H), cellSize)...)
		}
	}
	objs = append(objs, r.legend(g, m, f)...)
	r.objects = objs
}

// legend draws the key in the sea's bottom-right corner, under the last
// column, when that column is short enough to leave room for it.
func (r *mapRenderer) legend(g mapmodel.Geometry, m mapmodel.Model, f func(float64) float32) []fyne.CanvasObject {
	n := len(g.Headers)
	if n == 0 {
		return nil
	}
	last := g.Headers[n-1]
	h := f(g.Unit) * 0.8
	step := h * 1.2
	top := f(g.Height) - step*float32(len(m.Legend)) - f(g.Unit)*0.2
	if cells := g.Cells[n-1]; len(cells) > 0 {
		end := cells[len(cells)-1]
		if f(end.Y+end.H)+f(g.Unit)*1.4 > top {
			return nil
		}
	}
	x, w := f(last.X), f(last.W)
	key := text("KEY", h*0.45, theme.ColorNameForeground, true)
	key.Move(fyne.NewPos(x, top-h*0.7))
	objs := []fyne.CanvasObject{key}
	for i, l := range m.Legend {
		objs = append(objs, mapCell(mapmodel.Cell{Label: l.Label, Level: l.Level}, x, top+float32(i)*step, w, h, h*0.5)...)
	}
	return objs
}

// mapCell draws one doing word as the PDF does: fill, hatching for partly,
// a mark, and the label.
func mapCell(cell mapmodel.Cell, x, y, w, h, size float32) []fyne.CanvasObject {
	fill, ink := tileColours(cell.Level)
	bg := canvas.NewRectangle(themeColour(fill))
	bg.StrokeColor = themeColour(colourEdge)
	bg.StrokeWidth = 1
	if cell.Level == data.ShadeNone {
		bg.StrokeColor = themeColour(theme.ColorNameDisabled)
	}
	bg.CornerRadius = 4
	bg.Move(fyne.NewPos(x, y))
	bg.Resize(fyne.NewSize(w, h))
	objs := []fyne.CanvasObject{bg}
	if cell.Level == data.ShadePartly {
		hr := newHatch(themeColour(colourHatch), 7)
		hr.Move(fyne.NewPos(x, y))
		hr.Resize(fyne.NewSize(w, h))
		objs = append(objs, hr)
	}
	ms := h * 0.5
	mk := newMarkShape()
	mi, mp := markColours(cell.Level)
	mk.set(cell.Level, mi, mp)
	mk.raster.Move(fyne.NewPos(x+h*0.2, y+(h-ms)/2))
	mk.raster.Resize(fyne.NewSize(ms, ms))
	tx := x + h*0.2 + ms + h*0.15
	t := text(cell.Label, size, ink, cell.Level != data.ShadeNone)
	ts := fyne.MeasureText(t.Text, t.TextSize, t.TextStyle)
	t.Move(fyne.NewPos(tx, y+(h-ts.Height)/2))
	return append(objs, mk.raster, t)
}
