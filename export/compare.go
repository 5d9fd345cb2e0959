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

// WriteComparePDF writes sessions compared on one iceberg map. For two
// sessions (a session and its follow-up, say) it shows what moved up, down
// or stayed the same; for three or more, how many sessions shaded each
// word. The public version (the default) leaves out every name. The same
// sessions and options always give the same bytes.
func WriteComparePDF(w io.Writer, fw *data.Framework, recs []*data.Record, opt Options) error {
	if err := checkCompare(fw, recs); err != nil {
		return err
	}
	if len(recs) == 2 {
		return writeCompare(w, fw, recs, opt, false)
	}
	return writeCompare(w, fw, recs, opt, true)
}

// WriteHeatPDF writes the heat map of how many sessions shaded each word,
// for two sessions or more: for two groups at one training day, where
// neither came "before" the other.
func WriteHeatPDF(w io.Writer, fw *data.Framework, recs []*data.Record, opt Options) error {
	if err := checkCompare(fw, recs); err != nil {
		return err
	}
	return writeCompare(w, fw, recs, opt, true)
}

func checkCompare(fw *data.Framework, recs []*data.Record) error {
	if fw == nil {
		return errors.New("write comparison: no framework")
	}
	if len(recs) < 2 {
		return data.Errorf(data.EInvalid, "Choose at least two sessions to compare.")
	}
	for i, r := range recs {
		if r == nil {
			return fmt.Errorf("write comparison: session %d is missing", i+1)
		}
	}
	return nil
}

// compareDoc is one comparison PDF being written.
type compareDoc struct {
	*doc
	recs []*data.Record
	heat bool
}

func writeCompare(w io.Writer, fw *data.Framework, recs []*data.Record, opt Options, heat bool) error {
	size, err := paperSize(opt.Paper)
	if err != nil {
		return err
	}
	// The latest change among the sessions dates the file, so the same
	// sessions give the same bytes.
	when := fixedDate
	public := make([]*data.Record, len(recs))
	for i, r := range recs {
		if r.UpdatedAt.After(when) {
			when = r.UpdatedAt.UTC()
		}
		// Each session with its own people.
		public[i] = PublicRecord(fw, r, opt)
	}
	recs = public
	stand := &data.Record{}
	if !heat {
		stand = recs[1]
	}
	c := compareDoc{recs: recs, heat: heat}
	c.doc = newPage(fw, stand, size, when)
	c.opt = opt
	c.describe(c.name(), "PPEI iceberg maps compared")
	c.pdf.SetFooterFunc(c.plainFooter(c.footerText(), muted))
	if heat {
		c.heatPage()
		c.heatTable()
	} else {
		c.pairPage()
		c.pairTable()
	}
	c.sessions()
	return c.output(w, "write comparison")
}

// name is the comparison's title.
func (c compareDoc) name() string {
	if c.heat {
		return fmt.Sprintf("How many of %d sessions shaded each practice", len(c.recs))
	}
	if a, b := strings.TrimSpace(c.recs[0].Community), strings.TrimSpace(c.recs[1].Community); a != "" && strings.EqualFold(a, b) {
		return c.text(a) + ": what moved between two mappings"
	}
	return "What moved between two mappings"
}

func (c compareDoc) footerText() string {
	if c.heat {
		return fmt.Sprintf("PPEI iceberg maps compared: %d sessions", len(c.recs))
	}
	return "PPEI iceberg maps compared, before and after: " + c.sessionTitle(c.recs[1])
}

func (c compareDoc) sessionTitle(r *data.Record) string {
	return orDefault(c.text(r.Title), "Untitled session")
}

// sessionLine names a session: title, community and date.
func (c compareDoc) sessionLine(r *data.Record) string {
	s := c.sessionTitle(r)
	var more []string
	if cp := c.text(r.Community); cp != "" {
		more = append(more, cp)
	}
	if dt := mapmodel.DateWords(r.MeetingDate); dt != "" {
		more = append(more, c.text(dt))
	}
	if len(more) > 0 {
		s += " (" + strings.Join(more, ", ") + ")"
	}
	return s
}

