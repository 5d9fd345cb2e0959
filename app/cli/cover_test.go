package cli_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
)

// showCover reads the session's cover sheet through show --json.
func showCover(t *testing.T, db, id string) data.Cover {
	t.Helper()
	var s struct{ Cover data.Cover }
	if err := json.Unmarshal([]byte(ok(t, db, "show", id, "--json")), &s); err != nil {
		t.Fatal(err)
	}
	return s.Cover
}

func TestCoverSetsEveryField(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	id := strings.TrimSpace(ok(t, db, "new", "--title", "Board map", "--cop", "Governing Body", "--date", "2026-03-14"))
	ok(t, db, "cover", id,
		"--executive-lead", "Dana Whitfield, Chief Nursing Officer",
		"--paper-date", "2026-03-20",
		"--meeting-date", "2026-04-02",
		"--purpose", "Approval",
		"--strategic-objectives", "Objective 2: working with communities",
		"--risk-reference", "BAF risk 4",
		"--risks", "Involvement stays below the surface.",
		"--financial", "No cost beyond staff time.",
		"--quality-equality", "EQIA screened: no adverse impact.",
		"--health-inequalities", "Reaches the groups heard least.",
		"--legal", "Supports the duty to involve.",
		"--conflicts", "None declared.",
		"--author", "Julie Marsh", "--author-title", "Senior Commissioning Support Manager")
	want := data.Cover{MeetingDate: "2026-04-02", PaperDate: "2026-03-20",
		ExecutiveLead: "Dana Whitfield", ExecutiveLeadTitle: "Chief Nursing Officer", Purpose: "approval",
		Author: "Julie Marsh", AuthorTitle: "Senior Commissioning Support Manager",
		StrategicObjectives: "Objective 2: working with communities", RiskReference: "BAF risk 4",
		Risks: "Involvement stays below the surface.", Financial: "No cost beyond staff time.",
		QualityEquality: "EQIA screened: no adverse impact.", HealthInequalities: "Reaches the groups heard least.",
		Legal: "Supports the duty to involve.", Conflicts: "None declared."}
	if got := showCover(t, db, id); got != want {
		t.Errorf("cover = %+v\nwant %+v", got, want)
	}

	// Only the options given change; "" empties a field.
	ok(t, db, "cover", id, "--risks", "", "--executive-lead-title", "Chief Nurse")
	want.Risks, want.ExecutiveLeadTitle = "", "Chief Nurse"
	if got := showCover(t, db, id); got != want {
		t.Errorf("after emptying risks: %+v\nwant %+v", got, want)
	}

	// Each field changed is one step for undo, said in words, the last
	// field of the cover sheet first.
	r := iceberg(t, nil, "--db", db, "undo", id)
	if r.code != 0 || !strings.Contains(r.stdout, "Undid the cover sheet's risks.") {
		t.Errorf("undo: %+v", r)
	}
	r = iceberg(t, nil, "--db", db, "undo", id)
	if r.code != 0 || !strings.Contains(r.stdout, "Undid the cover sheet's executive lead's job title.") {
		t.Errorf("second undo: %+v", r)
	}
	want.Risks, want.ExecutiveLeadTitle = "Involvement stays below the surface.", "Chief Nursing Officer"
	if got := showCover(t, db, id); got != want {
		t.Errorf("after two undos: %+v\nwant %+v", got, want)
	}

	// Mistakes are said plainly and change nothing.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--purpose", "noting"}, "is not a purpose for the paper"},
		{[]string{"--paper-date", "soon"}, "paper's date \"soon\" is not a date"},
		{[]string{"--meeting-date", "2026-13-01"}, "board meeting date"},
	} {
		r := iceberg(t, nil, append([]string{"--db", db, "cover", id}, tc.args...)...)
		if r.code == 0 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("cover %v: %+v, want an error saying %q", tc.args, r, tc.want)
		}
	}
	// The PDF prints the fields given.
	out := filepath.Join(t.TempDir(), "paper.pdf")
	ok(t, db, "export", id, "--out", out)
	text := pdfWords(t, out)
	for _, want := range []string{"Dana Whitfield", "Date of the paper", "Conflicts of interest", "Supports the duty to involve."} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}

func TestCoverHelpListsEveryField(t *testing.T) {
	t.Parallel()
	r := iceberg(t, nil, "cover", "--help")
	if r.code != 0 {
		t.Fatalf("cover --help: %+v", r)
	}
	for _, flag := range []string{"--executive-lead", "--executive-lead-title", "--paper-date", "--meeting-date", "--purpose",
		"--strategic-objectives", "--risk-reference", "--risks", "--financial", "--quality-equality", "--health-inequalities",
		"--legal", "--conflicts", "--previously", "--author-title", "--presenter-title", "approval"} {
		if !strings.Contains(r.stdout, flag) {
			t.Errorf("cover --help lacks %s:\n%s", flag, r.stdout)
		}
	}
}

func TestMinutes(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	id := strings.TrimSpace(ok(t, db, "new", "--title", "Board map", "--cop", "Governing Body"))
	ok(t, db, "minutes", id, "Mat", "12")
	ok(t, db, "minutes", id, "p", "1")
	var s struct {
		Elements []struct {
			Code    string
			Seconds int
		}
	}
	if err := json.Unmarshal([]byte(ok(t, db, "show", id, "--json")), &s); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, e := range s.Elements {
		got[e.Code] = e.Seconds
	}
	if got["Mat"] != 720 || got["P"] != 60 || got["C"] != 0 {
		t.Errorf("seconds = %v, want Mat 720, P 60", got)
	}
	shown := ok(t, db, "show", id)
	for _, want := range []string{"Participation (P): not agreed yet, 1 minute spent", "Materiality (Mat): not agreed yet, 12 minutes spent", "Competence (C): not agreed yet, no time recorded"} {
		if !strings.Contains(shown, want) {
			t.Errorf("show lacks %q:\n%s", want, shown)
		}
	}
	for _, bad := range [][]string{{"Mat", "-3"}, {"Mat", "ten"}, {"Mat", "2000"}, {"X", "3"}} {
		r := iceberg(t, nil, append([]string{"--db", db, "minutes", id}, bad...)...)
		if r.code == 0 || r.stderr == "" {
			t.Errorf("minutes %v: %+v, want a refusal", bad, r)
		}
	}
}
