// Package mapimage draws the iceberg map alone, for a slide or a paper: as
// SVG (an accessible image with its title and description) or as a PNG at
// 300 dpi. Both come from one drawing, over export/mapmodel's model and
// layout, the same ones the PDF and the screen use; and every level shows
// by its fill, its pattern, its mark and, in the key, its words, never by
// colour alone. TextAlternative gives the map in words, to print or paste
// beside the picture.
package mapimage

import (
	"fmt"
	"math"
	"strings"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
)

// TextAlternative is the map in words: what the picture shows, then each
// element with each doing word and its level in words (shaded: found in
// this group's practice; partly: found in part; not shaded: not found in
// this group's practice). It is the SVG's description and the text a
// screen reader, a slide's alt text or the command line give. Like every
// writer here it takes the record as it is: give it the public version
// (export/format's AltText does).
func TextAlternative(fw *data.Framework, r *data.Record) string {
	return mapmodel.AltText(mapmodel.Build(fw, r))
}

// The picture is laid out in points (1/72 inch), so type sizes are the
// printed ones: 186 mm wide, as the map is on the PDF's page. The PNG is
// drawn at 300 dots per inch.
const (
	width   = 186 / 25.4 * 72 // 527 pt
	pad     = 14.0
	minType = 8.0 // nothing on the map is smaller
	DPI     = 300
)

// The colours are mapmodel's palette, the PDF's and the screen's: each
// also reads in grayscale, the three levels being dark, light with lines,
// and white.
type colour = mapmodel.Colour

func hex(c colour) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// painter is what the drawing needs from an output format. Coordinates
// are points from the picture's top-left corner; text is placed by its
// baseline.
type painter interface {
	size(w, h float64)  // the picture's size; it starts as white paper
	group(class string) // starts a group of shapes (SVG); ends the last one
	gradient(r mapmodel.Rect, top, bottom colour)
	roundRect(r mapmodel.Rect, radius float64, fill *colour, stroke *colour, sw float64)
	hatch(r mapmodel.Rect, radius, gap, sw float64, c colour) // diagonal lines inside the rounded rectangle
	polygon(pts []mapmodel.Point, fill *colour, stroke *colour, sw float64)
	polyline(pts []mapmodel.Point, c colour, sw float64) // round caps and joins
	line(a, b mapmodel.Point, c colour, sw float64)
	circle(cx, cy, r float64, fill *colour, stroke *colour, sw float64)
	halfDisc(cx, cy, r float64, c colour) // the left half, as mapmodel.HalfDisc outlines it
	text(x, y float64, s string, size float64, bold bool, c colour, middle bool)
}

func ptr(c colour) *colour { return &c }

// frame is where the picture's parts go, in points.
type frame struct {
	m      mapmodel.Model
	g      mapmodel.Geometry
	top    float64 // the iceberg's top edge
	keyY   float64
	src    []string // the source line, wrapped
	h      float64  // the picture's height
	stampW float64
	head   []headLine
}

type headLine struct {
	y     float64
	text  string
	size  float64
	bold  bool
	color colour
}

// arrange lays the picture out: the heading, the iceberg from the shared
// layout, the key and the source line, one under another.
func arrange(m mapmodel.Model) frame {
	f := frame{m: m}
	if m.Draft {
		f.stampW = 112
	}
	headW := width - 2*pad - f.stampW - 8
	y := pad + 9
	f.head = append(f.head, headLine{y, "PPEI ICEBERG MAP", 9, true, mapmodel.Muted})
	y += 6
	for _, l := range wrap(printable(orUntitled(m.Title)), 16, true, headW) {
		y += 19
		f.head = append(f.head, headLine{y, l, 16, true, mapmodel.Navy})
	}
	y += 2
	for _, line := range m.Lines {
		for _, l := range wrap(printable(line), 10, false, headW) {
			y += 13.5
			f.head = append(f.head, headLine{y, l, 10, false, mapmodel.Ink})
		}
	}
	y += 16
	f.head = append(f.head, headLine{y, m.CountLine, 11, true, mapmodel.Navy})
	f.top = math.Max(y+10, pad+80)
	f.g = mapmodel.Layout(m, width, width*1.02)
	f.keyY = f.top + f.g.Height + 14
	f.src = wrap(sourceText(m), minType, false, width-2*pad)
	f.h = f.keyY + keyH + 6 + float64(len(f.src))*11 + pad
	return f
}

const keyH = 44.0

// drawMap draws the whole picture: the heading, the iceberg, the key and
// the source line.
func drawMap(p painter, m mapmodel.Model) {
	f := arrange(m)
	p.size(width, f.h) // on white paper
	p.group("heading")
	for _, l := range f.head {
		p.text(pad, l.y, l.text, l.size, l.bold, l.color, false)
	}
	if m.Draft {
		draftStamp(p, m, width-pad-f.stampW, pad)
	}
	iceberg(p, m, f.g, f.top)
	key(p, f.keyY)
	p.group("source")
	for i, l := range f.src {
		p.text(pad, f.keyY+keyH+6+float64(i+1)*11-2, l, minType, false, mapmodel.Muted, false)
	}
	p.group("")
}

