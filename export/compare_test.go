package export

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
)

func mustCompare(tb testing.TB, recs []*data.Record, opt Options, heat bool) []byte {
	tb.Helper()
	var buf bytes.Buffer
	write := WriteComparePDF
	if heat {
		write = WriteHeatPDF
	}
	if err := write(&buf, data.DefaultFramework(), recs, opt); err != nil {
		tb.Fatalf("write comparison: %v", err)
	}
	return kept(tb, buf.Bytes())
}

// followUp is a re-mapping of r some months later with some words moved.
func followUp(tb testing.TB, fw *data.Framework, r *data.Record) *data.Record {
	tb.Helper()
	f := *r
	f.ID, f.Title, f.MeetingDate = 9, "Governing Body PPEI mapping – autumn 2026", "2026-10-01"
	f.UpdatedAt = r.UpdatedAt.Add(200 * 24 * time.Hour)
	f.Words = nil
	// Up: inspiring, remembering, valuing; down: reporting, welcoming.
	moved := map[string]data.Shade{"be.inspiring": data.ShadeShaded, "be.welcoming": data.ShadeNone, "be.remembering": data.ShadePartly, "mat.reporting": data.ShadeNone, "m.valuing": data.ShadeShaded}
	for _, w := range r.Words {
		if l, ok := moved[w.WordID]; ok {
			w.Level = l
		}
		f.Words = append(f.Words, w)
	}
	return &f
}

func TestWriteComparePDFPair(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	before := fullRecord(t, fw, 100)
	after := followUp(t, fw, before)
	pc := data.ComparePair(fw, before, after)
	b := mustCompare(t, []*data.Record{before, after}, Options{}, false)
	validate(t, b)
	pages := pdfText(t, b)
	// A long word may wrap after its hyphen.
	first := strings.ReplaceAll(flat(pages[0]), "- ", "-")
	for _, want := range []string{"BEFORE AND AFTER", "Governing Body: what moved between two mappings",
		"Before: Governing Body PPEI mapping – spring 2026", "After: Governing Body PPEI mapping – autumn 2026",
		PairCountLine(pc), "Moved up", "Moved down", "Page 1 of"} {
		if !strings.Contains(first, want) {
			t.Errorf("page 1 lacks %q:\n%s", want, first)
		}
	}
	for _, e := range fw.Elements {
		for _, w := range e.Words {
			// pdftotext joins a word wrapped after its hyphen.
			if !strings.Contains(first, w.Label) && !strings.Contains(first, strings.ReplaceAll(w.Label, "-", "")) {
				t.Errorf("page 1 lacks %q", w.Label)
			}
		}
	}
	all := flat(strings.Join(pages, " "))
	for _, ec := range pc.Elements {
		if !strings.Contains(first, movesLine(ec.Up, ec.Down)) {
			t.Errorf("page 1 lacks %s's moves %q", ec.Code, movesLine(ec.Up, ec.Down))
		}
	}
	if pc.Up != 3 || pc.Down != 2 {
		t.Fatalf("test data: %d up, %d down; want 3 and 2", pc.Up, pc.Down)
	}
	for _, want := range []string{"What moved, per element", "Every doing word, before and after", "Welcoming Shaded Not shaded", "Reporting Partly Not shaded", "Inspiring Partly Shaded", "Sessions compared", "12 people took part"} {
		if !strings.Contains(all, want) {
			t.Errorf("comparison lacks %q", want)
		}
	}
}

func TestWriteComparePDFHeat(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	a := fullRecord(t, fw, 50)
	b := followUp(t, fw, a)
	c := followUp(t, fw, b)
	c.Title, c.Community = "Training day – group 3", "Students"
	recs := []*data.Record{a, b, c}
	h := data.CompareMany(fw, recs)
	pdf := mustCompare(t, recs, Options{}, false)
	validate(t, pdf)
	pages := pdfText(t, pdf)
	first := flat(pages[0])
	for _, want := range []string{"3 SESSIONS", "How many of 3 sessions shaded each practice", "3. Training day – group 3"} {
		if !strings.Contains(first, want) {
			t.Errorf("page 1 lacks %q:\n%s", want, first)
		}
	}
	for _, e := range h.Elements {
		for _, w := range e.Words {
			line := heatCellLine(w)
			if !strings.Contains(first, w.Label) || !strings.Contains(first, line) {
				t.Errorf("page 1 lacks %q", line)
			}
		}
	}
	if w, _ := h.Word("be.welcoming"); w.Shaded != 1 || w.Percent != 33 {
		t.Fatalf("test data: welcoming %+v", w)
	}
	all := flat(strings.Join(pages, " "))
	if !strings.Contains(all, "Welcoming 1 (33%) 0 2 33%") {
		t.Errorf("word table lacks welcoming's row:\n%s", all)
	}
	// Two sessions as a heat map, on request.
	two := mustCompare(t, recs[:2], Options{}, true)
	validate(t, two)
	if p := flat(pdfText(t, two)[0]); !strings.Contains(p, "How many of 2 sessions") {
		t.Errorf("heat map of two lacks its title:\n%s", p)
	}
}

