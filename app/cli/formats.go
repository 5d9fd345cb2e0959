package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export"
	"github.com/ppei-iceberg/iceberg/export/html"
	"github.com/ppei-iceberg/iceberg/export/mapimage"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
	"github.com/ppei-iceberg/iceberg/export/report"
	"github.com/ppei-iceberg/iceberg/export/word"
)

// Formats are what `export --format` writes: the board paper as PDF, HTML
// or Word, or the map alone as PNG (300 dpi) or SVG.
var Formats = []string{"pdf", "html", "docx", "png", "svg"}

// formatFlag adds --format to the export command.
func formatFlag(fs *flag.FlagSet) {
	fs.String("format", "", "pdf, html, docx, png or svg (default: from the --out file's name, else pdf)")
}

// exportFormat is the format asked for: --format, or else the --out file's
// extension when it names one, or else PDF.
func exportFormat(fs *flag.FlagSet, out string) (string, error) {
	f := strings.ToLower(strings.TrimSpace(str(fs, "format")))
	if f == "" {
		f = strings.TrimPrefix(strings.ToLower(filepath.Ext(out)), ".")
		if f == "htm" {
			f = "html"
		}
		if !contains(Formats, f) {
			f = "pdf"
		}
	}
	if !contains(Formats, f) {
		return "", usagef("the format must be one of %s, not %q", strings.Join(Formats, ", "), f)
	}
	return f, nil
}

func contains(list []string, s string) bool { return slices.Contains(list, s) }

// runExportAs writes the session in the format asked for. Every format is
// public unless --names, through the same privacy step as the PDF.
func runExportAs(c *call) error {
	out := str(c.fs, "out")
	if out == "" {
		return usagef("export needs --out FILE (a .pdf, .html, .docx, .png or .svg)")
	}
	format, err := exportFormat(c.fs, out)
	if err != nil {
		return err
	}
	if format == "pdf" {
		return runExport(c)
	}
	id, err := c.id(0)
	if err != nil {
		return err
	}
	paper := strings.ToLower(str(c.fs, "paper"))
	if paper != "a4" && paper != "letter" {
		return usagef("the paper must be a4 or letter, not %q", paper)
	}
	r, err := c.store.Session(c.ctx, id)
	if err != nil {
		return err
	}
	names := boolean(c.fs, "names")
	var write func(io.Writer) error
	alt := "" // the map's text alternative, printed beside a picture of it
	switch format {
	case "html", "docx":
		opt := report.Options{Names: names, Insert: boolean(c.fs, "no-cover")}
		if r.FollowsID != 0 {
			// What moved since the mapping this one follows up; a
			// missing or deleted earlier session only leaves that out.
			if prev, err := c.store.Session(c.ctx, r.FollowsID); err == nil {
				opt.Previous = prev
			} else if data.ErrorCode(err) != data.ENotFound {
				return err
			}
		}
		rep, err := report.Build(c.fw, r, opt)
		if err != nil {
			return err
		}
		write = func(w io.Writer) error { return word.Write(w, rep) }
		if format == "html" {
			write = func(w io.Writer) error { return html.Write(w, rep, html.Options{Paper: paper}) }
		}
	case "png", "svg":
		m := mapmodel.Build(c.fw, export.PublicRecord(c.fw, r, export.Options{Names: names}))
		write = func(w io.Writer) error { return mapimage.WriteSVG(w, m) }
		if format == "png" {
			write = func(w io.Writer) error { return mapimage.WritePNG(w, m) }
		}
		alt = mapmodel.AltText(m)
	default:
		return errors.New("export: unknown format " + format)
	}
	if err := export.WriteFileAtomic(out, write); err != nil {
		return err
	}
	if alt != "" {
		fmt.Fprintf(c.out(), "The map's text alternative, for the picture's alt text:\n%s\n", alt)
	}
	c.privacyNote([]*data.Record{r}, names)
	return nil
}
