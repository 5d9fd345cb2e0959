package data

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Shade is how far a doing word applies to a community of practice.
type Shade int

// The three shading levels, in the order a click cycles through them.
const (
	ShadeNone Shade = iota
	ShadePartly
	ShadeShaded
)

// String gives the level as stored in files and typed on the command line.
func (s Shade) String() string {
	switch s {
	case ShadeNone:
		return "none"
	case ShadePartly:
		return "partly"
	case ShadeShaded:
		return "shaded"
	}
	return fmt.Sprintf("Shade(%d)", int(s))
}

// Label is the level in words for a screen or page.
func (s Shade) Label() string {
	switch s {
	case ShadePartly:
		return "Partly"
	case ShadeShaded:
		return "Shaded"
	}
	return "Not shaded"
}

// Next is the level a click moves to: none → partly → shaded → none.
func (s Shade) Next() Shade { return (s + 1) % 3 }

// Valid reports whether s is one of the three levels.
func (s Shade) Valid() bool { return s >= ShadeNone && s <= ShadeShaded }

// ParseShade reads "none", "partly" or "shaded" in any case.
func ParseShade(s string) (Shade, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "none", "no", "0":
		return ShadeNone, nil
	case "partly", "partial", "1":
		return ShadePartly, nil
	case "shaded", "full", "yes", "2":
		return ShadeShaded, nil
	}
	return 0, Errorf(EInvalid, "%q is not a shading level: use none, partly or shaded", s)
}

// Status of a session.
const (
	StatusDraft  = "draft"
	StatusAgreed = "agreed"
)

// FocusAll is the focus value for a session that covers every bundle.
const FocusAll = "all"

// Role is a kind of participant, counted at each session.
type Role string

// The participant roles, in the order screens and pages list them.
const (
	RoleServiceUser Role = "service_user"
	RoleLayRep      Role = "lay_rep"
	RoleClinical    Role = "clinical_lead"
	RoleManager     Role = "commissioning_manager"
	RoleOther       Role = "other"
)

// Roles lists the participant roles in display order.
var Roles = []Role{RoleServiceUser, RoleLayRep, RoleClinical, RoleManager, RoleOther}

// Label is the role in plain words.
func (r Role) Label() string {
	switch r {
	case RoleServiceUser:
		return "Service user or carer"
	case RoleLayRep:
		return "Lay representative"
	case RoleClinical:
		return "GP or clinical lead"
	case RoleManager:
		return "Commissioning manager"
	case RoleOther:
		return "Other"
	}
	return string(r)
}

// Plural is the role for a count line ("5 service users or carers").
func (r Role) Plural(n int) string {
	one := map[Role][2]string{
		RoleServiceUser: {"service user or carer", "service users or carers"},
		RoleLayRep:      {"lay representative", "lay representatives"},
		RoleClinical:    {"GP or clinical lead", "GPs or clinical leads"},
		RoleManager:     {"commissioning manager", "commissioning managers"},
		RoleOther:       {"other participant", "other participants"},
	}[r]
	if n == 1 {
		return one[0]
	}
	return one[1]
}

// Participants counts who took part, by role, with optional names.
type Participants struct {
	Role  Role     `json:"role"`
	Count int      `json:"count"`
	Names []string `json:"names,omitempty"`
}

// Session is one mapping of a community of practice.
type Session struct {
	ID               int64          `json:"id"`
	Title            string         `json:"title"`
	Community        string         `json:"community"`
	Organisation     string         `json:"organisation"`
	MeetingDate      string         `json:"meeting_date"` // YYYY-MM-DD or ""
	Facilitator      string         `json:"facilitator"`
	FacilitatorTitle string         `json:"facilitator_title,omitempty"` // the facilitator's role or job title
	Focus            string         `json:"focus"`                       // bundle id or "all"
	Purpose          string         `json:"purpose"`
	Status           string         `json:"status"`
	Summary          string         `json:"summary"`
	FrameworkID      string         `json:"framework_id"`
	FrameworkVersion string         `json:"framework_version"`
	FollowsID        int64          `json:"follows_id,omitempty"`
	Participants     []Participants `json:"participants"`
	Cover            Cover          `json:"cover"`
	TallyOf          *int           `json:"tally_of,omitempty"` // how many people took part in the tally
	CreatedAt        time.Time      `json:"created_at"`
	UpdatedAt        time.Time      `json:"updated_at"`
	DeletedAt        *time.Time     `json:"deleted_at,omitempty"`
}

