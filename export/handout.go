package export

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
)

// HandoutOptions change the participant hand-out. The zero value is a
// blank A4 sheet for any session.
type HandoutOptions struct {
	Paper        string // "a4" (default) or "letter"
	Title        string // the session's title, printed at the top when given
	Community    string // the community of practice
	Organisation string
	Date         string // the meeting date, YYYY-MM-DD or as typed
}

// Grays for the hand-out: it is photocopied, so nothing relies on colour.
var (
	grayInk  = mapmodel.Gray(20)
	graySoft = mapmodel.Gray(90)
	graySea  = mapmodel.Gray(232)
	grayEdge = mapmodel.Gray(110)
	grayRule = mapmodel.Gray(165)
	grayBand = mapmodel.Gray(60)
)

// WriteHandout writes the participant sheet: a blank iceberg map to shade
// by hand, one tick per doing word, then the five elements with their
// definitions and questions, so each person forms a view of their own
// before the group agrees. Grayscale, with room to write.
func WriteHandout(w io.Writer, fw *data.Framework, opt HandoutOptions) error {
	if fw == nil {
		return errors.New("write hand-out: no framework")
	}
	size, err := paperSize(opt.Paper)
	if err != nil {
		return err
	}
	title := strings.TrimSpace(opt.Title)
	d := newPage(fw, &data.Record{}, size, fixedDate)
	d.describe(clean(orDefault(title, "PPEI iceberg: your own view")), "PPEI iceberg hand-out")
	foot := "PPEI iceberg hand-out: your own view, before the group agrees"
	if title != "" {
		foot += " · " + clean(title)
	}
	d.pdf.SetFooterFunc(d.plainFooter(foot, graySoft))
	h := handout{doc: d, opt: opt}
	h.mapPage()
	h.elements()
	return d.output(w, "write hand-out")
}

type handout struct {
	*doc
	opt HandoutOptions
}

func (h handout) mapPage() {
	p := h.pdf
	p.AddPage()
	h.kicker("PPEI ICEBERG · YOUR OWN VIEW", graySoft)
	p.Ln(0.5)
	h.font("B", 17)
	h.color(grayInk)
	title := clean(strings.TrimSpace(h.opt.Title))
	p.MultiCell(h.textW, 7.5, orDefault(title, "Which doing words describe our practice?"), "", "L", false)
	var lines []string
	if c := clean(strings.TrimSpace(h.opt.Community)); c != "" {
		lines = append(lines, "Community of practice: "+c)
	}
	if o := clean(strings.TrimSpace(h.opt.Organisation)); o != "" {
		lines = append(lines, "Organisation: "+o)
	}
	if dt := clean(mapmodel.DateWords(h.opt.Date)); dt != "" {
		lines = append(lines, "Date: "+dt)
	}
	h.font("", 10)
	for _, l := range lines {
		p.SetX(marginX)
		p.MultiCell(h.textW, 4.8, l, "", "L", false)
	}
	if len(lines) == 0 {
		// A blank sheet: room to write which group it is for.
		p.Ln(1.5)
		y := p.GetY() + 5
		h.font("", 10)
		p.SetXY(marginX, y-4.5)
		p.CellFormat(45, 5, "Community of practice:", "", 0, "L", false, 0, "")
		h.draw(grayRule, 0.25)
		p.Line(marginX+42, y, marginX+h.textW*0.62, y)
		p.SetXY(marginX+h.textW*0.62+4, y-4.5)
		p.CellFormat(12, 5, "Date:", "", 0, "L", false, 0, "")
		p.Line(marginX+h.textW*0.62+15, y, marginX+h.textW, y)
		p.SetY(y + 1)
	}
	p.Ln(2.5)
	h.para("Before the group talks, shade each doing word on your own. Tick one box for each word: "+
		"the empty circle if you do not find this practice in your group's work, the half circle if you find it in part, "+
		"the full circle if you find it there. There are no right or wrong answers, and no names are needed. "+
		"The facilitator may ask how many people ticked each word.", "", 10.5, grayInk)
	p.Ln(2)
	h.key(p.GetY())
	p.SetY(p.GetY() + 9)

	top := p.GetY() + 1
	sourceH := h.sourceHeight()
	bottom := h.pageH - marginBottom - sourceH - 3
	x0 := marginX - 6
	width := h.textW + 12
	g := mapmodel.Layout(h.m, width, math.Max(bottom-top, 60))
	p.SetAutoPageBreak(false, marginBottom)
	h.iceberg(x0, top, g)
	h.source(h.pageH - marginBottom - sourceH)
	p.SetAutoPageBreak(true, marginBottom)
}

