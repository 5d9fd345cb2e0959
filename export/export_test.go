package export

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/internal/sample"
	"github.com/ppei-iceberg/iceberg/resources"
)

var (
	update = flag.Bool("update", false, "rewrite the golden PDF under testdata/")
	keep   = flag.String("keep", "", "also write the sample PDFs to this folder, to look at")
)

func init() { api.DisableConfigDir() }

var changed = time.Date(2026, 3, 14, 16, 45, 0, 0, time.UTC)

// fullRecord is the shared sample session (export/internal/sample): every
// word shaded or partly, notes on each element, a cover sheet, actions and
// named participants.
func fullRecord(tb testing.TB, fw *data.Framework, noteLen int) *data.Record {
	tb.Helper()
	return sample.Session(fw, noteLen)
}

// longText is n characters of plain sentences about an element.
func longText(n int, about string) string {
	s := fmt.Sprintf("The group discussed %s with examples from recent meetings; Łukasz noted the “hidden” effort — travel, reading, and £ costs – that nobody reports. ", strings.ToLower(about))
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(s)
	}
	return strings.TrimSpace(b.String()[:n])
}

// kept writes b into the -keep folder, when one is given, named after
// the test, and returns it.
func kept(tb testing.TB, b []byte) []byte {
	tb.Helper()
	if *keep != "" {
		name := strings.NewReplacer("/", "_", " ", "_").Replace(tb.Name()) + ".pdf"
		if err := os.WriteFile(filepath.Join(*keep, name), b, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return b
}

func mustPDF(tb testing.TB, r *data.Record, opt Options) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := WritePDF(&buf, data.DefaultFramework(), r, opt); err != nil {
		tb.Fatalf("WritePDF: %v", err)
	}
	return kept(tb, buf.Bytes())
}

// validate checks the PDF's structure with pdfcpu.
func validate(t *testing.T, b []byte) {
	t.Helper()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	if err := api.Validate(bytes.NewReader(b), conf); err != nil {
		t.Fatalf("pdfcpu validate: %v", err)
	}
}

// pdfText extracts the text of every page with pdftotext. A missing tool is
// a failure: CI installs poppler-utils.
func pdfText(t *testing.T, b []byte) []string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatalf("pdftotext is not installed (apt-get install poppler-utils): %v", err)
	}
	f := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// pageInfo reads the page count and first page size in points with pdfinfo.
func pageInfo(t *testing.T, b []byte) (pages int, w, h float64) {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Fatalf("pdfinfo is not installed (apt-get install poppler-utils): %v", err)
	}
	f := filepath.Join(t.TempDir(), "info.pdf")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", f).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		k, v, _ := strings.Cut(line, ":")
		v = strings.TrimSpace(v)
		switch k {
		case "Pages":
			pages, _ = strconv.Atoi(v)
		case "Page size":
			if _, err := fmt.Sscanf(v, "%g x %g", &w, &h); err != nil {
				t.Fatalf("page size %q: %v", v, err)
			}
		}
	}
	return pages, w, h
}

// flat joins text across line breaks so wrapped phrases still match.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// mapPageIndex finds the map page: the one with the key.
func mapPageIndex(t *testing.T, pages []string) int {
	t.Helper()
	for i, p := range pages {
		if strings.Contains(p, "PPEI ICEBERG MAP") {
			return i
		}
	}
	t.Fatalf("no map page among %d pages", len(pages))
	return -1
}

func TestWritePDFMapPage(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	b := mustPDF(t, fullRecord(t, fw, 400), Options{})
	validate(t, b)
	pages := pdfText(t, b)
	if !strings.Contains(pages[0], "Purpose of the paper") {
		t.Errorf("page 1 is not the cover sheet:\n%s", pages[0])
	}
	if !strings.HasPrefix(strings.TrimSpace(pages[1]), "1. What the map shows") {
		t.Errorf("page 2 is not the message page:\n%s", pages[1])
	}
	i := mapPageIndex(t, pages)
	if i != 2 {
		t.Errorf("map is on page %d, want 3 (after the cover and the message page)", i+1)
	}
	mp := flat(pages[i])
	for _, e := range fw.Elements {
		if !strings.Contains(mp, e.Name) {
			t.Errorf("map page lacks element %q", e.Name)
		}
		for _, w := range e.Words {
			// A long label may wrap after its hyphen: its two lines read
			// apart, or joined as pdftotext joins a hyphenated line end.
			first, rest, hyphen := strings.Cut(w.Label, "-")
			wrapped := hyphen && (strings.Contains(mp, first+"-") && strings.Contains(mp, rest) || strings.Contains(mp, first+rest))
			if !strings.Contains(mp, w.Label) && !wrapped {
				t.Errorf("map page lacks word %q", w.Label)
			}
		}
	}
	for _, want := range []string{"11 of 22 practices shaded, 6 partly", "Community of practice: Governing Body", "Organisation: North Riverside Integrated Care Board", "Workshop date: 14 March 2026", "Hatfield, D. (2021)", "KEY", "Shaded", "Partly", "Not shaded"} {
		if !strings.Contains(mp, want) {
			t.Errorf("map page lacks %q:\n%s", want, mp)
		}
	}
	if strings.Contains(mp, "DRAFT") {
		t.Errorf("agreed session shows DRAFT on the map page")
	}
	for n, p := range pages {
		if want := fmt.Sprintf("Page %d of %d", n+1, len(pages)); !strings.Contains(p, want) {
			t.Errorf("page %d lacks footer %q", n+1, want)
		}
		if !strings.Contains(flat(p), "Last changed 14 March 2026") {
			t.Errorf("page %d lacks the date of the last change", n+1)
		}
	}
}