// Cover is the board cover sheet printed before the map, in the form ICB
// board cover sheets take. Every field is optional: an empty one is left
// out of the paper. Fields added after the first session file format are
// omitempty, so files written before them still read (and still match).
type Cover struct {
	Meeting            string `json:"meeting"`
	MeetingDate        string `json:"meeting_date"` // the board meeting's date, YYYY-MM-DD or ""
	AgendaItem         string `json:"agenda_item"`
	Author             string `json:"author"`
	AuthorTitle        string `json:"author_title,omitempty"` // the author's job title, apart from the name
	Presenter          string `json:"presenter"`
	PresenterTitle     string `json:"presenter_title,omitempty"`
	Purpose            string `json:"purpose"` // one of CoverPurposes, or ""
	ExecutiveSummary   string `json:"executive_summary"`
	Recommendations    string `json:"recommendations"`
	PreviouslyConsider string `json:"previously_considered_by"`

	// The executive lead or sponsor: an officer, printed like the author.
	ExecutiveLead      string `json:"executive_lead,omitempty"`
	ExecutiveLeadTitle string `json:"executive_lead_title,omitempty"`
	// PaperDate is the paper's own date, YYYY-MM-DD; "" prints the day the
	// session last changed, so the same session always gives the same paper.
	PaperDate           string `json:"paper_date,omitempty"`
	StrategicObjectives string `json:"strategic_objectives,omitempty"`    // link to strategic objectives
	RiskReference       string `json:"risk_reference,omitempty"`          // Board Assurance Framework or risk reference
	Risks               string `json:"risks,omitempty"`                   // the risks
	Financial           string `json:"financial_implications,omitempty"`  // financial and resource implications
	QualityEquality     string `json:"quality_equality_impact,omitempty"` // quality and equality impact (QIA/EQIA)
	HealthInequalities  string `json:"health_inequalities,omitempty"`
	Legal               string `json:"legal_implications,omitempty"` // legal and statutory implications
	Conflicts           string `json:"conflicts_of_interest,omitempty"`
}

// CoverPurposes are the purposes a board paper can have, in the order a
// cover sheet lists them.
var CoverPurposes = []string{"decision", "approval", "assurance", "discussion", "information"}

// Empty reports whether no cover field is filled.
func (c Cover) Empty() bool { return c == Cover{} }

// WordState is a session's shading and note for one doing word.
type WordState struct {
	WordID string `json:"id"`
	Level  Shade  `json:"level"`
	Note   string `json:"note"`
	Tally  *int   `json:"tally,omitempty"` // how many people shaded it on their own
}

// ElementState is a session's record of one element's discussion.
type ElementState struct {
	Code     string     `json:"code"`
	Notes    string     `json:"notes"`
	Seconds  int        `json:"seconds"`
	AgreedAt *time.Time `json:"agreed_at,omitempty"`
	// ExtraSeconds is time the room added to the element's countdown
	// ("+1 min"), kept with the time spent so it survives a restart.
	ExtraSeconds int `json:"extra_seconds,omitempty"`
	// ChangedSinceAgreed reports that a word's shading now differs from
	// what it was when the room agreed the element. The store derives it
	// from the history on every read (an undo that puts the shading back
	// clears it), so it is never written to a file.
	ChangedSinceAgreed bool `json:"-"`
}

// Agreed reports whether the room agreed this element.
func (e ElementState) Agreed() bool { return e.AgreedAt != nil }

// Minutes is the time spent, rounded to whole minutes.
func (e ElementState) Minutes() int { return (e.Seconds + 30) / 60 }

