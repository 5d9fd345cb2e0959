// Package html writes the board paper as one accessible, self-contained HTML
// file: lang en-GB, one h1, numbered h2 sections, real tables with header
// cells, scopes and captions, and the iceberg map as inline SVG with its
// text alternative, followed by a table of every doing word with its level
// in words. It makes no external requests: the style sheet is inline and the
// map is drawn in the page. A print style sheet gives A4 pages close to the
// PDF's; printed from Edge or Chrome, the file gives a tagged PDF.
//
// It renders an export/report Report, the same content the Word document
// renders, and so gets a record that is already public.
package html

import (
	"bytes"
	_ "embed"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/mapimage"
	"github.com/ppei-iceberg/iceberg/export/report"
)

//go:embed report.css
var styleSheet string

// Options change how the page prints.
type Options struct {
	Paper string // "a4" (default) or "letter": the printed page size
}

// Write writes the report as one HTML page.
func Write(w io.Writer, rep *report.Report, opt Options) error {
	if rep == nil {
		return errors.New("write html: no report")
	}
	page := "A4"
	switch strings.ToLower(strings.TrimSpace(opt.Paper)) {
	case "", "a4":
	case "letter":
		page = "letter"
	default:
		return data.Errorf(data.EInvalid, "%q is not a paper size: use a4 or letter.", opt.Paper)
	}
	p := &doc{rep: rep}
	p.b.Grow(64 << 10)
	p.write(page)
	if p.err != nil {
		return fmt.Errorf("write html: %w", p.err)
	}
	if _, err := io.WriteString(w, p.b.String()); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	return nil
}

type doc struct {
	rep *report.Report
	b   strings.Builder
	err error // the first error met while writing
}

func esc(s string) string { return html.EscapeString(s) }

func (p *doc) w(s ...string) {
	for _, x := range s {
		p.b.WriteString(x)
	}
}

func (p *doc) write(size string) {
	r := p.rep
	p.w("<!DOCTYPE html>\n<html lang=\"", report.Lang, "\">\n<head>\n<meta charset=\"utf-8\">\n",
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
		"<meta name=\"color-scheme\" content=\"light dark\">\n",
		"<meta name=\"generator\" content=\"PPEI Iceberg\">\n")
	if r.Author != "" {
		p.w("<meta name=\"author\" content=\"", esc(r.Author), "\">\n")
	}
	p.w("<meta name=\"description\" content=\"", esc(r.Subject), "\">\n")
	p.w("<title>", esc(r.Title), " – PPEI iceberg map</title>\n<style>\n", styleSheet)
	// The page size and the footer are the paper's own.
	p.w("@page { size: ", size, " portrait; }\n")
	if !r.Insert {
		p.w("@page { @bottom-left { content: \"", cssString(r.Footer), "\"; } @bottom-right { content: \"Page \" counter(page) \" of \" counter(pages); } }\n")
	}
	p.w("</style>\n</head>\n<body>\n")
	p.header()
	p.w("<main id=\"report\">\n")
	if r.Cover != nil {
		p.cover(r.Cover)
	}
	p.contents()
	for _, s := range r.Sections {
		p.section(s)
	}
	p.w("</main>\n<footer class=\"page-footer\"><p>", esc(r.Footer), "</p><p>Made with PPEI Iceberg.")
	if r.Public {
		p.w(" This is the public version: participants' and the facilitator's names are withheld.")
	}
	p.w("</p></footer>\n</body>\n</html>\n")
}

