package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
	"github.com/ppei-iceberg/iceberg/resources"
)

// Page furniture, in millimetres.
const (
	marginX      = 18.0
	marginTop    = 16.0
	marginBottom = 20.0 // room for the footer
	footerY      = 12.0 // footer baseline, up from the bottom edge
	font         = "NotoSans"
	lineH        = 5.0 // body text line height at 10 pt
)

// rgb is a colour; every colour here also reads in grayscale.
type rgb struct{ r, g, b int }

var (
	ink      = rgb{28, 33, 40}
	muted    = rgb{88, 96, 106}
	navy     = rgb{18, 52, 86}
	rule     = rgb{170, 178, 186}
	paleFill = rgb{236, 241, 245}
	seaTop   = rgb{206, 228, 242}
	seaDeep  = rgb{176, 207, 229}
	ice      = rgb{246, 250, 253}
	iceEdge  = rgb{96, 134, 166}
	partly   = rgb{196, 214, 229}
	hatch    = rgb{70, 105, 140}
	stamp    = rgb{180, 30, 45}
)

// WritePDF writes the session's iceberg map as a PDF: an optional board
// cover sheet, the map, what the group said per element, summary, actions
// and participants. The same session and options always give the same bytes.
func WritePDF(w io.Writer, fw *data.Framework, r *data.Record, opt Options) error {
	if fw == nil || r == nil {
		return errors.New("write pdf: no framework or session")
	}
	size := "A4"
	switch strings.ToLower(strings.TrimSpace(opt.Paper)) {
	case "", "a4":
	case "letter", "us letter", "us-letter":
		size = "Letter"
	default:
		return data.Errorf(data.EInvalid, "%q is not a paper size: use a4 or letter.", opt.Paper)
	}
	d := newDoc(fw, r, opt, size)
	d.write()
	if d.pdf.Err() {
		err := d.pdf.Error()
		return fmt.Errorf("write pdf: %w", err)
	}
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return nil
}

// doc is one PDF being written.
type doc struct {
	pdf   *gofpdf.Fpdf
	fw    *data.Framework
	r     *data.Record
	opt   Options
	m     mapmodel.Model
	pageW float64
	pageH float64
	textW float64
}