// Action is a recommended action: what would help the practices not yet found.
type Action struct {
	ID      int64  `json:"id"`
	Text    string `json:"text"`
	Owner   string `json:"owner"`
	Due     string `json:"due"`     // YYYY-MM-DD or ""
	Element string `json:"element"` // element code or ""
}

// Record is a whole session: details, every word, every element, actions.
type Record struct {
	Session
	Words    []WordState    `json:"words"`
	Elements []ElementState `json:"elements"`
	Actions  []Action       `json:"actions"`
}

// Word returns the state of a word (none and empty when never touched).
func (r *Record) Word(id string) WordState {
	for _, w := range r.Words {
		if w.WordID == id {
			return w
		}
	}
	return WordState{WordID: id}
}

// Element returns the state of an element.
func (r *Record) Element(code string) ElementState {
	for _, e := range r.Elements {
		if e.Code == code {
			return e
		}
	}
	return ElementState{Code: code}
}

// AllAgreed reports whether every element of fw is agreed.
func (r *Record) AllAgreed(fw *Framework) bool {
	for _, e := range fw.Elements {
		if !r.Element(e.Code).Agreed() {
			return false
		}
	}
	return true
}

// TotalParticipants adds up the counts by role.
func (s *Session) TotalParticipants() int {
	n := 0
	for _, p := range s.Participants {
		n += p.Count
	}
	return n
}

// Count returns the count for a role.
func (s *Session) Count(r Role) int {
	for _, p := range s.Participants {
		if p.Role == r {
			return p.Count
		}
	}
	return 0
}

// Limits on what a person can type, generous but finite.
const (
	MaxShortText = 200     // titles, names, organisation
	MaxLongText  = 2 << 20 // notes, summaries: 2 MB of text
)

// MaxTally is the most people a tally can count.
const MaxTally = 10000

// Validate checks a session's details and says, in plain words, what is wrong.
func (s *Session) Validate(fw *Framework) error {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if strings.TrimSpace(s.Title) == "" {
		add("give the session a title")
	}
	if strings.TrimSpace(s.Community) == "" {
		add("name the community of practice (for example “Governing Body”)")
	}
	for name, v := range map[string]string{"title": s.Title, "community of practice": s.Community, "organisation": s.Organisation, "facilitator": s.Facilitator,
		"facilitator's job title": s.FacilitatorTitle, "author's job title": s.Cover.AuthorTitle, "presenter's job title": s.Cover.PresenterTitle,
		"executive lead": s.Cover.ExecutiveLead, "executive lead's job title": s.Cover.ExecutiveLeadTitle} {
		if utf8.RuneCountInString(v) > MaxShortText {
			add("the %s is longer than %d characters", name, MaxShortText)
		}
		if !utf8.ValidString(v) || strings.ContainsRune(v, 0) {
			add("the %s has characters that are not valid text", name)
		}
	}
	if s.MeetingDate != "" {
		if _, err := time.Parse(time.DateOnly, s.MeetingDate); err != nil {
			add("the workshop date %q is not a date: write it as YYYY-MM-DD, for example 2026-03-14", s.MeetingDate)
		}
	}
	if s.Cover.MeetingDate != "" {
		if _, err := time.Parse(time.DateOnly, s.Cover.MeetingDate); err != nil {
			add("the board meeting date %q is not a date: write it as YYYY-MM-DD", s.Cover.MeetingDate)
		}
	}
	if s.Cover.PaperDate != "" {
		if _, err := time.Parse(time.DateOnly, s.Cover.PaperDate); err != nil {
			add("the paper's date %q is not a date: write it as YYYY-MM-DD", s.Cover.PaperDate)
		}
	}
	if s.Cover.Purpose != "" && !contains(CoverPurposes, s.Cover.Purpose) {
		add("the paper's purpose must be one of %s", strings.Join(CoverPurposes, ", "))
	}
	if s.Focus != "" && s.Focus != FocusAll {
		if fw == nil {
			fw = DefaultFramework()
		}
		if _, ok := fw.Bundle(s.Focus); !ok {
			var ids []string
			for _, b := range fw.Bundles {
				ids = append(ids, b.ID)
			}
			add("the focus %q is not a bundle of practice: use %s or all", s.Focus, strings.Join(ids, ", "))
		}
	}
	if s.Status != "" && s.Status != StatusDraft && s.Status != StatusAgreed {
		add("the status must be draft or agreed")
	}
	seen := map[Role]bool{}
	for _, p := range s.Participants {
		if !contains(Roles, p.Role) {
			add("%q is not a participant role", p.Role)
		}
		if seen[p.Role] {
			add("the role %s is counted twice", p.Role.Label())
		}
		seen[p.Role] = true
		if p.Count < 0 || p.Count > 10000 {
			add("the number of %s must be between 0 and 10000", p.Role.Plural(2))
		}
	}
	c := s.Cover
	for what, v := range map[string]string{"purpose": s.Purpose, "cover's meeting": c.Meeting, "cover's agenda item": c.AgendaItem,
		"cover's author": c.Author, "cover's presenter": c.Presenter, "executive summary": c.ExecutiveSummary,
		"recommendations": c.Recommendations, "cover's “previously considered by”": c.PreviouslyConsider,
		"link to strategic objectives": c.StrategicObjectives, "risk reference": c.RiskReference, "risks": c.Risks,
		"financial and resource implications": c.Financial, "quality and equality impact": c.QualityEquality,
		"health inequalities": c.HealthInequalities, "legal and statutory implications": c.Legal, "conflicts of interest": c.Conflicts} {
		if err := CheckText(what, v); err != nil {
			add("%s", strings.TrimSuffix(strings.ToLower(ErrorMessage(err)[:1])+ErrorMessage(err)[1:], "."))
		}
	}
	for _, p := range s.Participants {
		for _, n := range p.Names {
			if err := CheckText("participant's name", n); err != nil {
				add("a participant's name has characters that are not valid text")
			}
		}
	}
	if s.TallyOf != nil && (*s.TallyOf < 0 || *s.TallyOf > MaxTally) {
		add("the number of people in the tally must be between 0 and %d", MaxTally)
	}
	if len(problems) > 0 {
		return &Error{Code: EInvalid, Message: capitalise(strings.Join(problems, "; ")) + "."}
	}
	return nil
}