func TestWritePDFSections(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	r := fullRecord(t, fw, 300)
	all := flat(strings.Join(pdfText(t, mustPDF(t, r, Options{})), "\n"))
	for _, want := range []string{
		"12 people took part: 5 service users or carers, 2 lay representatives, 3 GPs or clinical leads and 2 commissioning managers.",
		"Discussion", "Agenda item", "7.2", "Executive summary",
		"5. Appendix: what the group said about each element", "5.1 Participation (P)",
		"Agreed on 14 March 2026 · 10 minutes spent", "Discussion notes",
		"The group's summary", "Recommended actions, with owner, due date and element", "Board secretary", "31 May 2026", "Materiality",
		"Who took part", "Service user or carer", "This is the public version",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	for _, e := range fw.Elements {
		if !strings.Contains(strings.ToLower(all), strings.ToLower(e.Definition[:20])) {
			t.Errorf("PDF lacks the definition of %s", e.Name)
		}
	}
}

func TestWritePDFUnicode(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	r := fullRecord(t, fw, 200)
	r.Summary = "Zoë, Łukasz, Siân and Ngọc said “curly quotes” – en dash — em dash £12."
	all := flat(strings.Join(pdfText(t, mustPDF(t, r, Options{Names: true})), "\n"))
	for _, want := range []string{"Zoë", "Łukasz", "Siân", "Ngọc", "“curly quotes”", "– en dash", "— em dash", "£12", "Governing Body PPEI mapping – spring 2026"} {
		if !strings.Contains(all, want) {
			t.Errorf("text round trip lost %q", want)
		}
	}
}

func TestWritePDFNames(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	r := fullRecord(t, fw, 200)
	names := []string{"Zoë", "Clarke", "Łukasz", "Nowak", "Siân", "Will Hope", "Ngọc", "Okafor"}
	tests := []struct {
		name  string
		opt   Options
		named bool
	}{
		{"public", Options{}, false},
		{"public without cover", Options{NoCover: true}, false},
		{"named", Options{Names: true}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			all := flat(strings.Join(pdfText(t, mustPDF(t, r, tt.opt)), "\n"))
			for _, n := range names {
				if got := strings.Contains(all, n); got != tt.named {
					t.Errorf("name %q present = %v, want %v", n, got, tt.named)
				}
			}
			if got := strings.Contains(all, "Facilitated by Siân O'Neill"); got != tt.named {
				t.Errorf("facilitator line present = %v, want %v", got, tt.named)
			}
			// The author and presenter are officers: on the cover, with
			// their job titles, in every version.
			for _, officer := range []string{"Julie Marsh, Senior Commissioning Support Manager", "Ben Adeyemi, Director of Communications and Engagement"} {
				if got := strings.Contains(all, officer); got != !tt.opt.NoCover {
					t.Errorf("cover line %q present = %v, want %v", officer, got, !tt.opt.NoCover)
				}
			}
		})
	}
}

func TestWritePDFDraft(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	tests := []struct {
		name   string
		agreed int
		draft  bool
	}{{"none agreed", 0, true}, {"four agreed", 4, true}, {"all agreed", 5, false}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := fullRecord(t, fw, 100)
			for i := range r.Elements {
				if i >= tt.agreed {
					r.Elements[i].AgreedAt = nil
				}
			}
			pages := pdfText(t, mustPDF(t, r, Options{}))
			mp := pages[mapPageIndex(t, pages)]
			if got := strings.Contains(mp, "DRAFT"); got != tt.draft {
				t.Errorf("DRAFT on the map page = %v, want %v", got, tt.draft)
			}
			if tt.draft && !strings.Contains(mp, fmt.Sprintf("%d of 5 elements agreed", tt.agreed)) {
				t.Errorf("map page does not say how many elements are agreed")
			}
		})
	}
}

