package privacy

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ppei-iceberg/iceberg/data"
)

// Kind is what a finding is.
type Kind string

// The kinds of finding.
const (
	KindPerson   Kind = "person"        // a person's own entry: facilitator, participant, author, presenter
	KindName     Kind = "name"          // a person's name in free text
	KindNHS      Kind = "nhs-number"    // an NHS number with a valid check digit
	KindEmail    Kind = "email"         // an email address
	KindPhone    Kind = "phone"         // a UK phone number
	KindPostcode Kind = "postcode"      // a UK postcode
	KindBirth    Kind = "date-of-birth" // a date written as a date of birth
)

// Label is the kind in plain words.
func (k Kind) Label() string {
	switch k {
	case KindPerson:
		return "person"
	case KindName:
		return "name"
	case KindNHS:
		return "NHS number"
	case KindEmail:
		return "email address"
	case KindPhone:
		return "phone number"
	case KindPostcode:
		return "postcode"
	case KindBirth:
		return "date of birth"
	}
	return string(k)
}

// Names reports whether the kind is about a person's name, which asking
// for names keeps.
func (k Kind) Names() bool { return k == KindPerson || k == KindName }

// Marker is what a public output prints in place of a withheld finding.
func (k Kind) Marker() string {
	switch k {
	case KindPerson, KindName:
		return "[name withheld]"
	}
	return "[" + k.Label() + " withheld]"
}

// Decision is what to do with a finding in a public output.
type Decision string

// The two decisions.
const (
	Withhold Decision = "withhold"
	Keep     Decision = "keep"
)

// ParseDecision reads "withhold" or "keep".
func ParseDecision(s string) (Decision, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "withhold", "w", "hide":
		return Withhold, nil
	case "keep", "k", "show":
		return Keep, nil
	}
	return "", data.Errorf(data.EInvalid, "%q is not a decision: use withhold or keep.", s)
}

// Decisions are the choices made for one session, by finding ID.
type Decisions map[string]Decision

// Finding is one place where a person or personal data may be named.
type Finding struct {
	ID      string   // stable within a session, for remembering the decision
	Field   string   // the record's field, e.g. "summary", "element:P:notes"
	Place   string   // the field in words, e.g. "notes on Participation"
	Kind    Kind     // what it is
	Text    string   // what was found, as written
	Before  string   // a few words before it
	After   string   // a few words after it
	Reason  string   // why it is listed, in words
	Review  bool     // a guess: a person should decide
	Default Decision // the decision when none has been made
	follows string   // an officer's mention follows the decision on their entry
	start   int
	end     int
}

// Context is the finding in its sentence, the found text in brackets.
func (f Finding) Context() string {
	return strings.TrimSpace(f.Before + "[" + f.Text + "]" + f.After)
}

// Check is everything in one session that may name a person.
type Check struct {
	People   []Person
	Findings []Finding
	byID     map[string]int
	entry    map[string]string // a person's field → the ID of their entry's finding
}

// Decide is the decision that applies to f: keep for names when names are
// asked for, else the decision made for it, else its default.
func (c *Check) Decide(f Finding, d Decisions, names bool) Decision {
	if names && f.Kind.Names() {
		return Keep
	}
	if v, ok := d[f.ID]; ok && (v == Withhold || v == Keep) {
		return v
	}
	if f.follows != "" {
		if i, ok := c.byID[c.entry[f.follows]]; ok {
			return c.Decide(c.Findings[i], d, names)
		}
	}
	return f.Default
}

// Summary counts what a public output withholds and what still needs a
// decision.
type Summary struct {
	Withheld  int
	Kept      int
	Undecided int // listed for review and not decided yet
}

// String is the summary as the command line prints it.
func (s Summary) String() string {
	need := "still need a decision"
	if s.Undecided == 1 {
		need = "still needs a decision"
	}
	return fmt.Sprintf("%d withheld, %d kept, %d %s", s.Withheld, s.Kept, s.Undecided, need)
}

// Summarise counts the decisions that apply.
func (c *Check) Summarise(d Decisions, names bool) Summary {
	var s Summary
	for _, f := range c.Findings {
		if c.Decide(f, d, names) == Withhold {
			s.Withheld++
		} else {
			s.Kept++
		}
		if _, ok := d[f.ID]; f.Review && !ok && !(names && f.Kind.Names()) {
			s.Undecided++
		}
	}
	return s
}

// textField is a piece of free text in a record.
type textField struct {
	key, place string
	text       *string
}

// personField is a record entry holding one person.
type personField struct {
	key, place string
	role       Role
	text       *string // the name (or, in an older record, "Name, Title")
	title      *string // the job title; nil for participants
}

