package report_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
	"github.com/ppei-iceberg/iceberg/export/report"
)

var changed = time.Date(2026, 3, 14, 16, 45, 0, 0, time.UTC)

// sample is a realistic session: named people in the details and in typed
// notes, a cover sheet, actions, every level used, all elements agreed.
func sample(tb testing.TB, fw *data.Framework) *data.Record {
	tb.Helper()
	at := time.Date(2026, 3, 14, 11, 20, 0, 0, time.UTC)
	r := &data.Record{Session: data.Session{
		ID: 7, Title: "Governing Body PPEI mapping", Community: "Governing Body",
		Organisation: "North Riverside Integrated Care Board", MeetingDate: "2026-03-14",
		Facilitator: "Hazel Okonkwo", Focus: data.FocusAll, Status: data.StatusAgreed,
		Summary: "Okonkwo summed up: reporting is strong.",
		Participants: []data.Participants{
			{Role: data.RoleServiceUser, Count: 5, Names: []string{"Zoë Adeyemi"}},
			{Role: data.RoleClinical, Count: 1},
		},
		Cover: data.Cover{Meeting: "Board meeting in public", MeetingDate: "2026-04-02", AgendaItem: "7.2",
			Author: "Priya Shah, Head of Engagement", Purpose: "discussion", ExecutiveSummary: "Six people mapped the board's PPEI."},
		CreatedAt: at, UpdatedAt: changed,
	}}
	levels := []data.Shade{data.ShadeShaded, data.ShadePartly, data.ShadeNone}
	for i, w := range fw.AllWords() {
		r.Words = append(r.Words, data.WordState{WordID: w.ID, Level: levels[i%3], Note: "Zoë gave an example for " + w.Label + "."})
	}
	for i, e := range fw.Elements {
		r.Elements = append(r.Elements, data.ElementState{Code: e.Code, Seconds: []int{0, 45, 60, 89, 720}[i], AgreedAt: &at, Notes: "Notes on " + e.Name + " from Zoë."})
	}
	r.Actions = []data.Action{{Text: "Ask Zoë to co-chair", Owner: "Hazel Okonkwo", Due: "2026-06-30", Element: "P"}}
	return r
}

// all is every piece of text a report holds, for searching.
func all(rep *report.Report) string {
	var b strings.Builder
	w := func(s ...string) {
		for _, x := range s {
			b.WriteString(x + "\n")
		}
	}
	w(rep.Title, rep.Kicker, rep.Subject, rep.Author, rep.Footer)
	blocks := func(bs []report.Block) {
		for _, bl := range bs {
			w(bl.Lead, bl.Text, bl.Source)
			for _, it := range bl.Items {
				w(it.Lead, it.Text, it.Note)
			}
			if bl.Table != nil {
				w(bl.Table.Caption)
				w(bl.Table.Head...)
				for _, r := range bl.Table.Rows {
					w(r.Cells...)
				}
			}
			if bl.Figure != nil {
				w(bl.Figure.Title, bl.Figure.Description, bl.Figure.Caption)
			}
		}
	}
	if rep.Cover != nil {
		w(rep.Cover.Heading)
		for _, f := range rep.Cover.Fields {
			w(f.Label, f.Value)
		}
		for _, f := range rep.Cover.Texts {
			w(f.Label, f.Value)
		}
	}
	for _, s := range rep.Sections {
		w(s.Heading())
		blocks(s.Blocks)
	}
	return b.String()
}

func mustBuild(tb testing.TB, fw *data.Framework, r *data.Record, opt report.Options) *report.Report {
	tb.Helper()
	rep, err := report.Build(fw, r, opt)
	if err != nil {
		tb.Fatalf("Build: %v", err)
	}
	return rep
}

func TestSectionsInOrder(t *testing.T) {
	fw := data.DefaultFramework()
	rep := mustBuild(t, fw, sample(t, fw), report.Options{})
	want := []string{"1. What the map shows", "2. The map", "3. Recommendations and actions", "4. Who took part", "5. Appendix: what the group said about each element"}
	var got []string
	for _, s := range rep.Sections {
		got = append(got, s.Heading())
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sections:\n got %q\nwant %q", got, want)
	}
	if rep.Cover == nil || rep.Cover.Heading != "Board paper" {
		t.Fatalf("cover = %+v, want a cover headed Board paper", rep.Cover)
	}
	var subs []string
	for _, b := range rep.Sections[4].Blocks {
		if b.Kind == report.Subheading {
			subs = append(subs, b.Text)
		}
	}
	if len(subs) != len(fw.Elements) || subs[0] != "5.1 "+fw.Elements[0].Name+" ("+fw.Elements[0].Code+")" {
		t.Errorf("appendix sub-headings = %q", subs)
	}
}

