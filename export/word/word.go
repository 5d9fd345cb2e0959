// Package word writes the board paper as a Word document (.docx) for an
// organisation's board-paper template: Word's own styles (Title, Heading
// 1 and 2, Caption, Table Grid), tables whose header rows repeat, and the
// iceberg map as a picture with its text alternative as alt text.
//
// It renders an export/report Report, the same content, order and wording
// the HTML page renders, and so gets a record that is already public; it
// decides nothing about people.
package word

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ppei-iceberg/iceberg/export/docx"
	"github.com/ppei-iceberg/iceberg/export/mapimage"
	"github.com/ppei-iceberg/iceberg/export/report"
)

// Write writes the report as a .docx file. The same report always gives
// the same bytes.
func Write(w io.Writer, rep *report.Report) error {
	if rep == nil {
		return errors.New("write word: no report")
	}
	d := &docx.Document{Title: rep.Title, Subject: rep.Subject, Creator: rep.Author, Language: report.Lang, Modified: paperTime(rep.Date)}
	if !rep.Insert {
		d.Footer = rep.Footer // insert mode leaves page furniture to the organisation's template
	}
	p := &doc{d: d}
	if err := p.write(rep); err != nil {
		return fmt.Errorf("write word: %w", err)
	}
	if err := d.Write(w); err != nil {
		return fmt.Errorf("write word: %w", err)
	}
	return nil
}

// paperTime is the paper's date as the document's date, so the bytes
// stay the same for the same session.
func paperTime(s string) time.Time {
	t, err := time.Parse("2 January 2006", s)
	if err != nil {
		return time.Time{}
	}
	return t
}

type doc struct {
	d *docx.Document
}

func (p *doc) write(rep *report.Report) error {
	d := p.d
	d.Para(docx.StyleSubtitle, docx.Plain(rep.Kicker))
	d.Heading(0, rep.Title)
	sub := "PPEI iceberg map"
	if rep.Date != "" {
		sub += " · " + rep.Date
	}
	d.Para(docx.StyleSubtitle, docx.Plain(sub))
	if rep.Draft {
		d.Para("", docx.Bold("Draft"), docx.Plain(": not every element is agreed yet."))
	}
	if rep.Cover != nil {
		if err := p.cover(rep.Cover); err != nil {
			return err
		}
	}
	d.Para(docx.StyleSubtitle, docx.Plain("Contents"))
	var items []docx.ListItem
	for _, s := range rep.Sections {
		items = append(items, docx.ListItem{Runs: []docx.Run{docx.Plain(s.Heading())}})
	}
	d.List(false, items...)
	for _, s := range rep.Sections {
		d.Heading(1, s.Heading())
		if err := p.blocks(s.Blocks); err != nil {
			return err
		}
	}
	end := "Made with PPEI Iceberg."
	if rep.Public {
		end += " This is the public version: participants' and the facilitator's names are withheld."
	}
	d.Para("", docx.Run{Text: rep.Footer, Italic: true})
	d.Para("", docx.Run{Text: end, Italic: true})
	return nil
}

// cover writes the board cover sheet as a table of its fields, as the
// HTML page does: label, then value, one row each.
func (p *doc) cover(c *report.Cover) error {
	t := docx.Table{Caption: c.Heading + ": cover sheet", Head: []string{"Item", "Detail"}, RowHeader: 0, Widths: []float64{1, 2.4}}
	for _, f := range c.Fields {
		t.Rows = append(t.Rows, []string{f.Label, f.Value})
	}
	if ch := c.Purpose; ch != nil {
		var opts []string
		for i, o := range ch.Options {
			if i == ch.Chosen {
				opts = append(opts, "☒ "+o+" (chosen)")
			} else {
				opts = append(opts, "☐ "+o)
			}
		}
		t.Rows = append(t.Rows, []string{ch.Label, strings.Join(opts, "\n")})
	}
	// The longer fields: the executive summary, recommendations, involvement.
	for _, f := range c.Texts {
		t.Rows = append(t.Rows, []string{f.Label, f.Value})
	}
	return p.d.AddTable(t)
}

// blocks writes a section's blocks. A Label is a heading one level below
// the last: Heading 2 in a section, Heading 3 under a Subheading.
func (p *doc) blocks(bs []report.Block) error {
	d := p.d
	label := 2
	for _, b := range bs {
		switch b.Kind {
		case report.Subheading:
			d.Heading(2, b.Text)
			label = 3
		case report.Label:
			d.Heading(label, b.Text)
		case report.Paragraph:
			for i, t := range report.Paragraphs(b.Text) {
				var runs []docx.Run
				if i == 0 && b.Lead != "" {
					runs = append(runs, docx.Bold(b.Lead+" "))
				}
				runs = append(runs, docx.Run{Text: t, Italic: b.Tone == report.Quiet})
				d.Para("", runs...)
			}
		case report.List, report.Steps:
			var items []docx.ListItem
			for _, it := range b.Items {
				var runs []docx.Run
				if it.Lead != "" {
					runs = append(runs, docx.Bold(it.Lead))
					if it.Text != "" {
						runs = append(runs, docx.Plain(": "))
					}
				}
				runs = append(runs, docx.Plain(it.Text))
				li := docx.ListItem{Runs: runs}
				for _, n := range report.Paragraphs(it.Note) {
					if n != "" {
						li.More = append(li.More, []docx.Run{docx.Plain(n)})
					}
				}
				items = append(items, li)
			}
			d.List(b.Kind == report.Steps, items...)
		case report.TableBlock:
			if err := p.table(b.Table); err != nil {
				return err
			}
		case report.FigureBlock:
			if err := p.figure(b.Figure); err != nil {
				return err
			}
		case report.QuoteBlock:
			d.Para(docx.StyleQuote, docx.Plain(b.Text))
			if b.Source != "" {
				d.Para(docx.StyleQuote, docx.Plain("— "+b.Source))
			}
		}
	}
	return nil
}

func (p *doc) table(t *report.Table) error {
	out := docx.Table{Caption: t.Caption, Head: t.Head, RowHeader: t.RowHeader, Widths: widths(t)}
	for _, r := range t.Rows {
		out.Rows = append(out.Rows, r.Cells)
	}
	return p.d.AddTable(out)
}

// widths shares a table's width by what each column holds: room for its
// longest word, so no word breaks, and more for long text, so an action
// gets room and a date does not.
func widths(t *report.Table) []float64 {
	line := make([]float64, len(t.Head))
	word := make([]float64, len(t.Head))
	grow := func(i int, s string) {
		if i >= len(line) {
			return
		}
		for _, l := range strings.Split(s, "\n") {
			line[i] = max(line[i], float64(utf8.RuneCountInString(l)))
		}
		for _, f := range strings.Fields(s) {
			word[i] = max(word[i], float64(utf8.RuneCountInString(f)))
		}
	}
	for i, h := range t.Head {
		grow(i, h)
	}
	for _, r := range t.Rows {
		for i, c := range r.Cells {
			grow(i, c)
		}
	}
	w := make([]float64, len(line))
	for i := range w {
		w[i] = max(word[i]+3, 0.6*min(line[i], 50))
	}
	return w
}

// figure draws the map as a 300 dpi PNG, its short text alternative as
// the picture's alt-text title and the full one as its description.
func (p *doc) figure(f *report.Figure) error {
	var buf bytes.Buffer
	if err := mapimage.WritePNG(&buf, f.Map); err != nil {
		return err
	}
	return p.d.AddPicture(docx.Picture{PNG: buf.Bytes(), Title: f.Title, Description: f.Description, Caption: f.Caption})
}
