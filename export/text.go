package export

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font/sfnt"

	"github.com/ppei-iceberg/iceberg/export/mapmodel"
	"github.com/ppei-iceberg/iceberg/resources"
)

// glyphs records which runes of the Basic Multilingual Plane the embedded
// font can draw. gofpdf prints a missing glyph as an empty box without an
// error, and indexes its width table by rune, so anything outside that
// table would panic: such runes are replaced by a marker before they
// reach it.
var (
	glyphsOnce sync.Once
	glyphs     []bool
)

func fontHas(r rune) bool {
	glyphsOnce.Do(func() {
		glyphs = make([]bool, 0x10000)
		f, err := sfnt.Parse(resources.PaperFontRegular())
		if err != nil {
			// Without the table, keep to what Noto Sans surely has.
			for r := rune(0x20); r < 0x250; r++ {
				glyphs[r] = true
			}
			return
		}
		var buf sfnt.Buffer
		for r := rune(0x20); r < 0x10000; r++ {
			if i, err := f.GlyphIndex(&buf, r); err == nil && i != 0 {
				glyphs[r] = true
			}
		}
	})
	return r >= 0 && r < 0x10000 && glyphs[r]
}

// clean makes typed text safe to print: tabs become spaces, other control
// characters go, and each run of text the PDF cannot draw (a script that
// needs shaping, such as Arabic, or a character the font lacks) prints as
// a visible marker, "[Arabic text not shown in the PDF]", never as "?" or
// an empty box. Unprintable lists those runs before an export.
func clean(s string) string {
	ok := true
	for _, r := range s {
		if r == '\n' || (r >= 0x20 && r < 0x7f) {
			continue
		}
		ok = false
		break
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\t':
			b.WriteString("    ")
		case r == '\u00a0':
			b.WriteRune(' ')
		case unicode.IsControl(r), r == '\ufeff', r == '\u200b':
		default:
			b.WriteRune(r)
		}
	}
	out, _ := mapmodel.Printable(b.String(), fontHas, "PDF")
	return out
}
