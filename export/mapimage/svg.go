package mapimage

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/ppei-iceberg/iceberg/export/mapmodel"
)

// WriteSVG writes the map as a standalone SVG file: role="img", with the
// map's short text alternative as its <title> and the full one (every
// word and its level in words) as its <desc>, which aria-labelledby names,
// so a screen reader reads the map in words. It is 186 mm wide, as on the
// PDF's page. The same model always gives the same bytes.
func WriteSVG(w io.Writer, m mapmodel.Model) error {
	if _, err := fonts(); err != nil {
		return fmt.Errorf("write svg: %w", err)
	}
	s := &svg{}
	drawMap(s, m)
	s.group("")
	var out bytes.Buffer
	out.WriteString(xml.Header)
	fmt.Fprintf(&out, `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="map-title map-desc" lang="en-GB" width="%smm" height="%smm" viewBox="0 0 %s %s" font-family="'Noto Sans', Arial, Helvetica, sans-serif">`+"\n",
		num(s.w*25.4/72), num(s.h*25.4/72), num(s.w), num(s.h))
	fmt.Fprintf(&out, "<title id=\"map-title\">%s</title>\n<desc id=\"map-desc\">%s</desc>\n", esc(mapmodel.AltTitle(m)), esc(mapmodel.AltText(m)))
	if s.defs.Len() > 0 {
		out.WriteString("<defs>" + s.defs.String() + "</defs>\n")
	}
	out.WriteString(s.body.String())
	out.WriteString("</svg>\n")
	if _, err := w.Write(out.Bytes()); err != nil {
		return fmt.Errorf("write svg: %w", err)
	}
	return nil
}

// svg paints as SVG elements.
type svg struct {
	w, h       float64
	defs, body strings.Builder
	open       bool
	gradients  map[string]string // "top bottom" → id
	hatches    map[string]string // "gap width colour" → id
}

func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s)) // a bytes.Buffer never fails
	return b.String()
}

// num writes a coordinate with at most two decimals, so the file stays
// small and the same model gives the same bytes.
func num(v float64) string {
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

func paint(c *colour) string {
	if c == nil {
		return "none"
	}
	return hex(*c)
}

func (s *svg) size(w, h float64) {
	s.w, s.h = w, h
	s.group("background")
	s.roundRect(mapmodel.Rect{W: w, H: h}, 0, ptr(mapmodel.White), nil, 0)
}

func (s *svg) group(class string) {
	if s.open {
		s.body.WriteString("</g>\n")
	}
	s.open = class != ""
	if s.open {
		fmt.Fprintf(&s.body, `<g class="%s">`, esc(class))
	}
}

func (s *svg) def(cache *map[string]string, key, prefix string, write func(id string)) string {
	if *cache == nil {
		*cache = map[string]string{}
	}
	if id, ok := (*cache)[key]; ok {
		return id
	}
	id := prefix + strconv.Itoa(len(*cache)+1)
	(*cache)[key] = id
	write(id)
	return id
}

func (s *svg) gradient(r mapmodel.Rect, top, bottom colour) {
	id := s.def(&s.gradients, hex(top)+hex(bottom), "sea", func(id string) {
		fmt.Fprintf(&s.defs, `<linearGradient id="%s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="%s"/><stop offset="1" stop-color="%s"/></linearGradient>`, id, hex(top), hex(bottom))
	})
	fmt.Fprintf(&s.body, `<rect x="%s" y="%s" width="%s" height="%s" fill="url(#%s)"/>`, num(r.X), num(r.Y), num(r.W), num(r.H), id)
}

func (s *svg) roundRect(r mapmodel.Rect, radius float64, fill, stroke *colour, sw float64) {
	fmt.Fprintf(&s.body, `<rect x="%s" y="%s" width="%s" height="%s"`, num(r.X), num(r.Y), num(r.W), num(r.H))
	if radius > 0 {
		fmt.Fprintf(&s.body, ` rx="%s"`, num(radius))
	}
	s.paint(fill, stroke, sw)
	s.body.WriteString("/>")
}

func (s *svg) paint(fill, stroke *colour, sw float64) {
	fmt.Fprintf(&s.body, ` fill="%s"`, paint(fill))
	if stroke != nil {
		fmt.Fprintf(&s.body, ` stroke="%s" stroke-width="%s"`, hex(*stroke), num(sw))
	}
}

func (s *svg) hatch(r mapmodel.Rect, radius, gap, sw float64, c colour) {
	key := num(gap) + " " + num(sw) + " " + hex(c)
	id := s.def(&s.hatches, key, "hatch", func(id string) {
		// Lines rising to the right, gap apart along the width.
		step := gap / math.Sqrt2
		fmt.Fprintf(&s.defs, `<pattern id="%s" width="%s" height="%s" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="%s" stroke="%s" stroke-width="%s"/></pattern>`,
			id, num(step), num(step), num(step), hex(c), num(sw*2))
	})
	fmt.Fprintf(&s.body, `<rect x="%s" y="%s" width="%s" height="%s" rx="%s" fill="url(#%s)"/>`, num(r.X), num(r.Y), num(r.W), num(r.H), num(radius), id)
}

func points(ps []mapmodel.Point) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(num(p.X) + "," + num(p.Y))
	}
	return b.String()
}

func (s *svg) polygon(pts []mapmodel.Point, fill, stroke *colour, sw float64) {
	fmt.Fprintf(&s.body, `<polygon points="%s"`, points(pts))
	s.paint(fill, stroke, sw)
	s.body.WriteString(` stroke-linejoin="round"/>`)
}

func (s *svg) polyline(pts []mapmodel.Point, c colour, sw float64) {
	fmt.Fprintf(&s.body, `<polyline points="%s" fill="none" stroke="%s" stroke-width="%s" stroke-linecap="round" stroke-linejoin="round"/>`, points(pts), hex(c), num(sw))
}

func (s *svg) line(a, b mapmodel.Point, c colour, sw float64) {
	fmt.Fprintf(&s.body, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"/>`, num(a.X), num(a.Y), num(b.X), num(b.Y), hex(c), num(sw))
}

func (s *svg) circle(cx, cy, r float64, fill, stroke *colour, sw float64) {
	fmt.Fprintf(&s.body, `<circle cx="%s" cy="%s" r="%s"`, num(cx), num(cy), num(r))
	s.paint(fill, stroke, sw)
	s.body.WriteString("/>")
}

// halfDisc is mapmodel.HalfDisc's shape as a true arc.
func (s *svg) halfDisc(cx, cy, r float64, c colour) {
	fmt.Fprintf(&s.body, `<path d="M%s,%s A%s,%s 0 0 0 %s,%s Z" fill="%s"/>`, num(cx), num(cy-r), num(r), num(r), num(cx), num(cy+r), hex(c))
}

func (s *svg) text(x, y float64, str string, size float64, bold bool, c colour, middle bool) {
	fmt.Fprintf(&s.body, `<text x="%s" y="%s" font-size="%s"`, num(x), num(y), num(size))
	if bold {
		s.body.WriteString(` font-weight="700"`)
	}
	if middle {
		s.body.WriteString(` text-anchor="middle"`)
	}
	// The width Noto Sans gives, so the layout holds in whatever sans-serif
	// face the viewer has.
	fmt.Fprintf(&s.body, ` textLength="%s" lengthAdjust="spacingAndGlyphs"`, num(measure(str, size, bold)))
	fmt.Fprintf(&s.body, ` fill="%s">%s</text>`, hex(c), esc(str))
}
