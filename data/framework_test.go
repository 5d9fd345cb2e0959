package data

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/resources"
)

func TestEmbeddedFramework(t *testing.T) {
	fw, err := ParseFramework(resources.Framework)
	if err != nil {
		t.Fatal(err)
	}
	var codes, names []string
	for _, e := range fw.Elements {
		codes = append(codes, e.Code)
		names = append(names, e.Name)
		if n := len(e.Prompts); n < 3 || n > 6 {
			t.Errorf("%s has %d prompts, want 3 to 6", e.Code, n)
		}
		if e.Plain == "" {
			t.Errorf("%s has no plain-words explanation", e.Code)
		}
	}
	if got, want := strings.Join(codes, " "), "P Mat C BE M"; got != want {
		t.Errorf("codes %q, want %q", got, want)
	}
	if got, want := strings.Join(names, ", "), "Participation, Materiality, Competence, Boundary encounters, Meanings"; got != want {
		t.Errorf("names %q, want %q", got, want)
	}
	var labels []string
	for _, w := range fw.AllWords() {
		labels = append(labels, w.Label)
	}
	want := "Aligning Imagining Persisting Engaging Time-consuming Reporting Monitoring Processing Resourcing " +
		"Conforming Performing Learning Recognising Inspiring Developing Remembering Enabling Believing Welcoming " +
		"Valuing Improving Achieving"
	if got := strings.Join(labels, " "); got != want {
		t.Errorf("words in order:\n got %s\nwant %s", got, want)
	}
	if len(labels) != 22 {
		t.Errorf("%d words, want 22", len(labels))
	}
	var bundles []string
	for _, b := range fw.Bundles {
		bundles = append(bundles, b.ID)
	}
	if got := strings.Join(bundles, " "); got != "trust leadership learning partnership" {
		t.Errorf("bundles %q", got)
	}
	if w, ok := fw.FindWord("REPORTING"); !ok || w.ID != "mat.reporting" || w.Element != "Mat" || w.Index != 1 {
		t.Errorf("FindWord by label: %+v %v", w, ok)
	}
	if w, ok := fw.FindWord("be.welcoming"); !ok || w.Index != 5 {
		t.Errorf("FindWord by id: %+v %v", w, ok)
	}
	if _, ok := fw.FindWord("dancing"); ok {
		t.Error("found a word that is not there")
	}
	if e, ok := fw.Element("boundary encounters"); !ok || e.Code != "BE" {
		t.Errorf("Element by name: %v", ok)
	}
	if len(fw.QuotesFor("BE")) == 0 || len(fw.QuotesFor("P")) == 0 {
		t.Error("elements without quotes")
	}
}

// researchPath is the research text the framework quotes. It is not in the
// repository: it sits in shared/ beside the clone, as in CI.
var researchPath = filepath.Join("..", "..", "shared", "research", "ppei-research.md")

// researchText reads the research text, or skips the test with a plain
// message where it is absent (a clone with nothing beside it).
func researchText(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(researchPath)
	if errors.Is(err, fs.ErrNotExist) {
		abs, _ := filepath.Abs(researchPath)
		t.Skipf("skipped: the research text %s is not beside this clone, so the quotes were not checked against it (CI has it)", abs)
	}
	if err != nil {
		t.Fatalf("read the research text: %v", err)
	}
	t.Logf("checking against the research text %s", researchPath)
	return string(b)
}

// verbatim reports whether quote is in the research word for word. A
// quote may open with an editor's insertion in brackets that the research
// gives in its own words just before the quoted part: "[she did not] stand
// back quick enough" for 'she did not “stand back quick enough”'.
func verbatim(research, quote string) bool {
	if strings.Contains(research, quote) {
		return true
	}
	ins, rest, ok := strings.Cut(strings.TrimPrefix(quote, "["), "] ")
	if !ok || !strings.HasPrefix(quote, "[") {
		return false
	}
	for from := 0; ; {
		i := strings.Index(research[from:], rest)
		if i < 0 {
			return false
		}
		at := from + i
		if strings.Contains(research[max(0, at-len(ins)-8):at], ins) {
			return true
		}
		from = at + 1
	}
}

func TestVerbatimInsertion(t *testing.T) {
	research := "One GP commented that she did not “*stand back quick enough*”, but"
	for q, want := range map[string]bool{
		"stand back quick enough":               true,
		"[she did not] stand back quick enough": true,
		"[he never] stand back quick enough":    false,
		"[she did not] stand back fast enough":  false,
	} {
		if got := verbatim(research, q); got != want {
			t.Errorf("verbatim(%q) = %v, want %v", q, got, want)
		}
	}
}