// key shows the three ticks: the same marks as the printed map.
func (h handout) key(y float64) {
	p := h.pdf
	x := marginX
	h.font("B", 9)
	h.color(grayInk)
	p.SetXY(x, y)
	p.CellFormat(12, 6, "Key:", "", 0, "L", false, 0, "")
	x += 12
	for _, e := range []struct {
		lvl  data.Shade
		text string
	}{
		{data.ShadeNone, "not found in our practice"},
		{data.ShadePartly, "found in part"},
		{data.ShadeShaded, "found in our practice"},
	} {
		h.choice(x, y+0.7, e.lvl)
		h.font("", 9.5)
		h.color(grayInk)
		p.SetXY(x+9.5, y)
		p.CellFormat(40, 6, e.text, "", 0, "L", false, 0, "")
		x += 9.5 + p.GetStringWidth(e.text) + 8
	}
}

// choice draws one option of a word: its mark, then an empty box to tick.
// It is choiceW wide and choiceH high.
func (h handout) choice(x, y float64, lvl data.Shade) {
	p := h.pdf
	r := 1.4
	grayMark(p, lvl, x+r, y+choiceH/2, r)
	h.fill(white)
	h.draw(grayInk, 0.35)
	p.Rect(x+2*r+0.45, y, choiceH, choiceH, "FD")
}

// A choice's size: the mark hugs its box, so each pair reads as one.
const (
	choiceH = 4.4
	choiceW = 2.8 + 0.45 + choiceH
)

// grayMark is the map's mark for a level, drawn in black on white.
func grayMark(p *gofpdf.Fpdf, lvl data.Shade, cx, cy, r float64) {
	p.SetLineWidth(0.3)
	setDraw(p, grayInk)
	setFill(p, white)
	switch mapmodel.MarkFor(lvl) {
	case mapmodel.MarkTick:
		setFill(p, grayInk)
		p.Circle(cx, cy, r, "FD")
		tick(p, cx, cy, r*mapmodel.TickScale, white)
	case mapmodel.MarkHalfCircle:
		p.Circle(cx, cy, r, "FD")
		halfDisc(p, cx, cy, r, grayInk)
	default:
		p.Circle(cx, cy, r, "D")
	}
}

// handoutPicture is the map's iceberg in grays, on a flat sea.
var handoutPicture = picture{sea: graySea, ice: white, edge: grayEdge, line: grayInk, label: graySoft,
	big: 15, bigColour: grayInk, small: 9.5, smallY: 0.5, smallH: 5}

// iceberg draws the blank map: sea, ice and waterline in grays, and per
// word a box with three choices to tick.
func (h handout) iceberg(x0, y0 float64, g mapmodel.Geometry) {
	p := h.pdf
	h.background(x0, y0, g, handoutPicture, "Your view", fmt.Sprintf("one tick for each of the %d words", h.m.Total))
	// One size for every word, "Time-consuming" too: the largest, up to
	// 9.5 pt, at which each fits its box.
	h.wordSize = 9.5
	h.font("B", h.wordSize)
	for i, col := range h.m.Columns {
		for j, cell := range col.Words {
			for p.GetStringWidth(cell.Label) > g.Cells[i][j].W-3 && h.wordSize > 6 {
				h.wordSize -= 0.25
				h.font("B", h.wordSize)
			}
		}
	}

	for i, col := range h.m.Columns {
		hd := g.Headers[i]
		x, y := x0+hd.X, y0+hd.Y
		h.badge(x, y, col.Code, grayBand, smallBadge)
		h.columnName(x, y, hd, col.Name, grayInk)
		for j, cell := range col.Words {
			r := g.Cells[i][j]
			h.wordBox(x0+r.X, y0+r.Y, r.W, r.H, cell.Label)
		}
	}
	p.SetLineJoinStyle("miter")
}

