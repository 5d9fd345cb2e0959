package mapimage_test

import (
	"bytes"
	"encoding/binary"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/internal/officetest"
	"github.com/ppei-iceberg/iceberg/export/internal/sample"
	"github.com/ppei-iceberg/iceberg/export/mapimage"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
)

var (
	update = flag.Bool("update", false, "rewrite the master pictures under testdata/")
	keep   = flag.String("keep", "", "also write the map as PNG and SVG to this folder, to look at")
)

// session is the shared sample as a draft with one element agreed: the
// words shaded, partly and not shaded in turn.
func session(tb testing.TB) (*data.Framework, *data.Record) {
	tb.Helper()
	fw := data.DefaultFramework()
	r := sample.Session(fw, 0)
	r.Status = ""
	for i := range r.Elements {
		if i > 0 {
			r.Elements[i].AgreedAt = nil
		}
	}
	return fw, r
}

func keepFile(tb testing.TB, name string, b []byte) {
	tb.Helper()
	if *keep == "" {
		return
	}
	if err := os.WriteFile(filepath.Join(*keep, name), b, 0o644); err != nil {
		tb.Fatal(err)
	}
}

func TestTextAlternative(t *testing.T) {
	fw, r := session(t)
	alt := mapimage.TextAlternative(fw, r)
	m := mapmodel.Build(fw, r)
	for _, want := range []string{
		"PPEI iceberg map of the Governing Body: 11 of 22 practices shaded, 6 partly.",
		"Draft: 1 of 5 elements agreed.",
		"Shaded means found in this group's practice; partly means found in part; not shaded means not found in this group's practice.",
	} {
		if !strings.Contains(alt, want) {
			t.Errorf("the text alternative lacks %q:\n%s", want, alt)
		}
	}
	// Every element, and every word under it with its level, in the map's order.
	last := -1
	for _, c := range m.Columns {
		i := strings.Index(alt, " "+c.Name+" ("+c.Code+", ")
		if i < last {
			t.Fatalf("element %s is missing or out of order:\n%s", c.Name, alt)
		}
		last = i
		end := strings.Index(alt[i:], ".")
		part := alt[i : i+end]
		for _, w := range c.Words {
			lvl := strings.ToLower(w.Level.Label())
			j := strings.Index(part, w.Label)
			k := strings.Index(part, lvl+" ")
			if j < 0 || k < 0 || k > j {
				t.Errorf("%s: %s is not given as %s in %q", c.Name, w.Label, lvl, part)
			}
		}
	}
	for _, bad := range []string{"hidden", "not seen", "Hidden"} {
		if strings.Contains(alt, bad) {
			t.Errorf("the text alternative says %q, which the research does not: %s", bad, alt)
		}
	}
}

