package data

import (
	"bytes"
	"strings"
	"testing"
)

func TestCoverFieldsCoverEveryField(t *testing.T) {
	// Every string field of Cover is in CoverFields once, so the store, the
	// history and the session file miss none.
	var c Cover
	seen := map[*string]string{}
	for _, f := range CoverFields {
		p := f.Value(&c)
		if k, dup := seen[p]; dup {
			t.Errorf("%s and %s are the same field", k, f.Key)
		}
		seen[p] = f.Key
		*p = f.Key
	}
	if c.Conflicts == "" || c.ExecutiveLeadTitle == "" || c.PaperDate == "" || c.PreviouslyConsider == "" {
		t.Errorf("a field is missing from CoverFields: %+v", c)
	}
	if got, want := len(CoverFields), 22; got != want {
		t.Errorf("%d cover fields, want %d", got, want)
	}
}

func TestCoverChangeDescribed(t *testing.T) {
	fw := DefaultFramework()
	for key, want := range map[string]string{
		"executive_lead":          "the cover sheet's executive lead",
		"quality_equality_impact": "the cover sheet's quality and equality impact",
		"paper_date":              "the cover sheet's paper's date",
		"nonsense":                "the cover sheet",
	} {
		if got := (Change{Field: FieldCover, Target: key}).Describe(fw, true); got != want {
			t.Errorf("Describe(%s) = %q, want %q", key, got, want)
		}
	}
}

func TestParsePurpose(t *testing.T) {
	for in, want := range map[string]string{"Approval": "approval", " decision ": "decision", "": "", "ASSURANCE": "assurance"} {
		if got, err := ParsePurpose(in); err != nil || got != want {
			t.Errorf("ParsePurpose(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParsePurpose("noting"); err == nil || !strings.Contains(ErrorMessage(err), "approval") {
		t.Errorf("ParsePurpose(noting) = %v, want an error listing the purposes", err)
	}
	// Values stored before Approval was added still read as valid.
	for _, p := range []string{"decision", "discussion", "information", "assurance"} {
		s := Session{Title: "T", Community: "C", Cover: Cover{Purpose: p}}
		if err := s.Validate(nil); err != nil {
			t.Errorf("purpose %q: %v", p, err)
		}
	}
}

func TestSessionFileCoverFields(t *testing.T) {
	fw := DefaultFramework()
	r := &Record{Session: Session{Title: "Board map", Community: "Governing Body", Focus: FocusAll, Status: StatusDraft,
		FrameworkID: fw.ID, FrameworkVersion: fw.Version,
		Cover: Cover{ExecutiveLead: "Dana Whitfield", ExecutiveLeadTitle: "Chief Nursing Officer", PaperDate: "2026-03-20",
			Purpose: "approval", Risks: "Involvement stays below the surface.", Legal: "Supports the duty to involve.", Conflicts: "None declared."}}}
	var buf bytes.Buffer
	if err := NewSessionFile(fw, r).Write(&buf); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"executive_lead": "Dana Whitfield"`, `"paper_date": "2026-03-20"`, `"legal_implications"`} {
		if !strings.Contains(buf.String(), key) {
			t.Errorf("session file lacks %s", key)
		}
	}
	// Empty new fields are left out of the file, as a file from before them.
	if strings.Contains(buf.String(), `"health_inequalities"`) {
		t.Error("an empty new field is written")
	}
	f, err := ReadSessionFile(&buf, fw)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.AsSession().Cover; got != r.Cover {
		t.Errorf("read back %+v\nwant %+v", got, r.Cover)
	}

	// A file written before the new fields still reads.
	old := `{"format": "ppei-iceberg-session", "format_version": 1, "framework_id": "` + fw.ID + `", "framework_version": "` + fw.Version + `",
	 "session": {"title": "Old", "community": "Governing Body", "cover": {"meeting": "Board", "meeting_date": "2026-04-02", "agenda_item": "",
	  "author": "Julie Marsh", "presenter": "", "purpose": "discussion", "executive_summary": "", "recommendations": "", "previously_considered_by": ""}}}`
	f, err = ReadSessionFile(strings.NewReader(old), fw)
	if err != nil {
		t.Fatalf("old file: %v", err)
	}
	if c := f.AsSession().Cover; c.Meeting != "Board" || c.Purpose != "discussion" || c.ExecutiveLead != "" {
		t.Errorf("old file's cover = %+v", c)
	}
}
