package export

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
)

// oneCell is a page with a single partly shaded cell at x, y, w × h mm,
// labelled "Remembering", and a shaded cell below it.
func oneCell(t *testing.T, x, y, w, h float64, compress bool) []byte {
	t.Helper()
	d := newPage(data.DefaultFramework(), &data.Record{}, "A4", fixedDate)
	d.pdf.SetCompression(compress)
	d.pdf.AddPage()
	d.wordSize = 9.5
	d.cell(x, y, w, h, "Remembering", data.ShadePartly)
	d.cell(x, y+h+10, w, h, "Inspiring", data.ShadeShaded)
	var buf bytes.Buffer
	if err := d.output(&buf, "one cell"); err != nil {
		t.Fatal(err)
	}
	return kept(t, buf.Bytes())
}

// raster renders page 1 of b at dpi with pdftoppm.
func raster(t *testing.T, b []byte, dpi int) image.Image {
	t.Helper()
	dir := t.TempDir()
	f := filepath.Join(dir, "p.pdf")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-r", strconv.Itoa(dpi), "-f", "1", "-l", "1", "-singlefile", "-png", f, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm (apt-get install poppler-utils): %v: %s", err, out)
	}
	r, err := os.Open(filepath.Join(dir, "p.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	img, err := png.Decode(r)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// nearHatch reports whether the pixel is the hatching's colour: the core
// of a hatch line, not the blend of the word's ink with the cell's fill.
func nearHatch(img image.Image, x, y int) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	h := mapmodel.Hatch
	d := math.Sqrt(sq(float64(r>>8)-float64(h.R)) + sq(float64(g>>8)-float64(h.G)) + sq(float64(b>>8)-float64(h.B)))
	return d < 14
}

func sq(v float64) float64 { return v * v }

// A partly cell's hatching stays inside its rounded corners and does not
// run through its word, measured on the rendered page.
func TestPartlyHatchingInsideCellAndAwayFromWord(t *testing.T) {
	t.Parallel()
	const x, y, w, h, dpi = 20.0, 20.0, 40.0, 12.0, 600
	b := oneCell(t, x, y, w, h, true)
	img := raster(t, b, dpi)
	px := func(mm float64) int { return int(math.Round(mm / 25.4 * dpi)) }

	// The corners: outside the rounded edge and its stroke, only paper.
	stray := 0
	for _, c := range [][2]float64{{x, y}, {x + w, y}, {x, y + h}, {x + w, y + h}} {
		cx := c[0] + math.Copysign(cellRadius, x+w/2-c[0])
		cy := c[1] + math.Copysign(cellRadius, y+h/2-c[1])
		for i := px(math.Min(c[0], cx)); i <= px(math.Max(c[0], cx)); i++ {
			for j := px(math.Min(c[1], cy)); j <= px(math.Max(c[1], cy)); j++ {
				dist := math.Hypot(float64(i)/dpi*25.4-cx, float64(j)/dpi*25.4-cy)
				if dist > cellRadius+0.3 && nearHatch(img, i, j) {
					stray++
				}
			}
		}
	}
	if stray > 0 {
		t.Errorf("%d pixels of hatching outside the cell's rounded corners", stray)
	}

	// The word's box, as the text extraction gives it: no hatch line in it.
	words, _ := wordBoxes(t, b)
	var box *boxWord
	for i := range words {
		if words[i].text == "Remembering" {
			box = &words[i]
		}
	}
	if box == nil {
		t.Fatal("the word is not on the page")
	}
	xs := xRange(t, b, "Remembering")
	through := 0
	pt := func(v float64) int { return int(math.Round(v / 72 * dpi)) }
	for i := pt(xs[0]); i <= pt(xs[1]); i++ {
		for j := pt(box.yMin); j <= pt(box.yMax); j++ {
			if nearHatch(img, i, j) {
				if through < 5 {
					t.Logf("hatch at %.2f, %.2f mm; word from %.2f to %.2f mm", float64(i)/dpi*25.4, float64(j)/dpi*25.4, xs[0]/72*25.4, xs[1]/72*25.4)
				}
				through++
			}
		}
	}
	if through > 0 {
		t.Errorf("%d pixels of hatching run through the word", through)
	}
	// The hatching is there, around the word.
	around := 0
	for i := px(x + 2); i < px(x+w-2); i++ {
		if nearHatch(img, i, px(y+1.2)) || nearHatch(img, i, px(y+h-1.2)) {
			around++
		}
	}
	if around == 0 {
		t.Error("no hatching drawn in the partly cell")
	}
}

// xRange is the horizontal extent, in points, of the first word s.
func xRange(t *testing.T, b []byte, s string) [2]float64 {
	t.Helper()
	f := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-bbox", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	re := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">` + regexp.QuoteMeta(s) + `</word>`)
	m := re.FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("no word %q", s)
	}
	a, _ := strconv.ParseFloat(m[1], 64)
	z, _ := strconv.ParseFloat(m[2], 64)
	return [2]float64{a, z}
}

// The shaded mark's tick is an open stroke of two lines, not a closed
// triangle: in the page's drawing, a three-point path stroked without
// returning to its start.
func TestTickIsAnOpenStroke(t *testing.T) {
	t.Parallel()
	b := oneCell(t, 20, 20, 40, 12, false)
	path := regexp.MustCompile(`([\d.]+) ([\d.]+) m((?:\s*[\d.]+ [\d.]+ l)+)\s*(S|s|h S)\b`)
	line := regexp.MustCompile(`([\d.]+) ([\d.]+) l`)
	open, closed := 0, 0
	for _, m := range path.FindAllSubmatch(b, -1) {
		ls := line.FindAllSubmatch(m[3], -1)
		last := ls[len(ls)-1]
		back := string(last[1]) == string(m[1]) && string(last[2]) == string(m[2])
		switch {
		case len(ls) == 2 && !back && string(m[4]) == "S":
			open++
		case len(ls) == 3 && back, string(m[4]) != "S":
			closed++
		}
	}
	if open != 1 || closed != 0 {
		t.Errorf("ticks: %d open strokes, %d closed paths; want 1 and 0", open, closed)
	}
}

// Every doing word on a comparison's map is set in one size, at least
// 8 pt, "Time-consuming" (wrapped after its hyphen) too, and none is cut.
func TestCompareWordsOneSize(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	before := fullRecord(t, fw, 100)
	after := followUp(t, fw, before)
	labels := map[string]bool{}
	var want [][]string // each label, whole or as its parts after a hyphen
	for _, w := range fw.AllWords() {
		labels[w.Label] = true
		parts := strings.SplitAfter(w.Label, "-")
		for _, part := range parts {
			labels[part] = true
		}
		want = append(want, parts)
	}
	for _, heat := range []bool{false, true} {
		for _, paper := range []string{"a4", "letter"} {
			b := mustCompare(t, []*data.Record{before, after, before}[:2+btoi(heat)], Options{Paper: paper}, heat)
			words, _ := wordBoxes(t, b)
			var sizes []float64
			found := map[string]bool{}
			for _, w := range words {
				// The map's words, not the key's sample or the tables.
				if w.page == 1 && labels[w.text] && w.yMin > 250 && w.yMin < 720 {
					sizes = append(sizes, w.size)
					found[w.text] = true
				}
			}
			for _, parts := range want {
				whole := strings.Join(parts, "")
				if !found[whole] && !(len(parts) > 1 && found[parts[0]] && found[parts[1]]) {
					t.Errorf("heat %v, %s: the map lacks %q (cut or missing)", heat, paper, whole)
				}
			}
			for _, s := range sizes {
				if s < 8-0.05 || abs(s-sizes[0]) > 0.05 {
					t.Errorf("heat %v, %s: doing words are %.2f and %.2f pt; want one size, at least 8 pt", heat, paper, sizes[0], s)
					break
				}
			}
			t.Logf("heat %v, %s: %d words at %.2f pt", heat, paper, len(sizes), sizes[0])
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// The heat map's headline names every word that ties for the most.
func TestMostShadedNamesTies(t *testing.T) {
	t.Parallel()
	h := data.Heat{Sessions: 5, Elements: []data.ElementHeat{
		{Words: []data.WordHeat{{Label: "Aligning", Shaded: 2}, {Label: "Engaging", Shaded: 3}}},
		{Words: []data.WordHeat{{Label: "Reporting", Shaded: 3}}},
		{Words: []data.WordHeat{{Label: "Conforming", Shaded: 3}}},
		{Words: []data.WordHeat{{Label: "Remembering", Shaded: 3}, {Label: "Welcoming", Shaded: 1}}},
	}}
	for _, tt := range []struct {
		h    data.Heat
		want string
	}{
		{h, "Shaded most often: Engaging, Reporting, Conforming and Remembering: each 3 of 5 sessions"},
		{data.Heat{Sessions: 4, Elements: []data.ElementHeat{{Words: []data.WordHeat{{Label: "Aligning", Shaded: 2}, {Label: "Engaging", Shaded: 1}}}}}, "Shaded most often: Aligning, by 2 of 4 sessions"},
		{data.Heat{Sessions: 4, Elements: []data.ElementHeat{{Words: []data.WordHeat{{Label: "Aligning"}}}}}, "No session shaded any word fully"},
	} {
		if got := MostShaded(tt.h); got != tt.want {
			t.Errorf("MostShaded = %q, want %q", got, tt.want)
		}
	}
}

// The hand-out sets every doing word in one size too, "Time-consuming"
// included, at least 8 pt.
func TestHandoutWordsOneSize(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	labels := map[string]bool{}
	for _, w := range fw.AllWords() {
		labels[w.Label] = true
	}
	for _, paper := range []string{"a4", "letter"} {
		words, _ := wordBoxes(t, mustHandout(t, HandoutOptions{Paper: paper}))
		var sizes []float64
		for _, w := range words {
			if w.page == 1 && labels[w.text] && w.yMin > 300 {
				sizes = append(sizes, w.size)
			}
		}
		if len(sizes) != 22 {
			t.Fatalf("%s: %d doing words on the hand-out's map, want 22", paper, len(sizes))
		}
		for _, s := range sizes {
			if s < 8-0.05 || abs(s-sizes[0]) > 0.05 {
				t.Errorf("%s: hand-out words are %.2f and %.2f pt; want one size, at least 8 pt", paper, sizes[0], s)
				break
			}
		}
	}
}
