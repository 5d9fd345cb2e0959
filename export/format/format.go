// Package format is the one place that knows every output a session can be
// exported as: the board paper as PDF, HTML or Word, and the map alone as
// PNG (300 dpi) or SVG. The command line and the window both ask it for a
// writer, so every format goes through the same privacy step and options.
package format

import (
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/privacy"
	"github.com/ppei-iceberg/iceberg/export"
	"github.com/ppei-iceberg/iceberg/export/html"
	"github.com/ppei-iceberg/iceberg/export/mapimage"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
	"github.com/ppei-iceberg/iceberg/export/report"
	"github.com/ppei-iceberg/iceberg/export/word"
)

// The formats, by the name the command line takes and the file extension.
const (
	PDF  = "pdf"
	HTML = "html"
	DOCX = "docx"
	PNG  = "png"
	SVG  = "svg"
)

// All lists the formats in the order menus show them.
var All = []string{PDF, HTML, DOCX, PNG, SVG}

// Label names a format for a menu.
func Label(f string) string {
	switch f {
	case PDF:
		return "Board paper (PDF)"
	case HTML:
		return "Accessible web page (HTML)"
	case DOCX:
		return "Word document (.docx)"
	case PNG:
		return "Map picture (PNG, 300 dpi)"
	case SVG:
		return "Map drawing (SVG)"
	}
	return f
}

// MapOnly reports whether a format is the map alone, which goes with its
// text alternative.
func MapOnly(f string) bool { return f == PNG || f == SVG }

// FromName is the format a file's name asks for ("report.htm" → html), or
// "" when its extension names none.
func FromName(path string) string {
	f := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	if f == "htm" {
		f = HTML
	}
	if slices.Contains(All, f) {
		return f
	}
	return ""
}

// Options are the choices every format shares. The zero value is the
// public A4 paper with its cover sheet.
type Options struct {
	Names     bool                        // keep participants' and the facilitator's names
	Paper     string                      // "a4" (default) or "letter": the PDF's page, the HTML's printed page
	NoCover   bool                        // no cover sheet (the report's insert mode)
	Insert    bool                        // insert mode: no cover sheet, no footer or page numbers of the paper's own
	Previous  *data.Record                // the mapping a follow-up re-maps, for "what moved"
	Decisions map[int64]privacy.Decisions // the privacy check's choices, by session
}

// Writer returns what writes r as format f. Every format is public unless
// opt.Names, through the one privacy step.
func Writer(fw *data.Framework, r *data.Record, f string, opt Options) (func(io.Writer) error, error) {
	switch f {
	case PDF:
		o := export.Options{Paper: opt.Paper, Names: opt.Names, NoCover: opt.NoCover, Insert: opt.Insert, Previous: opt.Previous, Decisions: opt.Decisions}
		return func(w io.Writer) error { return export.WritePDF(w, fw, r, o) }, nil
	case HTML, DOCX:
		rep, err := report.Build(fw, r, report.Options{Names: opt.Names, Decisions: opt.Decisions, Insert: opt.NoCover || opt.Insert, Previous: opt.Previous})
		if err != nil {
			return nil, err
		}
		if f == DOCX {
			return func(w io.Writer) error { return word.Write(w, rep) }, nil
		}
		ho := html.Options{Paper: opt.Paper}
		return func(w io.Writer) error { return html.Write(w, rep, ho) }, nil
	case PNG, SVG:
		m := Map(fw, r, opt)
		if f == PNG {
			return func(w io.Writer) error { return mapimage.WritePNG(w, m) }, nil
		}
		return func(w io.Writer) error { return mapimage.WriteSVG(w, m) }, nil
	}
	return nil, data.Errorf(data.EInvalid, "%q is not a format: use %s.", f, strings.Join(All, ", "))
}

// Unprintable lists the text the PDF of r, written with opt, cannot draw,
// and where (see export.Unprintable); the other formats draw all of it.
func Unprintable(fw *data.Framework, r *data.Record, f string, opt Options) ([]export.Finding, error) {
	if f != PDF {
		return nil, nil
	}
	return export.Unprintable(fw, r, export.Options{Paper: opt.Paper, Names: opt.Names, NoCover: opt.NoCover, Insert: opt.Insert, Previous: opt.Previous, Decisions: opt.Decisions})
}

// Map is the map of r's public version (or named, with opt.Names), as the
// pictures draw it.
func Map(fw *data.Framework, r *data.Record, opt Options) mapmodel.Model {
	return mapmodel.Build(fw, export.PublicRecord(fw, r, export.Options{Names: opt.Names, Decisions: opt.Decisions}))
}

// AltText is the map's text alternative, of the same public version the
// pictures draw: what to paste as a picture's alt text.
func AltText(fw *data.Framework, r *data.Record, opt Options) string {
	return mapmodel.AltText(Map(fw, r, opt))
}
