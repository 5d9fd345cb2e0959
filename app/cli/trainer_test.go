package cli_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pdfWords reads a PDF back with pdftotext as words joined by single
// spaces; a missing tool is a failure.
func pdfWords(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatalf("pdftotext is not installed (apt-get install poppler-utils): %v", err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestHandoutCommand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "sheet.pdf")
	r := iceberg(t, nil, "handout", "--out", out, "--title", "Training day – Siân’s group", "--paper", "letter")
	if r.code != 0 {
		t.Fatalf("handout: exit %d: %s", r.code, r.stderr)
	}
	text := pdfWords(t, out)
	for _, want := range []string{"YOUR OWN VIEW", "Training day – Siân’s group", "Participation", "Welcoming", "YOUR NOTES"} {
		if !strings.Contains(text, want) {
			t.Errorf("hand-out lacks %q", want)
		}
	}
	for _, args := range [][]string{{"handout"}, {"handout", "--out", out, "--paper", "a3"}} {
		if r := iceberg(t, nil, args...); r.code != 2 || !strings.Contains(r.stderr, "iceberg:") {
			t.Errorf("%v: exit %d, stderr %q; want a usage error", args, r.code, r.stderr)
		}
	}
	if r := iceberg(t, nil, "handout", "--out", filepath.Join(dir, "no", "such", "x.pdf")); r.code != 1 || !strings.Contains(r.stderr, "does not exist") {
		t.Errorf("missing folder: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestExamplesCommands(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	list := ok(t, db, "examples")
	if !strings.Contains(list, "1. Illustrative example") || !strings.Contains(list, "Findings drawn on:\n   - Heavy materiality") ||
		strings.Contains(list, "leadership.") {
		t.Fatalf("examples lists:\n%s", list)
	}
	var exs []struct {
		N        int
		Title    string
		Findings []struct{ ID, Text string }
	}
	if err := json.Unmarshal([]byte(ok(t, db, "examples", "--json")), &exs); err != nil {
		t.Fatal(err)
	}
	if len(exs) < 2 || len(exs[0].Findings) == 0 {
		t.Fatalf("examples --json: %+v", exs)
	}
	a := strings.TrimSpace(ok(t, db, "example", "1"))
	b := strings.TrimSpace(ok(t, db, "example", "1"))
	if a == b || a == "" {
		t.Fatalf("example 1 opened twice gave ids %q and %q", a, b)
	}
	// The copy is editable; the other copy and the example are not touched.
	ok(t, db, "shade", a, "be.welcoming", "shaded")
	ok(t, db, "summary", a, "Our own version")
	var ra, rb struct {
		Title   string
		Summary string
		Words   []struct{ ID, Level string }
	}
	if err := json.Unmarshal([]byte(ok(t, db, "show", a, "--json")), &ra); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(ok(t, db, "show", b, "--json")), &rb); err != nil {
		t.Fatal(err)
	}
	if ra.Title != exs[0].Title || rb.Title != exs[0].Title {
		t.Errorf("copies are titled %q and %q, want %q", ra.Title, rb.Title, exs[0].Title)
	}
	if rb.Summary == "Our own version" || !strings.Contains(rb.Summary, "Findings drawn on:") {
		t.Errorf("editing one copy changed the other: %q", rb.Summary)
	}
	if again := ok(t, db, "examples"); again != list {
		t.Errorf("the examples changed after a copy was edited")
	}
	for _, n := range []string{"0", "99", "two"} {
		if r := iceberg(t, nil, "--db", db, "example", n); r.code != 2 || !strings.Contains(r.stderr, "not an example number") {
			t.Errorf("example %s: exit %d, stderr %q", n, r.code, r.stderr)
		}
	}
}

func TestCompareCommand(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	dir := t.TempDir()
	first := strings.TrimSpace(ok(t, db, "new", "--title", "Board mapping", "--cop", "Governing Body", "--date", "2026-03-14", "--facilitator", "Zoë Quennell"))
	ok(t, db, "participants", first, "lay_rep", "2", "Gruffydd Evans")
	ok(t, db, "shade", first, "mat.reporting", "shaded")
	ok(t, db, "shade", first, "be.welcoming", "partly")
	second := strings.TrimSpace(ok(t, db, "follow-up", first))
	ok(t, db, "shade", second, "mat.reporting", "partly")
	ok(t, db, "shade", second, "be.welcoming", "shaded")
	ok(t, db, "shade", second, "m.valuing", "shaded")
	third := strings.TrimSpace(ok(t, db, "example", "1"))

	var js struct {
		Kind string
		Pair struct {
			Up, Down, Same int
			Words          []struct{ ID, From, To, Move string }
			Elements       []struct {
				Code           string
				Up, Down, Same int
			}
		}
		Heat struct {
			Sessions int
			Elements []struct {
				Words []struct {
					ID                      string
					Shaded, Partly, Percent int
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(ok(t, db, "compare", first, second, "--json")), &js); err != nil {
		t.Fatal(err)
	}
	if js.Kind != "pair" || js.Pair.Up != 2 || js.Pair.Down != 1 || js.Pair.Same != 19 {
		t.Errorf("compare --json: kind %s, %d up, %d down, %d same; want pair, 2, 1, 19", js.Kind, js.Pair.Up, js.Pair.Down, js.Pair.Same)
	}
	for _, w := range js.Pair.Words {
		if w.ID == "mat.reporting" && (w.From != "shaded" || w.To != "partly" || w.Move != "down") {
			t.Errorf("reporting: %+v", w)
		}
	}
	if err := json.Unmarshal([]byte(ok(t, db, "compare", first, second, third, "--json")), &js); err != nil {
		t.Fatal(err)
	}
	if js.Kind != "heat" || js.Heat.Sessions != 3 {
		t.Errorf("three sessions: kind %s, %d sessions", js.Kind, js.Heat.Sessions)
	}

	pair := filepath.Join(dir, "pair.pdf")
	ok(t, db, "compare", first, second, "--out", pair)
	text := pdfWords(t, pair)
	for _, want := range []string{"BEFORE AND AFTER", "2 words moved up, 1 moved down, 19 stayed the same", "Every doing word, before and after"} {
		if !strings.Contains(text, want) {
			t.Errorf("compare PDF lacks %q", want)
		}
	}
	for _, name := range []string{"Zoë", "Quennell", "Gruffydd", "Evans"} {
		if strings.Contains(text, name) {
			t.Errorf("public compare PDF names %q", name)
		}
	}
	named := filepath.Join(dir, "named.pdf")
	ok(t, db, "compare", first, second, "--out", named, "--names")
	if text := pdfWords(t, named); !strings.Contains(text, "Zoë Quennell") {
		t.Errorf("compare --names lacks the facilitator")
	}
	heat := filepath.Join(dir, "heat.pdf")
	ok(t, db, "compare", first, second, third, "--out", heat)
	if text := pdfWords(t, heat); !strings.Contains(text, "How many of 3 sessions shaded each practice") {
		t.Errorf("heat map PDF lacks its title")
	}
	two := filepath.Join(dir, "two.pdf")
	ok(t, db, "compare", first, second, "--heat", "--out", two)
	if text := pdfWords(t, two); !strings.Contains(text, "How many of 2 sessions") {
		t.Errorf("compare --heat lacks its title")
	}

	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"compare", first}, 2, "expects"},
		{[]string{"compare", first, second}, 2, "--out"},
		{[]string{"compare", first, first, "--json"}, 2, "named twice"},
		{[]string{"compare", first, "x", "--json"}, 2, "not a session id"},
		{[]string{"compare", first, "999", "--json"}, 1, ""},
		{[]string{"compare", first, second, "--out", pair, "--paper", "a5"}, 2, "a4 or letter"},
	} {
		r := iceberg(t, nil, append([]string{"--db", db}, tc.args...)...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d with %q", tc.args, r.code, r.stderr, tc.code, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("a failed compare left a file")
	}
}

// A command that takes no arguments says so when given one ("iceberg
// examples 2" is a slip for "iceberg example 2").
func TestNoArgumentCommandSaysSo(t *testing.T) {
	t.Parallel()
	r := iceberg(t, nil, "--db", newDB(t), "examples", "2")
	if r.code != 2 || !strings.Contains(r.stderr, "takes no arguments, but was given \"2\"") {
		t.Errorf("examples 2: exit %d, stderr %q", r.code, r.stderr)
	}
}