func textFields(r *data.Record, fw *data.Framework) []textField {
	if fw == nil {
		fw = data.DefaultFramework()
	}
	c := &r.Cover
	out := []textField{
		{"title", "the session's title", &r.Title},
		{"community", "the community of practice", &r.Community},
		{"organisation", "the organisation", &r.Organisation},
		{"purpose", "the session's purpose", &r.Purpose},
		{"summary", "the summary", &r.Summary},
		{"cover.meeting", "the cover's meeting", &c.Meeting},
		{"cover.agenda_item", "the cover's agenda item", &c.AgendaItem},
		{"cover.executive_summary", "the executive summary", &c.ExecutiveSummary},
		{"cover.recommendations", "the recommendations", &c.Recommendations},
		{"cover.previously_considered_by", "the cover's “previously considered by”", &c.PreviouslyConsider},
		{"cover.strategic_objectives", "the cover's link to strategic objectives", &c.StrategicObjectives},
		{"cover.risk_reference", "the cover's risk reference", &c.RiskReference},
		{"cover.risks", "the cover's risks", &c.Risks},
		{"cover.financial_implications", "the cover's financial and resource implications", &c.Financial},
		{"cover.quality_equality_impact", "the cover's quality and equality impact", &c.QualityEquality},
		{"cover.health_inequalities", "the cover's health inequalities", &c.HealthInequalities},
		{"cover.legal_implications", "the cover's legal and statutory implications", &c.Legal},
		{"cover.conflicts_of_interest", "the cover's conflicts of interest", &c.Conflicts},
	}
	for i := range r.Elements {
		e := &r.Elements[i]
		name := e.Code
		if el, ok := fw.Element(e.Code); ok {
			name = el.Name
		}
		out = append(out, textField{"element:" + e.Code + ":notes", "notes on " + name, &e.Notes})
	}
	for i := range r.Words {
		w := &r.Words[i]
		label := w.WordID
		if wd, ok := fw.Word(w.WordID); ok {
			label = "“" + wd.Label + "”"
		}
		out = append(out, textField{"word:" + w.WordID + ":note", "the note on " + label, &w.Note})
	}
	for i := range r.Actions {
		a := &r.Actions[i]
		n := fmt.Sprint(i + 1)
		out = append(out,
			textField{"action:" + n + ":text", "action " + n, &a.Text},
			textField{"action:" + n + ":owner", "the owner of action " + n, &a.Owner})
	}
	return out
}

func personFields(r *data.Record) []personField {
	out := []personField{
		{"facilitator", "the facilitator", RoleFacilitator, &r.Facilitator, &r.FacilitatorTitle},
		{"cover.author", "the cover's author", RoleAuthor, &r.Cover.Author, &r.Cover.AuthorTitle},
		{"cover.presenter", "the cover's presenter", RolePresenter, &r.Cover.Presenter, &r.Cover.PresenterTitle},
		{"cover.executive_lead", "the cover's executive lead", RoleExecutive, &r.Cover.ExecutiveLead, &r.Cover.ExecutiveLeadTitle},
	}
	for i := range r.Participants {
		p := &r.Participants[i]
		for j := range p.Names {
			out = append(out, personField{
				fmt.Sprintf("participants:%s:%d", p.Role, j+1),
				"a participant (" + strings.ToLower(p.Role.Label()) + ")", RoleParticipant, &p.Names[j], nil})
		}
	}
	return out
}

// person reads the entry as a name and a job title. A title typed into
// the name entry ("Julie Marsh, Senior Commissioning Support Manager") is
// read apart, so it is never taken for part of the name.
func (pf personField) person() (name, title string) {
	if pf.title != nil && strings.TrimSpace(*pf.title) != "" {
		return strings.TrimSpace(*pf.text), strings.TrimSpace(*pf.title)
	}
	name, title, _ = data.SplitPerson(*pf.text)
	if pf.role == RoleParticipant && name == "" && title != "" {
		name, title = title, "" // A participant's entry is a name.
	}
	return name, title
}

// PeopleOf lists the people a record names, each with name and title apart.
func PeopleOf(r *data.Record) []Person {
	var out []Person
	for _, pf := range personFields(r) {
		name, title := pf.person()
		if name == "" {
			continue
		}
		out = append(out, Person{Name: name, Title: title, Role: pf.role, Field: pf.key})
	}
	return out
}

