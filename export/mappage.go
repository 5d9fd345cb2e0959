package export

import (
	"fmt"
	"math"
	"strings"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
)

// The map page: header, the iceberg drawing, legend and source.
func (d *doc) mapPage(heading string) {
	p := d.pdf
	p.AddPage()
	p.Bookmark(heading, 0, -1)
	m := d.m
	stampW := 0.0
	if m.Draft {
		stampW = 40
		d.draftStamp(d.pageW-marginX-stampW, marginTop, stampW)
	}
	headW := d.textW - stampW - 4
	d.font("B", 9)
	d.color(muted)
	p.SetXY(marginX, marginTop)
	p.CellFormat(headW, 4.5, strings.ToUpper(heading)+": PPEI ICEBERG MAP", "", 1, "L", false, 0, "")
	p.Ln(0.5)
	d.font("B", 16)
	d.color(navy)
	p.MultiCell(headW, 7, d.text(d.title()), "", "L", false)
	p.Ln(0.5)
	d.font("", 10)
	d.color(ink)
	for _, l := range m.Lines {
		p.SetX(marginX)
		p.MultiCell(headW, 4.8, d.text(l), "", "L", false)
	}
	p.Ln(1)
	d.font("B", 11)
	d.color(navy)
	p.SetX(marginX)
	p.MultiCell(headW, 5.5, m.CountLine, "", "L", false)
	top := math.Max(p.GetY()+3, marginTop+27)

	// The drawing runs a little wider than the text, as a figure may.
	legendH, sourceH := 24.0, d.sourceHeight()
	bottom := d.pageH - marginBottom - legendH - sourceH - 2
	x0 := marginX - 6
	width := d.textW + 12
	height := math.Max(bottom-top, 60)
	g := mapmodel.Layout(m, width, height)
	// The map page is laid out to fit: no text here may start a new page.
	p.SetAutoPageBreak(false, marginBottom)
	d.iceberg(x0, top, g)
	d.legend(top + g.Height + 4)
	d.source(d.pageH - marginBottom - sourceH)
	p.SetAutoPageBreak(true, marginBottom)
}

func (d *doc) draftStamp(x, y, w float64) {
	p := d.pdf
	d.draw(stamp, 0.8)
	p.RoundedRect(x, y, w, 15, 1.5, "1234", "D")
	d.font("B", 17)
	d.color(stamp)
	p.SetXY(x, y+1)
	p.CellFormat(w, 8, "DRAFT", "", 0, "C", false, 0, "")
	d.font("", minMapSize)
	p.SetXY(x, y+8.5)
	p.CellFormat(w, 4.5, fmt.Sprintf("%d of %d elements agreed", d.m.Agreed, len(d.m.Columns)), "", 0, "C", false, 0, "")
}

// picture is how a kind of page colours the iceberg every map shares.
type picture struct {
	gradient      bool // the sea from seaTop to seaDeep; else flat sea
	sea, ice      colour
	edge, line    colour
	label         colour // the waterline's words
	big           float64
	bigColour     colour
	small, smallY float64 // the line under the tip's count: size, gap
	smallH        float64
	smallColour   *colour // nil keeps the big line's colour
}

var mapPicture = picture{gradient: true, ice: ice, edge: iceEdge, line: navy, label: muted,
	big: 17, bigColour: navy, small: 8, smallH: 4, smallColour: &ink}

// background draws the sea, the ice, the waterline and its words, and the
// two lines in the visible tip, placed at x0, y0.
func (d *doc) background(x0, y0 float64, g mapmodel.Geometry, st picture, big, small string) {
	p := d.pdf
	sea := g.Sea
	if st.gradient {
		p.LinearGradient(x0+sea.X, y0+sea.Y, sea.W, sea.H, int(seaTop.R), int(seaTop.G), int(seaTop.B), int(seaDeep.R), int(seaDeep.G), int(seaDeep.B), 0, 1, 0, 0)
	} else {
		d.fill(st.sea)
		p.Rect(x0+sea.X, y0+sea.Y, sea.W, sea.H, "F")
	}
	// Ice: the mass under the water, then the tip above it.
	d.fill(st.ice)
	d.draw(st.edge, 0.5)
	p.SetLineJoinStyle("round")
	p.Polygon(pts(x0, y0, g.Mass), "FD")
	p.Polygon(pts(x0, y0, g.Tip), "FD")
	// The waterline, over the ice, so the surface reads as one line.
	d.draw(st.line, 0.7)
	p.Line(x0, y0+g.Waterline, x0+g.Width, y0+g.Waterline)

	d.font("B", minMapSize)
	d.color(st.label)
	p.SetXY(x0+2, y0+g.Waterline-5)
	p.CellFormat(60, 4, mapmodel.TipLabel, "", 0, "L", false, 0, "")
	if len(g.Headers) > 0 {
		p.SetXY(x0+g.Headers[0].X, y0+g.Waterline+2)
		p.CellFormat(g.Width, 3.5, mapmodel.SeaLabel, "", 0, "L", false, 0, "")
	}

	tl := g.TipLabel
	d.font("B", st.big)
	d.color(st.bigColour)
	p.SetXY(x0+tl.X, y0+tl.Y)
	p.CellFormat(tl.W, tl.H*0.5, big, "", 0, "CB", false, 0, "")
	d.font("", st.small)
	if st.smallColour != nil {
		d.color(*st.smallColour)
	}
	p.SetXY(x0+tl.X, y0+tl.Y+tl.H*0.5+st.smallY)
	p.CellFormat(tl.W, st.smallH, small, "", 0, "CT", false, 0, "")
}

