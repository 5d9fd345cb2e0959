package word_test

import (
	"bytes"
	"flag"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/internal/officetest"
	"github.com/ppei-iceberg/iceberg/export/internal/sample"
	"github.com/ppei-iceberg/iceberg/export/report"
	"github.com/ppei-iceberg/iceberg/export/word"
)

var keep = flag.String("keep", "", "also write the Word document and LibreOffice's PDF of it to this folder, to look at")

// fullRecord is the shared sample session (export/internal/sample), with
// notes that carry characters Word's XML must escape.
func fullRecord(tb testing.TB, fw *data.Framework, noteLen int) *data.Record {
	tb.Helper()
	r := sample.Session(fw, noteLen)
	for i := range r.Words {
		r.Words[i].Note = strings.ReplaceAll(r.Words[i].Note, "valued — by the board & its committees", "valued <by> the board & its “chair”")
	}
	return r
}

func build(tb testing.TB, r *data.Record, opt report.Options) *report.Report {
	tb.Helper()
	rep, err := report.Build(data.DefaultFramework(), r, opt)
	if err != nil {
		tb.Fatalf("report.Build: %v", err)
	}
	return rep
}

func mustWrite(tb testing.TB, rep *report.Report) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := word.Write(&buf, rep); err != nil {
		tb.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

// TestStructure checks the document against the report it renders:
// headings on heading styles in the report's order, every table with a
// header row that repeats, and the map as a picture with the report's
// text alternative.
func TestStructure(t *testing.T) {
	fw := data.DefaultFramework()
	rep := build(t, fullRecord(t, fw, 600), report.Options{})
	f := officetest.OpenDocx(t, mustWrite(t, rep))

	var want, got []string
	want = append(want, "Title "+rep.Title)
	var captions []string
	var figure *report.Figure
	if rep.Cover != nil {
		captions = append(captions, rep.Cover.Heading+": cover sheet")
	}
	for _, s := range rep.Sections {
		want = append(want, "Heading1 "+s.Heading())
		level := 2
		for _, b := range s.Blocks {
			switch b.Kind {
			case report.Subheading:
				want = append(want, "Heading2 "+b.Text)
				level = 3
			case report.Label:
				want = append(want, fmt.Sprintf("Heading%d %s", level, b.Text))
			case report.TableBlock:
				captions = append(captions, b.Table.Caption)
			case report.FigureBlock:
				figure = b.Figure
			}
		}
	}
	styles := f.Styles(t)
	for _, p := range f.Paragraphs(t) {
		if strings.HasPrefix(p.Style, "Heading") || p.Style == "Title" {
			got = append(got, p.Style+" "+p.Text)
		}
		if _, ok := styles[p.Style]; !ok {
			t.Errorf("paragraph %q: style %q is not defined", p.Text, p.Style)
		}
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("headings:\n got %s\n\nwant %s", g, w)
	}
	if styles["Heading1"] != "heading 1" || styles["Heading2"] != "heading 2" || styles["TableGrid"] != "Table Grid" || styles["Caption"] != "caption" {
		t.Errorf("styles are not Word's own: %v", styles)
	}

	tables := f.Tables(t)
	if len(tables) != len(captions) {
		t.Fatalf("%d tables, want %d (%q)", len(tables), len(captions), captions)
	}
	for i, tb := range tables {
		if tb.HeaderRows != 1 || tb.Marked != 1 {
			t.Errorf("table %q: %d header rows marked to repeat, want 1", tb.Caption, tb.Marked)
		}
		if tb.Caption != captions[i] {
			t.Errorf("table %d caption %q, want %q", i+1, tb.Caption, captions[i])
		}
	}

	pics := f.Pictures(t)
	if figure == nil || len(pics) != 1 {
		t.Fatalf("%d pictures, want the one map", len(pics))
	}
	if pics[0].Title != figure.Title || pics[0].Descr != figure.Description || !strings.Contains(pics[0].Descr, "Participation (P, agreed): shaded Aligning") {
		t.Errorf("the map's alt text: title %q, descr %q", pics[0].Title, pics[0].Descr)
	}
	img, err := png.DecodeConfig(bytes.NewReader(f.Parts[pics[0].Part]))
	if err != nil || img.Width != 2197 {
		t.Errorf("the map picture: %v, %d px wide, want a 2197 px PNG", err, img.Width)
	}
	if ftr := string(f.Parts["word/footer1.xml"]); !strings.Contains(ftr, rep.Footer) || !strings.Contains(ftr, `w:instr=" PAGE "`) {
		t.Errorf("the footer lacks %q and the page number: %s", rep.Footer, ftr)
	}
	insert := officetest.OpenDocx(t, mustWrite(t, build(t, fullRecord(t, fw, 600), report.Options{Insert: true})))
	if _, ok := insert.Parts["word/footer1.xml"]; ok {
		t.Error("insert mode has a page footer; the organisation's template brings its own")
	}
	for _, p := range insert.Paragraphs(t) {
		if strings.Contains(p.Text, "cover sheet") {
			t.Errorf("insert mode has a cover sheet: %q", p.Text)
		}
	}
	core := string(f.Parts["docProps/core.xml"])
	if !strings.Contains(core, "<dc:language>en-GB</dc:language>") || !strings.Contains(core, "<dc:title>"+rep.Title+"</dc:title>") {
		t.Errorf("core properties: %s", core)
	}
}

// TestPublicByDefault: the Word document of a public report holds no
// participant's or facilitator's name anywhere in the file, and the
// cover's author and presenter; asked for names, it has them all.
func TestPublicByDefault(t *testing.T) {
	fw := data.DefaultFramework()
	r := fullRecord(t, fw, 300)
	f := officetest.OpenDocx(t, mustWrite(t, build(t, r, report.Options{})))
	for name, b := range f.Parts {
		for _, n := range sample.Withheld {
			if bytes.Contains(b, []byte(n)) {
				t.Errorf("the public document's %s holds the name %q", name, n)
			}
		}
	}
	for _, n := range sample.Officers {
		if !bytes.Contains(f.Parts["word/document.xml"], []byte(n)) {
			t.Errorf("the public document lacks the cover's officer %q", n)
		}
	}
	named := officetest.OpenDocx(t, mustWrite(t, build(t, r, report.Options{Names: true})))
	doc := string(named.Parts["word/document.xml"])
	for _, n := range []string{"Zoë Clarke", "Siân O&#39;Neill"} {
		if !strings.Contains(doc, n) {
			t.Errorf("the document with names lacks %q", n)
		}
	}
}

func TestRepeatable(t *testing.T) {
	fw := data.DefaultFramework()
	a := mustWrite(t, build(t, fullRecord(t, fw, 300), report.Options{}))
	b := mustWrite(t, build(t, fullRecord(t, fw, 300), report.Options{}))
	if !bytes.Equal(a, b) {
		t.Error("the same session gave different bytes")
	}
	if err := word.Write(&bytes.Buffer{}, nil); err == nil {
		t.Error("Write(nil) did not fail")
	}
}

// TestLibreOffice opens the paper in LibreOffice, converts it to PDF and
// reads the text back: every heading, caption and paragraph of the report
// is there, in the report's order.
func TestLibreOffice(t *testing.T) {
	fw := data.DefaultFramework()
	rep := build(t, fullRecord(t, fw, 600), report.Options{})
	dir := t.TempDir()
	src := filepath.Join(dir, "paper.docx")
	if err := os.WriteFile(src, mustWrite(t, rep), 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := officetest.Convert(t, src, "pdf")
	if *keep != "" {
		for _, f := range []string{src, pdf} {
			if b, err := os.ReadFile(f); err != nil || os.WriteFile(filepath.Join(*keep, filepath.Base(f)), b, 0o644) != nil {
				t.Fatalf("keep %s: %v", f, err)
			}
		}
	}
	out, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")

	// What must be there, in order: a paragraph by its first words, since
	// line breaks and table columns rearrange the rest.
	start := func(s string) string {
		w := strings.Fields(s)
		return strings.Join(w[:min(len(w), 6)], " ")
	}
	var want []string
	want = append(want, rep.Kicker, rep.Title)
	if rep.Cover != nil {
		want = append(want, "Table 1: "+rep.Cover.Heading+": cover sheet")
	}
	tables, figures := 1, 0
	for _, s := range rep.Sections {
		want = append(want, s.Heading())
		for _, b := range s.Blocks {
			switch b.Kind {
			case report.Subheading, report.Label:
				want = append(want, b.Text)
			case report.Paragraph:
				want = append(want, start(strings.TrimSpace(b.Lead+" "+b.Text)))
			case report.List, report.Steps:
				for _, it := range b.Items {
					want = append(want, start(it.Lead))
				}
			case report.TableBlock:
				tables++
				want = append(want, fmt.Sprintf("Table %d: %s", tables, start(b.Table.Caption)))
			case report.FigureBlock:
				figures++
				want = append(want, fmt.Sprintf("Figure %d: %s", figures, start(b.Figure.Caption)))
			}
		}
	}
	last := 0
	for _, s := range want {
		if s == "" {
			continue
		}
		i := strings.Index(text[last:], s)
		if i < 0 {
			t.Errorf("LibreOffice's PDF lacks %q after position %d (or has it out of order)", s, last)
			continue
		}
		last += i + len(s)
	}
	if !strings.Contains(text, rep.Footer+" Page 1 of ") {
		t.Errorf("LibreOffice's PDF lacks the footer %q with the page number", rep.Footer)
	}
	imgs, err := exec.Command("pdfimages", "-list", pdf).Output()
	if err != nil {
		t.Fatalf("pdfimages: %v", err)
	}
	if n := len(strings.Split(strings.TrimSpace(string(imgs)), "\n")) - 2; n != 1 {
		t.Errorf("the PDF has %d images, want the map:\n%s", n, imgs)
	}
}

// BenchmarkWriteWord is a full session, as BenchmarkWritePDF has it: every
// word shaded, 2,000-character notes on each element, eight actions;
// building the report included.
func BenchmarkWriteWord(b *testing.B) {
	fw := data.DefaultFramework()
	r := sample.Full(fw)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := word.Write(&buf, build(b, r, report.Options{})); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes")
}