// Find lists every place in r where a person or personal data may be
// named, with a default decision for each. fw labels the fields (nil for
// the default framework).
func Find(r *data.Record, fw *data.Framework) *Check {
	c := &Check{People: PeopleOf(r), byID: map[string]int{}, entry: map[string]string{}}
	x := newIndex(c.People)
	seen := map[string]int{}
	add := func(f Finding) {
		base := f.Field + "|" + string(f.Kind) + "|" + fold(f.Text)
		seen[base]++
		f.ID = fmt.Sprintf("%s|%d", base, seen[base])
		c.byID[f.ID] = len(c.Findings)
		if f.Kind == KindPerson {
			c.entry[f.Field] = f.ID
		}
		c.Findings = append(c.Findings, f)
	}
	for _, pf := range personFields(r) {
		var who *Person
		for i := range c.People {
			if c.People[i].Field == pf.key {
				who = &c.People[i]
			}
		}
		if who != nil {
			f := Finding{Field: pf.key, Place: pf.place, Kind: KindPerson, Text: who.Name, Default: Withhold}
			f.Reason = "the " + who.Role.Label() + "'s name"
			if who.Role == RoleParticipant {
				f.Reason = "a participant's name"
			}
			if who.Role.Officer() {
				f.Reason = who.Role.Label() + ", an officer named on the cover"
				f.Default = Keep
			}
			if who.Title != "" {
				f.After = ", " + who.Title
			}
			add(f)
		}
		for _, f := range c.personal(pf.key, pf.place, *pf.text) {
			add(f)
		}
	}
	for _, tf := range textFields(r, fw) {
		for _, f := range c.scan(x, tf.key, tf.place, *tf.text) {
			add(f)
		}
	}
	return c
}

func (c *Check) personal(key, place, s string) []Finding {
	var out []Finding
	for _, sp := range personalData(s) {
		f := Finding{Field: key, Place: place, Kind: sp.kind, Text: s[sp.start:sp.end], Default: Withhold, start: sp.start, end: sp.end}
		f.Reason = "a " + sp.kind.Label()
		switch sp.kind {
		case KindEmail:
			f.Reason = "an email address"
		case KindNHS:
			f.Reason = "an NHS number (ten digits with a valid check digit)"
		}
		f.Before, f.After = around(s, sp.start, sp.end)
		out = append(out, f)
	}
	return out
}

// scan finds the personal data and the names in one free-text field, in
// the order they are written.
func (c *Check) scan(x *index, key, place, s string) []Finding {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	out := c.personal(key, place, s)
	var spans []span
	for _, f := range out {
		spans = append(spans, span{f.start, f.end, f.Kind})
	}
	for _, h := range x.names(s, spans) {
		f := Finding{Field: key, Place: place, Kind: KindName, Text: s[h.start:h.end], start: h.start, end: h.end}
		f.Before, f.After = around(s, h.start, h.end)
		var private, officers []string
		follows := ""
		for _, p := range h.people {
			who := c.People[p]
			if who.Role.Officer() {
				officers = append(officers, who.Name+" ("+who.Role.Label()+")")
				follows = who.Field
			} else {
				private = append(private, who.Name+" ("+who.Role.Label()+")")
			}
		}
		whose := strings.Join(append(private, officers...), " or ")
		switch {
		case h.status == review:
			f.Review = len(private) > 0
			f.Default = Keep
			f.Reason = "may be the name of " + whose + ", or an ordinary word: kept unless you withhold it"
			if !f.Review {
				f.follows = follows
			}
		case len(private) > 0:
			f.Default = Withhold
			f.Reason = "the name of " + whose
		default:
			f.Default = Keep
			f.follows = follows
			f.Reason = "the name of " + whose + ", an officer named on the cover"
		}
		out = append(out, f)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// around is a few words either side of s[a:b], on one line.
func around(s string, a, b int) (before, after string) {
	const n = 40
	// Look at no more than a few hundred bytes either side.
	lo, hi := max(0, a-4*n), min(len(s), b+4*n)
	for lo > 0 && !utf8.RuneStart(s[lo]) {
		lo--
	}
	for hi < len(s) && !utf8.RuneStart(s[hi]) {
		hi++
	}
	before, after = s[lo:a], s[b:hi]
	// Cut at a space, so no word is shown in part.
	if utf8.RuneCountInString(before) > n {
		r := []rune(before)
		cut := string(r[len(r)-n:])
		if i := strings.IndexAny(cut, " \n"); i >= 0 {
			cut = cut[i+1:]
		}
		before = "…" + cut
	}
	if utf8.RuneCountInString(after) > n {
		r := []rune(after)
		cut := string(r[:n])
		if i := strings.LastIndexAny(cut, " \n"); i > 0 {
			cut = cut[:i]
		}
		after = cut + "…"
	}
	squash := func(s string) string {
		return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
	}
	// Keep the space next to the found text.
	lead := strings.HasSuffix(before, " ") || strings.HasSuffix(before, "\n")
	trail := strings.HasPrefix(after, " ") || strings.HasPrefix(after, "\n")
	before, after = squash(before), squash(after)
	if lead && before != "" {
		before += " "
	}
	if trail && after != "" {
		after = " " + after
	}
	return before, after
}

// DecisionsFrom reads decisions as a store keeps them ("withhold" or
// "keep" by finding ID), leaving out anything else.
func DecisionsFrom(m map[string]string) Decisions {
	d := Decisions{}
	for id, v := range m {
		if v == string(Withhold) || v == string(Keep) {
			d[id] = Decision(v)
		}
	}
	return d
}
