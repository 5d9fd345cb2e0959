package export

import (
	"math"
	"strconv"
	"strings"

	"github.com/jung-kurt/gofpdf"
	"github.com/ppei-iceberg/iceberg/export/report"
)

// Type sizes of the board paper, in points. Body text is at least 11 pt
// so a printed pack reads without strain; nothing in the paper is smaller
// than footSize.
const (
	bodySize  = 11.0
	bodyLH    = 5.6 // line height of body text, in millimetres
	headSize  = 16.0
	subSize   = 13.5
	labelSize = 11.0
	footSize  = 9.0
)

// paper writes the board paper from its report model, in the model's
// order: the cover sheet, then each numbered section with a bookmark.
func (d *doc) paper(rep *report.Report) {
	if rep.Cover != nil {
		d.coverSheet(rep)
	}
	for _, s := range rep.Sections {
		d.section(s)
	}
}

// coverSheet is the board cover sheet, as ICB boards lay it out: the
// fields in a labelled column, the purpose with every option, then the
// longer texts and what the paper holds.
func (d *doc) coverSheet(rep *report.Report) {
	p := d.pdf
	c := rep.Cover
	p.AddPage()
	p.Bookmark(d.text(c.Heading), 0, -1)
	d.font("B", labelSize)
	d.color(muted)
	p.MultiCell(d.textW, 5.5, strings.ToUpper(d.text(rep.Kicker)), "", "L", false)
	p.Ln(2)
	d.font("B", 20)
	d.color(navy)
	p.MultiCell(d.textW, 9, d.text(rep.Title), "", "L", false)
	p.Ln(1)
	d.para(d.text(c.Heading)+": "+d.text(rep.Subject), "", bodySize, muted)
	p.Ln(4)

	labelW := 55.0
	d.draw(rule, 0.2)
	for _, f := range c.Fields {
		d.font("", bodySize)
		lines := p.SplitText(d.text(f.Value), d.textW-labelW-4)
		d.font("B", bodySize)
		labels := p.SplitText(f.Label, labelW-4)
		h := float64(max(len(lines), len(labels)))*bodyLH + 3
		d.need(h)
		y := p.GetY()
		d.fill(paleFill)
		p.Rect(marginX, y, labelW, h, "F")
		d.color(navy)
		p.SetLeftMargin(marginX + 2.5)
		p.SetXY(marginX+2.5, y+1.5)
		p.MultiCell(labelW-4, bodyLH, f.Label, "", "L", false)
		d.font("", bodySize)
		d.color(ink)
		p.SetLeftMargin(marginX + labelW + 3)
		p.SetXY(marginX+labelW+3, y+1.5)
		p.MultiCell(d.textW-labelW-4, bodyLH, d.text(f.Value), "", "L", false)
		p.SetLeftMargin(marginX)
		p.Line(marginX, y+h, marginX+d.textW, y+h)
		p.SetY(y + h)
	}
	if c.Purpose != nil {
		d.purpose(c.Purpose, labelW)
	}
	p.Ln(6)
	for _, f := range c.Texts {
		d.labelLine(f.Label)
		d.para(d.text(f.Value), "", bodySize, ink)
		p.Ln(4)
	}
	var parts []string
	for _, s := range rep.Sections {
		parts = append(parts, s.Heading())
	}
	d.need(18)
	d.labelLine("In this paper")
	d.para(strings.Join(parts, " · "), "", bodySize, ink)
}

// purpose writes the purpose row: every option with a box, the chosen one ticked.
func (d *doc) purpose(ch *report.Choice, labelW float64) {
	p := d.pdf
	d.font("", bodySize)
	x := marginX + labelW + 3
	rowH := 7.0
	rows := 1
	for _, o := range ch.Options {
		w := 3.8 + 1.5 + p.GetStringWidth(o) + 5
		if x+w > marginX+d.textW {
			rows++
			x = marginX + labelW + 3
		}
		x += w
	}
	h := float64(rows)*rowH + 3
	d.need(h)
	y := p.GetY()
	d.fill(paleFill)
	p.Rect(marginX, y, labelW, h, "F")
	d.font("B", bodySize)
	d.color(navy)
	p.SetXY(marginX+2.5, y+1.5+0.7)
	p.CellFormat(labelW-3, bodyLH, ch.Label, "", 0, "L", false, 0, "")
	x = marginX + labelW + 3
	ry := y + 1.5
	for i, o := range ch.Options {
		chosen := i == ch.Chosen
		style := ""
		if chosen {
			style = "B"
		}
		d.font(style, bodySize)
		w := 3.8 + 1.5 + p.GetStringWidth(o) + 5
		if x+w > marginX+d.textW {
			x = marginX + labelW + 3
			ry += rowH
		}
		box := 3.8
		d.draw(ink, 0.3)
		p.Rect(x, ry+1.6, box, box, "D")
		if chosen {
			d.fill(navy)
			p.Rect(x, ry+1.6, box, box, "F")
			tick(p, x+box/2, ry+1.6+box/2, box*0.42, white)
		}
		d.color(ink)
		p.SetXY(x+box+1.5, ry+0.7)
		p.CellFormat(0, bodyLH, o, "", 0, "L", false, 0, "")
		x += w
	}
	d.draw(rule, 0.2)
	p.Line(marginX, y+h, marginX+d.textW, y+h)
	p.SetY(y + h)
}