// iceberg draws the picture from its geometry, placed at x0, y0.
func (d *doc) iceberg(x0, y0 float64, g mapmodel.Geometry) {
	p := d.pdf
	m := d.m
	sub := "practices shaded"
	if m.Partly > 0 {
		sub += fmt.Sprintf(", %d partly", m.Partly)
	}
	d.background(x0, y0, g, mapPicture, fmt.Sprintf("%d of %d", m.Shaded, m.Total), sub)
	d.wordSize = d.mapWordSize(g)

	for i, col := range m.Columns {
		d.columnHead(x0, y0, g.Headers[i], col)
		for j, cell := range col.Words {
			r := g.Cells[i][j]
			d.cell(x0+r.X, y0+r.Y, r.W, r.H, cell.Label, cell.Level)
		}
	}
	p.SetLineJoinStyle("miter")
}

func (d *doc) columnHead(x0, y0 float64, r mapmodel.Rect, col mapmodel.Column) {
	p := d.pdf
	x, y := x0+r.X, y0+r.Y
	badgeW := d.badge(x, y, col.Code, navy, smallBadge)
	d.font("", minMapSize)
	d.color(muted)
	status := "not yet agreed"
	if col.Agreed {
		status = "agreed"
	}
	p.SetXY(x+badgeW+1.5, y)
	p.CellFormat(r.W-badgeW-1.5, 5, status, "", 0, "L", false, 0, "")
	d.columnName(x, y, r, col.Name, navy)
}

// columnName writes an element's name under its badge, shrinking the type
// to keep it within two lines, and rules the head off from the words.
func (d *doc) columnName(x, y float64, r mapmodel.Rect, name string, ink colour) {
	p := d.pdf
	size := 9.5
	d.font("B", size)
	lines := p.SplitText(name, r.W)
	for len(lines) > 2 && size > minMapSize {
		size -= 0.5
		d.font("B", size)
		lines = p.SplitText(name, r.W)
	}
	d.color(ink)
	lh := size * 0.42
	ty := y + 5.8
	for _, l := range lines {
		p.SetXY(x, ty)
		p.CellFormat(r.W, lh, l, "", 0, "L", false, 0, "")
		ty += lh
	}
	d.draw(ink, 0.5)
	p.Line(x, y+r.H, x+r.W, y+r.H)
}

// cellRadius is the corner radius of a word's cell.
const cellRadius = 1.2

// cell draws a doing word: fill, pattern and mark all say its level, so it
// reads in grayscale print and to people who do not see colour.
func (d *doc) cell(x, y, w, h float64, label string, lvl data.Shade) {
	tx, tw := d.cellBox(x, y, w, h, lvl)
	// Every word of a map is set in the one size (doc.wordSize): a long
	// word wraps after its hyphen rather than printing smaller than the
	// rest.
	size := d.wordSize
	if size == 0 {
		size = math.Min(9.5, h*0.85)
	}
	d.cellLabel(tx, tw, y, h, label, lvl, size)
}

// cellBox draws a word's cell without its label, and returns where the
// label goes: from tx, tw wide.
func (d *doc) cellBox(x, y, w, h float64, lvl data.Shade) (tx, tw float64) {
	p := d.pdf
	switch lvl {
	case data.ShadeShaded:
		d.fill(navy)
		d.draw(navy, 0.4)
		p.RoundedRect(x, y, w, h, cellRadius, "1234", "FD")
	case data.ShadePartly:
		d.fill(partly)
		p.RoundedRect(x, y, w, h, cellRadius, "1234", "F")
		hatchBox(p, x, y, w, h, cellRadius, 2, hatch, 0.18)
		d.draw(hatch, 0.4)
		p.RoundedRect(x, y, w, h, cellRadius, "1234", "D")
	default:
		d.fill(white)
		d.draw(rule, 0.3)
		p.RoundedRect(x, y, w, h, cellRadius, "1234", "FD")
	}
	r := markRadius(h)
	cx := x + 1.6 + r
	mark(p, lvl, cx, y+h/2, r, lvl == data.ShadeShaded)
	tx = cx + r + 1.4
	return tx, x + w - 1 - tx
}

