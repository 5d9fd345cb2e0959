package data_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
)

// rec builds a record from "word=level" pairs; every other word is none.
func rec(tb testing.TB, pairs ...string) *data.Record {
	tb.Helper()
	r := &data.Record{}
	for _, p := range pairs {
		id, lvl, ok := strings.Cut(p, "=")
		if !ok {
			tb.Fatalf("bad pair %q", p)
		}
		s, err := data.ParseShade(lvl)
		if err != nil {
			tb.Fatal(err)
		}
		r.Words = append(r.Words, data.WordState{WordID: id, Level: s})
	}
	return r
}

func TestComparePair(t *testing.T) {
	fw := data.DefaultFramework()
	total := len(fw.AllWords())
	tests := []struct {
		name           string
		before, after  *data.Record
		up, down, same int
		words          map[string][3]string // id → from, to, move
		elements       map[string][3]int    // code → up, down, same
	}{
		{name: "both empty", before: rec(t), after: rec(t), same: total,
			elements: map[string][3]int{"P": {0, 0, 4}, "Mat": {0, 0, 5}, "BE": {0, 0, 6}}},
		{name: "nil records count as empty", before: nil, after: nil, same: total},
		{name: "up from nothing", before: nil, after: rec(t, "mat.reporting=shaded", "p.engaging=partly"),
			up: 2, same: total - 2,
			words:    map[string][3]string{"mat.reporting": {"none", "shaded", "up"}, "p.engaging": {"none", "partly", "up"}, "c.learning": {"none", "none", "same"}},
			elements: map[string][3]int{"Mat": {1, 0, 4}, "P": {1, 0, 3}, "C": {0, 0, 4}}},
		{name: "up, down and same",
			before: rec(t, "mat.reporting=shaded", "mat.monitoring=partly", "m.valuing=partly", "be.welcoming=shaded"),
			after:  rec(t, "mat.reporting=partly", "mat.monitoring=partly", "m.valuing=shaded", "be.welcoming=none", "be.believing=shaded"),
			up:     2, down: 2, same: total - 4,
			words: map[string][3]string{
				"mat.reporting":  {"shaded", "partly", "down"},
				"mat.monitoring": {"partly", "partly", "same"},
				"m.valuing":      {"partly", "shaded", "up"},
				"be.welcoming":   {"shaded", "none", "down"},
				"be.believing":   {"none", "shaded", "up"},
			},
			elements: map[string][3]int{"Mat": {0, 1, 4}, "M": {1, 0, 2}, "BE": {1, 1, 4}, "P": {0, 0, 4}}},
		{name: "out-of-range level reads as none",
			before: &data.Record{Words: []data.WordState{{WordID: "c.learning", Level: data.Shade(9)}}},
			after:  rec(t, "c.learning=partly"), up: 1, same: total - 1,
			words: map[string][3]string{"c.learning": {"none", "partly", "up"}}},
		{name: "unknown word ids are ignored",
			before: rec(t, "x.nothing=shaded"), after: rec(t), same: total},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := data.ComparePair(fw, tt.before, tt.after)
			if got.Up != tt.up || got.Down != tt.down || got.Same != tt.same {
				t.Errorf("up/down/same = %d/%d/%d, want %d/%d/%d", got.Up, got.Down, got.Same, tt.up, tt.down, tt.same)
			}
			if got.Changed() != tt.up+tt.down {
				t.Errorf("Changed() = %d, want %d", got.Changed(), tt.up+tt.down)
			}
			if len(got.Words) != total {
				t.Errorf("%d words, want %d", len(got.Words), total)
			}
			for i, w := range fw.AllWords() {
				if got.Words[i].WordID != w.ID || got.Words[i].Label != w.Label || got.Words[i].Element != w.Element {
					t.Errorf("word %d is %+v, want %s (%s) in framework order", i, got.Words[i], w.ID, w.Element)
				}
			}
			for id, want := range tt.words {
				c, ok := got.Word(id)
				if !ok {
					t.Fatalf("no change for %s", id)
				}
				if g := [3]string{c.From.String(), c.To.String(), c.Move.String()}; g != want {
					t.Errorf("%s: got %v, want %v", id, g, want)
				}
			}
			sum := 0
			for _, e := range got.Elements {
				sum += e.Up + e.Down + e.Same
				if want, ok := tt.elements[e.Code]; ok {
					if g := [3]int{e.Up, e.Down, e.Same}; g != want {
						t.Errorf("element %s: got %v, want %v", e.Code, g, want)
					}
				}
			}
			if sum != total || len(got.Elements) != len(fw.Elements) {
				t.Errorf("elements add up to %d words over %d elements, want %d over %d", sum, len(got.Elements), total, len(fw.Elements))
			}
		})
	}
}

