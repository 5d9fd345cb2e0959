package html

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
)

// The map is drawn in a 1000-unit-wide box. Printed on A4 inside the
// margins (174 mm), 16.5 units is 8 pt: nothing on the map is smaller.
const (
	svgW    = 1000.0
	svgH    = 760.0
	minText = 16.5
)

// Colours as presentation attributes, so the drawing reads on its own;
// the page's style sheet overrides them by class for dark and forced-colours
// modes. Each level differs by fill, pattern and mark, never colour alone.
const (
	cNavy    = "#123456"
	cInk     = "#1c2128"
	cMuted   = "#4f5964"
	cRule    = "#7d8791"
	cPartly  = "#c4d6e5"
	cHatch   = "#46698c"
	cIce     = "#f6fafd"
	cIceEdge = "#60869f"
	cSeaTop  = "#cee4f2"
	cSeaDeep = "#b0cfe5"
)

// svgMap writes the iceberg map as inline SVG with role="img", its title
// and description referenced by id, so a screen reader reads the text
// alternative in place of the drawing.
func svgMap(b *strings.Builder, fig figure) {
	m := fig.Map
	g := mapmodel.Layout(m, svgW, svgH)
	h := math.Ceil(g.Height)
	fmt.Fprintf(b, `<svg class="map" role="img" aria-labelledby="map-title map-desc" viewBox="0 0 %.0f %.0f" xmlns="http://www.w3.org/2000/svg">`+"\n", svgW, h)
	fmt.Fprintf(b, "<title id=\"map-title\">%s</title>\n<desc id=\"map-desc\">%s</desc>\n", esc(fig.Title), esc(fig.Description))
	b.WriteString(`<defs><linearGradient id="sea" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="` + cSeaTop + `" class="sea-top"/><stop offset="1" stop-color="` + cSeaDeep + `" class="sea-deep"/></linearGradient>` +
		`<pattern id="hatch" width="9" height="9" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><line x1="0" y1="0" x2="0" y2="9" stroke="` + cHatch + `" stroke-width="2.4" class="hatch"/></pattern></defs>` + "\n")
	sea := g.Sea
	fmt.Fprintf(b, `<rect class="sea" x="%s" y="%s" width="%s" height="%s" fill="url(#sea)"/>`+"\n", f(sea.X), f(sea.Y), f(sea.W), f(h-sea.Y))
	fmt.Fprintf(b, `<polygon class="ice" points="%s" fill="%s" stroke="%s" stroke-width="2.5" stroke-linejoin="round"/>`+"\n", points(g.Mass), cIce, cIceEdge)
	fmt.Fprintf(b, `<polygon class="ice" points="%s" fill="%s" stroke="%s" stroke-width="2.5" stroke-linejoin="round"/>`+"\n", points(g.Tip), cIce, cIceEdge)
	fmt.Fprintf(b, `<line class="waterline" x1="0" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="3.5"/>`+"\n", f(g.Waterline), f(svgW), f(g.Waterline), cNavy)

	small := fmt.Sprintf(`font-size="%s"`, f(minText))
	fmt.Fprintf(b, `<text class="muted" x="10" y="%s" %s font-weight="700" fill="%s">ABOVE THE WATERLINE</text>`+"\n", f(g.Waterline-9), small, cMuted)
	if len(g.Headers) > 0 {
		fmt.Fprintf(b, `<text class="muted" x="%s" y="%s" %s font-weight="700" fill="%s">BELOW THE SURFACE: THE DOING WORDS OF PRACTICE</text>`+"\n", f(g.Headers[0].X), f(g.Waterline+minText+6), small, cMuted)
	}
	tl := g.TipLabel
	cx := tl.X + tl.W/2
	fmt.Fprintf(b, `<text class="strong" x="%s" y="%s" font-size="44" font-weight="700" text-anchor="middle" fill="%s">%d of %d</text>`+"\n", f(cx), f(tl.Y+tl.H*0.52), cNavy, m.Shaded, m.Total)
	sub := "practices shaded"
	if m.Partly > 0 {
		sub += fmt.Sprintf(", %d partly", m.Partly)
	}
	fmt.Fprintf(b, `<text class="ink" x="%s" y="%s" %s text-anchor="middle" fill="%s">%s</text>`+"\n", f(cx), f(tl.Y+tl.H*0.52+minText+8), small, cInk, esc(sub))

	size := wordSize(m, g)
	for i, col := range m.Columns {
		columnHead(b, g.Headers[i], col)
		for j, c := range col.Words {
			cell(b, g.Cells[i][j], c.Label, c.Level, size)
		}
	}
	b.WriteString("</svg>\n")
}

