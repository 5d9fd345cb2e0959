package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
)

// makeV3 writes a schema-version-3 database whose people are free text,
// as cover sheets are filled in: "Name, Job title".
func makeV3(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite3", dsn(path, false, false))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stmts := append(append([]string{}, migrations[:3]...), "PRAGMA user_version = 3",
		`INSERT INTO sessions (title, community, facilitator, framework_id, framework_version, created_at, updated_at)
		 VALUES ('Board map', 'Governing Body', 'Siân O''Neill, Engagement Lead', 'ppei-iceberg', '1.0.0', '2026-04-01T10:00:00Z', '2026-04-01T11:00:00Z')`,
		`INSERT INTO sessions (title, community, facilitator, framework_id, framework_version, created_at, updated_at)
		 VALUES ('Second', 'Governing Body', 'Zoë Clarke', 'ppei-iceberg', '1.0.0', '2026-04-01T10:00:00Z', '2026-04-01T11:00:00Z')`,
		`INSERT INTO covers (session_id, author, presenter) VALUES
		 (1, 'Julie Marsh, Senior Commissioning Support Manager', 'Ben Adeyemi, Director of Communications and Engagement'),
		 (2, 'Head of Quality', 'Mark Rose')`,
		"PRAGMA wal_checkpoint(TRUNCATE)", "PRAGMA journal_mode = DELETE")
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func TestMigrationSplitsPeople(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v3.db")
	makeV3(t, path)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.BackupPath == "" {
		t.Error("no backup was taken before the update")
	}
	for _, tc := range []struct {
		q, name, title string
	}{
		{`SELECT facilitator, facilitator_title FROM sessions WHERE id = 1`, "Siân O'Neill", "Engagement Lead"},
		{`SELECT facilitator, facilitator_title FROM sessions WHERE id = 2`, "Zoë Clarke", ""},
		{`SELECT author, author_title FROM covers WHERE session_id = 1`, "Julie Marsh", "Senior Commissioning Support Manager"},
		{`SELECT presenter, presenter_title FROM covers WHERE session_id = 1`, "Ben Adeyemi", "Director of Communications and Engagement"},
		{`SELECT author, author_title FROM covers WHERE session_id = 2`, "Head of Quality", ""},
		{`SELECT presenter, presenter_title FROM covers WHERE session_id = 2`, "Mark Rose", ""},
	} {
		var name, title string
		if err := s.db.QueryRow(tc.q).Scan(&name, &title); err != nil {
			t.Fatalf("%s: %v", tc.q, err)
		}
		if name != tc.name || title != tc.title {
			t.Errorf("%s: %q, %q; want %q, %q", tc.q, name, title, tc.name, tc.title)
		}
	}
	split, err := s.PeopleSplit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(split) != 3 {
		t.Fatalf("%d entries reported split, want 3: %+v", len(split), split)
	}
	want := data.PersonSplit{Session: 1, Field: "author", Was: "Julie Marsh, Senior Commissioning Support Manager",
		Person: data.Person{Name: "Julie Marsh", Title: "Senior Commissioning Support Manager"}}
	if split[1] != want {
		t.Errorf("split[1] = %+v, want %+v", split[1], want)
	}
	// Shown once: the next call has nothing.
	if again, err := s.PeopleSplit(ctx); err != nil || len(again) != 0 {
		t.Errorf("second call: %d entries, %v; want none", len(again), err)
	}
}

