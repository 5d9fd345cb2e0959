package cli_test

import (
	"archive/zip"
	"bytes"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
)

// formatSession is a session with named participants, a note naming one
// of them, and a word of each level.
func formatSession(t *testing.T, db string) string {
	t.Helper()
	id := strings.TrimSpace(ok(t, db, "new", "--title", "Board map", "--cop", "Communications Strategy Group",
		"--facilitator", "Zoë Facilitator"))
	ok(t, db, "participants", id, "lay_rep", "2", "Łukasz Nowak", "Siân Jones")
	ok(t, db, "shade", id, "Reporting", "shaded")
	ok(t, db, "shade", id, "Aligning", "partly")
	ok(t, db, "note", id, "Reporting", "Łukasz Nowak said the reports are read.")
	return id
}

func TestExportFormats(t *testing.T) {
	db := newDB(t)
	id := formatSession(t, db)
	dir := t.TempDir()
	names := []string{"Łukasz", "Nowak", "Siân", "Zoë"}
	fw := data.DefaultFramework()

	t.Run("html", func(t *testing.T) {
		out := filepath.Join(dir, "report.html")
		ok(t, db, "export", id, "--format", "html", "--out", out)
		b := mustRead(t, out)
		for _, want := range []string{"<!DOCTYPE html>", `<html lang="en-GB">`, `role="img"`, "1. What the map shows",
			"Reporting", html.EscapeString(mapmodel.LevelWords(data.ShadeShaded)), mapmodel.LevelWords(data.ShadePartly)} {
			if !bytes.Contains(b, []byte(want)) {
				t.Errorf("the HTML report lacks %q", want)
			}
		}
		for _, n := range names {
			if bytes.Contains(b, []byte(n)) {
				t.Errorf("the public HTML report names %q", n)
			}
		}
		named := filepath.Join(dir, "named.htm")
		ok(t, db, "export", id, "--out", named, "--names")
		if b := mustRead(t, named); !bytes.Contains(b, []byte("Łukasz Nowak, Siân Jones")) || !bytes.HasPrefix(b, []byte("<!DOCTYPE html>")) {
			t.Errorf("--names with an .htm file: not an HTML report with the names")
		}
	})

	t.Run("docx from the file's name", func(t *testing.T) {
		out := filepath.Join(dir, "paper.docx")
		ok(t, db, "export", id, "--out", out)
		b := mustRead(t, out)
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatalf("the .docx is not a zip: %v", err)
		}
		var doc []byte
		for _, f := range zr.File {
			if f.Name == "word/document.xml" {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				_, _ = buf.ReadFrom(rc)
				rc.Close()
				doc = buf.Bytes()
			}
		}
		if doc == nil || !bytes.Contains(doc, []byte("What the map shows")) {
			t.Fatalf("the .docx has no board paper in word/document.xml")
		}
		for _, n := range names {
			if bytes.Contains(doc, []byte(n)) {
				t.Errorf("the public Word paper names %q", n)
			}
		}
	})

	for _, f := range []struct{ format, magic string }{{"png", "\x89PNG\r\n\x1a\n"}, {"svg", "<?xml"}} {
		t.Run(f.format, func(t *testing.T) {
			out := filepath.Join(dir, "map."+f.format)
			stdout := ok(t, db, "export", id, "--format", f.format, "--out", out)
			if b := mustRead(t, out); !bytes.HasPrefix(b, []byte(f.magic)) {
				t.Errorf("%s: the file does not start as one: %q", f.format, b[:min(len(b), 12)])
			}
			// The text alternative is printed beside the picture, whole.
			for _, want := range []string{"text alternative", "PPEI iceberg map of the Communications Strategy Group: 1 of 22 practices shaded, 1 partly.",
				fw.Elements[1].Name + " (" + fw.Elements[1].Code + ", not yet agreed): shaded Reporting;"} {
				if !strings.Contains(stdout, want) {
					t.Errorf("%s: stdout lacks %q:\n%s", f.format, want, stdout)
				}
			}
		})
	}

	t.Run("bad format", func(t *testing.T) {
		out := filepath.Join(dir, "x.odt")
		r := iceberg(t, nil, "--db", db, "export", id, "--format", "odt", "--out", out)
		if r.code != 2 || !strings.Contains(r.stderr, "pdf, html, docx, png, svg") {
			t.Errorf("--format odt: exit %d, stderr %q; want a usage error naming the formats", r.code, r.stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("--format odt wrote a file")
		}
	})
}

