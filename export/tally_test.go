package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
)

func TestTallyLine(t *testing.T) {
	t.Parallel()
	n := func(v int) *int { return &v }
	tests := []struct {
		count, of *int
		want      string
	}{
		{nil, n(9), ""},
		{n(4), n(9), "4 of 9 people shaded this on their own"},
		{n(0), n(9), "0 of 9 people shaded this on their own"},
		{n(1), n(1), "1 of 1 person shaded this on their own"},
		{n(4), nil, "4 people shaded this on their own"},
		{n(1), nil, "1 person shaded this on their own"},
		{n(12), n(9), "12 people shaded this on their own"}, // more than took part: no "of"
		{n(-1), nil, ""},
	}
	for _, tt := range tests {
		if got := TallyLine(tt.count, tt.of); got != tt.want {
			t.Errorf("TallyLine(%v, %v) = %q, want %q", tt.count, tt.of, got, tt.want)
		}
	}
}

// TestTallyThroughSessionFileToPDF: a tally written to a session file and
// read back prints beside the agreed shading on the detail pages.
func TestTallyThroughSessionFileToPDF(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	r := fullRecord(t, fw, 50)
	four, two, nine := 4, 2, 9
	r.FrameworkID, r.FrameworkVersion = fw.ID, fw.Version
	r.TallyOf = &nine
	for i := range r.Words {
		switch r.Words[i].WordID {
		case "p.aligning": // shaded by the group
			r.Words[i].Tally = &four
		case "p.engaging": // left unshaded by the group
			r.Words[i].Tally = &two
		}
	}
	var buf bytes.Buffer
	if err := data.NewSessionFile(fw, r).Write(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := data.ReadSessionFile(&buf, fw)
	if err != nil {
		t.Fatal(err)
	}
	back := &data.Record{Session: f.AsSession(), Words: f.Words, Elements: f.Elements}
	if back.TallyOf == nil || *back.TallyOf != 9 || back.Word("p.aligning").Tally == nil || *back.Word("p.aligning").Tally != 4 {
		t.Fatalf("tally did not survive the session file: of %v, aligning %v", back.TallyOf, back.Word("p.aligning").Tally)
	}
	b := mustPDF(t, back, Options{})
	validate(t, b)
	all := flat(strings.Join(pdfText(t, b), " "))
	for _, want := range []string{"Aligning – Shaded: found in this group's practice; 4 of 9 people shaded this on their own", "Engaging (2 of 9 people shaded this on their own)"} {
		if !strings.Contains(all, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	// No tally recorded: no tally line.
	plain := flat(strings.Join(pdfText(t, mustPDF(t, fullRecord(t, fw, 50), Options{})), " "))
	if strings.Contains(plain, "on their own") {
		t.Error("a session without tallies prints a tally line")
	}
}