func TestSVG(t *testing.T) {
	fw, r := session(t)
	m := mapmodel.Build(fw, r)
	var buf bytes.Buffer
	if err := mapimage.WriteSVG(&buf, m); err != nil {
		t.Fatalf("WriteSVG: %v", err)
	}
	b := buf.Bytes()
	keepFile(t, "map.svg", b)
	master(t, "map.svg", b)

	root := officetest.ParseXML(t, "map.svg", b)
	const ns = "http://www.w3.org/2000/svg"
	if root.Name.Space != ns || root.Name.Local != "svg" || root.Get("role") != "img" || root.Get("aria-labelledby") != "map-title map-desc" {
		t.Fatalf("root element %v role %q aria-labelledby %q", root.Name, root.Get("role"), root.Get("aria-labelledby"))
	}
	title, desc := root.Child(ns, "title"), root.Child(ns, "desc")
	if title == nil || title.Get("id") != "map-title" || title.Chars != mapmodel.AltTitle(m) {
		t.Errorf("<title> = %+v, want id map-title and %q", title, mapmodel.AltTitle(m))
	}
	if desc == nil || desc.Get("id") != "map-desc" || desc.Chars != mapimage.TextAlternative(fw, r) {
		t.Errorf("<desc> is not the text alternative: %+v", desc)
	}
	if root.Get("width") != "186mm" {
		t.Errorf("width = %q, want 186mm", root.Get("width"))
	}

	var texts []string
	for _, n := range root.All(ns, "text") {
		texts = append(texts, n.Chars)
	}
	all := strings.Join(texts, "|")
	for _, c := range m.Columns {
		for _, w := range c.Words {
			if !strings.Contains(all, w.Label) && !strings.Contains(all, strings.SplitAfter(w.Label, "-")[0]) {
				t.Errorf("the SVG does not write the word %q", w.Label)
			}
		}
	}
	for _, s := range []string{"DRAFT", "1 of 5 elements agreed", "11 of 22", "found in this group's", "found in part.", "not found in this"} {
		if !strings.Contains(all, s) {
			t.Errorf("the SVG does not write %q", s)
		}
	}
	// Each level is its own group with its own fill, pattern or mark.
	groups := map[string]int{}
	for _, g := range root.All(ns, "g") {
		groups[g.Get("class")]++
	}
	if groups["cell shaded"] != 11+1 || groups["cell partly"] != 6+1 || groups["cell none"] != 5+1 {
		t.Errorf("cells by level (map and key): %v, want 12 shaded, 7 partly, 6 none", groups)
	}
	// The hatch on each partly cell, a half-disc in each partly mark and a
	// tick on each shaded one.
	if n := strings.Count(string(b), `fill="url(#hatch1)"`); n != 7 {
		t.Errorf("%d hatched cells, want 7", n)
	}
	if n := strings.Count(string(b), "<path d="); n != 7 {
		t.Errorf("%d half-discs, want 7", n)
	}
	if n := strings.Count(string(b), "<polyline"); n != 12 {
		t.Errorf("%d ticks, want 12", n)
	}

	// A real SVG renderer must read it.
	if _, err := exec.LookPath("rsvg-convert"); err != nil {
		t.Fatal("rsvg-convert is not installed: run .ci/deps.sh test (make test does)")
	}
	cmd := exec.Command("rsvg-convert", "--format", "png", "--width", "527")
	cmd.Stdin = bytes.NewReader(b)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("rsvg-convert: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("rsvg-convert's PNG: %v", err)
	}
	if w := img.Bounds().Dx(); w != 527 {
		t.Errorf("rsvg-convert drew it %d px wide, want 527", w)
	}
}