// markRadius is the radius of the mark in a cell h high.
func markRadius(h float64) float64 { return math.Min(h*0.18, 1.9) }

// cellLabel writes a word's label in its level's style at size points,
// from tx, tw wide, centred on the cell at y, h high: on one line, or
// wrapped after its hyphen when it is too wide. On a partly cell a plain
// band under the words keeps the hatching from running through them.
func (d *doc) cellLabel(tx, tw, y, h float64, label string, lvl data.Shade, size float64) {
	if label == "" {
		return
	}
	p := d.pdf
	textC, style := ink, "B"
	switch lvl {
	case data.ShadeShaded:
		textC = white
	case data.ShadeNone:
		textC, style = muted, ""
	}
	d.font(style, size)
	lines := []string{label}
	if p.GetStringWidth(label) > tw {
		lines = wrapWord(p, label, tw)
	}
	if lvl == data.ShadePartly {
		lh := size * 0.42
		bh := math.Min(lh*float64(len(lines))+1.8, h-0.8)
		bw := math.Min(widest(p, lines)+1.6, tw+1.6)
		d.fill(partly)
		p.RoundedRect(tx-0.8, y+(h-bh)/2, bw, bh, 0.8, "1234", "F")
	}
	d.centredLines(tx, tw, y, h, size, lines, textC)
}

func (d *doc) legend(y float64) {
	p := d.pdf
	y = d.keyTitle(y, "KEY")
	colW := d.textW / float64(len(d.m.Legend))
	for i, e := range d.m.Legend {
		x := marginX + float64(i)*colW
		d.cell(x, y, 27, 8, e.Label, e.Level)
		d.font("", minMapSize)
		d.color(ink)
		p.SetXY(x+29, y-0.5)
		p.MultiCell(colW-31, 3.5, capitalise(e.Description)+".", "", "L", false)
	}
}

func (d *doc) sourceText() string {
	c := strings.TrimSpace(clean(d.fw.Source.Citation))
	if !strings.HasSuffix(c, ".") {
		c += "."
	}
	return "Source: " + c + " Framework " + clean(d.fw.ID) + ", version " + clean(d.fw.Version) + "."
}

func (d *doc) sourceHeight() float64 {
	d.font("", minMapSize)
	return float64(len(d.pdf.SplitText(d.sourceText(), d.textW)))*3.6 + 1
}

func (d *doc) source(y float64) {
	p := d.pdf
	d.font("", minMapSize)
	d.color(muted)
	p.SetXY(marginX, y)
	p.MultiCell(d.textW, 3.6, d.sourceText(), "", "L", false)
}

// minMapSize is the smallest type on the map page, in points.
const minMapSize = 8.0

// mapWordSize is the one size every doing word of the map is set in: the
// largest, up to 9.5 pt, at which each word fits its cell on one line or,
// wrapped after its hyphen, on two; never below minMapSize.
func (d *doc) mapWordSize(g mapmodel.Geometry) float64 { return d.wordSizeFor(g, 0) }

// wordSizeFor is mapWordSize for cells narrowed by less (the comparison's
// arrows take room beside each cell).
func (d *doc) wordSizeFor(g mapmodel.Geometry, less float64) float64 {
	p := d.pdf
	size := 9.5
	for _, col := range g.Cells {
		for _, r := range col {
			size = math.Min(size, r.H*0.85)
		}
	}
	fits := func(size float64) bool {
		d.font("B", size)
		for i, col := range d.m.Columns {
			for j, c := range col.Words {
				r := g.Cells[i][j]
				tw := r.W - less - 1 - (1.6 + 2*markRadius(r.H) + 1.4)
				if p.GetStringWidth(c.Label) <= tw {
					continue
				}
				if !strings.Contains(strings.Trim(c.Label, "-"), "-") {
					return false // only a hyphen may break a word
				}
				lines := wrapWord(p, c.Label, tw)
				if widest(p, lines) > tw || float64(len(lines))*size*0.42 > r.H-0.6 {
					return false
				}
			}
		}
		return true
	}
	for size > minMapSize && !fits(size) {
		size -= 0.25
	}
	return math.Max(size, minMapSize)
}