// Normalise fills defaults: focus all, status draft.
func (s *Session) Normalise() {
	s.Title = strings.TrimSpace(s.Title)
	s.Community = strings.TrimSpace(s.Community)
	s.Organisation = strings.TrimSpace(s.Organisation)
	s.Facilitator = strings.TrimSpace(s.Facilitator)
	s.SplitPeople()
	if s.Focus == "" {
		s.Focus = FocusAll
	}
	if s.Status == "" {
		s.Status = StatusDraft
	}
}

// Validate checks an action.
func (a *Action) Validate(fw *Framework) error {
	if strings.TrimSpace(a.Text) == "" {
		return Errorf(EInvalid, "Write what the action is.")
	}
	if a.Due != "" {
		if _, err := time.Parse(time.DateOnly, a.Due); err != nil {
			return Errorf(EInvalid, "The due date %q is not a date: write it as YYYY-MM-DD.", a.Due)
		}
	}
	if a.Element != "" {
		if fw == nil {
			fw = DefaultFramework()
		}
		if _, ok := fw.Element(a.Element); !ok {
			return Errorf(EInvalid, "%q is not an element: use P, Mat, C, BE or M.", a.Element)
		}
	}
	return nil
}

// CheckText says whether a piece of long text (a note, a summary) can be
// kept: valid UTF-8, no NUL character, at most MaxLongText bytes.
func CheckText(what, v string) error {
	if len(v) > MaxLongText {
		return Errorf(EInvalid, "The %s is too long: keep it under %d MB.", what, MaxLongText>>20)
	}
	if !utf8.ValidString(v) {
		return Errorf(EInvalid, "The %s has characters that are not valid text.", what)
	}
	if strings.ContainsRune(v, 0) {
		return Errorf(EInvalid, "The %s contains a NUL character, which cannot be saved.", what)
	}
	return nil
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[n:]
}
