package export

import (
	"bytes"
	"image"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
)

// symbols are the symbols the paper must draw, not print as "?" or a box.
const symbols = "≤ ≥ ✓ ✗ → ← ↑ ↓ ≠ ≈ ✔ ★ ☐ ☑ • – — ‘ ’ “ ” … × ÷ ± ° £ €"

// oddRecord is a whole session whose typed text holds symbols, scripts the
// PDF cannot shape, and emoji.
func oddRecord(t *testing.T, fw *data.Framework) *data.Record {
	t.Helper()
	r := fullRecord(t, fw, 100)
	r.Summary = "Wait ≤ 5 minutes, ≥ 3 voices. Symbols: " + symbols + ". Translate the summary: مرحبا بكم في الاجتماع، شكراً"
	r.Actions[1].Owner = "Team שלום"
	st := r.Element("Mat")
	st.Notes = "Devanagari नमस्ते and Chinese 你好 and Japanese ひらがな and Korean 한국어 and emoji 😀👍🏽 ✅."
	for i := range r.Elements {
		if r.Elements[i].Code == "Mat" {
			r.Elements[i] = st
		}
	}
	return r
}

// Every symbol is drawn: the text extraction returns it, and the page
// shows a glyph for it, not the font's empty box; scripts the PDF cannot
// shape print as a marker; no "?" appears that was not typed.
func TestPDFDrawsSymbolsAndMarksWhatItCannot(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	r := oddRecord(t, fw)
	b := mustPDF(t, r, Options{})
	validate(t, b)
	all := flat(strings.Join(pdfText(t, b), "\n"))
	for _, s := range strings.Fields(symbols) {
		if !strings.Contains(all, s) {
			t.Errorf("the paper lacks the symbol %q", s)
		}
	}
	for _, want := range []string{"Wait ≤ 5 minutes, ≥ 3 voices.",
		"Translate the summary: [Arabic text not shown in the PDF]",
		"Team [Hebrew text not shown",
		"Devanagari [Devanagari text not shown in the PDF] and Chinese [Chinese or Japanese text not shown in the PDF] and Japanese [Japanese text not shown in the PDF] and Korean [Korean text not shown in the PDF] and emoji [emoji not shown in the PDF]."} {
		if !strings.Contains(all, want) {
			t.Errorf("the paper lacks %q", want)
		}
	}
	for _, gone := range []string{"مرحبا", "שלום", "नमस्ते", "你好", "😀"} {
		if strings.Contains(all, gone) {
			t.Errorf("the paper prints %q, which it cannot draw", gone)
		}
	}
	// The same session without the odd text has as many "?" as this one:
	// none was put in for a character.
	plain := flat(strings.Join(pdfText(t, mustPDF(t, fullRecord(t, fw, 100), Options{})), "\n"))
	if got, want := strings.Count(all, "?"), strings.Count(plain, "?"); got != want {
		t.Errorf("the paper has %d question marks, the plain one %d: a character printed as \"?\"", got, want)
	}
}

// Each symbol prints as a glyph of its own: rendered, its ink differs from
// the font's empty box (what a missing glyph prints as).
func TestSymbolsHaveGlyphs(t *testing.T) {
	t.Parallel()
	d := newPage(data.DefaultFramework(), &data.Record{}, "A4", fixedDate)
	d.pdf.AddPage()
	d.font("", 28)
	runes := []rune(strings.ReplaceAll(symbols, " ", ""))
	// A character Noto Sans lacks, straight to gofpdf: its empty box.
	const missing = '\u0e01'
	if fontHas(missing) {
		t.Fatal("test data: the font has U+0E01")
	}
	all := append([]rune{missing}, runes...)
	const cell = 14.0 // mm
	for i, r := range all {
		d.pdf.SetXY(10+float64(i%12)*cell, 10+float64(i/12)*cell)
		d.pdf.CellFormat(cell, cell, string(r), "", 0, "C", false, 0, "")
	}
	var buf bytes.Buffer
	if err := d.output(&buf, "symbols"); err != nil {
		t.Fatal(err)
	}
	const dpi = 100
	img := raster(t, kept(t, buf.Bytes()), dpi)
	ink := func(i int) []bool {
		px := func(mm float64) int { return int(mm / 25.4 * dpi) }
		x0, y0 := px(10+float64(i%12)*cell), px(10+float64(i/12)*cell)
		n := px(cell)
		out := make([]bool, 0, n*n)
		for y := y0; y < y0+n; y++ {
			for x := x0; x < x0+n; x++ {
				out = append(out, dark(img, x, y))
			}
		}
		return out
	}
	box := ink(0)
	for i, r := range runes {
		got := ink(i + 1)
		same, any := true, false
		for k := range got {
			same = same && got[k] == box[k]
			any = any || got[k]
		}
		if !any || same {
			t.Errorf("%q (U+%04X) prints as an empty box or nothing", r, r)
		}
	}
}

func dark(img image.Image, x, y int) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	return r+g+b < 3*0x8000
}

// Unprintable lists each run the PDF cannot draw, with where it is in the
// paper, and nothing for symbols the PDF draws.
func TestUnprintableListsCharsAndPlaces(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	got, err := Unprintable(fw, oddRecord(t, fw), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, f := range got {
		lines = append(lines, f.String())
	}
	list := strings.Join(lines, "\n")
	for _, want := range []string{
		"3. Recommendations and actions: The group's summary: Arabic text “مرحبا بكم في الاجتماع، شكراً” (U+0645",
		"3. Recommendations and actions, table row 2: Hebrew text “שלום”",
		"5.2 Materiality (Mat): Discussion notes: Devanagari text “नमस्ते”",
		"5.2 Materiality (Mat): Discussion notes: Chinese or Japanese text “你好”",
		"5.2 Materiality (Mat): Discussion notes: Japanese text “ひらがな”",
		"5.2 Materiality (Mat): Discussion notes: Korean text “한국어”",
		"5.2 Materiality (Mat): Discussion notes: emoji “😀👍🏽 ✅” (U+1F600 U+1F44D U+1F3FD U+2705)",
	} {
		if !strings.Contains(list, want) {
			t.Errorf("the list lacks %q:\n%s", want, list)
		}
	}
	if len(got) != 7 {
		t.Errorf("%d findings, want 7:\n%s", len(got), list)
	}
	if strings.ContainsAny(list, "≤✓→") {
		t.Errorf("the list names symbols the PDF draws:\n%s", list)
	}
	// A session the PDF draws whole lists nothing.
	if got, err := Unprintable(fw, fullRecord(t, fw, 100), Options{}); err != nil || len(got) != 0 {
		t.Errorf("a plain session: %v, %v; want nothing", got, err)
	}
}