// top writes the page's small label, title and lines, and returns the
// y where the drawing may start.
func (c compareDoc) top(label string, lines []string, count string) float64 {
	p := c.pdf
	p.AddPage()
	c.font("B", 9)
	c.color(muted)
	p.SetXY(marginX, marginTop)
	p.CellFormat(c.textW, 4.5, label, "", 1, "L", false, 0, "")
	p.Ln(0.5)
	c.font("B", 16)
	c.color(navy)
	p.MultiCell(c.textW, 7, c.name(), "", "L", false)
	p.Ln(0.5)
	c.font("", 10)
	c.color(ink)
	for _, l := range lines {
		p.SetX(marginX)
		p.MultiCell(c.textW, 4.8, l, "", "L", false)
	}
	p.Ln(1)
	c.font("B", 11)
	c.color(navy)
	p.SetX(marginX)
	p.MultiCell(c.textW, 5.5, count, "", "L", false)
	return p.GetY() + 3
}

// header draws a column's code and name, with a status line beside the code.
func (c compareDoc) header(x0, y0 float64, r mapmodel.Rect, col mapmodel.Column, status string) {
	p := c.pdf
	x, y := x0+r.X, y0+r.Y
	badgeW := c.badge(x, y, col.Code, navy, smallBadge)
	c.font("B", 6.5)
	c.color(ink)
	p.SetXY(x+badgeW+1.5, y)
	p.CellFormat(r.W-badgeW-1.5, 5, status, "", 0, "L", false, 0, "")
	c.columnName(x, y, r, col.Name, navy)
}

// layout fits the map between top and the key and source.
func (c compareDoc) layout(top, keyH float64) (x0 float64, g mapmodel.Geometry) {
	bottom := c.pageH - marginBottom - keyH - c.sourceHeight() - 2
	// A little wider than the session map, with wider columns: the arrows
	// beside the cells take room the words need.
	return marginX - 10, mapmodel.LayoutWide(c.m, c.textW+20, math.Max(bottom-top, 60))
}

// Before and after.

// moveBadgeW is the width of the arrow box beside a word's cell.
const moveBadgeW = 4.8

// moveBadge draws a move as a shape: a dark box with a white arrow up, a
// white box with a dark arrow down, or a short level bar for the same.
func moveBadge(p *gofpdf.Fpdf, m data.Move, x, y, w, h float64) {
	cx, cy := x+w/2, y+h/2
	s := math.Min(w, h) * 0.32
	switch m {
	case data.MoveUp:
		setFill(p, navy)
		setDraw(p, navy)
		p.SetLineWidth(0.4)
		p.RoundedRect(x, y, w, h, 1.2, "1234", "FD")
		p.SetFillColor(255, 255, 255)
		p.Polygon([]gofpdf.PointType{{X: cx, Y: cy - s}, {X: cx + s, Y: cy + 0.7*s}, {X: cx - s, Y: cy + 0.7*s}}, "F")
	case data.MoveDown:
		p.SetFillColor(255, 255, 255)
		setDraw(p, navy)
		p.SetLineWidth(0.4)
		p.RoundedRect(x, y, w, h, 1.2, "1234", "FD")
		setFill(p, navy)
		p.Polygon([]gofpdf.PointType{{X: cx - s, Y: cy - 0.7*s}, {X: cx + s, Y: cy - 0.7*s}, {X: cx, Y: cy + s}}, "F")
	default:
		setDraw(p, rule)
		p.SetLineWidth(0.3)
		p.Line(cx-s*0.8, cy-s*0.3, cx+s*0.8, cy-s*0.3)
		p.Line(cx-s*0.8, cy+s*0.3, cx+s*0.8, cy+s*0.3)
	}
}

func movesLine(up, down int) string {
	var parts []string
	if up > 0 {
		parts = append(parts, fmt.Sprintf("%d up", up))
	}
	if down > 0 {
		parts = append(parts, fmt.Sprintf("%d down", down))
	}
	if len(parts) == 0 {
		return "no change"
	}
	return strings.Join(parts, ", ")
}

// PairCountLine sums up a before/after comparison in one sentence.
func PairCountLine(pc data.PairComparison) string {
	words := func(n int) string {
		if n == 1 {
			return "1 word"
		}
		return fmt.Sprintf("%d words", n)
	}
	return fmt.Sprintf("%s moved up, %d moved down, %d stayed the same", words(pc.Up), pc.Down, pc.Same)
}