func TestWordsTrueToTheResearch(t *testing.T) {
	fw := data.DefaultFramework()
	text := all(mustBuild(t, fw, sample(t, fw), report.Options{}))
	for _, bad := range []string{"hidden", "not seen", "Not seen"} {
		if strings.Contains(text, bad) {
			t.Errorf("report says %q", bad)
		}
	}
	for _, want := range []string{
		"PPEI stands for patient and public engagement and involvement",
		"shaded means found in this group's practice, partly means found in part, and not shaded means not found in this group's practice",
		"Shaded: found in this group's practice",
		"Not shaded: not found in this group's practice",
		fw.Source.Citation,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	// The app's own plain words are labelled as the app's.
	rep := mustBuild(t, fw, sample(t, fw), report.Options{})
	n := 0
	for _, b := range rep.Sections[4].Blocks {
		if b.Tone == report.App {
			n++
			if b.Lead != "In this app's words:" {
				t.Errorf("app wording led by %q", b.Lead)
			}
		}
	}
	if n != len(fw.Elements) {
		t.Errorf("%d blocks of the app's wording, want %d", n, len(fw.Elements))
	}
}

func TestPublicByDefault(t *testing.T) {
	fw := data.DefaultFramework()
	r := sample(t, fw)
	pub := all(mustBuild(t, fw, r, report.Options{}))
	for _, name := range []string{"Zoë", "Adeyemi", "Hazel", "Okonkwo"} {
		if strings.Contains(pub, name) {
			t.Errorf("public report names %q", name)
		}
	}
	if !strings.Contains(pub, "Ask [name withheld] to co-chair") {
		t.Errorf("public report does not withhold the name in an action")
	}
	named := all(mustBuild(t, fw, r, report.Options{Names: true}))
	for _, name := range []string{"Zoë Adeyemi", "Facilitated by Hazel Okonkwo.", "Ask Zoë to co-chair"} {
		if !strings.Contains(named, name) {
			t.Errorf("report with names lacks %q", name)
		}
	}
	if r.Participants[0].Names[0] != "Zoë Adeyemi" || r.Facilitator != "Hazel Okonkwo" {
		t.Errorf("building the public report changed the record")
	}
}

func TestCoverLeavesOutEmptyFieldsAndInsertHasNone(t *testing.T) {
	fw := data.DefaultFramework()
	r := sample(t, fw)
	rep := mustBuild(t, fw, r, report.Options{})
	var labels []string
	for _, f := range rep.Cover.Fields {
		if f.Value == "" {
			t.Errorf("field %q is empty", f.Label)
		}
		labels = append(labels, f.Label)
	}
	if strings.Contains(strings.Join(labels, "|"), "Presented by") {
		t.Errorf("cover has a presenter row with no presenter: %q", labels)
	}
	if p := rep.Cover.Purpose; p == nil || p.Options[p.Chosen] != "Discussion" {
		t.Errorf("purpose = %+v, want Discussion chosen", p)
	}
	if rep := mustBuild(t, fw, r, report.Options{Insert: true}); rep.Cover != nil || !rep.Insert {
		t.Errorf("insert mode has a cover: %+v", rep.Cover)
	}
	r.Cover = data.Cover{}
	if rep := mustBuild(t, fw, r, report.Options{}); rep.Cover != nil {
		t.Errorf("an empty cover gives %+v, want none", rep.Cover)
	}
}

func TestMapTableHasEveryWordInWords(t *testing.T) {
	fw := data.DefaultFramework()
	r := sample(t, fw)
	rep := mustBuild(t, fw, r, report.Options{})
	var tab *report.Table
	var fig *report.Figure
	for _, b := range rep.Sections[1].Blocks {
		if b.Table != nil {
			tab = b.Table
		}
		if b.Figure != nil {
			fig = b.Figure
		}
	}
	if fig == nil || tab == nil {
		t.Fatalf("the map section needs a figure and a table")
	}
	words := fw.AllWords()
	if len(tab.Rows) != len(words) {
		t.Fatalf("%d rows, want %d", len(tab.Rows), len(words))
	}
	for i, w := range words {
		row := tab.Rows[i]
		lvl := r.Word(w.ID).Level
		if row.Cells[1] != w.Label || row.Cells[2] != mapmodel.LevelWords(lvl) || *row.Level != lvl {
			t.Errorf("row %d = %q, want %s at %s", i, row.Cells, w.Label, mapmodel.LevelWords(lvl))
		}
	}
	// Each column in words: its name, code, agreement, then the words by level.
	p := fw.Elements[0]
	wantCol := fmt.Sprintf(" %s (%s, agreed): shaded %s and %s; partly %s; not shaded %s.", p.Name, p.Code, words[0].Label, words[3].Label, words[1].Label, words[2].Label)
	if !strings.Contains(fig.Description, wantCol) {
		t.Errorf("text alternative lacks %q:\n%s", wantCol, fig.Description)
	}
	if !strings.HasPrefix(fig.Title, "PPEI iceberg map of the Governing Body: ") {
		t.Errorf("title = %q", fig.Title)
	}
}

func TestFollowUpSaysWhatMoved(t *testing.T) {
	fw := data.DefaultFramework()
	before := sample(t, fw)
	before.Title, before.MeetingDate = "Spring mapping", "2025-10-01"
	after := sample(t, fw)
	after.FollowsID = before.ID
	words := fw.AllWords()
	after.Words[2].Level = data.ShadeShaded // none → shaded
	after.Words[0].Level = data.ShadePartly // shaded → partly
	rep := mustBuild(t, fw, after, report.Options{Previous: before})
	got := all(rep)
	for _, want := range []string{
		"What moved since the previous mapping",
		"Compared with “Spring mapping” (1 October 2025), 1 practice moved up, 1 practice moved down and 20 stayed the same.",
		"Up: " + words[2].Label + " (not shaded to shaded).",
		"Down: " + words[0].Label + " (shaded to partly).",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("follow-up lacks %q", want)
		}
	}
	if got := all(mustBuild(t, fw, before, report.Options{})); strings.Contains(got, "What moved") {
		t.Errorf("a first mapping says what moved")
	}
}

