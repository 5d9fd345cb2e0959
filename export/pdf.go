package export

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
	"github.com/ppei-iceberg/iceberg/export/report"
)

// WritePDF writes the session's board paper as a PDF, from the same
// report model (export/report) as the HTML and Word papers, in its order:
// the cover sheet when there is one, then the numbered sections (what the
// map shows, the map, recommendations and actions, who took part, the
// appendix), each with a bookmark. The same session and options always give the same bytes.
func WritePDF(w io.Writer, fw *data.Framework, r *data.Record, opt Options) error {
	if fw == nil || r == nil {
		return errors.New("write pdf: no framework or session")
	}
	size, err := paperSize(opt.Paper)
	if err != nil {
		return err
	}
	rep, err := report.Build(fw, r, report.Options{Names: opt.Names, Decisions: opt.Decisions, Insert: opt.NoCover || opt.Insert, Previous: opt.Previous})
	if err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	d := newDoc(fw, r, opt, size)
	d.describe(d.text(rep.Title), d.text(rep.Subject))
	if a := d.text(rep.Author); a != "" {
		d.pdf.SetAuthor(a, true)
	}
	d.paper(rep)
	return d.output(w, "write pdf")
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
	// bodyType sets tables in the board paper's body size (bodySize).
	bodyType bool
	// wordSize is the one type size of the doing words on this map, or 0
	// to size each cell by its own height.
	wordSize float64
}

func newDoc(fw *data.Framework, r *data.Record, opt Options, size string) *doc {
	when := r.UpdatedAt.UTC()
	if r.UpdatedAt.IsZero() {
		when = fixedDate
	}
	r = PublicRecord(fw, r, opt)
	d := newPage(fw, r, size, when)
	d.opt = opt
	d.bodyType = true
	if !opt.Insert {
		// In insert mode the organisation's template numbers the pages.
		d.pdf.SetFooterFunc(d.footer)
	}
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

func (d *doc) footer() {
	p := d.pdf
	y := d.pageH - footerY
	d.draw(rule, 0.2)
	p.Line(marginX, y-1.5, d.pageW-marginX, y-1.5)
	d.font("", footSize)
	d.color(muted)
	right := fmt.Sprintf("Page %d of {nb}", p.PageNo())
	rightW := 30.0
	date := d.paperDate()
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

// paperDate is the footer's date: the paper's own date from the cover
// sheet when one is set, else the day the session last changed, said so.
func (d *doc) paperDate() string {
	if p := strings.TrimSpace(d.r.Cover.PaperDate); p != "" {
		return mapmodel.DateWords(p)
	}
	return "Last changed " + mapmodel.DateWords(d.changed())
}

func (d *doc) changed() string {
	if d.r.UpdatedAt.IsZero() {
		return ""
	}
	return d.r.UpdatedAt.UTC().Format(time.DateOnly)
}
