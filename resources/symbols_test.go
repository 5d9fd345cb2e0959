package resources_test

import (
	"fmt"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"

	"github.com/ppei-iceberg/iceberg/resources"
	"github.com/ppei-iceberg/iceberg/resources/testfonts"
)

// The paper fonts are the text fonts with the symbols added: every
// character the text font draws has the same glyph number, advance and
// outline in them, and the symbols Noto Sans lacks are there too.
func TestPaperFontsAddSymbolsOnly(t *testing.T) {
	testfonts.Load()
	for _, c := range []struct {
		name        string
		text, paper []byte
	}{
		{"regular", resources.FontRegular(), resources.PaperFontRegular()},
		{"bold", resources.FontBold(), resources.PaperFontBold()},
	} {
		tf, err := sfnt.Parse(c.text)
		if err != nil {
			t.Fatalf("%s: the text font: %v", c.name, err)
		}
		pf, err := sfnt.Parse(c.paper)
		if err != nil {
			t.Fatalf("%s: the paper font: %v", c.name, err)
		}
		var tb, pb sfnt.Buffer
		same, added := 0, 0
		for r := rune(0x20); r < 0xFFFF; r++ {
			tg, _ := tf.GlyphIndex(&tb, r)
			pg, _ := pf.GlyphIndex(&pb, r)
			if tg == 0 {
				if pg != 0 {
					added++
				}
				continue
			}
			ta, _ := tf.GlyphAdvance(&tb, tg, 1000, font.HintingNone)
			pa, _ := pf.GlyphAdvance(&pb, pg, 1000, font.HintingNone)
			ts, _ := tf.LoadGlyph(&tb, tg, 1000, nil)
			to := fmt.Sprint(ts)
			ps, _ := pf.LoadGlyph(&pb, pg, 1000, nil)
			if pg != tg || pa != ta || fmt.Sprint(ps) != to {
				t.Errorf("%s: %q differs: glyph %d, advance %v on paper; glyph %d, advance %v in the text font", c.name, r, pg, pa, tg, ta)
				continue
			}
			same++
		}
		if same < 2000 || added < 500 {
			t.Errorf("%s: %d characters kept, %d symbols added; want the whole font and the symbols", c.name, same, added)
		}
		for _, r := range "≤≥✓✗→★☐" {
			if g, _ := pf.GlyphIndex(&pb, r); g == 0 {
				t.Errorf("%s: the paper font lacks %q", c.name, r)
			}
		}
	}
}