func (c compareDoc) pairPage() {
	p := c.pdf
	before, after := c.recs[0], c.recs[1]
	pc := data.ComparePair(c.fw, before, after)
	y := c.top("PPEI ICEBERG MAPS COMPARED: BEFORE AND AFTER",
		[]string{"Before: " + c.sessionLine(before), "After: " + c.sessionLine(after)},
		PairCountLine(pc))
	keyH := 25.0
	x0, g := c.layout(y, keyH)
	p.SetAutoPageBreak(false, marginBottom)
	c.background(x0, y, g, mapPicture, fmt.Sprintf("%d moved", pc.Changed()), fmt.Sprintf("%d up, %d down, of %d", pc.Up, pc.Down, len(pc.Words)))
	c.wordSize = c.wordSizeFor(g, moveBadgeW+0.6)
	for i, col := range c.m.Columns {
		ec := pc.Elements[i]
		c.header(x0, y, g.Headers[i], col, movesLine(ec.Up, ec.Down))
		for j, cell := range col.Words {
			r := g.Cells[i][j]
			wc, _ := pc.Word(cell.ID)
			// The map's cell, narrowed for the arrow, its label in the
			// page's one word size (wrapped after a hyphen if need be).
			c.cell(x0+r.X, y+r.Y, r.W-moveBadgeW-0.6, r.H, cell.Label, wc.To)
			moveBadge(p, wc.Move, x0+r.X+r.W-moveBadgeW, y+r.Y+(r.H-math.Min(r.H, moveBadgeW))/2, moveBadgeW, math.Min(r.H, moveBadgeW))
		}
	}
	p.SetLineJoinStyle("miter")
	c.pairKey(y + g.Height + 4)
	c.source(c.pageH - marginBottom - c.sourceHeight())
	p.SetAutoPageBreak(true, marginBottom)
}

func (c compareDoc) pairKey(y float64) {
	p := c.pdf
	y = c.keyTitle(y, "KEY: EACH WORD SHOWS ITS SHADING AFTER, AND AN ARROW FOR HOW IT MOVED")
	colW := c.textW / 3
	for i, e := range c.m.Legend {
		x := marginX + float64(i)*colW
		c.cell(x, y, 24, 7, e.Label, e.Level)
	}
	y += 9
	for i, m := range []data.Move{data.MoveUp, data.MoveDown, data.MoveSame} {
		x := marginX + float64(i)*colW
		moveBadge(p, m, x, y, moveBadgeW, moveBadgeW)
		c.font("", 8)
		c.color(ink)
		p.SetXY(x+moveBadgeW+2, y)
		text := map[data.Move]string{
			data.MoveUp:   "Moved up: seen more than before",
			data.MoveDown: "Moved down: seen less than before",
			data.MoveSame: "Same shading as before",
		}[m]
		p.CellFormat(colW-moveBadgeW-3, moveBadgeW, text, "", 0, "LM", false, 0, "")
	}
}

// tablePage starts the page of word-by-word tables under its title.
func (c compareDoc) tablePage(title string) {
	p := c.pdf
	p.AddPage()
	c.kicker("WORD BY WORD", muted)
	p.Ln(1)
	c.font("B", 14)
	c.color(navy)
	p.CellFormat(c.textW, 7, title, "", 1, "L", false, 0, "")
	p.Ln(1)
}