func TestExportHTMLOfAFollowUpSaysWhatMoved(t *testing.T) {
	db := newDB(t)
	id := formatSession(t, db)
	next := strings.TrimSpace(ok(t, db, "follow-up", id))
	ok(t, db, "shade", next, "Aligning", "shaded")
	out := filepath.Join(t.TempDir(), "follow-up.html")
	ok(t, db, "export", next, "--out", out)
	b := mustRead(t, out)
	for _, want := range []string{"What moved since the previous mapping", "1 practice moved up", "Aligning (partly to shaded)"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("the follow-up's report lacks %q", want)
		}
	}
}

// The PDF of a follow-up says what moved too, and --insert leaves out the
// cover sheet and the page numbers.
func TestExportPDFOfAFollowUpSaysWhatMovedAndInserts(t *testing.T) {
	db := newDB(t)
	id := formatSession(t, db)
	next := strings.TrimSpace(ok(t, db, "follow-up", id))
	ok(t, db, "cover", next, "--meeting", "Board meeting in public")
	ok(t, db, "shade", next, "Aligning", "shaded")
	out := filepath.Join(t.TempDir(), "follow-up.pdf")
	ok(t, db, "export", next, "--out", out)
	text := strings.Join(strings.Fields(pdfWords(t, out)), " ")
	for _, want := range []string{"What moved since the previous mapping", "1 practice moved up", "Aligning (partly to shaded)", "Board meeting in public", "Page 1 of"} {
		if !strings.Contains(text, want) {
			t.Errorf("the follow-up's PDF lacks %q", want)
		}
	}
	ins := filepath.Join(t.TempDir(), "insert.pdf")
	ok(t, db, "export", next, "--out", ins, "--insert")
	text = strings.Join(strings.Fields(pdfWords(t, ins)), " ")
	if !strings.HasPrefix(text, "1. What the map shows") {
		t.Errorf("--insert does not start with the message page: %.200s", text)
	}
	for _, gone := range []string{"Board meeting in public", "Page 1 of"} {
		if strings.Contains(text, gone) {
			t.Errorf("--insert still prints %q", gone)
		}
	}
	if !strings.Contains(text, "What moved since the previous mapping") {
		t.Error("--insert lost what moved")
	}
}

// Before writing a PDF, export lists on standard error the text the PDF
// cannot draw and where it is; the PDF prints a marker there, and the
// symbols it draws print as typed.
func TestExportPDFWarnsOfTextItCannotDraw(t *testing.T) {
	db := newDB(t)
	id := formatSession(t, db)
	ok(t, db, "note", id, "Aligning", "Read it aloud ✓ then translate: مرحبا بكم")
	ok(t, db, "summary", id, "Wait ≤ 5 minutes → then vote 👍")
	out := filepath.Join(t.TempDir(), "odd.pdf")
	r := iceberg(t, nil, "--db", db, "export", id, "--out", out)
	if r.code != 0 {
		t.Fatalf("export: exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"The PDF cannot draw 2 pieces of text",
		"5.1 Participation (P): Aligning: Arabic text “مرحبا بكم” (U+0645",
		"3. Recommendations and actions: The group's summary: emoji “👍” (U+1F44D)"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	text := strings.Join(strings.Fields(pdfWords(t, out)), " ")
	for _, want := range []string{"Read it aloud ✓ then translate: [Arabic text not shown in the PDF]", "Wait ≤ 5 minutes → then vote [emoji not shown in the PDF]"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	// A session the PDF draws whole gets no warning.
	plain := strings.TrimSpace(ok(t, db, "new", "--title", "Plain", "--cop", "Governing Body"))
	if r := iceberg(t, nil, "--db", db, "export", plain, "--out", filepath.Join(t.TempDir(), "plain.pdf")); strings.Contains(r.stderr, "cannot draw") {
		t.Errorf("a plain session warns: %s", r.stderr)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return b
}
