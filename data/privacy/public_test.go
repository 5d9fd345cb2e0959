package privacy

import (
	"reflect"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
)

func TestValidNHSNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"9434765919", true},
		{"4010232137", true},
		{"9434765918", false},
		{"1234567890", false}, // check digit would be 10
		{"943476591", false},
		{"94347659a9", false},
	} {
		if got := ValidNHSNumber(tc.in); got != tc.want {
			t.Errorf("ValidNHSNumber(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func boardRecord() *data.Record {
	r := &data.Record{}
	r.Title = "Engagement review"
	r.Facilitator = "Siân O'Neill, Engagement Lead"
	r.Cover.Author = "Julie Marsh, Senior Commissioning Support Manager"
	r.Cover.Presenter = "Ben Adeyemi, Director of Communications and Engagement"
	r.Cover.ExecutiveSummary = "Julie Marsh wrote this with Will Hope."
	r.Participants = []data.Participants{
		{Role: data.RoleServiceUser, Count: 3, Names: []string{"Will Hope", "Zoë Clarke"}},
		{Role: data.RoleClinical, Count: 1, Names: []string{"Ann Lee"}},
	}
	r.Summary = "Will Hope asked about NHS number 943 476 5919. Hope is high."
	r.Elements = []data.ElementState{{Code: "P", Notes: "Zoë’s email is zoe@example.org; Ann agreed."}}
	r.Words = []data.WordState{{WordID: "P1", Note: "Siân led this."}}
	r.Actions = []data.Action{{Text: "Write to carers", Owner: "Ann Lee"}}
	return r
}

func TestPublicRecord(t *testing.T) {
	r := boardRecord()
	orig := boardRecord()
	pub, check, sum := Public(r, nil, nil, false)
	if !reflect.DeepEqual(r, orig) {
		t.Fatalf("Public changed the record it was given")
	}
	for _, tc := range []struct{ what, got, want string }{
		{"facilitator", pub.FacilitatorPerson().String(), "Engagement Lead"},
		{"author", pub.Cover.Author, orig.Cover.Author},
		{"presenter", pub.Cover.Presenter, orig.Cover.Presenter},
		{"executive summary", pub.Cover.ExecutiveSummary, "Julie Marsh wrote this with [name withheld]."},
		{"summary", pub.Summary, "[name withheld] asked about NHS number [NHS number withheld]. Hope is high."},
		{"element notes", pub.Elements[0].Notes, "[name withheld]’s email is [email address withheld]; [name withheld] agreed."},
		{"word note", pub.Words[0].Note, "[name withheld] led this."},
		{"action owner", pub.Actions[0].Owner, "[name withheld]"},
		{"action text", pub.Actions[0].Text, "Write to carers"},
		{"title", pub.Title, "Engagement review"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.what, tc.got, tc.want)
		}
	}
	for _, p := range pub.Participants {
		if len(p.Names) != 0 {
			t.Errorf("participants (%s) still named in the public record: %q", p.Role, p.Names)
		}
		if p.Count == 0 {
			t.Errorf("participants (%s) lost their count", p.Role)
		}
	}
	if sum.Undecided != 1 {
		t.Errorf("undecided = %d, want 1 (“Hope” at a sentence start): %+v", sum.Undecided, check.Findings)
	}

	// Decisions: keep one mention, withhold the author, withhold the
	// ordinary-word mention, keep the NHS number.
	d := Decisions{}
	for _, f := range check.Findings {
		switch {
		case f.Field == "cover.author" && f.Kind == KindPerson:
			d[f.ID] = Withhold
		case f.Review:
			d[f.ID] = Withhold
		case f.Kind == KindNHS:
			d[f.ID] = Keep
		case f.Field == "word:P1:note":
			d[f.ID] = Keep
		}
	}
	pub, _, sum = Public(r, nil, d, false)
	for _, tc := range []struct{ what, got, want string }{
		{"author", pub.Cover.AuthorPerson().String(), "Senior Commissioning Support Manager"},
		{"executive summary", pub.Cover.ExecutiveSummary, "[name withheld] wrote this with [name withheld]."},
		{"summary", pub.Summary, "[name withheld] asked about NHS number 943 476 5919. [name withheld] is high."},
		{"word note", pub.Words[0].Note, "Siân led this."},
	} {
		if tc.got != tc.want {
			t.Errorf("with decisions, %s: got %q, want %q", tc.what, tc.got, tc.want)
		}
	}
	if sum.Undecided != 0 {
		t.Errorf("with every review item decided, undecided = %d", sum.Undecided)
	}

	// Names asked for: every name stays, personal data still goes.
	pub, _, _ = Public(r, nil, nil, true)
	if pub.Facilitator != orig.Facilitator || !reflect.DeepEqual(pub.Participants, orig.Participants) {
		t.Errorf("with names asked for, people were changed: %q %v", pub.Facilitator, pub.Participants)
	}
	if want := "Will Hope asked about NHS number [NHS number withheld]. Hope is high."; pub.Summary != want {
		t.Errorf("with names asked for, summary %q, want %q", pub.Summary, want)
	}
}

// A decision is remembered by ID: the same record, found again, gives the
// same IDs, and an edit elsewhere in the record does not move them.
func TestFindingIDsAreStable(t *testing.T) {
	ids := func(r *data.Record) map[string]bool {
		m := map[string]bool{}
		for _, f := range Find(r, nil).Findings {
			if m[f.ID] {
				t.Errorf("two findings share the ID %q", f.ID)
			}
			m[f.ID] = true
		}
		return m
	}
	r := boardRecord()
	a := ids(r)
	r.Words[0].Note = "Someone else led this."
	r.Summary += " More was said later."
	b := ids(r)
	for id := range b {
		if !a[id] {
			t.Errorf("ID %q is new after an unrelated edit", id)
		}
	}
	if len(a)-len(b) != 1 {
		t.Errorf("%d findings before, %d after removing one mention", len(a), len(b))
	}
}

func TestFindingContext(t *testing.T) {
	r := boardRecord()
	for _, f := range Find(r, nil).Findings {
		if f.Field == "summary" && f.Kind == KindNHS {
			if got, want := f.Context(), "Will Hope asked about NHS number [943 476 5919]. Hope is high."; got != want {
				t.Errorf("context %q, want %q", got, want)
			}
			if !strings.Contains(f.Reason, "NHS number") || f.Place != "the summary" {
				t.Errorf("reason %q, place %q", f.Reason, f.Place)
			}
			return
		}
	}
	t.Fatal("the NHS number in the summary was not found")
}

func BenchmarkPublic(b *testing.B) {
	r := boardRecord()
	fw := data.DefaultFramework()
	note := strings.Repeat("Will Hope and Zoë said the volume of Board papers will hope to grow. ", 30)
	r.Words = nil
	for _, w := range fw.AllWords() {
		r.Words = append(r.Words, data.WordState{WordID: w.ID, Level: data.ShadeShaded, Note: note})
	}
	b.ResetTimer()
	for b.Loop() {
		Public(r, fw, nil, false)
	}
}
