package export

import (
	"math"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
)

// colour is a colour of the map's palette, which export/mapmodel holds so
// that the window's light look and every export read the same one.
type colour = mapmodel.Colour

// The palette, by the short names the drawing code uses.
var (
	ink, muted, navy, rule = mapmodel.Ink, mapmodel.Muted, mapmodel.Navy, mapmodel.Rule
	paleFill, stamp, white = mapmodel.PaleFill, mapmodel.Stamp, mapmodel.White
	seaTop, seaDeep        = mapmodel.SeaTop, mapmodel.SeaDeep
	ice, iceEdge           = mapmodel.Ice, mapmodel.IceEdge
	partly, hatch          = mapmodel.Partly, mapmodel.Hatch
)

// setFill, setDraw and setText give gofpdf a colour of the palette.
func setFill(p *gofpdf.Fpdf, c colour) { p.SetFillColor(int(c.R), int(c.G), int(c.B)) }
func setDraw(p *gofpdf.Fpdf, c colour) { p.SetDrawColor(int(c.R), int(c.G), int(c.B)) }
func setText(p *gofpdf.Fpdf, c colour) { p.SetTextColor(int(c.R), int(c.G), int(c.B)) }

// Drawing helpers.

func (d *doc) font(style string, size float64) { d.pdf.SetFont(font, style, size) }
func (d *doc) color(c colour)                  { setText(d.pdf, c) }
func (d *doc) fill(c colour)                   { setFill(d.pdf, c) }
func (d *doc) draw(c colour, width float64) {
	setDraw(d.pdf, c)
	d.pdf.SetLineWidth(width)
}

// need starts a new page unless h millimetres are left on this one.
func (d *doc) need(h float64) {
	if d.pdf.GetY()+h > d.pageH-marginBottom {
		d.pdf.AddPage()
	}
}

// para writes wrapped text at the left margin, flowing across pages.
func (d *doc) para(s string, style string, size float64, c colour) {
	d.font(style, size)
	d.color(c)
	d.pdf.SetX(marginX)
	d.pdf.MultiCell(d.textW, size*0.5, s, "", "L", false)
}

// heading writes a section heading, keeping it with at least keep mm of what follows.
func (d *doc) heading(s string, size float64, keep float64) {
	d.need(size*0.6 + keep)
	d.font("B", size)
	d.color(navy)
	d.pdf.SetX(marginX)
	d.pdf.MultiCell(d.textW, size*0.5, s, "", "L", false)
	d.pdf.Ln(1)
}

// kicker writes the small capitals that name a page, at the current
// position, and moves to the next line.
func (d *doc) kicker(s string, c colour) {
	d.font("B", 9)
	d.color(c)
	d.pdf.CellFormat(d.textW, 4.5, s, "", 1, "L", false, 0, "")
}

// keyTitle writes the small capitals over a key at y and returns the y
// where the key's samples go.
func (d *doc) keyTitle(y float64, s string) float64 {
	d.font("B", minMapSize)
	d.color(muted)
	d.pdf.SetXY(marginX, y)
	d.pdf.CellFormat(d.textW, 3.5, s, "", 0, "L", false, 0, "")
	return y + 4.5
}

// badgeStyle is the size of an element's code badge.
type badgeStyle struct{ size, pad, minW, h, radius float64 }

var (
	smallBadge = badgeStyle{size: 8, pad: 3.5, minW: 7, h: 5, radius: 1.2}  // over a map's column
	bigBadge   = badgeStyle{size: 10, pad: 4.5, minW: 9, h: 7, radius: 1.5} // beside an element's heading
)

// badge draws an element's code in white on a rounded block of bg at x, y
// and returns its width.
func (d *doc) badge(x, y float64, code string, bg colour, st badgeStyle) float64 {
	p := d.pdf
	d.font("B", st.size)
	w := math.Max(p.GetStringWidth(code)+st.pad, st.minW)
	d.fill(bg)
	p.RoundedRect(x, y, w, st.h, st.radius, "1234", "F")
	d.color(white)
	p.SetXY(x, y)
	p.CellFormat(w, st.h, code, "", 0, "C", false, 0, "")
	return w
}