func TestQuoteCredit(t *testing.T) {
	fw := DefaultFramework()
	for _, q := range fw.Quotes {
		if q.ID == "hats" {
			if q.Credit() != "Not attributed in the source" || q.Role != "" {
				t.Errorf("the hats quote is credited %q, role %q: the source attributes it to no one", q.Credit(), q.Role)
			}
		}
		if q.ID == "gp-stand-back" && q.Text != "[she did not] stand back quick enough" {
			t.Errorf("the stand-back quote lost its negation: %q", q.Text)
		}
	}
	if got := (Quote{Speaker: "Hazel", Role: "Service user"}).Credit(); got != "Hazel, Service user" {
		t.Errorf("credit = %q", got)
	}
}

func TestQuotesAndDefinitionsAreVerbatim(t *testing.T) {
	research := researchText(t)
	fw := DefaultFramework()
	for _, q := range fw.Quotes {
		if !verbatim(research, q.Text) {
			t.Errorf("quote %q is not verbatim in the research", q.ID)
		}
		if !strings.Contains(research, q.Citation) && !strings.HasPrefix(q.Citation, "Hatfield (2021)") {
			t.Errorf("citation %q of %s is not in the research", q.Citation, q.ID)
		}
	}
	for _, e := range fw.Elements {
		line := e.Name + " – " + e.Definition
		if !strings.Contains(research, line) {
			t.Errorf("definition of %s is not the research's: %q", e.Name, line)
		}
	}
	for _, want := range []string{"Lucy", "Nigel", "Hazel"} {
		found := false
		for _, q := range fw.Quotes {
			found = found || q.Speaker == want
		}
		if !found {
			t.Errorf("no quote from %s", want)
		}
	}
}

// quotedSpans returns the parts of s inside curly double quotes.
func quotedSpans(s string) []string {
	var out []string
	for {
		_, rest, ok := strings.Cut(s, "“")
		if !ok {
			return out
		}
		span, after, ok := strings.Cut(rest, "”")
		if !ok {
			return out
		}
		out = append(out, span)
		s = after
	}
}