// pairTable lists every word before and after, then the moves per element.
func (c compareDoc) pairTable() {
	p := c.pdf
	pc := data.ComparePair(c.fw, c.recs[0], c.recs[1])
	c.tablePage("What moved, per element")
	var rows [][]string
	for _, ec := range pc.Elements {
		rows = append(rows, []string{ec.Name, fmt.Sprint(ec.Up), fmt.Sprint(ec.Down), fmt.Sprint(ec.Same), fmt.Sprint(ec.Changed())})
	}
	rows = append(rows, []string{"All elements", fmt.Sprint(pc.Up), fmt.Sprint(pc.Down), fmt.Sprint(pc.Same), fmt.Sprint(pc.Changed())})
	w := c.textW
	c.table([]string{"Element", "Moved up", "Moved down", "Same", "Changes"}, []float64{w * 0.36, w * 0.16, w * 0.16, w * 0.16, w * 0.16}, rows)
	p.Ln(6)
	c.font("B", 14)
	c.color(navy)
	c.need(30)
	p.SetX(marginX)
	p.CellFormat(c.textW, 7, "Every doing word, before and after", "", 1, "L", false, 0, "")
	p.Ln(1)
	cols := []float64{w * 0.26, w * 0.26, w * 0.24, w * 0.24}
	head := func() {
		y := p.GetY()
		c.font("B", 8.5)
		c.color(navy)
		x := marginX
		for i, h := range []string{"Element", "Doing word", "Before", "After"} {
			p.SetXY(x, y)
			p.CellFormat(cols[i], 5, h, "", 0, "L", false, 0, "")
			x += cols[i]
		}
		c.draw(navy, 0.4)
		p.Line(marginX, y+5.5, marginX+c.textW, y+5.5)
		p.SetY(y + 7)
	}
	head()
	rowH := 6.4
	prev := ""
	for _, wc := range pc.Words {
		if p.GetY()+rowH > c.pageH-marginBottom {
			p.AddPage()
			head()
		}
		y := p.GetY()
		el := ""
		if wc.Element != prev {
			if e, ok := c.fw.Element(wc.Element); ok {
				el = e.Name
			}
			if prev != "" {
				c.draw(rule, 0.3)
				p.Line(marginX, y-0.4, marginX+c.textW, y-0.4)
			}
			prev = wc.Element
		}
		c.font("B", 9.5)
		c.color(navy)
		p.SetXY(marginX, y)
		p.CellFormat(cols[0], rowH, el, "", 0, "LM", false, 0, "")
		// The move's arrow, then the word: scanning down shows what moved.
		moveBadge(p, wc.Move, marginX+cols[0], y+0.7, 5, 5)
		style := ""
		if wc.Move != data.MoveSame {
			style = "B"
		}
		c.font(style, 9.5)
		c.color(ink)
		p.SetXY(marginX+cols[0]+7, y)
		p.CellFormat(cols[1]-7, rowH, wc.Label, "", 0, "LM", false, 0, "")
		for k, lvl := range []data.Shade{wc.From, wc.To} {
			x := marginX + cols[0] + cols[1] + float64(k)*cols[2]
			mark(p, lvl, x+2, y+rowH/2, 1.7, false)
			c.font("", 9.5)
			c.color(ink)
			p.SetXY(x+5.5, y)
			p.CellFormat(cols[2]-6, rowH, lvl.Label(), "", 0, "LM", false, 0, "")
		}
		p.SetY(y + rowH)
	}
	tallies := c.tallyRows()
	if len(tallies) > 0 {
		p.Ln(6)
		c.need(30)
		c.font("B", 14)
		c.color(navy)
		p.SetX(marginX)
		p.CellFormat(c.textW, 7, "On their own, before the group agreed", "", 1, "L", false, 0, "")
		c.para("Tallies recorded in each session: how many people shaded the word on their own.", "", 9.5, muted)
		p.Ln(2)
		c.table([]string{"Doing word", "Before", "After"}, []float64{w * 0.3, w * 0.35, w * 0.35}, tallies)
	}
}

// tallyRows lists the words that have a tally in either session.
func (c compareDoc) tallyRows() [][]string {
	var rows [][]string
	for _, wd := range c.fw.AllWords() {
		var cells []string
		found := false
		for _, r := range c.recs {
			t := TallyLine(r.Word(wd.ID).Tally, r.TallyOf)
			if t != "" {
				found = true
				t = strings.TrimSuffix(t, " shaded this on their own")
			} else {
				t = "not recorded"
			}
			cells = append(cells, t)
		}
		if found {
			rows = append(rows, append([]string{wd.Label}, cells...))
		}
	}
	return rows
}

// The heat map: how many sessions shaded each word.

// HeatLine says how many sessions shaded a word: "3 of 4 (75%), 1 partly".
func HeatLine(w data.WordHeat) string {
	s := fmt.Sprintf("%d of %d (%d%%)", w.Shaded, w.Sessions, w.Percent)
	if w.Partly > 0 {
		s += fmt.Sprintf(", %d partly", w.Partly)
	}
	return s
}

