package cli

import (
	"flag"
	"fmt"
	"strings"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/privacy"
	"github.com/ppei-iceberg/iceberg/export/format"
)

// formatFlag adds --format to the export command.
func formatFlag(fs *flag.FlagSet) {
	fs.String("format", "", "pdf, html, docx, png or svg (default: from the --out file's name, else pdf)")
}

// exportFormat is the format asked for: --format, or else the --out file's
// extension when it names one, or else PDF.
func exportFormat(fs *flag.FlagSet, out string) (string, error) {
	f := strings.ToLower(strings.TrimSpace(str(fs, "format")))
	if f == "" {
		if f = format.FromName(out); f == "" {
			f = format.PDF
		}
	}
	if f == "htm" {
		f = format.HTML
	}
	for _, ok := range format.All {
		if f == ok {
			return f, nil
		}
	}
	return "", usagef("the format must be one of %s, not %q", strings.Join(format.All, ", "), f)
}

// runExportAs writes the session in the format asked for. Every format is
// public unless --names, through the same privacy step as the PDF.
func runExportAs(c *call) error {
	out := str(c.fs, "out")
	if out == "" {
		return usagef("export needs --out FILE (a .pdf, .html, .docx, .png or .svg)")
	}
	f, err := exportFormat(c.fs, out)
	if err != nil {
		return err
	}
	if f == format.PDF {
		return runExport(c)
	}
	paper, err := paperOption(c.fs)
	if err != nil {
		return err
	}
	r, err := c.store.Session(c.ctx, c.sid)
	if err != nil {
		return err
	}
	opt := format.Options{Names: boolean(c.fs, "names"), Paper: paper, NoCover: boolean(c.fs, "no-cover"), Insert: boolean(c.fs, "insert")}
	if opt.Decisions, err = c.decisionsFor(r); err != nil {
		return err
	}
	if opt.Previous, err = c.previous(r, opt.Decisions); err != nil {
		return err
	}
	write, err := format.Writer(c.fw, r, f, opt)
	if err != nil {
		return err
	}
	if err := c.writeOut(out, opt.Names, write); err != nil {
		return err
	}
	if format.MapOnly(f) {
		alt := c.out()
		if out == "-" {
			alt = c.env.Stderr // standard output holds the picture
		}
		fmt.Fprintf(alt, "The map's text alternative, for the picture's alt text:\n%s\n", format.AltText(c.fw, r, opt))
	}
	c.privacyNote([]*data.Record{r}, opt.Names)
	return nil
}

// previous is the mapping r follows up, for what moved since then, with its
// privacy decisions added to decisions; nil when r is not a follow-up or
// the earlier session is missing or deleted, which only leaves that out.
func (c *call) previous(r *data.Record, decisions map[int64]privacy.Decisions) (*data.Record, error) {
	if r.FollowsID == 0 {
		return nil, nil
	}
	prev, err := c.store.Session(c.ctx, r.FollowsID)
	if err != nil {
		if data.ErrorCode(err) == data.ENotFound {
			return nil, nil
		}
		return nil, fmt.Errorf("read the earlier mapping %d: %w", r.FollowsID, err)
	}
	if d, err := c.decisions(prev.ID); err == nil && decisions != nil {
		decisions[prev.ID] = d
	}
	return prev, nil
}