func TestWritePDFLongText(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	short := fullRecord(t, fw, 100)
	long := fullRecord(t, fw, 10000)
	long.Community = strings.Repeat("Communications and Engagement Strategy Group ", 3)[:120]
	long.Actions[0].Text = longText(3000, "the action")
	nShort, _, _ := pageInfo(t, mustPDF(t, short, Options{}))
	lb := mustPDF(t, long, Options{})
	validate(t, lb)
	nLong, _, _ := pageInfo(t, lb)
	if nLong <= nShort+5 {
		t.Errorf("10,000-character notes give %d pages, short notes %d: want many more", nLong, nShort)
	}
	pages := pdfText(t, lb)
	all := flat(strings.Join(pages, "\n"))
	// Every word of the notes must print: count a word that recurs (a
	// phrase may straddle a page break, with the footer between).
	for _, phrase := range []string{"nobody", "properly"} {
		want := strings.Count(long.Actions[0].Text, phrase)
		for _, e := range long.Elements {
			want += strings.Count(e.Notes, phrase)
		}
		if got := strings.Count(all, phrase); got < want || want == 0 {
			t.Errorf("%q printed %d times, want at least %d: text was clipped", phrase, got, want)
		}
	}
	mp := flat(pages[mapPageIndex(t, pages)])
	if !strings.Contains(mp, flat(long.Community)) {
		t.Errorf("the 120-character community name is not whole on the map page")
	}
}

func TestWritePDFPaper(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	r := fullRecord(t, fw, 300)
	tests := []struct {
		paper string
		w, h  float64
	}{{"", 595.28, 841.89}, {"a4", 595.28, 841.89}, {"letter", 612, 792}, {"Letter", 612, 792}}
	for _, tt := range tests {
		t.Run(tt.paper, func(t *testing.T) {
			b := mustPDF(t, r, Options{Paper: tt.paper})
			validate(t, b)
			_, w, h := pageInfo(t, b)
			if abs(w-tt.w) > 1 || abs(h-tt.h) > 1 {
				t.Errorf("page size %g × %g pt, want %g × %g", w, h, tt.w, tt.h)
			}
		})
	}
	if err := WritePDF(&bytes.Buffer{}, fw, r, Options{Paper: "a3"}); err == nil || data.ErrorCode(err) != data.EInvalid {
		t.Errorf("paper a3: err = %v, want an invalid-input error", err)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestWritePDFCoverOptional(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	tests := []struct {
		name      string
		cover     data.Cover
		noCover   bool
		wantCover bool
	}{
		{"filled", fullRecord(t, fw, 10).Cover, false, true},
		{"filled but left out", fullRecord(t, fw, 10).Cover, true, false},
		{"empty", data.Cover{}, false, false},
		{"one field", data.Cover{AgendaItem: "9"}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := fullRecord(t, fw, 10)
			r.Cover = tt.cover
			pages := pdfText(t, mustPDF(t, r, Options{NoCover: tt.noCover}))
			// Empty fields are left out, so the cover is known by its contents line.
			if got := strings.Contains(pages[0], "In this paper"); got != tt.wantCover {
				t.Errorf("cover sheet present = %v, want %v", got, tt.wantCover)
			}
		})
	}
}

func TestWritePDFOddInput(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	tests := map[string]func(r *data.Record){
		"empty session":   func(r *data.Record) { *r = data.Record{} },
		"emoji and CJK":   func(r *data.Record) { r.Summary = "Great 👍 session 会议 \x00\t done"; r.Title = "🧊" },
		"bad level":       func(r *data.Record) { r.Words[0].Level = data.Shade(9) },
		"unknown element": func(r *data.Record) { r.Actions[0].Element = "Z" },
		"long unbroken":   func(r *data.Record) { r.Summary = strings.Repeat("x", 5000); r.Title = strings.Repeat("W", 200) },
		"no participants": func(r *data.Record) { r.Participants = nil },
		"invalid utf8":    func(r *data.Record) { r.Summary = "bad \xff\xfe bytes" },
		"many actions": func(r *data.Record) {
			r.Actions = append(r.Actions, r.Actions...)
			r.Actions = append(r.Actions, r.Actions...)
		},
		"letter long notes": func(r *data.Record) { r.Elements[0].Notes = longText(10000, "P") },
	}
	for name, change := range tests {
		t.Run(name, func(t *testing.T) {
			r := fullRecord(t, fw, 100)
			change(r)
			validate(t, mustPDF(t, r, Options{Paper: "letter"}))
		})
	}
}

func TestWritePDFRepeatable(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	r := fullRecord(t, fw, 500)
	a := mustPDF(t, r, Options{})
	for i := 0; i < 3; i++ {
		if b := mustPDF(t, r, Options{}); !bytes.Equal(a, b) {
			t.Fatalf("run %d gave different bytes (%d vs %d)", i+2, len(a), len(b))
		}
	}
	golden(t, "session.pdf", a)
}

// golden compares b with the committed testdata/name, byte for byte;
// -update rewrites the file instead.
func golden(t *testing.T, name string, b []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test ./export -run Repeatable -update to make it): %v", err)
	}
	if !bytes.Equal(b, want) {
		t.Errorf("PDF differs from %s (%d bytes, want %d); if the change is meant, look at the pages and rerun with -update", path, len(b), len(want))
	}
}