// section writes one numbered section, with its bookmark. Each section but
// who took part starts a page; the map section is the map page.
func (d *doc) section(s report.Section) {
	p := d.pdf
	switch s.ID {
	case report.IDMap:
		d.mapPage(s.Heading())
		// The map page draws the figure, its key and its source; the table
		// of every word follows, as the text alternative in print.
		for _, b := range s.Blocks {
			if b.Kind == report.TableBlock {
				p.AddPage()
				d.block(b)
			}
		}
		return
	case report.IDPeople:
		// A short section: kept whole on one page, so its last sentence
		// never sits on a page by itself.
		p.Ln(6)
		h := 20.0
		for _, b := range s.Blocks {
			h += d.blockHeight(b)
		}
		d.need(math.Min(h, d.pageH-marginTop-marginBottom-10))
	default:
		p.AddPage()
	}
	d.sectionHeading(s.Heading(), 0)
	for i, b := range s.Blocks {
		d.keepNext(s.Blocks, i)
		d.block(b)
	}
}

// sectionHeading writes a numbered heading and bookmarks it at level.
func (d *doc) sectionHeading(s string, level int) {
	p := d.pdf
	size := headSize
	if level > 0 {
		size = subSize
	}
	d.need(size*0.6 + 24)
	p.Bookmark(s, level, -1)
	d.font("B", size)
	d.color(navy)
	p.SetX(marginX)
	p.MultiCell(d.textW, size*0.5, s, "", "L", false)
	p.Ln(2)
}

// keepNext keeps a label or a heading on the page of what follows it, and
// a section's last short paragraph with the block before it, so no heading
// or lone sentence ends up on a page by itself.
func (d *doc) keepNext(blocks []report.Block, i int) {
	b := blocks[i]
	if b.Kind == report.Subheading {
		d.need(45)
		return
	}
	if i+1 < len(blocks) && b.Kind == report.Label {
		// keepLines moves a paragraph of up to six lines whole: the label
		// goes with it.
		h := d.blockHeight(blocks[i+1])
		if h > 6*bodyLH+2 {
			h = 3 * bodyLH
		}
		d.need(7 + h)
		return
	}
	if b.Kind == report.Paragraph {
		if h := d.blockHeight(b); h <= 3*bodyLH {
			d.need(h)
		}
	}
}

// blockHeight is about how tall a paragraph or list is, for keeping it
// together; other blocks count as two lines.
func (d *doc) blockHeight(b report.Block) float64 {
	p := d.pdf
	d.font("", bodySize)
	switch b.Kind {
	case report.Paragraph:
		return float64(len(p.SplitText(b.Lead+" "+d.text(b.Text), d.textW)))*bodyLH + 2
	case report.List, report.Steps:
		h := 0.0
		for _, it := range b.Items {
			h += float64(len(p.SplitText(it.Lead+" "+d.text(it.Text), d.textW-8)))*bodyLH + 1.5
			if n := d.text(it.Note); n != "" {
				h += float64(len(p.SplitText(n, d.textW-8))) * bodyLH
			}
		}
		return h
	case report.TableBlock:
		return float64(len(b.Table.Rows)+2)*(bodyLH+3) + 10
	}
	return 2 * bodyLH
}

// block writes one block of a section.
func (d *doc) block(b report.Block) {
	p := d.pdf
	switch b.Kind {
	case report.Paragraph:
		c := ink
		if b.Tone != report.Body {
			c = muted
		}
		d.rich(b.Lead, d.text(b.Text), marginX, c)
		p.Ln(2.5)
	case report.Subheading:
		p.Ln(3)
		d.sectionHeading(b.Text, 1)
	case report.Label:
		d.labelLine(b.Text)
	case report.List, report.Steps:
		for i, it := range b.Items {
			d.item(b.Kind, i, it)
		}
		p.Ln(1.5)
	case report.QuoteBlock:
		d.rich("", "“"+d.text(b.Text)+"”", marginX+6, ink)
		if b.Source != "" {
			d.rich("", "— "+d.text(b.Source), marginX+6, muted)
		}
		p.Ln(2.5)
	case report.TableBlock:
		d.labelLine(b.Table.Caption)
		var rows [][]string
		for _, r := range b.Table.Rows {
			cells := make([]string, len(r.Cells))
			for i, c := range r.Cells {
				cells[i] = d.text(c)
			}
			rows = append(rows, cells)
		}
		d.table(b.Table.Head, d.widths(b.Table), rows)
		p.Ln(3)
	}
}

