// Package sample is the one realistic session the export tests share: a
// board paper as a commissioning support manager fills it in, with
// officers' names and job titles on the cover, named participants and a
// named facilitator, notes that mention people (some by names that are
// also ordinary words, some typed without their accents) and hold an NHS
// number and an email address, every shading level, long notes and
// actions. It also holds what the privacy checks look for in an output:
// what must never show, what must, and a reader for PDF streams.
package sample

import (
	"fmt"
	"strings"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
)

// Changed is the sample's last change, which the papers print.
var Changed = time.Date(2026, 3, 14, 16, 45, 0, 0, time.UTC)

// Agreed is when the sample's elements were agreed.
var Agreed = time.Date(2026, 3, 14, 11, 20, 0, 0, time.UTC)

// The people and personal data in the sample.
const (
	NHSNumber = "943 476 5919" // a valid modulus-11 check digit
	Email     = "zoe.clarke@example.org"
)

// Withheld is everything a public output of the sample must not show:
// the participants' and the facilitator's names, each part of them and
// the forms they are typed in, the NHS number (spaced or not) and the
// email address. "Tran " keeps its space: "transport" is an ordinary word.
var Withheld = []string{"Siân", "Sian", "O'Neill", "O’Neill", "Will Hope", "Mark Rose", "Zoë", "Zoe", "Clarke",
	"Łukasz", "Lukasz", "Nowak", "Ngọc", "Ngoc", "Trần", "Tran ", "Mary", "Okafor",
	NHSNumber, strings.ReplaceAll(NHSNumber, " ", ""), Email}

// Officers are the cover's executive lead, author and presenter, who
// present the paper in public: their names and job titles print on the
// cover.
var Officers = []string{"Dana Whitfield", "Chief Nursing Officer", "Julie Marsh", "Senior Commissioning Support Manager", "Ben Adeyemi", "Director of Communications and Engagement"}

// Sentences are whole sentences of the sample as a public output gives
// them: the ordinary words beside the names ("will", "hope", "mark",
// "annual", "edited", "Engagement") survive, and only the names and the
// personal data are withheld.
var Sentences = []string{
	"The volume of Board papers and the Communications and Engagement plan shape what the Board sees of patient and public involvement.",
	"[name withheld] and [name withheld] said we will hope to mark progress at the next meeting.",
	"[name withheld] described the letters; [name withheld] asked [name withheld] about waiting times.",
	"[name withheld] said the annual report was edited for carers.",
	"[name withheld] raised a case: NHS number [NHS number withheld], contact [email address withheld].",
	"Write to [name withheld] about the Engagement plan",
}

// Levels is the order the sample's words are shaded in, word by word: 11
// of the 22 words shaded and 6 partly.
var Levels = []data.Shade{data.ShadeShaded, data.ShadePartly, data.ShadeShaded, data.ShadeNone}

// Session is the sample with noteLen characters of discussion notes on
// each element (at least the few sentences that mention people). Each call
// returns a new record, for a test to change as it needs.
func Session(fw *data.Framework, noteLen int) *data.Record {
	r := &data.Record{Session: data.Session{
		ID: 7, Title: "Governing Body PPEI mapping – spring 2026", Community: "Governing Body",
		Organisation: "North Riverside Integrated Care Board", MeetingDate: "2026-03-14",
		Facilitator: "Siân O'Neill", FacilitatorTitle: "Engagement Lead", Focus: data.FocusAll, Status: data.StatusAgreed,
		Summary: "Will Hope and Mark Rose said we will hope to mark progress at the next meeting. " +
			"Zoe described the letters; O’Neill asked Mary about waiting times. Costs of £1,200 a year for travel were raised — they matter.",
		Participants: []data.Participants{
			{Role: data.RoleServiceUser, Count: 5, Names: []string{"Will Hope", "Mark Rose", "Zoë Clarke"}},
			{Role: data.RoleLayRep, Count: 2, Names: []string{"Łukasz Nowak"}},
			{Role: data.RoleClinical, Count: 3, Names: []string{"Ngọc Anh Trần", "Mary-Jane Okafor"}},
			{Role: data.RoleManager, Count: 2},
		},
		Cover: data.Cover{
			Meeting: "Board meeting in public", MeetingDate: "2026-04-02", AgendaItem: "7.2",
			ExecutiveLead: "Dana Whitfield", ExecutiveLeadTitle: "Chief Nursing Officer",
			Author: "Julie Marsh", AuthorTitle: "Senior Commissioning Support Manager",
			Presenter: "Ben Adeyemi", PresenterTitle: "Director of Communications and Engagement",
			Purpose:            "discussion",
			ExecutiveSummary:   "The volume of Board papers and the Communications and Engagement plan shape what the Board sees of patient and public involvement.",
			Recommendations:    "The Board is asked to note the map and support the actions in section 3.",
			PreviouslyConsider: "Patient and Public Engagement Committee, 3 March 2026",
		},
		CreatedAt: Agreed.Add(-3 * time.Hour), UpdatedAt: Changed,
	}}
	for i, w := range fw.AllWords() {
		note := ""
		switch {
		case i == 0:
			note = "Lukasz said the annual report was edited for carers."
		case i%3 == 0:
			note = fmt.Sprintf("Zoë said the %s work was valued — by the board & its committees.", strings.ToLower(w.Label))
		}
		r.Words = append(r.Words, data.WordState{WordID: w.ID, Level: Levels[i%len(Levels)], Note: note})
	}
	at := Agreed
	for i, e := range fw.Elements {
		notes := longText(noteLen, e.Name)
		if i == 0 {
			notes = "Ngoc Tran raised a case: NHS number " + NHSNumber + ", contact " + Email + ".\n\n" + notes
		}
		r.Elements = append(r.Elements, data.ElementState{Code: e.Code, Seconds: 600 + 120*i, AgreedAt: &at, Notes: notes})
	}
	r.Actions = []data.Action{
		{Text: "Invite lay representatives to co-chair the engagement committee", Owner: "Board secretary", Due: "2026-06-30", Element: "P"},
		{Text: "Cut the pre-reading for public members to what they need; offer a plain-English summary", Owner: "Board secretary", Due: "2026-05-31", Element: "Mat"},
		{Text: "Record and celebrate what patients' involvement changed", Owner: "Communications team", Element: "M"},
		{Text: "Write to Zoë about the Engagement plan", Owner: "Senior Commissioning Support Manager"},
	}
	return r
}

// longText is about n characters of plausible notes on an element, in
// paragraphs; they mention Łukasz by name.
func longText(n int, about string) string {
	s := "On " + strings.ToLower(about) + ", Łukasz said the papers arrive a week before the meeting, which is too late to read them properly. "
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(s)
		if i%3 == 2 {
			b.WriteString("\n\n")
		}
	}
	out := b.String()
	if len(out) > n {
		out = out[:n]
	}
	return strings.TrimSpace(strings.ToValidUTF8(out, ""))
}

// Full is the session the budgets measure (DESIGN.md: "PDF of a full
// session"): the sample with every word shaded, 2,000-character notes on
// each element and eight actions.
func Full(fw *data.Framework) *data.Record {
	r := Session(fw, 2000)
	for i := range r.Words {
		r.Words[i].Level = data.ShadeShaded
	}
	for len(r.Actions) < 8 {
		r.Actions = append(r.Actions, r.Actions[len(r.Actions)%3])
	}
	return r
}
