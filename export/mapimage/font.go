package mapimage

import (
	"fmt"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/ppei-iceberg/iceberg/export/mapmodel"
	"github.com/ppei-iceberg/iceberg/resources"
)

// The embedded Noto Sans, parsed once: the PDF's and the screen's font, so
// text is measured the same in the SVG and the PNG and fits as on paper.
var fonts = sync.OnceValues(func() ([2]*sfnt.Font, error) {
	var out [2]*sfnt.Font
	for i, b := range [][]byte{resources.PaperFontRegular(), resources.PaperFontBold()} {
		f, err := opentype.Parse(b)
		if err != nil {
			return out, fmt.Errorf("read the text font: %w", err)
		}
		out[i] = f
	}
	return out, nil
})

// advances holds each character's advance width in font units.
var advances = struct {
	sync.Mutex
	m    [2]map[rune]fixed.Int26_6
	upem [2]float64
}{}

// measure is the width of s in points at size points.
func measure(s string, size float64, bold bool) float64 {
	fs, err := fonts()
	if err != nil {
		return float64(len(s)) * size * 0.6 // an embedded font that fails to parse is caught by the tests
	}
	i := 0
	if bold {
		i = 1
	}
	f := fs[i]
	advances.Lock()
	defer advances.Unlock()
	if advances.m[i] == nil {
		advances.m[i] = map[rune]fixed.Int26_6{}
		advances.upem[i] = float64(f.UnitsPerEm())
	}
	var buf sfnt.Buffer
	total := 0.0
	for _, r := range s {
		a, ok := advances.m[i][r]
		if !ok {
			g, err := f.GlyphIndex(&buf, r)
			if err == nil {
				a, err = f.GlyphAdvance(&buf, g, fixed.Int26_6(f.UnitsPerEm()), font.HintingNone)
			}
			if err != nil {
				a = fixed.Int26_6(f.UnitsPerEm()) / 2
			}
			advances.m[i][r] = a
		}
		total += float64(a)
	}
	return total * size / advances.upem[i]
}

// face is the font at a size in points, for drawing at dpi.
func face(bold bool, size, dpi float64) (font.Face, error) {
	fs, err := fonts()
	if err != nil {
		return nil, err
	}
	f := fs[0]
	if bold {
		f = fs[1]
	}
	fc, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: dpi, Hinting: font.HintingNone})
	if err != nil {
		return nil, fmt.Errorf("make the font's face: %w", err)
	}
	return fc, nil
}

// glyphs holds which runes the regular font can draw, as found.
var glyphs = struct {
	sync.Mutex
	m map[rune]bool
}{m: map[rune]bool{}}

// has reports whether the embedded font can draw r.
func has(r rune) bool {
	fs, err := fonts()
	if err != nil {
		return r < 0x250
	}
	glyphs.Lock()
	defer glyphs.Unlock()
	ok, found := glyphs.m[r]
	if !found {
		var buf sfnt.Buffer
		g, err := fs[0].GlyphIndex(&buf, r)
		ok = err == nil && g != 0
		glyphs.m[r] = ok
	}
	return ok
}

// printable is typed text with each run the picture cannot draw (a script
// that needs shaping, such as Arabic, or a character the font lacks) as a
// visible marker, "[Arabic text not shown in the picture]", as the PDF does.
func printable(s string) string {
	out, _ := mapmodel.Printable(s, has, "picture")
	return out
}
