package export

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
	"github.com/ppei-iceberg/iceberg/export/report"
)

// Finding is a run of text the PDF cannot draw, and where it is: it
// prints as a marker such as "[Arabic text not shown in the PDF]".
type Finding struct {
	Where  string // the place in the paper: "Cover sheet: Executive summary", "5.2 Materiality (Mat): Reporting"
	Script string // what kind of text: "Arabic", "emoji", "symbol"
	Chars  string // the characters, as typed (the first 40 of a long run)
}

// String says the finding in one line: where, what, and the characters
// with their code points.
func (f Finding) String() string {
	var codes []string
	seen := map[rune]bool{}
	for _, r := range f.Chars {
		if r == ' ' || seen[r] || len(codes) == 8 {
			continue
		}
		seen[r] = true
		codes = append(codes, fmt.Sprintf("U+%04X", r))
	}
	what := f.Script + " text"
	switch f.Script {
	case "emoji", "symbol":
		what = f.Script
	}
	return fmt.Sprintf("%s: %s “%s” (%s)", f.Where, what, f.Chars, strings.Join(codes, " "))
}

// Unprintable lists every run of text in the session's board paper that
// the PDF cannot draw, in the paper's order, with where it is: what the
// CLI prints on standard error, and the window shows, before writing a
// PDF. It reads the paper as opt makes it (public unless opt.Names), so it
// never names a person the paper leaves out.
func Unprintable(fw *data.Framework, r *data.Record, opt Options) ([]Finding, error) {
	if fw == nil || r == nil {
		return nil, fmt.Errorf("check the pdf's characters: no framework or session")
	}
	rep, err := report.Build(fw, r, report.Options{Names: opt.Names, Decisions: opt.Decisions, Insert: opt.NoCover || opt.Insert, Previous: opt.Previous})
	if err != nil {
		return nil, fmt.Errorf("check the pdf's characters: %w", err)
	}
	var out []Finding
	look := func(where, s string) {
		_, runs := mapmodel.Printable(s, fontHas, "PDF")
		for _, run := range runs {
			chars := strings.TrimSpace(run.Text)
			if utf8.RuneCountInString(chars) > 40 {
				chars = string([]rune(chars)[:40]) + "…"
			}
			out = append(out, Finding{Where: where, Script: run.Script, Chars: chars})
		}
	}
	look("Title", rep.Title)
	look("Organisation", rep.Kicker)
	if c := rep.Cover; c != nil {
		for _, f := range c.Fields {
			look("Cover sheet: "+f.Label, f.Value)
		}
		for _, f := range c.Texts {
			look("Cover sheet: "+f.Label, f.Value)
		}
	}
	for _, s := range rep.Sections {
		where, label := s.Heading(), ""
		for _, b := range s.Blocks {
			switch b.Kind {
			case report.Subheading:
				where, label = b.Text, ""
			case report.Label:
				label = b.Text
			case report.Paragraph:
				if label != "" {
					look(where+": "+label, b.Text)
					continue
				}
			}
			look(where, b.Text)
			for _, it := range b.Items {
				w := where
				if it.Lead != "" {
					w += ": " + it.Lead
				}
				look(w, it.Text)
				look(w, it.Note)
			}
			if t := b.Table; t != nil {
				for i, row := range t.Rows {
					for _, c := range row.Cells {
						look(fmt.Sprintf("%s, table row %d", where, i+1), c)
					}
				}
			}
		}
	}
	// The map page's lines (community, organisation, date) are in the
	// sections' text too; a title or a community is said once.
	return dedupe(out), nil
}

// dedupe drops a finding that repeats one already listed.
func dedupe(fs []Finding) []Finding {
	seen := map[Finding]bool{}
	var out []Finding
	for _, f := range fs {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}
