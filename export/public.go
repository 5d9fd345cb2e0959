package export

import (
	"strings"

	"github.com/ppei-iceberg/iceberg/data"
)

// PublicRecord is the public version of a session, for the writers that take
// an already-public record (the HTML report, the Word document): a copy with
// participants' and the facilitator's names removed, those names withheld
// wherever they appear in typed text, and the cover's author and presenter
// withheld, as the PDF does. r is not changed.
//
// It is today's public path, shared with the PDF's redactor; the privacy
// rules of data/privacy are meant to replace it in this one place.
func PublicRecord(r *data.Record) *data.Record {
	if r == nil {
		return nil
	}
	names := []string{r.Facilitator, r.Cover.Author, r.Cover.Presenter}
	for _, p := range r.Participants {
		names = append(names, p.Names...)
	}
	x := newRedactor(names)
	out := *r
	red := func(s string) string { return x.apply(strings.TrimSpace(s)) }
	out.Title = red(r.Title)
	out.Community = red(r.Community)
	out.Organisation = red(r.Organisation)
	out.Purpose = red(r.Purpose)
	out.Summary = red(r.Summary)
	out.Facilitator = ""
	out.Participants = make([]data.Participants, len(r.Participants))
	for i, p := range r.Participants {
		out.Participants[i] = data.Participants{Role: p.Role, Count: p.Count}
	}
	// Copy, then withhold, so a cover field added later is kept rather than dropped.
	c := r.Cover
	for _, f := range []*string{&c.Meeting, &c.AgendaItem, &c.ExecutiveSummary, &c.Recommendations, &c.PreviouslyConsider} {
		*f = red(*f)
	}
	for _, f := range []*string{&c.Author, &c.Presenter} {
		if strings.TrimSpace(*f) != "" {
			*f = WithheldPerson
		}
	}
	out.Cover = c
	out.Words = make([]data.WordState, len(r.Words))
	for i, w := range r.Words {
		w.Note = red(w.Note)
		out.Words[i] = w
	}
	out.Elements = make([]data.ElementState, len(r.Elements))
	for i, e := range r.Elements {
		e.Notes = red(e.Notes)
		out.Elements[i] = e
	}
	out.Actions = make([]data.Action, len(r.Actions))
	for i, a := range r.Actions {
		a.Text, a.Owner = red(a.Text), red(a.Owner)
		out.Actions[i] = a
	}
	return &out
}

// WithheldPerson stands for the cover's author or presenter in the public
// version, as the PDF's cover prints it.
const WithheldPerson = "Withheld in the public version"