// elementHeading writes an element's code badge and its name at the
// current y, then moves below them.
func (d *doc) elementHeading(code, name string, bg, fg colour, size float64) {
	p := d.pdf
	y := p.GetY()
	badgeW := d.badge(marginX, y, code, bg, bigBadge)
	d.font("B", size)
	d.color(fg)
	p.SetXY(marginX+badgeW+3, y)
	p.CellFormat(d.textW-badgeW-3, 7, name, "", 1, "L", false, 0, "")
	p.Ln(1)
}

// fit shortens s with an ellipsis until it is at most w wide in the current font.
func fit(p *gofpdf.Fpdf, s string, w float64) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if p.GetStringWidth(s) <= w {
		return s
	}
	rs := []rune(s)
	lo, hi := 0, len(rs)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if p.GetStringWidth(string(rs[:mid])+"…") <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimSpace(string(rs[:lo])) + "…"
}

// centredLines writes lines of size-point text at tx, tw wide, centred
// as a block on the middle of the h-high box at y.
func (d *doc) centredLines(tx, tw, y, h, size float64, lines []string, c colour) {
	p := d.pdf
	lh := size * 0.42
	ty := y + h/2 - lh*float64(len(lines))/2
	d.color(c)
	for _, l := range lines {
		p.SetXY(tx, ty)
		p.CellFormat(tw, lh, l, "", 0, "LM", false, 0, "")
		ty += lh
	}
}

func widest(p *gofpdf.Fpdf, lines []string) float64 {
	w := 0.0
	for _, l := range lines {
		w = math.Max(w, p.GetStringWidth(l))
	}
	return w
}

// wrapWord splits a label that is too wide: after a hyphen if it has one,
// otherwise where the line is full.
func wrapWord(p *gofpdf.Fpdf, s string, w float64) []string {
	if i := strings.Index(s, "-"); i > 0 && i < len(s)-1 {
		return []string{s[:i+1], s[i+1:]}
	}
	return p.SplitText(s, w)
}

// points are mapmodel points as gofpdf takes them.
func points(ps []mapmodel.Point) []gofpdf.PointType {
	out := make([]gofpdf.PointType, len(ps))
	for i, q := range ps {
		out[i] = gofpdf.PointType{X: q.X, Y: q.Y}
	}
	return out
}

// pts are mapmodel points placed at x0, y0, as gofpdf takes them.
func pts(x0, y0 float64, ps []mapmodel.Point) []gofpdf.PointType {
	out := make([]gofpdf.PointType, len(ps))
	for i, q := range ps {
		out[i] = gofpdf.PointType{X: x0 + q.X, Y: y0 + q.Y}
	}
	return out
}

// mark draws a level's mark (mapmodel.MarkFor): an empty circle, a
// half-filled circle, or a white disc with a tick. Shapes, not glyphs: the
// font has no tick.
func mark(p *gofpdf.Fpdf, lvl data.Shade, cx, cy, r float64, onDark bool) {
	p.SetLineWidth(0.35)
	switch mapmodel.MarkFor(lvl) {
	case mapmodel.MarkTick:
		if onDark {
			setFill(p, white)
			p.Circle(cx, cy, r, "F")
			tick(p, cx, cy, r*mapmodel.TickScale, navy)
		} else {
			setFill(p, navy)
			p.Circle(cx, cy, r, "F")
			tick(p, cx, cy, r*mapmodel.TickScale, white)
		}
	case mapmodel.MarkHalfCircle:
		setDraw(p, navy)
		setFill(p, white)
		p.Circle(cx, cy, r, "FD")
		halfDisc(p, cx, cy, r, navy)
	default:
		setDraw(p, muted)
		p.Circle(cx, cy, r, "D")
	}
}

// halfDisc fills the left half of the partly mark's circle: a polygon
// keeps the bytes simple and exact.
func halfDisc(p *gofpdf.Fpdf, cx, cy, r float64, c colour) {
	setFill(p, c)
	p.Polygon(points(mapmodel.HalfDisc(cx, cy, r)), "F")
}

