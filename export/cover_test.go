package export

import (
	"strings"
	"testing"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
)

// The cover sheet prints each field filled in, in a board cover sheet's
// order, and leaves every empty one out rather than printing it blank.
func TestPaperCoverFields(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	r := fullRecord(t, fw, 10)
	r.Cover.ExecutiveLead, r.Cover.ExecutiveLeadTitle = "Dana Whitfield", "Chief Nursing Officer"
	r.Cover.Purpose = "approval"
	r.Cover.PaperDate = "2026-03-20"
	r.Cover.StrategicObjectives = "Objective 2: working with communities"
	r.Cover.RiskReference = "BAF risk 4"
	r.Cover.Financial = "No cost beyond staff time."
	r.Cover.Legal = "Supports the duty to involve."
	// Left empty: risks, quality and equality impact, health inequalities, conflicts of interest.
	pages := pdfText(t, mustPDF(t, r, Options{}))
	// A full cover sheet may run onto a second page; it ends at its contents line.
	cover := flat(pages[0])
	if !strings.Contains(cover, "In this paper") && len(pages) > 1 {
		cover += " " + flat(pages[1])
	}
	order := []string{
		"Date of meeting 2 April 2026", "Agenda item 7.2", "Executive lead Dana Whitfield, Chief Nursing Officer",
		"Author Julie Marsh", "Presented by Ben Adeyemi", "Link to strategic objectives Objective 2: working with communities",
		"Board Assurance Framework or risk reference BAF risk 4", "Date of the workshop 14 March 2026", "Date of the paper 20 March 2026",
		"Purpose of the paper", "Decision", "Approval", "Assurance", "Discussion", "Information",
		"Executive summary", "Recommendations",
		"Financial and resource implications No cost beyond staff time.",
		"Legal and statutory implications Supports the duty to involve.",
		"In this paper",
	}
	at := 0
	for _, want := range order {
		i := strings.Index(cover[at:], want)
		if i < 0 {
			t.Errorf("cover lacks %q after position %d:\n%s", want, at, cover)
			continue
		}
		at += i + len(want)
	}
	for _, gone := range []string{"Risks", "Quality and equality", "QIA", "Health inequalities", "Conflicts of interest"} {
		if strings.Contains(cover, gone) {
			t.Errorf("cover prints the empty field %q", gone)
		}
	}
	// The public paper keeps the executive lead's name: an officer, as the author is.
	if !strings.Contains(cover, "Dana Whitfield") {
		t.Error("the public paper withheld the executive lead")
	}
}

// Every page's footer carries the paper's date: the cover's when set, else
// the day the session last changed, said as such.
func TestPaperFooterDate(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	r := fullRecord(t, fw, 10)
	r.Cover.PaperDate = "2026-03-20"
	pages := pdfText(t, mustPDF(t, r, Options{}))
	for n, p := range pages {
		if f := flat(p); !strings.Contains(f, "20 March 2026 Page") || strings.Contains(f, "Last changed") {
			t.Errorf("page %d's footer lacks the paper's date:\n%s", n+1, f[max(0, len(f)-200):])
		}
	}
	r.Cover.PaperDate = ""
	pages = pdfText(t, mustPDF(t, r, Options{NoCover: true}))
	if f := flat(pages[0]); !strings.Contains(f, "Last changed 14 March 2026") {
		t.Errorf("with no paper date, the footer lacks the last change:\n%s", f)
	}
}

// Time spent reads as a person would say it, and an agreement is dated by
// the workshop even when it was recorded later.
func TestPaperMinutesAndAgreedOn(t *testing.T) {
	t.Parallel()
	fw := data.DefaultFramework()
	r := fullRecord(t, fw, 10)
	later := time.Date(2026, 3, 19, 16, 0, 0, 0, time.UTC) // typed in five days after the workshop
	r.Elements[0].Seconds, r.Elements[0].AgreedAt = 60, &later
	r.Elements[1].Seconds = 25
	text := flat(strings.Join(pdfText(t, mustPDF(t, r, Options{})), " "))
	for _, want := range []string{"Agreed on 14 March 2026 · 1 minute spent", "Agreed on 14 March 2026 · under a minute spent"} {
		if !strings.Contains(text, want) {
			t.Errorf("paper lacks %q", want)
		}
	}
	for _, bad := range []string{"1 minutes", "0 minutes", "19 March 2026"} {
		if strings.Contains(text, bad) {
			t.Errorf("paper says %q", bad)
		}
	}
	// With no workshop date, the day it was recorded.
	r.MeetingDate = ""
	text = flat(strings.Join(pdfText(t, mustPDF(t, r, Options{})), " "))
	if !strings.Contains(text, "Agreed on 19 March 2026 · 1 minute spent") {
		t.Error("with no workshop date, the agreement is not dated by when it was recorded")
	}
}