func (c compareDoc) heatPage() {
	p := c.pdf
	h := data.CompareMany(c.fw, c.recs)
	var lines []string
	if len(c.recs) <= 4 {
		for i, r := range c.recs {
			lines = append(lines, fmt.Sprintf("%d. %s", i+1, c.sessionLine(r)))
		}
	} else {
		lines = append(lines, fmt.Sprintf("%d sessions: the list is on the last page.", len(c.recs)))
	}
	count := MostShaded(h)
	y := c.top(fmt.Sprintf("PPEI ICEBERG MAPS COMPARED: %d SESSIONS", len(c.recs)), lines, count)
	keyH := 22.0
	x0, g := c.layout(y, keyH)
	p.SetAutoPageBreak(false, marginBottom)
	c.background(x0, y, g, mapPicture, fmt.Sprintf("%d sessions", h.Sessions), "how many shaded each word")
	c.wordSize = c.heatWordSize(g)
	for i, col := range c.m.Columns {
		c.header(x0, y, g.Headers[i], col, "")
		for j := range col.Words {
			r := g.Cells[i][j]
			c.heatCell(x0+r.X, y+r.Y, r.W, r.H, h.Elements[i].Words[j])
		}
	}
	p.SetLineJoinStyle("miter")
	c.heatKey(y + g.Height + 4)
	c.source(c.pageH - marginBottom - c.sourceHeight())
	p.SetAutoPageBreak(true, marginBottom)
}

// MostShaded is the heat map's headline: the words shaded by the most
// sessions, every one of them when several tie ("Shaded most often:
// Engaging, Reporting and Conforming: each 3 of 5 sessions").
func MostShaded(h data.Heat) string {
	most := 0
	var best []string
	for _, e := range h.Elements {
		for _, w := range e.Words {
			switch {
			case w.Shaded > most:
				most, best = w.Shaded, []string{w.Label}
			case w.Shaded == most && most > 0:
				best = append(best, w.Label)
			}
		}
	}
	switch {
	case most == 0:
		return "No session shaded any word fully"
	case len(best) == 1:
		return fmt.Sprintf("Shaded most often: %s, by %d of %d sessions", best[0], most, h.Sessions)
	}
	return fmt.Sprintf("Shaded most often: %s: each %d of %d sessions", mapmodel.JoinAnd(best), most, h.Sessions)
}

// heatCell draws a word with its count and a gauge: the solid part is the
// share of sessions that shaded it, the hatched part those that shaded it
// in part. Length says the amount, so it reads without colour.
func (c compareDoc) heatCell(x, y, w, h float64, wh data.WordHeat) {
	p := c.pdf
	c.fill(white)
	c.draw(iceEdge, 0.35)
	p.RoundedRect(x, y, w, h, 1.2, "1234", "FD")
	pad := heatPad
	size := c.wordSize
	if size == 0 {
		size = math.Min(9.5, h*0.7)
	}
	c.font("B", size)
	c.color(ink)
	lh := size * 0.42
	p.SetXY(x+pad, y+pad*0.7)
	p.CellFormat(w-2*pad, lh, wh.Label, "", 0, "LM", false, 0, "")
	line := fmt.Sprintf("%d of %d · %d%%", wh.Shaded, wh.Sessions, wh.Percent)
	if wh.Partly > 0 {
		line += fmt.Sprintf(" · +%d partly", wh.Partly)
	}
	small := math.Min(7.5, h*0.55)
	c.font("", small)
	for p.GetStringWidth(line) > w-2*pad && small > 5 {
		small -= 0.25
		c.font("", small)
	}
	c.color(ink)
	p.SetXY(x+pad, y+pad*0.7+lh+0.3)
	p.CellFormat(w-2*pad, small*0.42, line, "", 0, "LM", false, 0, "")
	gh := math.Max(1.8, h*0.2)
	gy := y + h - gh - pad*0.8
	c.gauge(x+pad, gy, w-2*pad, gh, wh)
}

// heatPad is the space inside a heat map cell.
const heatPad = 1.4