// tick draws the check mark of half-size s centred on cx, cy.
func tick(p *gofpdf.Fpdf, cx, cy, s float64, c colour) {
	setDraw(p, c)
	p.SetLineWidth(math.Max(s*mapmodel.TickStroke, 0.35))
	p.SetLineCapStyle("round")
	p.SetLineJoinStyle("round")
	// An open stroke, down to the corner and up to the right: a closed
	// path would print as a triangle.
	t := mapmodel.Tick(cx, cy, s)
	p.MoveTo(t[0].X, t[0].Y)
	p.LineTo(t[1].X, t[1].Y)
	p.LineTo(t[2].X, t[2].Y)
	p.DrawPath("D")
	p.SetLineCapStyle("butt")
}

// hatchBox draws the partly pattern's lines over the box at x, y, clipped
// to it and to its rounded corners of radius: spacing apart, in colour c
// and width wide.
func hatchBox(p *gofpdf.Fpdf, x, y, w, h, radius, spacing float64, c colour, width float64) {
	if radius > 0 {
		p.ClipRoundedRect(x, y, w, h, radius, false)
	} else {
		p.ClipRect(x, y, w, h, false)
	}
	setDraw(p, c)
	p.SetLineWidth(width)
	for _, l := range mapmodel.HatchLines(x, y, w, h, spacing) {
		p.Line(l[0].X, l[0].Y, l[1].X, l[1].Y)
	}
	p.ClipEnd()
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// table writes rows whose cells wrap, line by line, so a long row flows
// onto the next page with the header repeated and nothing clipped.
func (d *doc) table(head []string, widths []float64, rows [][]string) {
	p := d.pdf
	gap := 3.0
	size, lh := 9.5, 4.6
	if d.bodyType {
		size, lh = bodySize, bodyLH
	}
	header := func() {
		y := p.GetY()
		d.font("B", size)
		d.color(navy)
		x := marginX
		for i, h := range head {
			p.SetXY(x, y)
			p.CellFormat(widths[i]-gap, lh, h, "", 0, "L", false, 0, "")
			x += widths[i]
		}
		d.draw(navy, 0.4)
		p.Line(marginX, y+lh+0.5, marginX+d.textW, y+lh+0.5)
		p.SetY(y + lh + 2)
	}
	d.need(20)
	header()
	d.font("", size)
	rowLines := func(row []string) int {
		d.font("", size)
		n := 1
		for i, c := range row {
			k := 0
			for _, para := range strings.Split(c, "\n") {
				k += max(1, len(p.SplitText(para, widths[i]-gap)))
			}
			n = max(n, k)
		}
		return n
	}
	bottom := d.pageH - marginBottom
	for ri, row := range rows {
		// Keep the last row with the one before it, so no row sits on a
		// page by itself.
		if ri == len(rows)-2 && len(rows) > 2 {
			h := float64(rowLines(row)+rowLines(rows[ri+1]))*lh + 6
			if p.GetY()+h > bottom && h < bottom-marginTop-20 {
				p.AddPage()
				header()
			}
		}
		cols := make([][]string, len(row))
		n := 1
		for i, c := range row {
			for _, para := range strings.Split(c, "\n") {
				ls := p.SplitText(para, widths[i]-gap)
				if len(ls) == 0 {
					ls = []string{""}
				}
				cols[i] = append(cols[i], ls...)
			}
			n = max(n, len(cols[i]))
		}
		if p.GetY()+math.Min(float64(n), 3)*lh > d.pageH-marginBottom {
			p.AddPage()
			header()
		}
		for k := 0; k < n; k++ {
			if p.GetY()+lh > d.pageH-marginBottom {
				p.AddPage()
				header()
			}
			y := p.GetY()
			x := marginX
			d.font("", size)
			d.color(ink)
			for i := range row {
				if k < len(cols[i]) {
					p.SetXY(x, y)
					p.CellFormat(widths[i]-gap, lh, cols[i][k], "", 0, "L", false, 0, "")
				}
				x += widths[i]
			}
			p.SetY(y + lh)
		}
		y := p.GetY() + 1.2
		d.draw(rule, 0.2)
		p.Line(marginX, y, marginX+d.textW, y)
		p.SetY(y + 1.8)
	}
}