func orUntitled(s string) string {
	if strings.TrimSpace(s) == "" {
		return "Untitled session"
	}
	return s
}

func sourceText(m mapmodel.Model) string {
	c := strings.TrimSpace(m.Citation)
	if c == "" {
		return ""
	}
	if !strings.HasSuffix(c, ".") {
		c += "."
	}
	return "Source: " + c
}

func draftStamp(p painter, m mapmodel.Model, x, y float64) {
	p.group("draft")
	p.roundRect(mapmodel.Rect{X: x, Y: y, W: 112, H: 42}, 4, nil, ptr(mapmodel.Stamp), 2.2)
	p.text(x+56, y+22, "DRAFT", 17, true, mapmodel.Stamp, true)
	p.text(x+56, y+35, fmt.Sprintf("%d of %d elements agreed", m.Agreed, len(m.Columns)), minType, false, mapmodel.Stamp, true)
}

// off moves the layout's points down by dy.
func off(ps []mapmodel.Point, dy float64) []mapmodel.Point {
	out := make([]mapmodel.Point, len(ps))
	for i, q := range ps {
		out[i] = mapmodel.Point{X: q.X, Y: q.Y + dy}
	}
	return out
}

func down(r mapmodel.Rect, dy float64) mapmodel.Rect { r.Y += dy; return r }

// iceberg draws the sea, the ice, the waterline and the five columns of
// doing words, from the shared layout, dy below the top.
func iceberg(p painter, m mapmodel.Model, g mapmodel.Geometry, dy float64) {
	p.group("sea")
	p.gradient(down(g.Sea, dy), mapmodel.SeaTop, mapmodel.SeaDeep)
	p.group("ice")
	p.polygon(off(g.Mass, dy), ptr(mapmodel.Ice), ptr(mapmodel.IceEdge), 1.4)
	p.polygon(off(g.Tip, dy), ptr(mapmodel.Ice), ptr(mapmodel.IceEdge), 1.4)
	p.line(mapmodel.Point{X: 0, Y: dy + g.Waterline}, mapmodel.Point{X: g.Width, Y: dy + g.Waterline}, mapmodel.Navy, 2)
	p.text(6, dy+g.Waterline-5, mapmodel.TipLabel, minType, true, mapmodel.Muted, false)
	if len(g.Headers) > 0 {
		p.text(g.Headers[0].X, dy+g.Waterline+12, mapmodel.SeaLabel, minType, true, mapmodel.Muted, false)
	}
	tl := down(g.TipLabel, dy)
	p.text(tl.X+tl.W/2, tl.Y+tl.H*0.5, fmt.Sprintf("%d of %d", m.Shaded, m.Total), 17, true, mapmodel.Navy, true)
	sub := "practices shaded"
	if m.Partly > 0 {
		sub += fmt.Sprintf(", %d partly", m.Partly)
	}
	p.text(tl.X+tl.W/2, tl.Y+tl.H*0.5+12, sub, minType, false, mapmodel.Ink, true)

	for i, col := range m.Columns {
		p.group("column")
		columnHead(p, down(g.Headers[i], dy), col)
		for j, c := range col.Words {
			cell(p, down(g.Cells[i][j], dy), c.Label, c.Level)
		}
	}
}

func columnHead(p painter, r mapmodel.Rect, col mapmodel.Column) {
	bw := math.Max(measure(col.Code, 8, true)+10, 20)
	p.roundRect(mapmodel.Rect{X: r.X, Y: r.Y, W: bw, H: 14}, 3.4, ptr(mapmodel.Navy), nil, 0)
	p.text(r.X+bw/2, r.Y+10, col.Code, 8, true, mapmodel.White, true)
	status := "not yet agreed"
	if col.Agreed {
		status = "agreed"
	}
	if measure(status, minType, false) > r.W-bw-4 {
		status = strings.TrimPrefix(status, "not yet ")
	}
	p.text(r.X+bw+4, r.Y+10, status, minType, false, mapmodel.Muted, false)
	// The name in at most two lines, as large as fits.
	size := 9.5
	lines := wrap(col.Name, size, true, r.W)
	for len(lines) > 2 && size > minType {
		size -= 0.5
		lines = wrap(col.Name, size, true, r.W)
	}
	ty := r.Y + 16.5
	for _, l := range lines {
		ty += size * 1.15
		p.text(r.X, ty, l, size, true, mapmodel.Navy, false)
	}
	p.line(mapmodel.Point{X: r.X, Y: r.Y + r.H}, mapmodel.Point{X: r.X + r.W, Y: r.Y + r.H}, mapmodel.Navy, 1.4)
}