func newDoc(fw *data.Framework, r *data.Record, opt Options, size string) *doc {
	pdf := gofpdf.New("P", "mm", size, "")
	pdf.SetCatalogSort(true)
	when := r.UpdatedAt.UTC()
	if r.UpdatedAt.IsZero() {
		when = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	pdf.SetCreationDate(when)
	pdf.SetModificationDate(when)
	pdf.AddUTF8FontFromBytes(font, "", resources.FontRegular)
	pdf.AddUTF8FontFromBytes(font, "B", resources.FontBold)
	pdf.SetMargins(marginX, marginTop, marginX)
	pdf.SetAutoPageBreak(true, marginBottom)
	pdf.SetCellMargin(0)
	pdf.AliasNbPages("{nb}")
	r = PublicRecord(fw, r, opt)
	d := &doc{pdf: pdf, fw: fw, r: r, opt: opt, m: mapmodel.Build(fw, r)}
	d.pageW, d.pageH = pdf.GetPageSize()
	d.textW = d.pageW - 2*marginX
	pdf.SetTitle(d.text(d.title()), true)
	pdf.SetSubject("PPEI iceberg map", true)
	pdf.SetCreator("PPEI Iceberg", true)
	pdf.SetFooterFunc(d.footer)
	return d
}

// text is what the session typed, ready to print: characters the font
// lacks replaced. The record is already public (PublicRecord).
func (d *doc) text(s string) string { return clean(strings.TrimSpace(s)) }

func (d *doc) title() string {
	if strings.TrimSpace(d.r.Title) == "" {
		return "Untitled session"
	}
	return d.r.Title
}

func (d *doc) write() {
	if !d.r.Cover.Empty() && !d.opt.NoCover {
		d.cover()
	}
	d.mapPage()
	d.details()
	d.closing()
}

// Drawing helpers.

func (d *doc) font(style string, size float64) { d.pdf.SetFont(font, style, size) }
func (d *doc) color(c rgb)                     { d.pdf.SetTextColor(c.r, c.g, c.b) }
func (d *doc) fill(c rgb)                      { d.pdf.SetFillColor(c.r, c.g, c.b) }
func (d *doc) draw(c rgb, width float64) {
	d.pdf.SetDrawColor(c.r, c.g, c.b)
	d.pdf.SetLineWidth(width)
}

// need starts a new page unless h millimetres are left on this one.
func (d *doc) need(h float64) {
	if d.pdf.GetY()+h > d.pageH-marginBottom {
		d.pdf.AddPage()
	}
}

// para writes wrapped text at the left margin, flowing across pages.
func (d *doc) para(s string, style string, size float64, c rgb) {
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

// label writes a small capitalised label above a block.
func (d *doc) label(s string) {
	d.need(14)
	d.font("B", 8)
	d.color(muted)
	d.pdf.SetX(marginX)
	d.pdf.CellFormat(d.textW, 4.5, strings.ToUpper(s), "", 1, "L", false, 0, "")
}

func (d *doc) footer() {
	p := d.pdf
	y := d.pageH - footerY
	d.draw(rule, 0.2)
	p.Line(marginX, y-1.5, d.pageW-marginX, y-1.5)
	d.font("", 7.5)
	d.color(muted)
	right := fmt.Sprintf("Page %d of {nb}", p.PageNo())
	rightW := 24.0
	date := "Last changed " + mapmodel.DateWords(d.changed())
	if d.m.Draft {
		date = "DRAFT · " + date
	}
	dateW := p.GetStringWidth(date) + 4
	title := fit(p, d.text(d.title()), d.textW-rightW-dateW-4)
	p.SetXY(marginX, y)
	p.CellFormat(d.textW-rightW-dateW, 4, title, "", 0, "L", false, 0, "")
	p.SetXY(d.pageW-marginX-rightW-dateW, y)
	p.CellFormat(dateW, 4, date, "", 0, "L", false, 0, "")
	// Left-aligned at a fixed place: the page total is filled in after
	// layout, so a right-aligned cell would be measured with "{nb}".
	p.SetXY(d.pageW-marginX-rightW+4, y)
	p.CellFormat(rightW-4, 4, right, "", 0, "L", false, 0, "")
}

func (d *doc) changed() string {
	if d.r.UpdatedAt.IsZero() {
		return ""
	}
	return d.r.UpdatedAt.UTC().Format(time.DateOnly)
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

// involvement is the patient and public involvement line from the counts.
func involvement(s *data.Session) string {
	total := s.TotalParticipants()
	if total == 0 {
		return "No participants were recorded for this session."
	}
	var parts []string
	for _, role := range data.Roles {
		if n := s.Count(role); n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, role.Plural(n)))
		}
	}
	people := "people"
	if total == 1 {
		people = "person"
	}
	list := parts[0]
	if len(parts) > 1 {
		list = strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
	}
	return fmt.Sprintf("%d %s took part: %s.", total, people, list)
}