func TestPrivacyDecisionsAreRemembered(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	id, err := s.CreateSession(ctx, &data.Session{Title: "Board map", Community: "Governing Body"})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []struct{ finding, decision string }{
		{"summary|name|will|1", "keep"}, {"summary|nhs-number|943 476 5919|1", "keep"}, {"summary|name|will|1", "withhold"},
	} {
		if err := s.SetPrivacyDecision(ctx, id, d.finding, d.decision); err != nil {
			t.Fatal(err)
		}
	}
	path := s.Path()
	s.Close()
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got, err := s2.PrivacyDecisions(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got["summary|name|will|1"] != "withhold" || got["summary|nhs-number|943 476 5919|1"] != "keep" {
		t.Errorf("decisions after reopening = %v", got)
	}
	if err := s2.SetPrivacyDecision(ctx, id, "summary|name|will|1", ""); err != nil {
		t.Fatal(err)
	}
	if got, _ := s2.PrivacyDecisions(ctx, id); len(got) != 1 {
		t.Errorf("forgetting a decision left %v", got)
	}
	for _, bad := range []struct{ finding, decision string }{{"x", "maybe"}, {"", "keep"}} {
		if err := s2.SetPrivacyDecision(ctx, id, bad.finding, bad.decision); data.ErrorCode(err) != data.EInvalid {
			t.Errorf("SetPrivacyDecision(%q, %q) = %v, want an invalid-input error", bad.finding, bad.decision, err)
		}
	}
	if err := s2.SetPrivacyDecision(ctx, 999, "x", "keep"); data.ErrorCode(err) != data.ENotFound {
		t.Errorf("a missing session: %v", err)
	}
}

func TestPeopleAreRecords(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	id, err := s.CreateSession(ctx, &data.Session{Title: "Board map", Community: "Governing Body", Facilitator: "Siân O'Neill, Engagement Lead"})
	if err != nil {
		t.Fatal(err)
	}
	r := mustRecord(t, s, id)
	if r.Facilitator != "Siân O'Neill" || r.FacilitatorTitle != "Engagement Lead" {
		t.Errorf("facilitator %q, title %q", r.Facilitator, r.FacilitatorTitle)
	}
	if err := s.UpdateDetails(ctx, id, func(x *data.Session) error {
		x.Cover = data.Cover{Author: "Julie Marsh, Senior Commissioning Support Manager", Presenter: "Ben Adeyemi", PresenterTitle: "Director of Communications and Engagement"}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	r = mustRecord(t, s, id)
	if got, want := r.Cover.AuthorPerson(), (data.Person{Name: "Julie Marsh", Title: "Senior Commissioning Support Manager"}); got != want {
		t.Errorf("author %+v, want %+v", got, want)
	}
	if got, want := r.Cover.PresenterPerson(), (data.Person{Name: "Ben Adeyemi", Title: "Director of Communications and Engagement"}); got != want {
		t.Errorf("presenter %+v, want %+v", got, want)
	}
	// The session file carries people; a file from before people were
	// records ("Name, Title" in one field) still imports, split.
	var buf bytes.Buffer
	if err := data.NewSessionFile(s.Framework(), r).Write(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"facilitator_title": "Engagement Lead"`) || !strings.Contains(buf.String(), `"author_title": "Senior Commissioning Support Manager"`) {
		t.Errorf("the session file lacks the job titles:\n%s", buf.String())
	}
	old := strings.NewReplacer(`"facilitator": "Siân O'Neill",`, `"facilitator": "Siân O'Neill, Engagement Lead",`,
		`"facilitator_title": "Engagement Lead",`, ``, `"author": "Julie Marsh",`, `"author": "Julie Marsh, Senior Commissioning Support Manager",`,
		`"author_title": "Senior Commissioning Support Manager",`, ``).Replace(buf.String())
	if strings.Contains(old, "facilitator_title") || strings.Contains(old, "author_title") {
		t.Fatalf("could not make an old-style file:\n%s", old)
	}
	f, err := data.ReadSessionFile(strings.NewReader(old), s.Framework())
	if err != nil {
		t.Fatalf("an old-style session file does not import: %v", err)
	}
	id2, err := s.Import(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	r2 := mustRecord(t, s, id2)
	if r2.FacilitatorPerson() != r.FacilitatorPerson() || r2.Cover.AuthorPerson() != r.Cover.AuthorPerson() {
		t.Errorf("imported old-style file: facilitator %+v, author %+v", r2.FacilitatorPerson(), r2.Cover.AuthorPerson())
	}
}
