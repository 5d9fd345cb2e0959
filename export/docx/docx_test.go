package docx_test

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ppei-iceberg/iceberg/export/docx"
	"github.com/ppei-iceberg/iceberg/export/internal/officetest"
)

var keep = flag.String("keep", "", "also write the sample document and LibreOffice's PDF of it to this folder, to look at")

var when = time.Date(2026, 3, 14, 16, 45, 0, 0, time.UTC)

// squarePNG is a small picture with something in it: a dark square on white.
func squarePNG(tb testing.TB, w, h int) []byte {
	tb.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.RGBA{255, 255, 255, 255}
			if x > w/4 && x < 3*w/4 && y > h/4 && y < 3*h/4 {
				c = color.RGBA{18, 52, 86, 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// sample is a document with one of everything, in British English and with
// text that XML must escape.
func sample(tb testing.TB) []byte {
	tb.Helper()
	d := &docx.Document{Title: "Governing Body mapping – spring", Subject: "PPEI iceberg map", Creator: "North Riverside ICB", Modified: when, Footer: "Governing Body mapping · 14 March 2026"}
	d.Para(docx.StyleSubtitle, docx.Plain("North Riverside ICB"))
	d.Heading(0, "Governing Body mapping – spring")
	d.Heading(1, "1. What the map shows")
	d.Para("", docx.Plain("Groups shaded the "), docx.Bold("doing words"), docx.Run{Text: " that applied <to> them & their “practice”.", Italic: true})
	d.Text("First line\nsecond line\tafter a tab")
	d.Heading(2, "1.1 Participation (P)")
	d.Heading(3, "How to read the map")
	d.Para(docx.StyleQuote, docx.Plain("“It was the first time I felt listened to.”"))
	d.List(false,
		docx.ListItem{Runs: []docx.Run{docx.Bold("Aligning"), docx.Plain(": shaded")}, More: [][]docx.Run{{docx.Plain("Zoë's note about aligning.")}}},
		docx.ListItem{Runs: []docx.Run{docx.Bold("Imagining"), docx.Plain(": partly")}},
	)
	d.List(true, docx.ListItem{Runs: []docx.Run{docx.Plain("Invite lay members")}}, docx.ListItem{Runs: []docx.Run{docx.Plain("Shorten pre-reading")}})
	d.List(true, docx.ListItem{Runs: []docx.Run{docx.Plain("A second numbered list")}})
	if err := d.AddTable(docx.Table{
		Caption: "Actions agreed", Head: []string{"Action", "Owner", "Due"}, RowHeader: 0, Widths: []float64{3, 1.5, 1},
		Rows: [][]string{{"Invite lay representatives to co-chair", "Board secretary", "30 June 2026"}, {"Record what changed", "Communications team", ""}},
	}); err != nil {
		tb.Fatal(err)
	}
	d.PageBreak()
	d.Heading(1, "2. The map")
	if err := d.AddPicture(docx.Picture{
		PNG: squarePNG(tb, 300, 200), Title: "PPEI iceberg map: 9 of 22 practices shaded",
		Description: "Participation: shaded Aligning; partly Imagining.", Caption: "The iceberg map", Width: 12,
	}); err != nil {
		tb.Fatal(err)
	}
	if err := d.AddTable(docx.Table{Caption: "The 22 doing words", Head: []string{"Element", "Word", "Level"}, RowHeader: -1,
		Rows: [][]string{{"Participation", "Aligning", "Shaded: found in this group's practice"}}}); err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		tb.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func TestParts(t *testing.T) {
	f := officetest.OpenDocx(t, sample(t))
	want := []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
		"word/document.xml", "word/styles.xml", "word/numbering.xml", "word/settings.xml",
		"word/_rels/document.xml.rels", "word/footer1.xml", "word/media/image1.png"}
	if got := strings.Join(f.Names, " "); got != strings.Join(want, " ") {
		t.Fatalf("parts:\n got %s\nwant %s", got, strings.Join(want, " "))
	}
	for _, name := range f.Names {
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			f.XML(t, name) // fails the test if not well-formed
		}
	}
	for _, zf := range f.Files {
		if !zf.Modified.Equal(when) {
			t.Errorf("%s: zip time %v, want %v", zf.Name, zf.Modified, when)
		}
	}

	types := string(f.Parts["[Content_Types].xml"])
	for _, s := range []string{`Extension="png" ContentType="image/png"`, `PartName="/word/document.xml"`, `PartName="/docProps/core.xml"`} {
		if !strings.Contains(types, s) {
			t.Errorf("[Content_Types].xml lacks %s", s)
		}
	}

	core := f.XML(t, "docProps/core.xml")
	for local, want := range map[string]string{"title": "Governing Body mapping – spring", "language": "en-GB", "creator": "North Riverside ICB", "modified": "2026-03-14T16:45:00Z"} {
		var got []string
		for _, k := range core.Kids {
			if k.Name.Local == local {
				got = append(got, k.Chars)
			}
		}
		if len(got) != 1 || got[0] != want {
			t.Errorf("core property %s = %q, want %q", local, got, want)
		}
	}
	if s := string(f.Parts["word/styles.xml"]); !strings.Contains(s, `<w:lang w:val="en-GB"`) {
		t.Errorf("styles.xml does not set the language to en-GB")
	}
}

// Word's built-in styles, by id and name: a template's own versions of
// these replace them when the text is pasted in.
func TestStyles(t *testing.T) {
	styles := officetest.OpenDocx(t, sample(t)).Styles(t)
	for id, name := range map[string]string{
		"Normal": "Normal", "Title": "Title", "Heading1": "heading 1", "Heading2": "heading 2", "Heading3": "heading 3",
		"Caption": "caption", "TableGrid": "Table Grid", "ListBullet": "List Bullet", "ListNumber": "List Number", "Quote": "Quote",
	} {
		if got := styles[id]; got != name {
			t.Errorf("style %s is named %q, want %q", id, got, name)
		}
	}
	f := officetest.OpenDocx(t, sample(t))
	for _, p := range f.Paragraphs(t) {
		if _, ok := styles[p.Style]; !ok {
			t.Errorf("paragraph %q uses style %q, which styles.xml does not define", p.Text, p.Style)
		}
	}
	doc := f.XML(t, "word/document.xml")
	for _, ts := range doc.All(officetest.NSW, "tblStyle") {
		if ts.Get("val") != "TableGrid" {
			t.Errorf("a table uses style %q, want TableGrid", ts.Get("val"))
		}
	}
}

func TestBody(t *testing.T) {
	f := officetest.OpenDocx(t, sample(t))
	paras := f.Paragraphs(t)
	styleOf := map[string]string{}
	for _, p := range paras {
		styleOf[p.Text] = p.Style
	}
	for text, want := range map[string]string{
		"Governing Body mapping – spring":        "Title",
		"1. What the map shows":                  "Heading1",
		"1.1 Participation (P)":                  "Heading2",
		"How to read the map":                    "Heading3",
		"2. The map":                             "Heading1",
		"Table 1: Actions agreed":                "Caption",
		"Figure 1: The iceberg map":              "Caption",
		"Table 2: The 22 doing words":            "Caption",
		"Aligning: shaded":                       "ListBullet",
		"Zoë's note about aligning.":             "ListContinue",
		"Invite lay representatives to co-chair": "", // inside a table, not a body paragraph
		"First line\nsecond line\tafter a tab":   "Normal",
		"Groups shaded the doing words that applied <to> them & their “practice”.": "Normal",
	} {
		if got, ok := styleOf[text]; want == "" && ok || want != "" && got != want {
			t.Errorf("paragraph %q: style %q (present %v), want %q", text, got, ok, want)
		}
	}

	doc := string(f.Parts["word/document.xml"])
	if n := strings.Count(doc, `w:instr=" SEQ Table \* ARABIC "`); n != 2 {
		t.Errorf("%d SEQ Table fields, want 2", n)
	}
	if n := strings.Count(doc, `w:instr=" SEQ Figure \* ARABIC "`); n != 1 {
		t.Errorf("%d SEQ Figure fields, want 1", n)
	}
	// Each numbered list is its own numbering instance, so the second starts at 1 again.
	nums := regexp.MustCompile(`<w:pStyle w:val="ListNumber"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="(\d+)"/>`).FindAllStringSubmatch(doc, -1)
	if len(nums) != 3 || nums[0][1] != nums[1][1] || nums[1][1] == nums[2][1] {
		t.Errorf("numbered list items use numIds %v, want two in one list and one in another", nums)
	}
	numbering := string(f.Parts["word/numbering.xml"])
	if !strings.Contains(numbering, `<w:num w:numId="`+nums[2][1]+`"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>`) {
		t.Errorf("the second numbered list does not restart at 1:\n%s", numbering)
	}

	tables := f.Tables(t)
	if len(tables) != 2 {
		t.Fatalf("%d tables, want 2", len(tables))
	}
	for i, tb := range tables {
		if tb.HeaderRows != 1 || tb.Marked != 1 {
			t.Errorf("table %d: %d leading header rows, %d marked, want the first row only", i+1, tb.HeaderRows, tb.Marked)
		}
	}
	if got := strings.Join(tables[0].Rows[0], "|"); got != "Action|Owner|Due" {
		t.Errorf("table 1 header = %q", got)
	}
	if got := strings.Join(tables[0].Rows[2], "|"); got != "Record what changed|Communications team|" {
		t.Errorf("table 1 last row = %q (an empty cell must still be a cell)", got)
	}
	if tables[0].Caption != "Actions agreed" {
		t.Errorf("table 1 caption property = %q", tables[0].Caption)
	}

	pics := f.Pictures(t)
	if len(pics) != 1 {
		t.Fatalf("%d pictures, want 1", len(pics))
	}
	p := pics[0]
	if p.Title != "PPEI iceberg map: 9 of 22 practices shaded" || p.Descr != "Participation: shaded Aligning; partly Imagining." {
		t.Errorf("picture alt text: title %q, descr %q", p.Title, p.Descr)
	}
	if p.Part != "word/media/image1.png" || !bytes.Equal(f.Parts[p.Part], squarePNG(t, 300, 200)) {
		t.Errorf("picture links to %q, want the PNG given", p.Part)
	}
	// 12 cm wide, 300×200 px: 8 cm tall.
	if !strings.Contains(doc, `<wp:extent cx="4320000" cy="2880000"/>`) {
		t.Errorf("picture extent is not 12 × 8 cm")
	}
}

func TestRepeatable(t *testing.T) {
	a, b := sample(t), sample(t)
	if !bytes.Equal(a, b) {
		t.Fatal("the same document gave different bytes")
	}
}

func TestErrors(t *testing.T) {
	d := &docx.Document{}
	for _, tt := range []struct {
		name string
		err  error
		want string
	}{
		{"no header", d.AddTable(docx.Table{Rows: [][]string{{"a"}}}), "needs a header row"},
		{"short row", d.AddTable(docx.Table{Head: []string{"a", "b"}, Rows: [][]string{{"a"}}}), "row 1 has 1 cells"},
		{"widths", d.AddTable(docx.Table{Head: []string{"a", "b"}, Widths: []float64{1}}), "1 widths for 2 columns"},
		{"not png", d.AddPicture(docx.Picture{PNG: []byte("GIF89a"), Title: "x"}), "not a PNG"},
		{"no alt", d.AddPicture(docx.Picture{PNG: squarePNG(t, 4, 4)}), "needs a text alternative"},
	} {
		if tt.err == nil || !strings.Contains(tt.err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to say %q", tt.name, tt.err, tt.want)
		}
	}
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		t.Fatalf("an empty document: %v", err)
	}
	if n := len(officetest.OpenDocx(t, buf.Bytes()).Paragraphs(t)); n != 0 {
		t.Errorf("an empty document has %d paragraphs", n)
	}
}

// TestLibreOffice opens the document as an office suite does: LibreOffice
// converts it to PDF (its text read back with pdftotext, its picture
// counted with pdfimages) and to ODF, where the headings, the repeated
// header rows and the picture's alt text must have survived as LibreOffice's
// own.
func TestLibreOffice(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "sample.docx")
	if err := os.WriteFile(src, sample(t), 0o644); err != nil {
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
	out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	last := -1
	for _, s := range []string{
		"North Riverside ICB", "Governing Body mapping – spring", "1. What the map shows",
		"that applied <to> them & their “practice”.", "First line second line", "1.1 Participation (P)",
		"“It was the first time I felt listened to.”", "• Aligning: shaded", "Zoë's note about aligning.",
		"1. Invite lay members", "2. Shorten pre-reading", "1. A second numbered list",
		"Table 1: Actions agreed", "Action Owner Due", "Board secretary", "2. The map",
		"Figure 1: The iceberg map", "Table 2: The 22 doing words", "Shaded: found in this group's practice",
		"Governing Body mapping · 14 March 2026 Page 2 of 2",
	} {
		i := strings.Index(text, s)
		if i < 0 {
			t.Errorf("the PDF LibreOffice made lacks %q:\n%s", s, text)
			continue
		}
		if i < last {
			t.Errorf("%q is out of order in the PDF", s)
		}
		last = i
	}
	imgs, err := exec.Command("pdfimages", "-list", pdf).Output()
	if err != nil {
		t.Fatalf("pdfimages: %v", err)
	}
	if n := len(strings.Split(strings.TrimSpace(string(imgs)), "\n")) - 2; n != 1 {
		t.Errorf("the PDF has %d images, want 1:\n%s", n, imgs)
	}

	odt := officetest.Convert(t, src, "odt")
	b, err := os.ReadFile(odt)
	if err != nil {
		t.Fatal(err)
	}
	content := officetest.OpenDocx(t, b).XML(t, "content.xml")
	const (
		nsText  = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
		nsTable = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
		nsDraw  = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
		nsSVG   = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
	)
	var heads []string
	for _, h := range content.All(nsText, "h") {
		heads = append(heads, h.Get("outline-level")+" "+flatText(h))
	}
	if got, want := strings.Join(heads, " | "), "1 1. What the map shows | 2 1.1 Participation (P) | 3 How to read the map | 1 2. The map"; got != want {
		t.Errorf("LibreOffice's headings:\n got %s\nwant %s", got, want)
	}
	tables := content.All(nsTable, "table")
	if len(tables) != 2 {
		t.Fatalf("LibreOffice sees %d tables, want 2", len(tables))
	}
	for i, tb := range tables {
		if hr := tb.All(nsTable, "table-header-rows"); len(hr) != 1 || len(hr[0].All(nsTable, "table-row")) != 1 {
			t.Errorf("table %d: LibreOffice does not repeat one header row", i+1)
		}
	}
	frames := content.All(nsDraw, "frame")
	if len(frames) != 1 {
		t.Fatalf("LibreOffice sees %d pictures, want 1", len(frames))
	}
	title, desc := frames[0].Child(nsSVG, "title"), frames[0].Child(nsSVG, "desc")
	if title == nil || title.Chars != "PPEI iceberg map: 9 of 22 practices shaded" || desc == nil || desc.Chars != "Participation: shaded Aligning; partly Imagining." {
		t.Errorf("LibreOffice's alt text for the picture: title %v, desc %v", title, desc)
	}
}

// flatText is all the character data under an ODF element.
func flatText(n *officetest.Node) string {
	s := n.Chars
	for _, k := range n.Kids {
		s += flatText(k)
	}
	return s
}

func BenchmarkWrite(b *testing.B) {
	pic := squarePNG(b, 600, 400)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		d := &docx.Document{Title: "Benchmark", Modified: when}
		for i := range 50 {
			d.Heading(1, "Section")
			d.Text(strings.Repeat("Some words of a paragraph. ", 20+i%5))
		}
		rows := make([][]string, 22)
		for i := range rows {
			rows[i] = []string{"Participation", "Aligning", "Shaded: found in this group's practice"}
		}
		if err := d.AddTable(docx.Table{Caption: "Words", Head: []string{"Element", "Word", "Level"}, Rows: rows, RowHeader: 1}); err != nil {
			b.Fatal(err)
		}
		if err := d.AddPicture(docx.Picture{PNG: pic, Title: "x"}); err != nil {
			b.Fatal(err)
		}
		buf.Reset()
		if err := d.Write(&buf); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes")
}
