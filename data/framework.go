package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/ppei-iceberg/iceberg/resources"
)

// Framework is the PPEI conceptual framework: five elements with their doing
// words, the four bundles of practice with their findings, prompts and quotes.
// It is read from resources/framework.json; code never spells out its words.
type Framework struct {
	ID              string    `json:"id"`
	Version         string    `json:"version"`
	Title           string    `json:"title"`
	Source          Source    `json:"source"`
	GeneralFindings []Finding `json:"general_findings"`
	Bundles         []Bundle  `json:"bundles"`
	Elements        []Element `json:"elements"`
	Quotes          []Quote   `json:"quotes"`

	words    map[string]*Word
	elements map[string]*Element
	findings map[string]*Finding
}

// Source is the research the framework comes from.
type Source struct {
	Author    string `json:"author"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Where     string `json:"where"`
	Citation  string `json:"citation"`
	Note      string `json:"note"`
}

// Bundle is one of the four bundles of practice the research applied the
// elements to: trust, leadership, learning, partnership.
type Bundle struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Findings []Finding `json:"findings"`
}

// Finding is one finding of the research, within a bundle or general.
type Finding struct {
	ID       string   `json:"id"`
	Elements []string `json:"elements,omitempty"`
	Text     string   `json:"text"`
}

// Element is one of the five elements: Participation, Materiality,
// Competence, Boundary encounters, Meanings.
type Element struct {
	Code       string   `json:"code"`
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Definition string   `json:"definition"`
	Plain      string   `json:"plain"`
	Words      []Word   `json:"words"`
	Prompts    []Prompt `json:"prompts"`
}

// Word is a doing word of an element. Its ID is stable and is what the
// database stores, so a wording change never breaks a saved session.
type Word struct {
	ID      string `json:"id"`
	Label   string `json:"label"`
	Element string `json:"-"` // code of the element it belongs to
	Index   int    `json:"-"` // position within its element, from 0
}

// Prompt is an open discussion question traceable to a finding.
type Prompt struct {
	Text    string `json:"text"`
	Finding string `json:"finding"`
}

// Quote is a verbatim quote from the research with its attribution.
type Quote struct {
	ID       string   `json:"id"`
	Text     string   `json:"text"`
	Speaker  string   `json:"speaker"`
	Role     string   `json:"role"`
	Citation string   `json:"citation"`
	Elements []string `json:"elements"`
	Bundle   string   `json:"bundle"`
}

// Credit is who said a quote, as the research gives it: "Hazel, Service
// user", or the speaker alone when the research names no role ("Not
// attributed in the source"), so no role is ever invented.
func (q Quote) Credit() string {
	if r := strings.TrimSpace(q.Role); r != "" {
		return q.Speaker + ", " + r
	}
	return q.Speaker
}

var (
	defaultOnce sync.Once
	defaultFW   *Framework
	defaultErr  error
)

// DefaultFramework returns the embedded framework, parsed once. The embedded
// file is checked by tests, so an error here is a build defect.
func DefaultFramework() *Framework {
	defaultOnce.Do(func() {
		defaultFW, defaultErr = ParseFramework(resources.Framework)
	})
	if defaultErr != nil {
		panic(fmt.Sprintf("embedded framework is invalid: %v", defaultErr))
	}
	return defaultFW
}

// ParseFramework reads and validates a framework file.
func ParseFramework(b []byte) (*Framework, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var fw Framework
	if err := dec.Decode(&fw); err != nil {
		return nil, fmt.Errorf("parse framework: %w", err)
	}
	if err := fw.index(); err != nil {
		return nil, fmt.Errorf("check framework: %w", err)
	}
	return &fw, nil
}

// index validates the framework and builds its look-up tables.
func (fw *Framework) index() error {
	if fw.ID == "" || fw.Version == "" {
		return fmt.Errorf("framework needs an id and a version")
	}
	if fw.Source.Citation == "" {
		return fmt.Errorf("framework needs a source citation")
	}
	if len(fw.Elements) == 0 {
		return fmt.Errorf("framework has no elements")
	}
	fw.words = map[string]*Word{}
	fw.elements = map[string]*Element{}
	fw.findings = map[string]*Finding{}
	seen := map[string]string{}
	claim := func(id, what string) error {
		if id == "" {
			return fmt.Errorf("a %s has an empty id", what)
		}
		if prev, ok := seen[strings.ToLower(id)]; ok {
			return fmt.Errorf("id %q is used twice (%s and %s)", id, prev, what)
		}
		seen[strings.ToLower(id)] = what
		return nil
	}
	for i := range fw.GeneralFindings {
		f := &fw.GeneralFindings[i]
		if err := claim(f.ID, "finding"); err != nil {
			return err
		}
		if strings.TrimSpace(f.Text) == "" {
			return fmt.Errorf("finding %q has no text", f.ID)
		}
		fw.findings[f.ID] = f
	}
	for bi := range fw.Bundles {
		b := &fw.Bundles[bi]
		if err := claim(b.ID, "bundle"); err != nil {
			return err
		}
		if b.Name == "" || len(b.Findings) == 0 {
			return fmt.Errorf("bundle %q needs a name and findings", b.ID)
		}
		for i := range b.Findings {
			f := &b.Findings[i]
			if err := claim(f.ID, "finding"); err != nil {
				return err
			}
			if strings.TrimSpace(f.Text) == "" {
				return fmt.Errorf("finding %q has no text", f.ID)
			}
			fw.findings[f.ID] = f
		}
	}
	for ei := range fw.Elements {
		e := &fw.Elements[ei]
		if err := claim(e.Code, "element"); err != nil {
			return err
		}
		if e.Name == "" {
			return fmt.Errorf("element %q has no name", e.Code)
		}
		if strings.TrimSpace(e.Definition) == "" {
			return fmt.Errorf("element %q has an empty definition", e.Code)
		}
		if len(e.Words) == 0 {
			return fmt.Errorf("element %q has no doing words", e.Code)
		}
		if len(e.Prompts) == 0 {
			return fmt.Errorf("element %q has no prompts", e.Code)
		}
		fw.elements[e.Code] = e
		for wi := range e.Words {
			w := &e.Words[wi]
			if err := claim(w.ID, "word"); err != nil {
				return err
			}
			if w.Label == "" {
				return fmt.Errorf("word %q has no label", w.ID)
			}
			w.Element, w.Index = e.Code, wi
			fw.words[w.ID] = w
		}
	}
	for _, e := range fw.Elements {
		for _, p := range e.Prompts {
			if strings.TrimSpace(p.Text) == "" {
				return fmt.Errorf("element %q has an empty prompt", e.Code)
			}
			if fw.findings[p.Finding] == nil {
				return fmt.Errorf("prompt %q names unknown finding %q", p.Text, p.Finding)
			}
		}
	}
	for _, f := range fw.findings {
		for _, code := range f.Elements {
			if fw.elements[code] == nil {
				return fmt.Errorf("finding %q names unknown element %q", f.ID, code)
			}
		}
	}
	for _, q := range fw.Quotes {
		if err := claim(q.ID, "quote"); err != nil {
			return err
		}
		if q.Text == "" || q.Speaker == "" || q.Citation == "" {
			return fmt.Errorf("quote %q needs text, speaker and citation", q.ID)
		}
		for _, code := range q.Elements {
			if fw.elements[code] == nil {
				return fmt.Errorf("quote %q names unknown element %q", q.ID, code)
			}
		}
	}
	return nil
}

// Element returns the element with the given code (exact, then any case).
func (fw *Framework) Element(code string) (*Element, bool) {
	if e, ok := fw.elements[code]; ok {
		return e, true
	}
	for i := range fw.Elements {
		e := &fw.Elements[i]
		if strings.EqualFold(e.Code, code) || strings.EqualFold(e.Name, code) || strings.EqualFold(e.ID, code) {
			return e, true
		}
	}
	return nil, false
}

// Word returns the doing word with the given id.
func (fw *Framework) Word(id string) (*Word, bool) {
	w, ok := fw.words[id]
	return w, ok
}

// FindWord accepts a word id ("mat.reporting") or label ("Reporting"), in
// any case, as a person would type it.
func (fw *Framework) FindWord(s string) (*Word, bool) {
	s = strings.TrimSpace(s)
	if w, ok := fw.words[strings.ToLower(s)]; ok {
		return w, true
	}
	for _, e := range fw.Elements {
		for i := range e.Words {
			if strings.EqualFold(e.Words[i].Label, s) {
				return fw.words[e.Words[i].ID], true
			}
		}
	}
	return nil, false
}

// Finding returns a finding by id, from a bundle or the general ones.
func (fw *Framework) Finding(id string) (*Finding, bool) {
	f, ok := fw.findings[id]
	return f, ok
}

// BundleOf names the bundle a finding belongs to, or "" for a general one.
func (fw *Framework) BundleOf(findingID string) string {
	for _, b := range fw.Bundles {
		for _, f := range b.Findings {
			if f.ID == findingID {
				return b.ID
			}
		}
	}
	return ""
}

// Bundle returns a bundle by id.
func (fw *Framework) Bundle(id string) (*Bundle, bool) {
	for i := range fw.Bundles {
		if fw.Bundles[i].ID == id {
			return &fw.Bundles[i], true
		}
	}
	return nil, false
}

// AllWords lists every doing word in the research's order.
func (fw *Framework) AllWords() []Word {
	var out []Word
	for _, e := range fw.Elements {
		for _, w := range e.Words {
			out = append(out, *fw.words[w.ID])
		}
	}
	return out
}

// QuotesFor lists the quotes placed with an element, in file order.
func (fw *Framework) QuotesFor(code string) []Quote {
	var out []Quote
	for _, q := range fw.Quotes {
		for _, c := range q.Elements {
			if c == code {
				out = append(out, q)
				break
			}
		}
	}
	return out
}
