package data

import "strings"

// Person is someone a session names: a name and, apart from it, a role or
// job title. The title is never redaction material: it prints in public.
type Person struct {
	Name  string `json:"name"`
	Title string `json:"title,omitempty"`
}

// String is the person as a cover sheet prints them: "Name, Title".
func (p Person) String() string {
	switch {
	case p.Name == "":
		return p.Title
	case p.Title == "":
		return p.Name
	}
	return p.Name + ", " + p.Title
}

// SplitPerson reads a free-text entry such as "Julie Marsh, Senior
// Commissioning Support Manager" as a name and a job title. It splits at
// a comma, a dash or a bracket, and otherwise before the first word that
// belongs to a job title; split reports whether both halves were found.
func SplitPerson(s string) (name, title string, split bool) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "", "", false
	}
	for _, sep := range []string{",", " – ", " — ", " - ", ";", "("} {
		before, after, ok := strings.Cut(s, sep)
		if !ok {
			continue
		}
		before, after = strings.TrimSpace(before), strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(after), ")"))
		switch {
		case after == "":
			return before, "", false
		case before == "":
			return "", after, false
		case titleWords(before) && !titleWords(after):
			return after, before, true // "Director of Nursing, Julie Marsh"
		default:
			return before, after, true
		}
	}
	words := strings.Fields(s)
	for i, w := range words {
		if isTitleWord(w) || (i > 0 && strings.ToLower(w) == "of") {
			if i == 0 {
				return "", s, false
			}
			return strings.Join(words[:i], " "), strings.Join(words[i:], " "), true
		}
	}
	return s, "", false
}

func titleWords(s string) bool {
	for _, w := range strings.Fields(s) {
		if isTitleWord(w) {
			return true
		}
	}
	return false
}

func isTitleWord(w string) bool {
	return jobTitleWords[strings.Trim(strings.ToLower(w), ".,;:()")]
}

// jobTitleWords are words of job titles and roles: never part of a name.
var jobTitleWords = wordSet(`director directors manager managers officer head chief senior lead leader consultant
	nurse gp clinical commissioning executive chair chairman chairwoman chairperson vice deputy assistant
	associate coordinator co-ordinator administrator analyst specialist practitioner therapist pharmacist
	midwife surgeon physician secretary treasurer governor trustee member representative rep advisor
	adviser partner principal programme project support engagement communications finance nursing
	quality operations strategy transformation improvement patient public service services board committee
	facilitator coach volunteer carer lay champion worker engineer developer researcher fellow registrar
	matron governance safeguarding medical contracts contract commissioner commissioners planning
	performance delivery team officer integrated care system icb ccg trust nhs`)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// PersonSplit is an entry the update to people as records split into a
// name and a job title, as it is shown to the user once.
type PersonSplit struct {
	Session int64
	Field   string // facilitator, author, presenter or executive_lead
	Was     string // the entry as it was
	Person  Person
}

// FacilitatorPerson is the facilitator as a record.
func (s *Session) FacilitatorPerson() Person {
	return Person{Name: s.Facilitator, Title: s.FacilitatorTitle}
}

// AuthorPerson is the paper's author as a record.
func (c Cover) AuthorPerson() Person { return Person{Name: c.Author, Title: c.AuthorTitle} }

// PresenterPerson is the paper's presenter as a record.
func (c Cover) PresenterPerson() Person { return Person{Name: c.Presenter, Title: c.PresenterTitle} }

// SplitPeople moves a job title typed into a person's name entry ("Julie
// Marsh, Senior Commissioning Support Manager") into the title beside it,
// when that title is empty, and says what it split.
func (s *Session) SplitPeople() []PersonSplit {
	var out []PersonSplit
	for _, e := range []struct {
		field       string
		name, title *string
	}{
		{"facilitator", &s.Facilitator, &s.FacilitatorTitle},
		{"author", &s.Cover.Author, &s.Cover.AuthorTitle},
		{"presenter", &s.Cover.Presenter, &s.Cover.PresenterTitle},
		{"executive_lead", &s.Cover.ExecutiveLead, &s.Cover.ExecutiveLeadTitle},
	} {
		*e.name, *e.title = strings.TrimSpace(*e.name), strings.TrimSpace(*e.title)
		if *e.title != "" {
			continue
		}
		if name, title, ok := SplitPerson(*e.name); ok {
			out = append(out, PersonSplit{Session: s.ID, Field: e.field, Was: *e.name, Person: Person{Name: name, Title: title}})
			*e.name, *e.title = name, title
		}
	}
	return out
}