// wordBox is one doing word to tick: its label, then the three choices.
func (h handout) wordBox(x, y, w, ht float64, label string) {
	p := h.pdf
	h.fill(white)
	h.draw(grayEdge, 0.35)
	p.RoundedRect(x, y, w, ht, 1.2, "1234", "FD")
	size := h.wordSize
	if size == 0 {
		size = 9.5
	}
	h.font("B", size)
	h.color(grayInk)
	// Label in the upper part, choices in the lower, spread across.
	boxY := y + ht - choiceH - math.Max(1.2, ht*0.1)
	p.SetXY(x+1.5, y+math.Max(0.6, (boxY-y-size*0.42)/2))
	p.CellFormat(w-3, size*0.42, label, "", 0, "L", false, 0, "")
	gap := (w - 3 - 3*choiceW) / 2
	for k, lvl := range []data.Shade{data.ShadeNone, data.ShadePartly, data.ShadeShaded} {
		h.choice(x+1.5+float64(k)*(choiceW+gap), boxY, lvl)
	}
}

// elements writes one block per element: definition, plain words, the
// doing words, questions based on the research's findings and lines for notes.
func (h handout) elements() {
	p := h.pdf
	p.AddPage()
	h.kicker("THE FIVE ELEMENTS: WHAT TO THINK ABOUT", graySoft)
	p.Ln(1)
	h.para("The PPEI framework looks at involvement as a practice with five elements. For each one: what it means, "+
		"the doing words to tick on the map, and questions based on the research's findings to help you decide. Jot down an example if one comes to mind.",
		"", 10, grayInk)
	p.Ln(4)
	for _, e := range h.fw.Elements {
		h.element(e)
		p.Ln(5)
	}
}

func (h handout) element(e data.Element) {
	p := h.pdf
	// An element's block stays on one page: notes belong beside their questions.
	h.need(h.elementHeight(e))
	h.elementHeading(e.Code, clean(e.Name), grayBand, grayInk, 14)
	h.para("In the research: "+clean(e.Definition)+".", "B", 10, grayInk)
	if pl := clean(strings.TrimSpace(e.Plain)); pl != "" {
		p.Ln(0.5)
		h.para("In this app's words: "+pl, "", 10, grayInk)
	}
	var words []string
	for _, w := range e.Words {
		words = append(words, w.Label)
	}
	p.Ln(0.5)
	h.para("Doing words: "+strings.Join(words, ", ")+".", "", 10, graySoft)
	p.Ln(1.5)
	for _, q := range e.Prompts {
		h.font("", 10.5)
		lines := p.SplitText(clean(q.Text), h.textW-7)
		h.need(float64(len(lines))*5.2 + 1)
		y := p.GetY()
		h.fill(grayEdge)
		p.Circle(marginX+2.2, y+2.6, 0.9, "F")
		h.color(grayInk)
		for _, l := range lines {
			p.SetXY(marginX+7, y)
			p.CellFormat(h.textW-7, 5.2, l, "", 2, "L", false, 0, "")
			y += 5.2
		}
		p.SetY(y + 0.8)
	}
	// Lines to write on, 8 mm apart: wide enough for handwriting.
	h.need(notesH)
	p.Ln(1)
	h.font("B", 8)
	h.color(graySoft)
	p.SetX(marginX)
	p.CellFormat(h.textW, 4, "YOUR NOTES OR AN EXAMPLE", "", 1, "L", false, 0, "")
	h.draw(grayRule, 0.25)
	y := p.GetY()
	for i := 1; i <= 2; i++ {
		p.Line(marginX, y+8*float64(i), marginX+h.textW, y+8*float64(i))
	}
	p.SetY(y + 18)
}

// elementHeight measures what element writes, to keep it on one page.
func (h handout) elementHeight(e data.Element) float64 {
	p := h.pdf
	lines := func(s, style string, size, w float64) float64 {
		h.font(style, size)
		return float64(len(p.SplitText(s, w)))
	}
	ht := 8.0 // heading
	ht += lines("In the research: "+clean(e.Definition)+".", "B", 10, h.textW) * 5
	if pl := clean(strings.TrimSpace(e.Plain)); pl != "" {
		ht += 0.5 + lines("In this app's words: "+pl, "", 10, h.textW)*5
	}
	var words []string
	for _, w := range e.Words {
		words = append(words, w.Label)
	}
	ht += 0.5 + lines("Doing words: "+strings.Join(words, ", ")+".", "", 10, h.textW)*5 + 1.5
	for _, q := range e.Prompts {
		ht += lines(clean(q.Text), "", 10.5, h.textW-7)*5.2 + 0.8
	}
	return ht + notesH
}

// notesH is the height of the lines for notes under an element.
const notesH = 1 + 4 + 17