func TestWriteCSV(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	r := fullRecord(t, fw, 10)
	r.Words[1].Note = "a note, with a comma and “quotes”\nand a line"
	var buf bytes.Buffer
	if err := WriteCSV(&buf, fw, r, Options{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	if got, want := len(rows), 23; got != want {
		t.Fatalf("%d rows, want %d", got, want)
	}
	if got, want := strings.Join(rows[0], ","), "session,element,word,level,note"; got != want {
		t.Errorf("header = %q, want %q", got, want)
	}
	words := fw.AllWords()
	for i, row := range rows[1:] {
		w := words[i]
		e, _ := fw.Element(w.Element)
		st := r.Word(w.ID)
		note := strings.NewReplacer("Zoë said", "[name withheld] said", "Lukasz said", "[name withheld] said").Replace(st.Note)
		want := []string{r.Title, e.Name, w.Label, st.Level.String(), note}
		if fmt.Sprint(row) != fmt.Sprint(want) {
			t.Errorf("row %d = %q, want %q", i+1, row, want)
		}
	}
	// With names asked for, the notes are as typed.
	buf.Reset()
	if err := WriteCSV(&buf, fw, r, Options{Names: true}); err != nil {
		t.Fatal(err)
	}
	if rows, _ = csv.NewReader(&buf).ReadAll(); len(rows) < 2 || rows[1][4] != r.Word(words[0].ID).Note {
		t.Errorf("with names, row 1 = %q, want the note as typed %q", rows[1], r.Word(words[0].ID).Note)
	}
}

func TestCell(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"=1+2", "'=1+2"},
		{"+1", "'+1"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"a=1", "a=1"},
		{"", ""},
		{"Zoë", "Zoë"},
	} {
		if got := Cell(tc.in); got != tc.want {
			t.Errorf("Cell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWriteFileAtomic(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "map.pdf")
	if err := WriteFileAtomic(path, func(w io.Writer) error { _, err := w.Write([]byte("first")); return err }); err != nil {
		t.Fatalf("write: %v", err)
	}
	err := WriteFileAtomic(path, func(w io.Writer) error {
		_, _ = w.Write([]byte("half"))
		return errors.New("disk on fire")
	})
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("failed write: err = %v, want the cause", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "first" {
		t.Errorf("after a failed write the file holds %q, want the old %q", b, "first")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("folder holds %d files after a failed write, want 1 (no temporary left)", len(ents))
	}
	for name, p := range map[string]string{
		"missing folder": filepath.Join(dir, "nope", "map.pdf"),
		"path is folder": dir,
	} {
		if err := WriteFileAtomic(p, func(w io.Writer) error { return nil }); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if os.Getuid() != 0 {
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o500); err != nil {
			t.Fatal(err)
		}
		err := WriteFileAtomic(filepath.Join(ro, "map.pdf"), func(w io.Writer) error { return nil })
		if err == nil || !strings.Contains(err.Error(), "cannot be written") {
			t.Errorf("read-only folder: err = %v, want it to say the folder cannot be written", err)
		}
	}
}

func BenchmarkWritePDF(b *testing.B) {
	fw := data.DefaultFramework()
	r := sample.Full(fw)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := WritePDF(&buf, fw, r, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes")
}

// BenchmarkWritePDFFloor is one page, one line, the same embedded font: the
// least a PDF with this font costs, to judge the full figure against.
func BenchmarkWritePDFFloor(b *testing.B) {
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		pdf := gofpdf.New("P", "mm", "A4", "")
		pdf.SetCatalogSort(true)
		pdf.SetCreationDate(changed)
		pdf.SetModificationDate(changed)
		pdf.AddUTF8FontFromBytes(font, "", resources.FontRegular())
		pdf.AddPage()
		pdf.SetFont(font, "", 12)
		pdf.Cell(100, 10, "Governing Body PPEI mapping")
		if err := pdf.Output(&buf); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes")
}
