package html_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/html"
	"github.com/ppei-iceberg/iceberg/export/report"
)

var changed = time.Date(2026, 3, 14, 16, 45, 0, 0, time.UTC)

// sample is a realistic board-paper session: a cover sheet, named people in
// the details and in the notes, every level used, long notes with blank
// lines, actions, one element still to agree, and text a page must escape.
func sample(tb testing.TB, fw *data.Framework, noteLen int) *data.Record {
	tb.Helper()
	at := time.Date(2026, 3, 14, 11, 20, 0, 0, time.UTC)
	r := &data.Record{Session: data.Session{
		ID: 7, Title: "Governing Body PPEI mapping – spring 2026", Community: "Governing Body",
		Organisation: "North Riverside Integrated Care Board", MeetingDate: "2026-03-14",
		Facilitator: "Hazel Okonkwo", Focus: data.FocusAll, Status: data.StatusDraft,
		Summary: "The group found “reporting” and “monitoring” in its work; welcoming and remembering it did not.\n\nCosts of £1,200 ≤ a year for travel were raised — they matter. <script>alert(1)</script>",
		Participants: []data.Participants{
			{Role: data.RoleServiceUser, Count: 5, Names: []string{"Zoë Adeyemi", "Łukasz Nowak"}},
			{Role: data.RoleLayRep, Count: 2, Names: []string{"Siân Pritchard"}},
			{Role: data.RoleClinical, Count: 3},
			{Role: data.RoleManager, Count: 2},
		},
		Cover: data.Cover{
			Meeting: "Board meeting in public", MeetingDate: "2026-04-02", AgendaItem: "7.2",
			Author: "Priya Shah, Head of Engagement", Presenter: "Marcus Bell, Director of Communications", Purpose: "discussion",
			ExecutiveSummary:   "Twelve people mapped how the Governing Body engages patients and the public, using the PPEI iceberg.",
			Recommendations:    "The Board is asked to note the map and support the three actions in section 3.",
			PreviouslyConsider: "Patient and Public Engagement Committee, 3 March 2026",
		},
		CreatedAt: at.Add(-3 * time.Hour), UpdatedAt: changed,
	}}
	levels := []data.Shade{data.ShadeShaded, data.ShadePartly, data.ShadeShaded, data.ShadeNone}
	for i, w := range fw.AllWords() {
		note := ""
		if i%3 == 0 {
			note = fmt.Sprintf("Zoë said the %s work was valued — by the board & its committees.", strings.ToLower(w.Label))
		}
		r.Words = append(r.Words, data.WordState{WordID: w.ID, Level: levels[i%len(levels)], Note: note})
	}
	for i, e := range fw.Elements {
		st := data.ElementState{Code: e.Code, Seconds: 600 + 120*i, Notes: longText(noteLen, e.Name)}
		if i != 2 {
			st.AgreedAt = &at
		}
		r.Elements = append(r.Elements, st)
	}
	r.Actions = []data.Action{
		{Text: "Invite lay representatives to co-chair the engagement committee", Owner: "Siân Pritchard", Due: "2026-06-30", Element: "P"},
		{Text: "Cut the pre-reading for public members to what they need; offer a plain-English summary", Owner: "Board secretary", Due: "2026-05-31", Element: "Mat"},
		{Text: "Record and celebrate what patients' involvement changed", Owner: "Communications team", Element: "M"},
	}
	return r
}

// longText is n characters of plausible notes, in paragraphs.
func longText(n int, topic string) string {
	s := "On " + topic + ", Łukasz said the papers arrive a week before the meeting, which is too late to read them properly. "
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(s)
		if i%3 == 2 {
			b.WriteString("\n\n")
		}
	}
	return strings.TrimSpace(b.String()[:n])
}

// render builds and writes the report for r.
func render(tb testing.TB, fw *data.Framework, r *data.Record, opt report.Options) []byte {
	tb.Helper()
	rep, err := report.Build(fw, r, opt)
	if err != nil {
		tb.Fatalf("build report: %v", err)
	}
	var buf bytes.Buffer
	if err := html.Write(&buf, rep, html.Options{}); err != nil {
		tb.Fatalf("write html: %v", err)
	}
	return buf.Bytes()
}