// cell draws a doing word: fill, pattern and mark all say its level, so it
// reads in grayscale print and to people who do not see colour.
func cell(p painter, r mapmodel.Rect, label string, lvl data.Shade) {
	const radius = 3.4
	text, bold := mapmodel.Ink, true
	switch lvl {
	case data.ShadeShaded:
		p.group("cell shaded")
		p.roundRect(r, radius, ptr(mapmodel.Navy), ptr(mapmodel.Navy), 1.1)
		text = mapmodel.White
	case data.ShadePartly:
		p.group("cell partly")
		p.roundRect(r, radius, ptr(mapmodel.Partly), nil, 0)
		p.hatch(r, radius, 5.7, 0.6, mapmodel.Hatch)
		p.roundRect(r, radius, nil, ptr(mapmodel.Hatch), 1.1)
	default:
		p.group("cell none")
		p.roundRect(r, radius, ptr(mapmodel.White), ptr(mapmodel.Rule), 0.85)
		text, bold = mapmodel.Muted, false
	}
	rad := math.Min(r.H*0.18, 5.4)
	cx, cy := r.X+4.5+rad, r.Y+r.H/2
	mark(p, lvl, cx, cy, rad)
	if label == "" {
		return
	}
	tx := cx + rad + 4
	tw := r.X + r.W - 3 - tx
	// Shrink a little to fit one line; past that, wrap after a hyphen (or
	// where the line is full) rather than print a word too small to read.
	size := math.Min(9.5, r.H*0.3)
	for measure(label, size, bold) > tw && size > minType {
		size -= 0.25
	}
	lines := []string{label}
	if measure(label, size, bold) > tw && r.H >= 19 {
		lines = wrapHyphen(label, size, bold, tw)
	}
	for widest(lines, size, bold) > tw && size > 6 {
		size -= 0.25
	}
	lh := size * 1.15
	if lvl == data.ShadePartly {
		// A band under the words keeps the lines from running through them.
		bh := lh*float64(len(lines)) + 2
		p.roundRect(mapmodel.Rect{X: tx - 2, Y: cy - bh/2, W: math.Min(widest(lines, size, bold)+4, r.X+r.W-tx), H: bh}, 1.5, ptr(mapmodel.Partly), nil, 0)
	}
	y := cy - lh*float64(len(lines))/2 + size*0.78
	for _, l := range lines {
		p.text(tx, y, l, size, bold, text, false)
		y += lh
	}
}

// mark draws a level's shape (mapmodel.MarkFor): an empty circle, a
// half-filled circle, or a white disc with a tick. Shapes, not glyphs.
func mark(p painter, lvl data.Shade, cx, cy, r float64) {
	switch mapmodel.MarkFor(lvl) {
	case mapmodel.MarkTick:
		p.circle(cx, cy, r, ptr(mapmodel.White), nil, 0)
		s := r * mapmodel.TickScale
		t := mapmodel.Tick(cx, cy, s)
		p.polyline(t[:], mapmodel.Navy, math.Max(s*mapmodel.TickStroke, 1))
	case mapmodel.MarkHalfCircle:
		p.circle(cx, cy, r, ptr(mapmodel.White), ptr(mapmodel.Navy), 1)
		p.halfDisc(cx, cy, r, mapmodel.Navy)
	default:
		p.circle(cx, cy, r, nil, ptr(mapmodel.Muted), 1)
	}
}

// key shows each level as a cell beside its meaning in words.
func key(p painter, y float64) {
	p.group("key")
	p.text(pad, y+8, "KEY", minType, true, mapmodel.Muted, false)
	levels := []data.Shade{data.ShadeShaded, data.ShadePartly, data.ShadeNone}
	colW := (width - 2*pad) / float64(len(levels))
	for i, l := range levels {
		x := pad + float64(i)*colW
		cell(p, mapmodel.Rect{X: x, Y: y + 14, W: 68, H: 24}, l.Label(), l)
		p.group("key")
		for j, line := range wrap(mapmodel.Meaning(l)+".", 8.5, false, colW-78) {
			p.text(x+74, y+24+float64(j)*11, line, 8.5, false, mapmodel.Ink, false)
		}
	}
}

func widest(lines []string, size float64, bold bool) float64 {
	w := 0.0
	for _, l := range lines {
		w = math.Max(w, measure(l, size, bold))
	}
	return w
}

// wrapHyphen splits a label that is too wide: after a hyphen if it has one,
// otherwise where the line is full.
func wrapHyphen(s string, size float64, bold bool, w float64) []string {
	if i := strings.Index(s, "-"); i > 0 && i < len(s)-1 {
		return []string{s[:i+1], s[i+1:]}
	}
	return wrap(s, size, bold, w)
}

// wrap breaks text into lines no wider than w at spaces; a word wider
// than a line stays whole on its own line.
func wrap(s string, size float64, bold bool, w float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if line != "" && measure(try, size, bold) > w {
			lines = append(lines, line)
			line = word
			continue
		}
		line = try
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
