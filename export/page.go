// Page setup written once: every PDF here (the session's map, the
// hand-out, the comparisons) starts, names and finishes its pages through
// these.
package export

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
	"github.com/ppei-iceberg/iceberg/export/report"
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

// fixedDate is the creation date of pages made from the framework alone,
// so the same options always give the same bytes.
var fixedDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// paperSize reads a paper option as gofpdf names it.
func paperSize(s string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "a4":
		return "A4", nil
	case "letter", "us letter", "us-letter":
		return "Letter", nil
	}
	return "", data.Errorf(data.EInvalid, "%q is not a paper size: use a4 or letter.", s)
}

// newPage starts a PDF of the given gofpdf paper size: the embedded font,
// the margins, and when as its creation and change date, so the same
// content always gives the same bytes. r is the session the drawing
// helpers read (an empty record for pages of the framework alone).
func newPage(fw *data.Framework, r *data.Record, size string, when time.Time) *doc {
	pdf := gofpdf.New("P", "mm", size, "")
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(when)
	pdf.SetModificationDate(when)
	if err := resources.CheckTextFonts(); err != nil {
		pdf.SetError(err) // every later call is then a no-op, and output returns it
	}
	pdf.AddUTF8FontFromBytes(font, "", resources.PaperFontRegular())
	pdf.AddUTF8FontFromBytes(font, "B", resources.PaperFontBold())
	pdf.SetMargins(marginX, marginTop, marginX)
	pdf.SetAutoPageBreak(true, marginBottom)
	pdf.SetCellMargin(0)
	pdf.AliasNbPages("{nb}")
	d := &doc{pdf: pdf, fw: fw, r: r, m: mapmodel.Build(fw, r)}
	d.pageW, d.pageH = pdf.GetPageSize()
	d.textW = d.pageW - 2*marginX
	return d
}

// describe sets the file's title and subject, as a PDF reader lists them.
func (d *doc) describe(title, subject string) {
	d.pdf.SetTitle(title, true)
	d.pdf.SetSubject(subject, true)
	d.pdf.SetCreator("PPEI Iceberg", true)
}

// output writes the finished PDF to w, or the first error met on the way.
func (d *doc) output(w io.Writer, what string) error {
	if d.pdf.Err() {
		return fmt.Errorf("%s: %w", what, d.pdf.Error())
	}
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	b, err := finishPDF(buf.Bytes(), report.Lang)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// plainFooter writes "left … Page X of Y" at the foot of every page.
func (d *doc) plainFooter(left string, c colour) func() {
	return func() {
		p := d.pdf
		y := d.pageH - footerY
		d.draw(grayRule, 0.2)
		p.Line(marginX, y-1.5, d.pageW-marginX, y-1.5)
		d.font("", 7.5)
		d.color(c)
		rightW := 24.0
		p.SetXY(marginX, y)
		p.CellFormat(d.textW-rightW, 4, fit(p, left, d.textW-rightW-4), "", 0, "L", false, 0, "")
		p.SetXY(d.pageW-marginX-rightW+4, y)
		p.CellFormat(rightW-4, 4, fmt.Sprintf("Page %d of {nb}", p.PageNo()), "", 0, "L", false, 0, "")
	}
}
