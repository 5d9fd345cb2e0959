package data

import "testing"

func TestChangeDescribe(t *testing.T) {
	fw := DefaultFramework()
	tests := []struct {
		ch     Change
		undone bool
		want   string
	}{
		{Change{Field: FieldShade, Target: "mat.reporting", Before: "0", After: "2"}, false, "the shading of Reporting (now shaded)"},
		{Change{Field: FieldShade, Target: "mat.reporting", Before: "0", After: "2"}, true, "the shading of Reporting (now not shaded)"},
		{Change{Field: FieldShade, Target: "mat.reporting", Before: "1", After: "x"}, false, "the shading of Reporting"},
		{Change{Field: FieldWordNote, Target: "p.aligning"}, false, "the note on Aligning"},
		{Change{Field: FieldElementNotes, Target: "Mat"}, false, "the discussion notes for Materiality"},
		{Change{Field: FieldAgreed, Target: "BE", After: "2026-01-01T00:00:00Z"}, false, "Boundary encounters agreed"},
		{Change{Field: FieldAgreed, Target: "BE", After: "2026-01-01T00:00:00Z"}, true, "Boundary encounters not agreed"},
		{Change{Field: FieldSummary}, false, "the summary"},
		{Change{Field: FieldTally, Target: "m.valuing"}, false, "the count of own views for Valuing"},
		{Change{Field: FieldTallyOf}, false, "the number of people taking part in the tally"},
		{Change{Field: "something-else"}, false, "the last change"},
	}
	for _, tt := range tests {
		if got := tt.ch.Describe(fw, tt.undone); got != tt.want {
			t.Errorf("%+v undone=%v: got %q, want %q", tt.ch, tt.undone, got, tt.want)
		}
	}
}

func TestHistoryTextRoundTrip(t *testing.T) {
	for _, s := range []Shade{ShadeNone, ShadePartly, ShadeShaded} {
		got, err := ParseShadeText(ShadeText(s))
		if err != nil || got != s {
			t.Errorf("shade %v: got %v, %v", s, got, err)
		}
	}
	for _, bad := range []string{"", "3", "-1", "partly"} {
		if _, err := ParseShadeText(bad); err == nil {
			t.Errorf("ParseShadeText(%q) took a bad level", bad)
		}
	}
	n := 7
	if p, err := ParseCountText(CountText(&n)); err != nil || p == nil || *p != 7 {
		t.Errorf("count 7: got %v, %v", p, err)
	}
	if p, err := ParseCountText(CountText(nil)); err != nil || p != nil {
		t.Errorf("no count: got %v, %v", p, err)
	}
	if _, err := ParseCountText("seven"); err == nil {
		t.Error("ParseCountText took seven")
	}
}