func TestPNG(t *testing.T) {
	fw, r := session(t)
	m := mapmodel.Build(fw, r)
	var buf bytes.Buffer
	if err := mapimage.WritePNG(&buf, m); err != nil {
		t.Fatalf("WritePNG: %v", err)
	}
	b := buf.Bytes()
	keepFile(t, "map.png", b)
	var again bytes.Buffer
	if err := mapimage.WritePNG(&again, m); err != nil || !bytes.Equal(b, again.Bytes()) {
		t.Errorf("the same map gave different PNG bytes (err %v)", err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if w := img.Bounds().Dx(); w != 2197 {
		t.Errorf("%d px wide, want 2197 (186 mm at 300 dpi)", w)
	}
	// The resolution is recorded: 300 dpi is 11811 pixels per metre.
	i := bytes.Index(b, []byte("pHYs"))
	if i < 0 || binary.BigEndian.Uint32(b[i+4:]) != 11811 || binary.BigEndian.Uint32(b[i+8:]) != 11811 || b[i+12] != 1 {
		t.Errorf("no pHYs chunk saying 300 dpi")
	}
}

// TestPNGLevelsInGray checks the cells as a black-and-white printer sees
// them: each level's fill has its own lightness, the partly cells carry
// their lines, and the master picture still matches.
func TestPNGLevelsInGray(t *testing.T) {
	fw, r := session(t)
	m := mapmodel.Build(fw, r)
	const dpi = 72
	img, err := mapimage.Render(m, dpi)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	master(t, "map-72dpi.png", buf.Bytes())

	gray := func(x, y int) uint8 { return color.GrayModel.Convert(img.At(x, y)).(color.Gray).Y }
	scale := dpi / 72.0
	for i, c := range m.Columns {
		for j, w := range c.Words {
			cr := mapimage.CellBox(m, i, j)
			// A strip along the cell's foot, under the word and right of its mark.
			x0, x1 := int((cr.X+cr.W*0.3)*scale), int((cr.X+cr.W-4)*scale)
			y0, y1 := int((cr.Y+cr.H-4)*scale), int((cr.Y+cr.H-1.5)*scale)
			lo, hi := uint8(255), uint8(0)
			for y := y0; y < y1; y++ {
				for x := x0; x < x1; x++ {
					v := gray(x, y)
					lo, hi = min(lo, v), max(hi, v)
				}
			}
			switch w.Level {
			case data.ShadeShaded:
				if hi > 90 {
					t.Errorf("%s (shaded): lightest gray %d, want a dark cell", w.Label, hi)
				}
			case data.ShadePartly:
				if hi < 180 || lo > 150 {
					t.Errorf("%s (partly): gray %d–%d, want light with dark lines", w.Label, lo, hi)
				}
			default:
				if lo < 245 {
					t.Errorf("%s (not shaded): darkest gray %d, want a white cell", w.Label, lo)
				}
			}
		}
	}
}

// master compares b with testdata/name, or rewrites it with -update. A
// failure leaves the new picture in testdata/failed/ to look at.
func master(t *testing.T, name string, b []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no master %s (run go test -update once and look at it): %v", path, err)
	}
	if !bytes.Equal(b, want) {
		_ = os.MkdirAll(filepath.Join("testdata", "failed"), 0o755)
		_ = os.WriteFile(filepath.Join("testdata", "failed", name), b, 0o644)
		t.Errorf("%s differs from its master; the new one is in testdata/failed/ (go test -update rewrites the master once you have looked)", name)
	}
}

func TestEmptyAndOdd(t *testing.T) {
	fw := data.DefaultFramework()
	for _, r := range []*data.Record{
		{},
		{Session: data.Session{Title: strings.Repeat("A very long title that wraps ", 6), Community: "The <Board> & “friends”"}},
	} {
		m := mapmodel.Build(fw, r)
		var s, p bytes.Buffer
		if err := mapimage.WriteSVG(&s, m); err != nil {
			t.Fatalf("WriteSVG: %v", err)
		}
		officetest.ParseXML(t, "map.svg", s.Bytes())
		if err := mapimage.WritePNG(&p, m); err != nil {
			t.Fatalf("WritePNG: %v", err)
		}
		if _, _, err := image.Decode(bytes.NewReader(p.Bytes())); err != nil {
			t.Fatalf("PNG: %v", err)
		}
	}
}

func full(tb testing.TB) mapmodel.Model {
	fw, r := session(tb)
	for i := range r.Words {
		r.Words[i].Level = data.ShadeShaded
	}
	return mapmodel.Build(fw, r)
}

func BenchmarkWritePNG(b *testing.B) {
	m := full(b)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := mapimage.WritePNG(&buf, m); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes")
}

func BenchmarkWriteSVG(b *testing.B) {
	m := full(b)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := mapimage.WriteSVG(&buf, m); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes")
}

// Text the picture cannot draw (a script that needs shaping, emoji) shows
// as a marker, as on paper; symbols the font has show as typed.
func TestMarkersForTextThePictureCannotDraw(t *testing.T) {
	fw, r := session(t)
	r.Title = "Mapping ≤ 2026 ✓ for مرحبا بكم 😀"
	m := mapmodel.Build(fw, r)
	var s bytes.Buffer
	if err := mapimage.WriteSVG(&s, m); err != nil {
		t.Fatalf("WriteSVG: %v", err)
	}
	svg := s.String()
	// The title wraps over two lines.
	for _, want := range []string{">Mapping ≤ 2026 ✓ for [Arabic text not shown in<", ">the picture] [emoji not shown in the picture]<"} {
		if !strings.Contains(svg, want) {
			t.Errorf("the SVG's title lacks %q", want)
		}
	}
	if strings.Contains(svg, "مرحبا") || strings.Contains(svg, "😀") {
		t.Error("the SVG draws text its font cannot")
	}
}