// wordSize is the one type size for every doing word: as large as the cells
// allow while the longest word that cannot wrap still fits on one line.
func wordSize(m mapmodel.Model, g mapmodel.Geometry) float64 {
	if len(g.Cells) == 0 || len(g.Cells[0]) == 0 {
		return minText
	}
	r := g.Cells[0][0]
	avail := r.W - textInset(r.H) - 6
	size := 0.42 * r.H
	for _, col := range m.Columns {
		for _, c := range col.Words {
			longest := 0
			for _, part := range wrapParts(c.Label) {
				longest = max(longest, utf8.RuneCountInString(part))
			}
			size = math.Min(size, avail/(float64(longest)*charW))
		}
	}
	return math.Max(size, minText)
}

// charW is an average character's width in ems for a sans-serif face,
// generous so the estimate errs towards fitting.
const charW = 0.64

// textInset is where a cell's word starts, after its mark.
func textInset(h float64) float64 { return 6 + 2*markR(h) + 8 }

func markR(h float64) float64 { return math.Min(h*0.2, 12) }

// wrapParts splits a label after its hyphen, as the PDF wraps
// "Time-consuming"; a label without one stays whole.
func wrapParts(s string) []string {
	if i := strings.Index(s, "-"); i > 0 && i < len(s)-1 {
		return []string{s[:i+1], s[i+1:]}
	}
	return []string{s}
}

func columnHead(b *strings.Builder, r mapmodel.Rect, col mapmodel.Column) {
	bw := math.Max(float64(utf8.RuneCountInString(col.Code))*minText*0.7+14, 34)
	fmt.Fprintf(b, `<g class="head"><rect class="badge" x="%s" y="%s" width="%s" height="24" rx="5" fill="%s"/>`, f(r.X), f(r.Y), f(bw), cNavy)
	fmt.Fprintf(b, `<text class="on-badge" x="%s" y="%s" font-size="17" font-weight="700" text-anchor="middle" fill="#ffffff">%s</text>`, f(r.X+bw/2), f(r.Y+18), esc(col.Code))
	status := "draft"
	if col.Agreed {
		status = "agreed"
	}
	fmt.Fprintf(b, `<text class="muted" x="%s" y="%s" font-size="%s" fill="%s">%s</text>`, f(r.X+bw+6), f(r.Y+18), f(minText), cMuted, status)
	// The name in up to two lines, at one size for every column.
	lines := []string{col.Name}
	if float64(utf8.RuneCountInString(col.Name))*charW*20 > r.W {
		if i := strings.LastIndex(col.Name, " "); i > 0 {
			lines = []string{col.Name[:i], col.Name[i+1:]}
		}
	}
	y := r.Y + 24 + 22
	for _, l := range lines {
		fmt.Fprintf(b, `<text class="strong" x="%s" y="%s" font-size="20" font-weight="700" fill="%s">%s</text>`, f(r.X), f(y), cNavy, esc(l))
		y += 22
	}
	fmt.Fprintf(b, `<line class="rule-strong" x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2"/></g>`+"\n", f(r.X), f(r.Y+r.H), f(r.X+r.W), f(r.Y+r.H), cNavy)
}

