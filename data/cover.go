package data

import "strings"

// CoverField is one field of the board cover sheet, as the store, the
// history, the session file and the command line name it.
type CoverField struct {
	Key   string // the column, the history's target and the session file's name
	Label string // in words, after "the cover sheet's": "executive lead"
	Kind  CoverKind
	Value func(*Cover) *string
}

// CoverKind is what a cover field holds.
type CoverKind int

// The kinds of cover field.
const (
	CoverText   CoverKind = iota // free text, any length up to MaxLongText
	CoverShort                   // a person's name or job title: at most MaxShortText
	CoverDate                    // YYYY-MM-DD or ""
	CoverChoice                  // one of CoverPurposes or ""
)

// CoverFields lists every cover field, in the order a cover sheet reads.
var CoverFields = []CoverField{
	{"meeting", "meeting", CoverText, func(c *Cover) *string { return &c.Meeting }},
	{"meeting_date", "board meeting date", CoverDate, func(c *Cover) *string { return &c.MeetingDate }},
	{"agenda_item", "agenda item", CoverText, func(c *Cover) *string { return &c.AgendaItem }},
	{"paper_date", "paper's date", CoverDate, func(c *Cover) *string { return &c.PaperDate }},
	{"executive_lead", "executive lead", CoverShort, func(c *Cover) *string { return &c.ExecutiveLead }},
	{"executive_lead_title", "executive lead's job title", CoverShort, func(c *Cover) *string { return &c.ExecutiveLeadTitle }},
	{"author", "author", CoverText, func(c *Cover) *string { return &c.Author }},
	{"author_title", "author's job title", CoverShort, func(c *Cover) *string { return &c.AuthorTitle }},
	{"presenter", "presenter", CoverText, func(c *Cover) *string { return &c.Presenter }},
	{"presenter_title", "presenter's job title", CoverShort, func(c *Cover) *string { return &c.PresenterTitle }},
	{"purpose", "purpose", CoverChoice, func(c *Cover) *string { return &c.Purpose }},
	{"executive_summary", "executive summary", CoverText, func(c *Cover) *string { return &c.ExecutiveSummary }},
	{"recommendations", "recommendations", CoverText, func(c *Cover) *string { return &c.Recommendations }},
	{"previously_considered_by", "“previously considered by”", CoverText, func(c *Cover) *string { return &c.PreviouslyConsider }},
	{"strategic_objectives", "link to strategic objectives", CoverText, func(c *Cover) *string { return &c.StrategicObjectives }},
	{"risk_reference", "Board Assurance Framework or risk reference", CoverText, func(c *Cover) *string { return &c.RiskReference }},
	{"risks", "risks", CoverText, func(c *Cover) *string { return &c.Risks }},
	{"financial_implications", "financial and resource implications", CoverText, func(c *Cover) *string { return &c.Financial }},
	{"quality_equality_impact", "quality and equality impact", CoverText, func(c *Cover) *string { return &c.QualityEquality }},
	{"health_inequalities", "health inequalities", CoverText, func(c *Cover) *string { return &c.HealthInequalities }},
	{"legal_implications", "legal and statutory implications", CoverText, func(c *Cover) *string { return &c.Legal }},
	{"conflicts_of_interest", "conflicts of interest", CoverText, func(c *Cover) *string { return &c.Conflicts }},
}

// FindCoverField returns the cover field with the given key.
func FindCoverField(key string) (CoverField, bool) {
	for _, f := range CoverFields {
		if f.Key == key {
			return f, true
		}
	}
	return CoverField{}, false
}

// ExecutiveLeadPerson is the paper's executive lead or sponsor as a record.
func (c Cover) ExecutiveLeadPerson() Person {
	return Person{Name: c.ExecutiveLead, Title: c.ExecutiveLeadTitle}
}

// ParsePurpose reads a paper's purpose in any case ("Approval"), and ""
// for none.
func ParsePurpose(s string) (string, error) {
	p := strings.ToLower(strings.TrimSpace(s))
	if p == "" || contains(CoverPurposes, p) {
		return p, nil
	}
	return "", Errorf(EInvalid, "%q is not a purpose for the paper: use %s", s, strings.Join(CoverPurposes, ", "))
}