// The cover sheet, in the form of a governing body paper.
func (d *doc) cover() {
	p := d.pdf
	p.AddPage()
	c := d.r.Cover
	d.font("B", 9)
	d.color(muted)
	org := d.text(d.r.Organisation)
	if org == "" {
		org = "Governing body paper"
	}
	p.MultiCell(d.textW, 4.5, strings.ToUpper(org), "", "L", false)
	p.Ln(2)
	d.font("B", 18)
	d.color(navy)
	p.MultiCell(d.textW, 8, d.text(d.title()), "", "L", false)
	p.Ln(1)
	d.para("PPEI iceberg map: how the "+orDefault(d.text(d.r.Community), "community of practice")+" engages and involves patients and the public", "", 10.5, muted)
	p.Ln(4)

	rows := [][2]string{
		{"Meeting", d.text(c.Meeting)},
		{"Date of meeting", mapmodel.DateWords(c.MeetingDate)},
		{"Agenda item", d.text(c.AgendaItem)},
		{"Author", d.text(c.Author)},
		{"Presented by", d.text(c.Presenter)},
		{"Previously considered by", d.text(c.PreviouslyConsider)},
	}
	d.draw(rule, 0.2)
	labelW := 52.0
	for _, row := range rows {
		if row[1] == "" {
			continue
		}
		d.font("", 10)
		lines := p.SplitText(row[1], d.textW-labelW-4)
		h := float64(len(lines))*lineH + 3
		d.need(h)
		y := p.GetY()
		d.fill(paleFill)
		p.Rect(marginX, y, labelW, h, "F")
		d.font("B", 9.5)
		d.color(navy)
		p.SetXY(marginX+2.5, y+1.5)
		p.CellFormat(labelW-3, lineH, row[0], "", 0, "L", false, 0, "")
		d.font("", 10)
		d.color(ink)
		p.SetXY(marginX+labelW+3, y+1.5)
		p.MultiCell(d.textW-labelW-4, lineH, row[1], "", "L", false)
		p.Line(marginX, y+h, marginX+d.textW, y+h)
		p.SetY(y + h)
	}
	// Purpose: every option shown, the chosen one ticked, as board forms do.
	y := p.GetY()
	h := 11.0
	d.fill(paleFill)
	p.Rect(marginX, y, labelW, h, "F")
	d.font("B", 9.5)
	d.color(navy)
	p.SetXY(marginX+2.5, y+3)
	p.CellFormat(labelW-3, lineH, "Purpose of the paper", "", 0, "L", false, 0, "")
	x := marginX + labelW + 3
	for _, purpose := range data.CoverPurposes {
		chosen := strings.EqualFold(purpose, c.Purpose)
		box := 3.6
		d.draw(ink, 0.3)
		p.Rect(x, y+3.7, box, box, "D")
		if chosen {
			d.fill(navy)
			p.Rect(x, y+3.7, box, box, "F")
			tick(p, x+box/2, y+3.7+box/2, box*0.42, rgb{255, 255, 255})
		}
		d.font(map[bool]string{true: "B", false: ""}[chosen], 9.5)
		d.color(ink)
		label := capitalise(purpose)
		p.SetXY(x+box+1.5, y+3)
		p.CellFormat(0, lineH, label, "", 0, "L", false, 0, "")
		x += box + 1.5 + p.GetStringWidth(label) + 4.5
	}
	d.draw(rule, 0.2)
	p.Line(marginX, y+h, marginX+d.textW, y+h)
	p.SetY(y + h + 7)

	blocks := [][2]string{
		{"Executive summary", d.text(c.ExecutiveSummary)},
		{"Recommendations", d.text(c.Recommendations)},
		{"Patient and public involvement", involvement(&d.r.Session)},
	}
	for _, b := range blocks {
		if b[1] == "" {
			continue
		}
		d.label(b[0])
		d.para(b[1], "", 10.5, ink)
		p.Ln(5)
	}
	d.need(12)
	d.para("The iceberg map follows on the next page, then what the group said about each element, the recommended actions and who took part.", "", 9, muted)
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// The map page: header, the iceberg drawing, legend and source.
func (d *doc) mapPage() {
	p := d.pdf
	p.AddPage()
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
	p.CellFormat(headW, 4.5, "PPEI ICEBERG MAP", "", 1, "L", false, 0, "")
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
	d.font("", 7.5)
	p.SetXY(x, y+8.5)
	p.CellFormat(w, 4.5, fmt.Sprintf("%d of %d elements agreed", d.m.Agreed, len(d.m.Columns)), "", 0, "C", false, 0, "")
}

func pts(x0, y0 float64, ps []mapmodel.Point) []gofpdf.PointType {
	out := make([]gofpdf.PointType, len(ps))
	for i, q := range ps {
		out[i] = gofpdf.PointType{X: x0 + q.X, Y: y0 + q.Y}
	}
	return out
}

// picture is how a kind of page colours the iceberg every map shares.
type picture struct {
	gradient      bool // the sea from seaTop to seaDeep; else flat sea
	sea, ice      rgb
	edge, line    rgb
	label         rgb // the waterline's words
	big           float64
	bigColour     rgb
	small, smallY float64 // the line under the tip's count: size, gap
	smallH        float64
	smallColour   *rgb // nil keeps the big line's colour
}

var mapPicture = picture{gradient: true, ice: ice, edge: iceEdge, line: navy, label: muted,
	big: 17, bigColour: navy, small: 8, smallH: 4, smallColour: &ink}

// background draws the sea, the ice, the waterline and its words, and the
// two lines in the visible tip, placed at x0, y0.
func (d *doc) background(x0, y0 float64, g mapmodel.Geometry, st picture, big, small string) {
	p := d.pdf
	sea := g.Sea
	if st.gradient {
		p.LinearGradient(x0+sea.X, y0+sea.Y, sea.W, sea.H, seaTop.r, seaTop.g, seaTop.b, seaDeep.r, seaDeep.g, seaDeep.b, 0, 1, 0, 0)
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

	d.font("B", 7)
	d.color(st.label)
	p.SetXY(x0+2, y0+g.Waterline-5)
	p.CellFormat(50, 4, "ABOVE THE WATERLINE: VISIBLE", "", 0, "L", false, 0, "")
	if len(g.Headers) > 0 {
		p.SetXY(x0+g.Headers[0].X, y0+g.Waterline+2)
		p.CellFormat(g.Width, 3.5, "BELOW THE SURFACE: THE DOING WORDS OF PRACTICE", "", 0, "L", false, 0, "")
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
	d.font("B", 8)
	badgeW := math.Max(p.GetStringWidth(col.Code)+3.5, 7)
	d.fill(navy)
	p.RoundedRect(x, y, badgeW, 5, 1.2, "1234", "F")
	d.color(rgb{255, 255, 255})
	p.SetXY(x, y)
	p.CellFormat(badgeW, 5, col.Code, "", 0, "C", false, 0, "")
	d.font("", 6.5)
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
func (d *doc) columnName(x, y float64, r mapmodel.Rect, name string, ink rgb) {
	p := d.pdf
	size := 9.5
	d.font("B", size)
	lines := p.SplitText(name, r.W)
	for len(lines) > 2 && size > 7 {
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

// cell draws a doing word: fill, pattern and mark all say its level, so it
// reads in grayscale print and to people who do not see colour.
func (d *doc) cell(x, y, w, h float64, label string, lvl data.Shade) {
	p := d.pdf
	textC := ink
	style := ""
	switch lvl {
	case data.ShadeShaded:
		d.fill(navy)
		d.draw(navy, 0.4)
		p.RoundedRect(x, y, w, h, 1.2, "1234", "FD")
		textC, style = rgb{255, 255, 255}, "B"
	case data.ShadePartly:
		d.fill(partly)
		d.draw(hatch, 0.4)
		p.RoundedRect(x, y, w, h, 1.2, "1234", "F")
		p.ClipRect(x, y, w, h, false)
		d.draw(hatch, 0.18)
		for k := -h; k < w; k += 2 {
			p.Line(x+k, y+h, x+k+h, y)
		}
		p.ClipEnd()
		d.draw(hatch, 0.4)
		p.RoundedRect(x, y, w, h, 1.2, "1234", "D")
		style = "B"
	default:
		d.fill(rgb{255, 255, 255})
		d.draw(rule, 0.3)
		p.RoundedRect(x, y, w, h, 1.2, "1234", "FD")
		textC = muted
	}
	r := math.Min(h*0.18, 1.9)
	cx := x + 1.6 + r
	mark(p, lvl, cx, y+h/2, r, lvl == data.ShadeShaded)
	tx := cx + r + 1.4
	tw := x + w - 1 - tx
	// Shrink a little to fit one line; past that, wrap (after a hyphen
	// if there is one) rather than print a word too small to read.
	size := math.Min(9.5, h*0.85)
	d.font(style, size)
	for p.GetStringWidth(label) > tw && size > 7.5 {
		size -= 0.25
		d.font(style, size)
	}
	lines := []string{label}
	if p.GetStringWidth(label) > tw && h >= 7 {
		lines = wrapWord(p, label, tw)
	}
	for widest(p, lines) > tw && size > 5 {
		size -= 0.25
		d.font(style, size)
	}
	lh := size * 0.42
	ty := y + h/2 - lh*float64(len(lines))/2
	d.color(textC)
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

// mark draws a level's shape: an empty circle, a half-filled circle, or a
// white disc with a tick. Shapes, not glyphs: the font has no tick.
func mark(p *gofpdf.Fpdf, lvl data.Shade, cx, cy, r float64, onDark bool) {
	p.SetLineWidth(0.35)
	switch lvl {
	case data.ShadeShaded:
		if onDark {
			p.SetFillColor(255, 255, 255)
			p.Circle(cx, cy, r, "F")
			tick(p, cx, cy, r*0.62, navy)
		} else {
			p.SetFillColor(navy.r, navy.g, navy.b)
			p.Circle(cx, cy, r, "F")
			tick(p, cx, cy, r*0.62, rgb{255, 255, 255})
		}
	case data.ShadePartly:
		p.SetDrawColor(navy.r, navy.g, navy.b)
		p.SetFillColor(255, 255, 255)
		p.Circle(cx, cy, r, "FD")
		// Left half filled: a polygon keeps the bytes simple and exact.
		var half []gofpdf.PointType
		for i := 0; i <= 16; i++ {
			a := math.Pi/2 + math.Pi*float64(i)/16
			half = append(half, gofpdf.PointType{X: cx + r*math.Cos(a), Y: cy - r*math.Sin(a)})
		}
		p.SetFillColor(navy.r, navy.g, navy.b)
		p.Polygon(half, "F")
	default:
		p.SetDrawColor(muted.r, muted.g, muted.b)
		p.Circle(cx, cy, r, "D")
	}
}

// tick draws a check mark of half-size s centred on cx, cy.
func tick(p *gofpdf.Fpdf, cx, cy, s float64, c rgb) {
	p.SetDrawColor(c.r, c.g, c.b)
	p.SetLineWidth(math.Max(s*0.32, 0.35))
	p.SetLineCapStyle("round")
	p.SetLineJoinStyle("round")
	p.Polygon([]gofpdf.PointType{
		{X: cx - s, Y: cy + 0.05*s},
		{X: cx - 0.3*s, Y: cy + 0.7*s},
		{X: cx + s, Y: cy - 0.7*s},
	}, "")
	p.SetLineCapStyle("butt")
}

func (d *doc) legend(y float64) {
	p := d.pdf
	d.font("B", 7)
	d.color(muted)
	p.SetXY(marginX, y)
	p.CellFormat(d.textW, 3.5, "KEY", "", 0, "L", false, 0, "")
	y += 4.5
	colW := d.textW / float64(len(d.m.Legend))
	for i, e := range d.m.Legend {
		x := marginX + float64(i)*colW
		d.cell(x, y, 27, 8, e.Label, e.Level)
		d.font("", 7.5)
		d.color(ink)
		p.SetXY(x+29, y-0.5)
		p.MultiCell(colW-31, 3.3, capitalise(e.Description)+".", "", "L", false)
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
	d.font("", 7.5)
	return float64(len(d.pdf.SplitText(d.sourceText(), d.textW)))*3.4 + 1
}

func (d *doc) source(y float64) {
	p := d.pdf
	d.font("", 7.5)
	d.color(muted)
	p.SetXY(marginX, y)
	p.MultiCell(d.textW, 3.4, d.sourceText(), "", "L", false)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// details writes what the group said about each element.
func (d *doc) details() {
	p := d.pdf
	p.AddPage()
	d.font("B", 9)
	d.color(muted)
	p.CellFormat(d.textW, 4.5, "WHAT THE GROUP SAID", "", 1, "L", false, 0, "")
	p.Ln(1)
	for i, col := range d.m.Columns {
		if i > 0 {
			p.Ln(6)
		}
		d.element(col)
	}
}

func (d *doc) element(col mapmodel.Column) {
	p := d.pdf
	st := d.r.Element(col.Code)
	d.need(40)
	y := p.GetY()
	d.font("B", 10)
	badgeW := math.Max(p.GetStringWidth(col.Code)+4.5, 9)
	d.fill(navy)
	p.RoundedRect(marginX, y, badgeW, 7, 1.5, "1234", "F")
	d.color(rgb{255, 255, 255})
	p.SetXY(marginX, y)
	p.CellFormat(badgeW, 7, col.Code, "", 0, "C", false, 0, "")
	d.font("B", 15)
	d.color(navy)
	p.SetXY(marginX+badgeW+3, y)
	p.CellFormat(d.textW-badgeW-3, 7, col.Name, "", 1, "L", false, 0, "")
	p.Ln(1)
	status := "Not yet agreed"
	if st.AgreedAt != nil {
		status = "Agreed on " + st.AgreedAt.UTC().Format("2 January 2006")
	}
	mins := st.Minutes()
	switch {
	case st.Seconds <= 0:
		status += " · no time recorded"
	case mins == 1:
		status += " · 1 minute spent"
	default:
		status += fmt.Sprintf(" · %d minutes spent", max(mins, 1))
	}
	d.para(status, "B", 9, muted)
	p.Ln(0.5)
	d.para(capitalise(clean(col.Definition))+".", "", 10, ink)
	p.Ln(3)

	var shown, hidden []mapmodel.Cell
	for _, c := range col.Words {
		if c.Level == data.ShadeNone {
			hidden = append(hidden, c)
		} else {
			shown = append(shown, c)
		}
	}
	d.label("Shaded by the group")
	if len(shown) == 0 {
		d.para("No words were shaded for this element.", "", 10, muted)
	}
	for _, c := range shown {
		d.need(9)
		y := p.GetY()
		mark(p, c.Level, marginX+2.2, y+2.6, 1.9, false)
		d.font("B", 10.5)
		d.color(ink)
		p.SetXY(marginX+6.5, y)
		p.CellFormat(p.GetStringWidth(c.Label)+2, 5.2, c.Label, "", 0, "L", false, 0, "")
		d.font("", 9)
		d.color(muted)
		level := strings.ToLower(c.Level.Label())
		if t := d.tally(c.ID); t != "" {
			level += " · " + t
		}
		p.CellFormat(0, 5.2, level, "", 1, "L", false, 0, "")
		if note := d.text(c.Note); note != "" {
			d.font("", 10)
			d.color(ink)
			p.SetLeftMargin(marginX + 6.5)
			p.SetX(marginX + 6.5)
			p.MultiCell(d.textW-6.5, lineH, note, "", "L", false)
			p.SetLeftMargin(marginX)
		}
		p.Ln(1.5)
	}
	if len(hidden) > 0 {
		var names []string
		for _, c := range hidden {
			// A word the group left unshaded that some shaded on their
			// own is worth seeing: the tally goes with it.
			if t := d.tally(c.ID); t != "" {
				names = append(names, c.Label+" ("+t+")")
				continue
			}
			names = append(names, c.Label)
		}
		p.Ln(1)
		d.para("Not shaded: "+strings.Join(names, ", ")+".", "", 9.5, muted)
	}
	p.Ln(3)
	d.label("Discussion notes")
	notes := d.text(st.Notes)
	if notes == "" {
		d.para("No discussion notes were recorded.", "", 10, muted)
	} else {
		d.para(notes, "", 10, ink)
	}
}

// tally is "4 of 9 people shaded this on their own" for a word with a
// recorded tally, or "".
func (d *doc) tally(wordID string) string {
	return TallyLine(d.r.Word(wordID).Tally, d.r.TallyOf)
}

// TallyLine says how many people shaded a word on their own before the
// group agreed: "4 of 9 people shaded this on their own", or without the
// total when it was not recorded. It is "" when there is no tally.
func TallyLine(count, of *int) string {
	if count == nil || *count < 0 {
		return ""
	}
	n := *count
	if of != nil && *of > 0 && n <= *of {
		people := "people"
		if *of == 1 {
			people = "person"
		}
		return fmt.Sprintf("%d of %d %s shaded this on their own", n, *of, people)
	}
	if n == 1 {
		return "1 person shaded this on their own"
	}
	return fmt.Sprintf("%d people shaded this on their own", n)
}

// closing writes the summary, actions and who took part.
func (d *doc) closing() {
	p := d.pdf
	p.Ln(8)
	d.heading("Summary", 14, 12)
	if s := d.text(d.r.Summary); s != "" {
		d.para(s, "", 10, ink)
	} else {
		d.para("No summary was recorded.", "", 10, muted)
	}
	p.Ln(8)
	d.heading("Recommended actions", 14, 20)
	d.para("What would bring hidden practice to the surface?", "", 9.5, muted)
	p.Ln(2)
	d.actions()
	p.Ln(8)
	d.heading("Who took part", 14, 20)
	d.participants()
}

// table writes rows whose cells wrap, line by line, so a long row flows
// onto the next page with the header repeated and nothing clipped.
func (d *doc) table(head []string, widths []float64, rows [][]string) {
	p := d.pdf
	gap := 3.0
	header := func() {
		y := p.GetY()
		d.font("B", 8.5)
		d.color(navy)
		x := marginX
		for i, h := range head {
			p.SetXY(x, y)
			p.CellFormat(widths[i]-gap, 5, h, "", 0, "L", false, 0, "")
			x += widths[i]
		}
		d.draw(navy, 0.4)
		p.Line(marginX, y+5.5, marginX+d.textW, y+5.5)
		p.SetY(y + 7)
	}
	d.need(20)
	header()
	d.font("", 9.5)
	lh := 4.6
	for _, row := range rows {
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
			d.font("", 9.5)
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

func (d *doc) actions() {
	if len(d.r.Actions) == 0 {
		d.para("No actions were recorded.", "", 10, muted)
		return
	}
	var rows [][]string
	for _, a := range d.r.Actions {
		el := ""
		if e, ok := d.fw.Element(a.Element); ok && a.Element != "" {
			el = e.Name
		}
		rows = append(rows, []string{d.text(a.Text), d.text(a.Owner), mapmodel.DateWords(a.Due), el})
	}
	w := d.textW
	d.table([]string{"Action", "Owner", "Due", "Element"}, []float64{w * 0.5, w * 0.19, w * 0.14, w * 0.17}, rows)
}

func (d *doc) participants() {
	d.para(involvement(&d.r.Session), "", 10, ink)
	d.pdf.Ln(3)
	if d.r.TotalParticipants() > 0 {
		var rows [][]string
		head := []string{"Role", "Number"}
		w := d.textW
		widths := []float64{w * 0.6, w * 0.4}
		if d.opt.Names {
			head = append(head, "Names")
			widths = []float64{w * 0.32, w * 0.13, w * 0.55}
		}
		for _, role := range data.Roles {
			n := d.r.Count(role)
			if n == 0 {
				continue
			}
			row := []string{role.Label(), fmt.Sprint(n)}
			if d.opt.Names {
				var names []string
				for _, pp := range d.r.Participants {
					if pp.Role == role {
						names = append(names, pp.Names...)
					}
				}
				row = append(row, clean(strings.Join(names, ", ")))
			}
			rows = append(rows, row)
		}
		d.table(head, widths, rows)
	}
	d.pdf.Ln(2)
	if d.opt.Names {
		if f := clean(strings.TrimSpace(d.r.Facilitator)); f != "" {
			d.para("Facilitated by "+f+".", "", 10, ink)
		}
	} else {
		d.para("This is the public version: names of participants and the facilitator are left out.", "", 9, muted)
	}
}