// cssString makes s safe inside a CSS double-quoted string.
func cssString(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c == '"' || c == '\\':
			b.WriteString(`\` + string(c))
		case c < 0x20 || c == 0x7f || c == '<' || c == '>':
			fmt.Fprintf(&b, `\%x `, c)
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

func (p *doc) header() {
	r := p.rep
	p.w("<header class=\"title-block\">\n<p class=\"kicker\">", esc(r.Kicker), "</p>\n<h1>", esc(r.Title), "</h1>\n")
	p.w("<p class=\"subtitle\">PPEI iceberg map")
	if r.Date != "" {
		p.w(" · ", esc(r.Date))
	}
	p.w("</p>\n")
	if r.Draft {
		p.w("<p class=\"stamp\"><strong>Draft</strong>: not every element is agreed yet.</p>\n")
	}
	p.w("</header>\n")
}

func (p *doc) cover(c *report.Cover) {
	p.w("<section class=\"cover\" aria-label=\"", esc(c.Heading), ": cover sheet\">\n<table class=\"cover-sheet\">\n<caption>", esc(c.Heading), ": cover sheet</caption>\n<tbody>\n")
	for _, f := range c.Fields {
		p.w("<tr><th scope=\"row\">", esc(f.Label), "</th><td>", lines(f.Value), "</td></tr>\n")
	}
	if ch := c.Purpose; ch != nil {
		p.w("<tr><th scope=\"row\">", esc(ch.Label), "</th><td><ul class=\"choices\">")
		for i, o := range ch.Options {
			if i == ch.Chosen {
				p.w("<li class=\"chosen\"><span class=\"box\" aria-hidden=\"true\">☒</span> <strong>", esc(o), "</strong> <span class=\"visually-hidden\">(chosen)</span></li>")
			} else {
				p.w("<li><span class=\"box\" aria-hidden=\"true\">☐</span> ", esc(o), "</li>")
			}
		}
		p.w("</ul></td></tr>\n")
	}
	// The summary, recommendations and involvement are rows too, as on a
	// board's cover sheet.
	for _, f := range c.Texts {
		p.w("<tr><th scope=\"row\">", esc(f.Label), "</th><td>")
		for _, t := range report.Paragraphs(f.Value) {
			p.w("<p>", lines(t), "</p>")
		}
		p.w("</td></tr>\n")
	}
	p.w("</tbody>\n</table>\n</section>\n")
}

func (p *doc) contents() {
	p.w("<nav class=\"contents\" aria-label=\"Contents\">\n<p class=\"contents-title\">Contents</p>\n<ol>\n")
	for _, s := range p.rep.Sections {
		p.w("<li><a href=\"#", s.ID, "\">", esc(s.Heading()), "</a></li>\n")
	}
	p.w("</ol>\n</nav>\n")
}

func (p *doc) section(s report.Section) {
	p.w("<section id=\"", s.ID, "\" class=\"part ", s.ID, "\" aria-labelledby=\"h-", s.ID, "\">\n<h2 id=\"h-", s.ID, "\">", esc(s.Heading()), "</h2>\n")
	p.blocks(s.Blocks, 3)
	p.w("</section>\n")
}

// blocks writes a section's blocks; level is the heading level a Label
// takes there (one below the section's), and one more under a Subheading.
func (p *doc) blocks(bs []report.Block, level int) {
	label := level
	open := false
	for _, b := range bs {
		switch b.Kind {
		case report.Subheading:
			if open {
				p.w("</section>\n")
			}
			p.w("<section class=\"element\" id=\"", b.ID, "\" aria-labelledby=\"h-", b.ID, "\">\n<h", itoa(level), " id=\"h-", b.ID, "\">", esc(b.Text), "</h", itoa(level), ">\n")
			open = true
			label = level + 1
		case report.Label:
			p.w("<h", itoa(label), ">", esc(b.Text), "</h", itoa(label), ">\n")
		case report.Paragraph:
			p.paragraph(b)
		case report.List, report.Steps:
			p.list(b)
		case report.TableBlock:
			p.table(b.Table)
		case report.FigureBlock:
			if err := p.figure(b.Figure); err != nil && p.err == nil {
				p.err = err
			}
		case report.QuoteBlock:
			p.w("<figure class=\"quote\"><blockquote><p>", lines(b.Text), "</p></blockquote><figcaption>", esc(b.Source), "</figcaption></figure>\n")
		}
	}
	if open {
		p.w("</section>\n")
	}
}

func (p *doc) paragraph(b report.Block) {
	cls := map[report.Tone]string{report.Quiet: " class=\"quiet\"", report.App: " class=\"app-words\""}[b.Tone]
	// Blank lines in typed text start new paragraphs; single ones break lines.
	paras := report.Paragraphs(b.Text)
	for i, t := range paras {
		p.w("<p", cls, ">")
		if i == 0 && b.Lead != "" {
			p.w("<strong>", esc(b.Lead), "</strong> ")
		}
		p.w(lines(t), "</p>\n")
	}
}

// lines escapes s and keeps its line breaks.
func lines(s string) string {
	return strings.ReplaceAll(esc(strings.Trim(s, "\n")), "\n", "<br>\n")
}

func (p *doc) list(b report.Block) {
	tag := "ul"
	if b.Kind == report.Steps {
		tag = "ol"
	}
	cls := ""
	for _, it := range b.Items {
		if it.Level != nil {
			cls = " class=\"levels\""
			break
		}
	}
	p.w("<", tag, cls, ">\n")
	for _, it := range b.Items {
		p.w("<li>")
		if it.Level != nil {
			p.w(mark(*it.Level))
		}
		if it.Lead != "" {
			p.w("<strong>", esc(it.Lead), "</strong>")
			if it.Text != "" {
				p.w(": ")
			}
		}
		p.w(lines(it.Text))
		if it.Note != "" {
			for _, t := range report.Paragraphs(it.Note) {
				p.w("<p class=\"note\">", lines(t), "</p>")
			}
		}
		p.w("</li>\n")
	}
	p.w("</", tag, ">\n")
}

func (p *doc) table(t *report.Table) {
	p.w("<div class=\"table-wrap\"><table>\n<caption>", esc(t.Caption), "</caption>\n<thead><tr>")
	for _, h := range t.Head {
		p.w("<th scope=\"col\">", esc(h), "</th>")
	}
	p.w("</tr></thead>\n<tbody>\n")
	for _, row := range t.Rows {
		if row.Level != nil {
			p.w("<tr class=\"", levelClass(*row.Level), "\">")
		} else {
			p.w("<tr>")
		}
		for i, c := range row.Cells {
			last := i == len(row.Cells)-1
			if i == t.RowHeader {
				p.w("<th scope=\"row\">", lines(c), "</th>")
				continue
			}
			p.w("<td>")
			if last && row.Level != nil {
				p.w(mark(*row.Level))
			}
			p.w(lines(c), "</td>")
		}
		p.w("</tr>\n")
	}
	p.w("</tbody>\n</table></div>\n")
}

// figure writes the iceberg map as inline SVG, drawn by export/mapimage (the
// same drawing as the map alone as SVG or PNG), with role="img" and its
// title and description named by aria-labelledby.
func (p *doc) figure(fig *report.Figure) error {
	var svg bytes.Buffer
	if err := mapimage.WriteSVG(&svg, fig.Map); err != nil {
		return err
	}
	b := bytes.TrimPrefix(svg.Bytes(), []byte(xml.Header))
	b = bytes.Replace(b, []byte("<svg "), []byte(`<svg class="map" `), 1)
	p.w("<figure class=\"map-figure\">\n", string(b), "<figcaption>", esc(fig.Caption), "</figcaption>\n</figure>\n")
	return nil
}

// mark is a level's sign beside its name in words: decorative, since the
// words say the level, but it lets a reader match the table to the map.
func mark(l data.Shade) string {
	sign := map[data.Shade]string{data.ShadeShaded: "●", data.ShadePartly: "◐"}[l]
	if sign == "" {
		sign = "○"
	}
	return `<span class="mark" aria-hidden="true">` + sign + `</span> `
}

func levelClass(l data.Shade) string {
	switch l {
	case data.ShadeShaded:
		return "lvl-shaded"
	case data.ShadePartly:
		return "lvl-partly"
	}
	return "lvl-none"
}

func itoa(n int) string { return fmt.Sprint(n) }