func TestHeadlineAndDraft(t *testing.T) {
	fw := data.DefaultFramework()
	r := sample(t, fw)
	r.Elements[1].AgreedAt = nil
	rep := mustBuild(t, fw, r, report.Options{})
	got := all(rep)
	words := fw.AllWords()
	for _, want := range []string{
		"The group found 8 of the 22 practices in its own work, and 7 more in part.",
		"Found: " + words[0].Label + ", " + words[3].Label,
		"Not found in this group's practice: " + words[2].Label + ", ",
		"Draft: the group has agreed 4 of the 5 elements",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	if !rep.Draft || !strings.HasPrefix(rep.Footer, "DRAFT · ") {
		t.Errorf("draft = %v, footer %q", rep.Draft, rep.Footer)
	}
}

func TestDuration(t *testing.T) {
	for _, c := range []struct {
		s    int
		want string
	}{{0, "no time recorded"}, {45, "under a minute spent"}, {60, "1 minute spent"}, {89, "1 minute spent"}, {90, "2 minutes spent"}, {720, "12 minutes spent"}} {
		if got := report.Duration(c.s); got != c.want {
			t.Errorf("Duration(%d) = %q, want %q", c.s, got, c.want)
		}
	}
}

func TestControlCharactersDropped(t *testing.T) {
	fw := data.DefaultFramework()
	r := sample(t, fw)
	r.Summary = "tab\there\x07 bell\nnext line"
	got := all(mustBuild(t, fw, r, report.Options{}))
	if !strings.Contains(got, "tab here bell\nnext line") {
		t.Errorf("summary not cleaned: %q", got)
	}
}

func TestParagraphs(t *testing.T) {
	for in, want := range map[string][]string{
		"":                          {""},
		"one\ntwo":                  {"one\ntwo"},
		"one\r\n\r\ntwo\n\n\nthree": {"one", "two", "three"},
		"\n\nlead":                  {"lead"},
	} {
		if got := report.Paragraphs(in); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("Paragraphs(%q) = %q, want %q", in, got, want)
		}
	}
}