// cell draws one doing word: its fill, pattern and mark all say its level.
func cell(b *strings.Builder, r mapmodel.Rect, label string, lvl data.Shade, size float64) {
	cls := levelClass(lvl)
	fmt.Fprintf(b, `<g class="cell %s">`, cls)
	box := fmt.Sprintf(`x="%s" y="%s" width="%s" height="%s" rx="6"`, f(r.X), f(r.Y), f(r.W), f(r.H))
	text, weight := cInk, "400"
	switch lvl {
	case data.ShadeShaded:
		fmt.Fprintf(b, `<rect class="fill" %s fill="%s" stroke="%s" stroke-width="2"/>`, box, cNavy, cNavy)
		text, weight = "#ffffff", "700"
	case data.ShadePartly:
		// The hatch is clipped by the rounded box itself, so it stays
		// inside the corners; the word sits on a plain band over it.
		fmt.Fprintf(b, `<rect class="fill" %s fill="%s"/><rect class="pattern" %s fill="url(#hatch)"/><rect class="edge" %s fill="none" stroke="%s" stroke-width="2"/>`, box, cPartly, box, box, cHatch)
		weight = "700"
	default:
		fmt.Fprintf(b, `<rect class="fill" %s fill="#ffffff" stroke="%s" stroke-width="1.5"/>`, box, cRule)
		text = cMuted
	}
	rad := markR(r.H)
	mx, my := r.X+6+rad, r.Y+r.H/2
	svgMark(b, lvl, mx, my, rad)
	tx := r.X + textInset(r.H)
	parts := []string{label}
	if float64(utf8.RuneCountInString(label))*charW*size > r.W-textInset(r.H)-6 {
		parts = wrapParts(label)
	}
	if len(parts) > 1 {
		// A band behind the words keeps the hatch from running through them.
		bandH := size * 1.15 * float64(len(parts))
		if lvl == data.ShadePartly {
			fmt.Fprintf(b, `<rect class="band" x="%s" y="%s" width="%s" height="%s" rx="3" fill="%s"/>`, f(tx-3), f(my-bandH/2), f(r.X+r.W-tx-2), f(bandH), cPartly)
		}
	} else if lvl == data.ShadePartly {
		bandH := size * 1.3
		fmt.Fprintf(b, `<rect class="band" x="%s" y="%s" width="%s" height="%s" rx="3" fill="%s"/>`, f(tx-3), f(my-bandH/2), f(math.Min(float64(utf8.RuneCountInString(label))*charW*size+6, r.X+r.W-tx-2)), f(bandH), cPartly)
	}
	if label == "" {
		b.WriteString("</g>")
		return
	}
	lh := size * 1.12
	y := my - lh*float64(len(parts)-1)/2 + size*0.35
	for _, p := range parts {
		fmt.Fprintf(b, `<text class="word" x="%s" y="%s" font-size="%s" font-weight="%s" fill="%s">%s</text>`, f(tx), f(y), f(size), weight, text, esc(p))
		y += lh
	}
	b.WriteString("</g>\n")
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

// svgMark draws a level's mark: an empty circle, a half-filled circle, or a
// white disc with an open tick stroke.
func svgMark(b *strings.Builder, lvl data.Shade, cx, cy, r float64) {
	switch lvl {
	case data.ShadeShaded:
		fmt.Fprintf(b, `<circle class="mark-disc" cx="%s" cy="%s" r="%s" fill="#ffffff"/>`, f(cx), f(cy), f(r))
		s := r * 0.62
		fmt.Fprintf(b, `<polyline class="mark-tick" points="%s,%s %s,%s %s,%s" fill="none" stroke="%s" stroke-width="%s" stroke-linecap="round" stroke-linejoin="round"/>`,
			f(cx-s), f(cy+0.05*s), f(cx-0.3*s), f(cy+0.7*s), f(cx+s), f(cy-0.7*s), cNavy, f(math.Max(r*0.3, 2.5)))
	case data.ShadePartly:
		fmt.Fprintf(b, `<circle class="mark-ring" cx="%s" cy="%s" r="%s" fill="#ffffff" stroke="%s" stroke-width="2"/>`, f(cx), f(cy), f(r), cNavy)
		fmt.Fprintf(b, `<path class="mark-half" d="M%s,%s A%s,%s 0 0 0 %s,%s Z" fill="%s"/>`, f(cx), f(cy-r), f(r), f(r), f(cx), f(cy+r), cNavy)
	default:
		fmt.Fprintf(b, `<circle class="mark-empty" cx="%s" cy="%s" r="%s" fill="none" stroke="%s" stroke-width="2"/>`, f(cx), f(cy), f(r), cMuted)
	}
}

// swatch is a small picture of a level as the map shows it, for the key and
// the word table: decorative there, because the words beside it say the level.
func swatch(b *strings.Builder, lvl data.Shade) {
	b.WriteString(`<svg class="swatch" aria-hidden="true" focusable="false" viewBox="0 0 64 30" width="64" height="30" xmlns="http://www.w3.org/2000/svg">`)
	cell(b, mapmodel.Rect{X: 1, Y: 1, W: 62, H: 28}, "", lvl, minText)
	b.WriteString("</svg>")
}

func points(ps []mapmodel.Point) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f(p.X) + "," + f(p.Y))
	}
	return b.String()
}

// f writes a coordinate with at most one decimal, so the file stays small
// and the same model always gives the same bytes.
func f(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		return "0"
	}
	return s
}