// TestFindingQuotesAreVerbatim checks that every stretch of a finding, a
// prompt or Learn's research pages that is in double quotes stands in the
// research word for word (its bold and italic marks aside), and that what
// issue 13 asked to add from the research is there.
func TestFindingQuotesAreVerbatim(t *testing.T) {
	research := strings.ReplaceAll(researchText(t), "*", "")
	fw := DefaultFramework()
	var texts []string
	for _, f := range fw.GeneralFindings {
		texts = append(texts, f.ID+": "+f.Text)
	}
	for _, b := range fw.Bundles {
		for _, f := range b.Findings {
			texts = append(texts, f.ID+": "+f.Text)
		}
	}
	for _, e := range fw.Elements {
		for _, p := range e.Prompts {
			texts = append(texts, e.Code+" prompt: "+p.Text)
		}
	}
	learn, err := os.ReadFile(filepath.Join("..", "app", "learn.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range strings.Split(string(learn), "\n=== ")[1:] {
		if strings.HasPrefix(page, "research |") {
			texts = append(texts, "Learn: "+page)
		}
	}
	// Words the research puts in quotes of its own, or an ending, that the
	// app quotes as words rather than as a passage.
	asWords := map[string]bool{"doing words": true, "-ing": true, "focused ethnography": true, "communities of practice": true, "hats": true}
	spans := 0
	for _, text := range texts {
		for _, span := range quotedSpans(text) {
			spans++
			if !asWords[span] && !strings.Contains(research, span) {
				t.Errorf("%.40s…: “%s” is not in the research word for word", text, span)
			}
		}
	}
	if spans < 10 {
		t.Errorf("only %d quoted stretches checked", spans)
	}
	for id, want := range map[string]string{
		"trust.awe":        "“awe-inspiring” commissioning support managers",
		"general.when":     "Maybe during and after workstreams",
		"general.feedback": "I will be inviting feedback on the map so that I can refine",
		"general.purpose":  "unless you first engage with them about purpose",
	} {
		if f, ok := fw.Finding(id); !ok || !strings.Contains(f.Text, want) {
			t.Errorf("finding %s does not say %q", id, want)
		}
	}
	purposeFirst := false
	for _, p := range fw.Elements[0].Prompts {
		purposeFirst = purposeFirst || p.Finding == "general.purpose"
	}
	if !purposeFirst {
		t.Error("no Participation prompt on engaging people about purpose first")
	}
	inspiring := false
	for _, e := range fw.Elements {
		for _, p := range e.Prompts {
			inspiring = inspiring || (p.Finding == "trust.awe" && strings.Contains(p.Text, "Inspiring") && e.Code == "BE")
		}
	}
	if !inspiring {
		t.Error("no Boundary encounters prompt ties the awe-inspiring support managers to Inspiring")
	}
}

// TestPlainWordsFollowTheResearch checks the elements' plain-words lines
// (this app's wording) against what the research gives for each element.
func TestPlainWordsFollowTheResearch(t *testing.T) {
	fw := DefaultFramework()
	for code, want := range map[string][]string{
		"P":   {"selected and encouraged to take part", "policy", "imagined"},
		"Mat": {"minutes", "checklists", "guidelines", "time", "reporting", "physical spaces"},
		"C":   {"skills", "know-how", "knowledge"},
		"BE":  {"past and present", "communities of practice", "done this before"},
		"M":   {"valued", "roles", "person"},
	} {
		e, _ := fw.Element(code)
		for _, w := range want {
			if !strings.Contains(e.Plain, w) {
				t.Errorf("%s's plain words %q lack %q", code, e.Plain, w)
			}
		}
		for _, bad := range []string{"money", "budget", "hidden", "not seen"} {
			if strings.Contains(strings.ToLower(e.Plain), bad) {
				t.Errorf("%s's plain words say %q, which the research does not give for it", code, bad)
			}
		}
	}
}

func TestFrameworkValidation(t *testing.T) {
	good := func() map[string]any {
		var m map[string]any
		if err := json.Unmarshal(resources.Framework, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	element := func(m map[string]any, i int) map[string]any {
		return m["elements"].([]any)[i].(map[string]any)
	}
	tests := []struct {
		name   string
		change func(m map[string]any)
		want   string
	}{
		{"duplicate word id", func(m map[string]any) {
			words := element(m, 1)["words"].([]any)
			words[0].(map[string]any)["id"] = "p.aligning"
		}, "used twice"},
		{"duplicate element code", func(m map[string]any) { element(m, 1)["code"] = "P" }, "used twice"},
		{"element with no words", func(m map[string]any) { element(m, 2)["words"] = []any{} }, "no doing words"},
		{"element with no prompts", func(m map[string]any) { element(m, 3)["prompts"] = []any{} }, "no prompts"},
		{"empty definition", func(m map[string]any) { element(m, 4)["definition"] = " " }, "empty definition"},
		{"prompt with unknown finding", func(m map[string]any) {
			element(m, 0)["prompts"].([]any)[0].(map[string]any)["finding"] = "trust.nothing"
		}, "unknown finding"},
		{"no version", func(m map[string]any) { m["version"] = "" }, "version"},
		{"quote for unknown element", func(m map[string]any) {
			m["quotes"].([]any)[0].(map[string]any)["elements"] = []any{"Z"}
		}, "unknown element"},
		{"unknown field", func(m map[string]any) { m["colour"] = "blue" }, "unknown field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := good()
			tt.change(m)
			b, _ := json.Marshal(m)
			_, err := ParseFramework(b)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to say %q", err, tt.want)
			}
		})
	}
}

func TestShade(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Shade
	}{{"none", ShadeNone}, {"Partly", ShadePartly}, {"SHADED", ShadeShaded}} {
		got, err := ParseShade(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseShade(%q) = %v, %v", tt.in, got, err)
		}
	}
	if _, err := ParseShade("lots"); ErrorCode(err) != EInvalid {
		t.Errorf("bad level: %v", err)
	}
	if ShadeShaded.Next() != ShadeNone || ShadeNone.Next() != ShadePartly {
		t.Error("cycle order")
	}
}

func TestSessionValidateMessages(t *testing.T) {
	s := Session{Title: strings.Repeat("x", MaxShortText+1), Community: "C", MeetingDate: "2026-02-30",
		Participants: []Participants{{Role: "wizard", Count: 1}, {Role: RoleOther, Count: -1}}, Cover: Cover{Purpose: "fun"}}
	err := s.Validate(nil)
	msg := ErrorMessage(err)
	for _, want := range []string{"title is longer", "not a date", "not a participant role", "between 0 and 10000", "purpose must be"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
}