// heatCellLine is the count line printed under a word in the heat map.
func heatCellLine(w data.WordHeat) string {
	s := strings.Join([]string{itoa(w.Shaded) + " of " + itoa(w.Sessions), itoa(w.Percent) + "%"}, " · ")
	if w.Partly > 0 {
		s += " · +" + itoa(w.Partly) + " partly"
	}
	return s
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestWriteComparePDFNames(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	before := fullRecord(t, fw, 100)
	after := followUp(t, fw, before)
	after.Facilitator = "Marta Kowalczyk"
	after.Participants = []data.Participants{{Role: data.RoleLayRep, Count: 2, Names: []string{"Gruffydd Evans"}}}
	after.Title = "Follow-up led by Marta Kowalczyk at Clarke House"
	names := []string{"Siân O'Neill", "O'Neill", "Zoë", "Will Hope", "Łukasz", "Siân", "Ngọc", "Marta Kowalczyk", "Kowalczyk", "Gruffydd"}
	for _, heat := range []bool{false, true} {
		recs := []*data.Record{before, after}
		public := flat(strings.Join(pdfText(t, mustCompare(t, recs, Options{}, heat)), " "))
		for _, n := range names {
			if strings.Contains(public, n) {
				t.Errorf("heat=%v: public comparison names %q", heat, n)
			}
		}
		// A word of one session that is a name in the other stays a word.
		if !strings.Contains(public, "Follow-up led by [name withheld] at Clarke House") {
			t.Errorf("heat=%v: one session's names touched another's words: %s", heat, public)
		}
		if !strings.Contains(public, "This is the public version") {
			t.Errorf("heat=%v: public comparison does not say it is public", heat)
		}
		named := flat(strings.Join(pdfText(t, mustCompare(t, recs, Options{Names: true}, heat)), " "))
		for _, want := range []string{"Facilitated by Siân O'Neill", "Facilitated by Marta Kowalczyk", "Follow-up led by Marta Kowalczyk"} {
			if !strings.Contains(named, want) {
				t.Errorf("heat=%v: comparison with names lacks %q", heat, want)
			}
		}
	}
}

func TestWriteComparePDFTally(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	before := fullRecord(t, fw, 100)
	after := followUp(t, fw, before)
	four, nine := 4, 9
	after.TallyOf = &nine
	for i := range after.Words {
		if after.Words[i].WordID == "be.welcoming" {
			after.Words[i].Tally = &four
		}
	}
	all := flat(strings.Join(pdfText(t, mustCompare(t, []*data.Record{before, after}, Options{}, false)), " "))
	if want := "Welcoming not recorded 4 of 9 people"; !strings.Contains(all, want) {
		t.Errorf("comparison lacks the tally row %q", want)
	}
}

func TestWriteComparePDFRepeatable(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	a := fullRecord(t, fw, 100)
	recs := []*data.Record{a, followUp(t, fw, a), a}
	for _, n := range []int{2, 3} {
		first := mustCompare(t, recs[:n], Options{}, false)
		if again := mustCompare(t, recs[:n], Options{}, false); !bytes.Equal(first, again) {
			t.Errorf("%d sessions: two runs gave different bytes", n)
		}
		golden(t, map[int]string{2: "compare-pair.pdf", 3: "compare-heat.pdf"}[n], first)
	}
}

func TestWriteComparePDFBadInput(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	r := fullRecord(t, fw, 10)
	var buf bytes.Buffer
	for name, recs := range map[string][]*data.Record{"none": nil, "one": {r}} {
		if err := WriteComparePDF(&buf, fw, recs, Options{}); data.ErrorCode(err) != data.EInvalid {
			t.Errorf("%s: got %v, want an invalid-input error", name, err)
		}
	}
	if err := WriteComparePDF(&buf, fw, []*data.Record{r, nil}, Options{}); err == nil {
		t.Error("a missing session: got no error")
	}
	if err := WriteComparePDF(&buf, fw, []*data.Record{r, r}, Options{Paper: "a5"}); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("paper a5: got %v, want an invalid-input error", err)
	}
	// Empty sessions, odd text and many sessions still make a valid PDF.
	odd := &data.Record{Session: data.Session{Title: "\x00\t🧊 \u202e", MeetingDate: "soon"}, Words: []data.WordState{{WordID: "nope", Level: data.Shade(7)}}}
	var many []*data.Record
	for i := 0; i < 12; i++ {
		many = append(many, odd, &data.Record{})
	}
	for name, recs := range map[string][]*data.Record{"empty pair": {{}, {}}, "odd pair": {odd, r}, "many": many} {
		buf.Reset()
		if err := WriteComparePDF(&buf, fw, recs, Options{}); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		validate(t, buf.Bytes())
	}
}