// item writes one list entry: its mark (for a doing word) or its number,
// the lead in bold, the text, and any note below.
func (d *doc) item(k report.Kind, i int, it report.Item) {
	p := d.pdf
	indent := 7.0
	d.font("", bodySize)
	d.need(bodyLH + 1)
	y := p.GetY()
	switch {
	case it.Level != nil:
		mark(p, *it.Level, marginX+2.4, y+bodyLH/2, 2.0, false)
	case k == report.Steps:
		d.font("B", bodySize)
		d.color(navy)
		p.SetXY(marginX, y)
		p.CellFormat(indent, bodyLH, strconv.Itoa(i+1)+".", "", 0, "L", false, 0, "")
	default:
		d.fill(ink)
		p.Circle(marginX+2, y+bodyLH/2, 0.8, "F")
	}
	lead := it.Lead
	txt := d.text(it.Text)
	if lead != "" && txt != "" {
		txt = "– " + txt
	}
	p.SetY(y)
	d.rich(lead, txt, marginX+indent, ink)
	if n := d.text(it.Note); n != "" {
		d.rich("", n, marginX+indent, ink)
	}
	p.Ln(1.5)
}

// rich writes an optional bold lead and then text, wrapped from left to
// the right margin and flowing across pages.
func (d *doc) rich(lead, txt string, left float64, c colour) {
	p := d.pdf
	d.keepLines(lead, txt, d.pageW-marginX-left)
	p.SetLeftMargin(left)
	p.SetX(left)
	if lead != "" {
		d.font("B", bodySize)
		d.color(ink)
		writeFlow(p, bodyLH, d.text(lead)+" ")
	}
	d.font("", bodySize)
	d.color(c)
	writeFlow(p, bodyLH, txt)
	p.Ln(bodyLH)
	p.SetLeftMargin(marginX)
	p.SetX(marginX)
}

// labelLine writes a short bold heading kept with the line after it.
func (d *doc) labelLine(s string) {
	p := d.pdf
	d.need(7 + 2*bodyLH)
	d.font("B", labelSize)
	d.color(navy)
	p.SetX(marginX)
	p.MultiCell(d.textW, bodyLH, d.text(s), "", "L", false)
	p.Ln(1)
}

// widths shares the text width among a table's columns by what they hold:
// each at least its longest word (so no word breaks inside, "Participation"
// whole), and the rest of the width by how much text each holds.
func (d *doc) widths(t *report.Table) []float64 {
	p := d.pdf
	const gap = 3.5 // the table's gap between columns, and a little
	n := len(t.Head)
	need := make([]float64, n)
	least := make([]float64, n)
	longestWord := func(s string) float64 {
		w := 0.0
		for _, f := range strings.Fields(s) {
			w = math.Max(w, p.GetStringWidth(f))
		}
		return w
	}
	d.font("B", bodySize)
	for i, h := range t.Head {
		need[i] = p.GetStringWidth(h) + 4
		least[i] = longestWord(h) + gap
	}
	d.font("", bodySize)
	for _, r := range t.Rows {
		for i, c := range r.Cells {
			if i < n {
				c = d.text(c)
				need[i] = math.Max(need[i], math.Min(p.GetStringWidth(c)+4, d.textW*0.55))
				least[i] = math.Max(least[i], math.Min(longestWord(c)+gap, d.textW*0.4))
			}
		}
	}
	// Shares by what each holds, as wide as its longest word at least; the
	// width a column gains so is taken from those with room to spare.
	sum := 0.0
	for _, w := range need {
		sum += w
	}
	out := make([]float64, n)
	over, spare := 0.0, 0.0
	for i, w := range need {
		out[i] = w / sum * d.textW
		if out[i] < least[i] {
			over += least[i] - out[i]
			out[i] = least[i]
		} else {
			spare += out[i] - least[i]
		}
	}
	if over > 0 && spare > over {
		for i := range out {
			if out[i] > least[i] {
				out[i] -= over * (out[i] - least[i]) / spare
			}
		}
	}
	return out
}

// keepLines starts a new page before a paragraph that would otherwise
// leave a single line at the foot of this page or at the head of the
// next: no lone line of a paragraph sits on a page by itself.
func (d *doc) keepLines(lead, txt string, w float64) {
	p := d.pdf
	d.font("", bodySize)
	n := 0
	for _, para := range strings.Split(strings.TrimSpace(lead+" "+txt), "\n") {
		n += max(1, len(p.SplitText(para, w)))
	}
	room := int((d.pageH - marginBottom - p.GetY()) / bodyLH)
	perPage := int((d.pageH - marginBottom - marginTop) / bodyLH)
	if n <= room || n > perPage {
		if n > room && (room < 2 || n-room < 2) {
			p.AddPage()
		}
		return
	}
	if room < 2 || n-room < 2 || n <= 6 {
		p.AddPage()
	}
}

// writeFlow is gofpdf's Write (text wrapped from the current position,
// flowing across lines and pages) given the text a few words at a time:
// Write turns its whole remaining text into runes once per character, so a
// 2,000-character note in one call took a tenth of a second. Split at
// spaces, the lines break where they did.
func writeFlow(p *gofpdf.Fpdf, h float64, s string) {
	const chunk = 48
	for len(s) > 0 {
		n := 0
		cut := len(s)
		for i, r := range s {
			if n >= chunk && r == ' ' {
				cut = i + 1
				break
			}
			if r == '\n' {
				cut = i + 1
				break
			}
			n++
		}
		p.Write(h, s[:cut])
		s = s[cut:]
	}
}