// heatWordSize is the one size every doing word of the heat map is set
// in: the largest, up to 9.5 pt, at which each fits its cell's line.
func (c compareDoc) heatWordSize(g mapmodel.Geometry) float64 {
	p := c.pdf
	size := 9.5
	for i, col := range c.m.Columns {
		for j, w := range col.Words {
			r := g.Cells[i][j]
			size = math.Min(size, r.H*0.7)
			c.font("B", size)
			for p.GetStringWidth(w.Label) > r.W-2*heatPad && size > minMapSize {
				size -= 0.25
				c.font("B", size)
			}
		}
	}
	return size
}

// gauge draws the share bar of one word.
func (c compareDoc) gauge(x, y, w, h float64, wh data.WordHeat) {
	p := c.pdf
	c.fill(white)
	c.draw(hatch, 0.25)
	p.Rect(x, y, w, h, "FD")
	if wh.Sessions == 0 {
		return
	}
	full := w * float64(wh.Shaded) / float64(wh.Sessions)
	part := w * float64(wh.Partly) / float64(wh.Sessions)
	if full > 0 {
		c.fill(navy)
		p.Rect(x, y, full, h, "F")
	}
	if part > 0 {
		c.fill(partly)
		p.Rect(x+full, y, part, h, "F")
		hatchBox(p, x+full, y, part, h, 0, 1.2, hatch, 0.18)
	}
	// Quarter ticks so a reader can judge the share without counting.
	c.draw(white, 0.2)
	for q := 1; q < 4; q++ {
		xx := x + w*float64(q)/4
		if xx < x+full {
			p.Line(xx, y, xx, y+h)
		}
	}
	c.draw(hatch, 0.25)
	p.Rect(x, y, w, h, "D")
}

func (c compareDoc) heatKey(y float64) {
	p := c.pdf
	y = c.keyTitle(y, "KEY")
	sample := data.WordHeat{Label: "Doing word", Shaded: 2, Partly: 1, None: 1, Sessions: 4, Percent: 50, PercentAny: 75}
	c.heatCell(marginX, y, 32, 12, sample)
	c.font("", 8)
	c.color(ink)
	p.SetXY(marginX+35, y-0.3)
	p.MultiCell(c.textW-35, 3.6, "Under each word: how many sessions shaded it fully, as a number and a percentage of the sessions, and how many shaded it in part. "+
		"The bar shows the same: the solid part is the share that shaded the word fully, the hatched part the share that shaded it in part, the empty part the share that left it unshaded.", "", "L", false)
}

// heatTable lists every word's counts.
func (c compareDoc) heatTable() {
	h := data.CompareMany(c.fw, c.recs)
	c.tablePage(fmt.Sprintf("How many of %d sessions shaded each doing word", h.Sessions))
	var rows [][]string
	for _, e := range h.Elements {
		for i, w := range e.Words {
			el := ""
			if i == 0 {
				el = e.Name
			}
			rows = append(rows, []string{el, w.Label, fmt.Sprintf("%d (%d%%)", w.Shaded, w.Percent), fmt.Sprint(w.Partly), fmt.Sprint(w.None), fmt.Sprintf("%d%%", w.PercentAny)})
		}
	}
	w := c.textW
	c.table([]string{"Element", "Doing word", "Shaded", "Partly", "Not shaded", "Shaded at all"},
		[]float64{w * 0.22, w * 0.2, w * 0.16, w * 0.12, w * 0.14, w * 0.16}, rows)
}

// sessions lists the sessions compared, with who took part by role.
func (c compareDoc) sessions() {
	p := c.pdf
	p.Ln(6)
	c.heading("Sessions compared", 14, 20)
	for i, r := range c.recs {
		c.need(14)
		label := fmt.Sprintf("%d. ", i+1)
		if !c.heat {
			label = []string{"Before: ", "After: "}[i]
		}
		c.para(label+c.sessionLine(r), "B", 10, ink)
		var more []string
		if org := c.text(r.Organisation); org != "" {
			more = append(more, "Organisation: "+org+".")
		}
		more = append(more, Involvement(&r.Session))
		if c.opt.Names {
			if f := c.text(r.FacilitatorPerson().String()); f != "" {
				more = append(more, "Facilitated by "+f+".")
			}
		}
		c.para(strings.Join(more, " "), "", 9.5, ink)
		p.Ln(2.5)
	}
	if !c.opt.Names {
		p.Ln(1)
		c.para("This is the public version: names of participants and facilitators are left out.", "", 9, muted)
	}
}
