package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/privacy"
	"github.com/ppei-iceberg/iceberg/export/format"
)

// newFormatChoice is Review's choice of what Export writes: the board paper
// as PDF (the default), HTML or Word, or the map alone as PNG or SVG.
func newFormatChoice() *choice {
	var labels []string
	for _, f := range format.All {
		labels = append(labels, format.Label(f))
	}
	s := newChoice(labels, nil)
	s.SetSelectedIndex(0)
	return s
}

// chosenFormat is the format picked on Review, or PDF.
func chosenFormat(s *choice) string {
	if s == nil {
		return format.PDF
	}
	if i := s.SelectedIndex(); i >= 0 && i < len(format.All) {
		return format.All[i]
	}
	return format.PDF
}

// exportPaper asks where to save the session in the format chosen on Review
// (the PDF board paper unless another is picked) and writes it there whole,
// or not at all. Every format is public unless "Include names" is ticked.
func (u *ui) exportPaper() {
	if u.sess.rec == nil {
		u.msg.info("Open a session first: the export is of one session.")
		return
	}
	if u.screen != screenReview {
		u.show(screenReview) // so the format and "Include names" choices are in view
	}
	u.sess.flush()
	u.sess.reread()
	f, opt := format.PDF, format.Options{Paper: "a4"}
	if r := u.cur.review; r != nil {
		f, opt = chosenFormat(r.format), r.options()
	}
	rec := u.sess.rec
	recs := []*data.Record{rec}
	if rec.FollowsID != 0 {
		// What moved since the mapping this one follows; without it the
		// paper only leaves that out.
		if prev, err := u.sess.store.Session(u.sess.ctx, rec.FollowsID); err == nil {
			opt.Previous = prev
			recs = append(recs, prev)
		}
	}
	what := map[string]string{format.PDF: "The PDF", format.HTML: "The web page", format.DOCX: "The Word document", format.PNG: "The map picture", format.SVG: "The map drawing"}[f]
	save := func(d privacy.Decisions) {
		all, err := decisionsFor(u.sess.ctx, u.sess.store, recs...)
		if err != nil {
			u.msg.fail(err)
			return
		}
		all[rec.ID] = d
		opt.Decisions = all
		write, err := format.Writer(u.fw, rec, f, opt)
		if err != nil {
			u.msg.fail(err)
			return
		}
		warning := unprintableLine(u.fw, rec, f, opt)
		if warning != "" {
			u.msg.info(warning)
		}
		u.dialogs.save(fileName(rec.Title)+"."+f, what, opt.Names, write, func(path string) string {
			who := "without names (public)"
			if opt.Names {
				who = "with names"
			}
			msg := what + " saved " + who + ": " + path
			if format.MapOnly(f) {
				msg += ". Use “Copy the map's text alternative” for its alt text."
			}
			if warning != "" {
				msg += ". " + warning
			}
			return msg
		})
	}
	if opt.Names {
		// Not a public output: names are kept; personal data still
		// follows the decisions remembered for the session.
		d, err := decisionsFor(u.sess.ctx, u.sess.store, rec)
		if err != nil {
			u.msg.fail(err)
			return
		}
		save(d[rec.ID])
		return
	}
	u.checkPrivacy(rec, strings.ToLower(strings.TrimPrefix(what, "The ")), save)
}

// unprintableLine says, before a PDF is written, which text it cannot draw
// (Arabic, emoji, …) and where, or "" when it draws all of it. The window's
// font cannot show those characters either, so the line gives their kind,
// place and code points.
func unprintableLine(fw *data.Framework, rec *data.Record, f string, opt format.Options) string {
	fs, err := format.Unprintable(fw, rec, f, opt)
	if err != nil || len(fs) == 0 {
		return ""
	}
	var parts []string
	for i, x := range fs {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("and %d more", len(fs)-3))
			break
		}
		what := x.Script + " text"
		if x.Script == "emoji" || x.Script == "symbol" {
			what = x.Script
		}
		var codes []string
		for _, r := range x.Chars {
			if r != ' ' && len(codes) < 3 {
				codes = append(codes, fmt.Sprintf("U+%04X", r))
			}
		}
		parts = append(parts, fmt.Sprintf("%s in %s (%s)", what, x.Where, strings.Join(codes, " ")))
	}
	return "The PDF cannot draw some text, so it prints a marker there: " + strings.Join(parts, "; ") + "."
}

// copyAltText puts the map's text alternative on the clipboard, for the
// alt text of the map's picture in a slide or a paper: public unless
// "Include names" is ticked, as the picture is.
func (u *ui) copyAltText() {
	if u.sess.rec == nil {
		return
	}
	opt := format.Options{}
	if r := u.cur.review; r != nil {
		opt = r.options()
	}
	alt := format.AltText(u.fw, u.sess.rec, opt)
	fyne.CurrentApp().Clipboard().SetContent(alt)
	u.msg.info("The map's text alternative is on the clipboard: paste it as the picture's alt text (" + firstWords(alt, 12) + "…).")
}

func firstWords(s string, n int) string {
	w := strings.Fields(s)
	if len(w) > n {
		w = w[:n]
	}
	return strings.Join(w, " ")
}