func TestCompareMany(t *testing.T) {
	fw := data.DefaultFramework()
	tests := []struct {
		name     string
		recs     []*data.Record
		sessions int
		words    map[string][6]int // id → shaded, partly, none, sessions, percent, percentAny
	}{
		{name: "none", recs: nil, sessions: 0,
			words: map[string][6]int{"mat.reporting": {0, 0, 0, 0, 0, 0}}},
		{name: "one", recs: []*data.Record{rec(t, "mat.reporting=shaded")}, sessions: 1,
			words: map[string][6]int{"mat.reporting": {1, 0, 0, 1, 100, 100}, "p.aligning": {0, 0, 1, 1, 0, 0}}},
		{name: "three groups", sessions: 3,
			recs: []*data.Record{
				rec(t, "mat.reporting=shaded", "p.engaging=partly", "m.valuing=shaded"),
				rec(t, "mat.reporting=shaded", "p.engaging=shaded"),
				rec(t, "mat.reporting=partly", "m.valuing=shaded"),
			},
			words: map[string][6]int{
				"mat.reporting": {2, 1, 0, 3, 67, 100},
				"p.engaging":    {1, 1, 1, 3, 33, 67},
				"m.valuing":     {2, 0, 1, 3, 67, 67},
				"be.welcoming":  {0, 0, 3, 3, 0, 0},
			}},
		{name: "nil records skipped", sessions: 2,
			recs:  []*data.Record{nil, rec(t, "c.learning=shaded"), nil, rec(t)},
			words: map[string][6]int{"c.learning": {1, 0, 1, 2, 50, 50}}},
		{name: "eight groups round half up", sessions: 8,
			recs: []*data.Record{rec(t, "c.learning=shaded"), rec(t), rec(t), rec(t), rec(t), rec(t), rec(t), rec(t)},
			// 1 of 8 is 12.5%: rounds to 13.
			words: map[string][6]int{"c.learning": {1, 0, 7, 8, 13, 13}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := data.CompareMany(fw, tt.recs)
			if h.Sessions != tt.sessions {
				t.Errorf("Sessions = %d, want %d", h.Sessions, tt.sessions)
			}
			n := 0
			for i, e := range h.Elements {
				if e.Code != fw.Elements[i].Code || len(e.Words) != len(fw.Elements[i].Words) {
					t.Errorf("element %d is %s with %d words, want %s with %d", i, e.Code, len(e.Words), fw.Elements[i].Code, len(fw.Elements[i].Words))
				}
				for _, w := range e.Words {
					n++
					if w.Shaded+w.Partly+w.None != w.Sessions {
						t.Errorf("%s: %d+%d+%d does not add up to %d sessions", w.WordID, w.Shaded, w.Partly, w.None, w.Sessions)
					}
				}
			}
			if n != len(fw.AllWords()) {
				t.Errorf("%d words, want %d", n, len(fw.AllWords()))
			}
			for id, want := range tt.words {
				w, ok := h.Word(id)
				if !ok {
					t.Fatalf("no heat for %s", id)
				}
				if g := [6]int{w.Shaded, w.Partly, w.None, w.Sessions, w.Percent, w.PercentAny}; g != want {
					t.Errorf("%s: got %v, want %v", id, g, want)
				}
			}
		})
	}
}

func TestPercent(t *testing.T) {
	tests := []struct{ n, total, want int }{
		{0, 0, 0}, {1, 0, 0}, {0, 5, 0}, {5, 5, 100}, {1, 3, 33}, {2, 3, 67}, {1, 2, 50}, {1, 8, 13}, {1, 200, 1}, {1, 201, 0},
	}
	for _, tt := range tests {
		if got := data.Percent(tt.n, tt.total); got != tt.want {
			t.Errorf("Percent(%d, %d) = %d, want %d", tt.n, tt.total, got, tt.want)
		}
	}
}

func TestCompareJSON(t *testing.T) {
	fw := data.DefaultFramework()
	p := data.ComparePair(fw, rec(t, "m.valuing=partly"), rec(t, "m.valuing=shaded"))
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"id":"m.valuing","label":"Valuing","element":"M","from":"partly","to":"shaded","move":"up"}`; !strings.Contains(string(b), want) {
		t.Errorf("JSON lacks %s:\n%s", want, b)
	}
}

func TestComparePairNilFramework(t *testing.T) {
	if p := data.ComparePair(nil, rec(t), rec(t)); len(p.Words) != 0 {
		t.Errorf("got %d words without a framework", len(p.Words))
	}
	if h := data.CompareMany(nil, []*data.Record{rec(t)}); len(h.Elements) != 0 {
		t.Errorf("got %d elements without a framework", len(h.Elements))
	}
}
