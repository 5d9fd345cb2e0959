package sqlite

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
)

// fullCover fills every cover field, each with its own value.
func fullCover() data.Cover {
	return data.Cover{
		Meeting: "Board meeting in public", MeetingDate: "2026-04-02", AgendaItem: "7.2", PaperDate: "2026-03-20",
		ExecutiveLead: "Dana Whitfield", ExecutiveLeadTitle: "Chief Nursing Officer",
		Author: "Julie Marsh", AuthorTitle: "Senior Commissioning Support Manager",
		Presenter: "Ben Adeyemi", PresenterTitle: "Director of Communications and Engagement",
		Purpose: "approval", ExecutiveSummary: "Twelve people mapped their practice.", Recommendations: "Approve the three actions.",
		PreviouslyConsider: "Engagement Committee, 3 March 2026", StrategicObjectives: "Objective 2: working with communities",
		RiskReference: "BAF risk 4", Risks: "Involvement stays below the surface.", Financial: "None beyond staff time.",
		QualityEquality: "EQIA screened: no adverse impact.", HealthInequalities: "Reaches groups heard least.",
		Legal: "Supports the duty to involve.", Conflicts: "None declared.",
	}
}

func TestCoverFieldsRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := MustOpen(t)
	want := fullCover()
	id, err := s.CreateSession(ctx, &data.Session{Title: "Board map", Community: "Governing Body", Cover: want})
	if err != nil {
		t.Fatal(err)
	}
	if got := mustRecord(t, s, id).Cover; got != want {
		t.Errorf("created cover = %+v\nwant %+v", got, want)
	}
	// Each field on its own changes only itself.
	for i, f := range data.CoverFields {
		v := "changed " + f.Key
		switch f.Kind {
		case data.CoverDate:
			v = "2026-05-0" + string(rune('1'+i%9))
		case data.CoverChoice:
			v = "assurance"
		}
		if err := s.UpdateDetails(ctx, id, func(x *data.Session) error { *f.Value(&x.Cover) = v; return nil }); err != nil {
			t.Fatalf("set %s: %v", f.Key, err)
		}
		*f.Value(&want) = v
		if got := mustRecord(t, s, id).Cover; got != want {
			t.Errorf("after setting %s: cover = %+v\nwant %+v", f.Key, got, want)
		}
	}
	// A bad paper date is refused in words.
	err = s.UpdateDetails(ctx, id, func(x *data.Session) error { x.Cover.PaperDate = "next week"; return nil })
	wantCode(t, err, data.EInvalid)
	// A name typed with its title is split, as for the author.
	if err := s.UpdateDetails(ctx, id, func(x *data.Session) error {
		x.Cover.ExecutiveLead, x.Cover.ExecutiveLeadTitle = "Sam Okafor, Director of Strategy", ""
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if c := mustRecord(t, s, id).Cover; c.ExecutiveLead != "Sam Okafor" || c.ExecutiveLeadTitle != "Director of Strategy" {
		t.Errorf("executive lead = %q, title %q", c.ExecutiveLead, c.ExecutiveLeadTitle)
	}
}

func TestCoverFieldUndo(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := MustOpen(t)
	id := MustCreate(t, s, "Board map")
	if err := s.SetShade(ctx, id, "mat.reporting", data.ShadeShaded); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateDetails(ctx, id, func(x *data.Session) error {
		x.Cover.Risks, x.Cover.Purpose = "Involvement stays below the surface.", "approval"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	fw := s.Framework()
	// The last field written is undone first, one field a step.
	var said []string
	for range 2 {
		ch, err := s.Undo(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		said = append(said, ch.Describe(fw, true))
	}
	if got, want := said, []string{"the cover sheet's risks", "the cover sheet's purpose"}; got[0] != want[0] || got[1] != want[1] {
		t.Errorf("undo said %q, want %q", got, want)
	}
	r := mustRecord(t, s, id)
	if r.Cover.Risks != "" || r.Cover.Purpose != "" {
		t.Errorf("after undo: risks %q, purpose %q", r.Cover.Risks, r.Cover.Purpose)
	}
	if r.Word("mat.reporting").Level != data.ShadeShaded {
		t.Error("undoing the cover undid the shading too")
	}
	if _, err := s.Redo(ctx, id); err != nil {
		t.Fatal(err)
	}
	if r := mustRecord(t, s, id); r.Cover.Purpose != "approval" || r.Cover.Risks != "" {
		t.Errorf("after redo: purpose %q, risks %q", r.Cover.Purpose, r.Cover.Risks)
	}
	// Then the shading, and nothing more.
	if _, err := s.Undo(ctx, id); err != nil {
		t.Fatal(err)
	}
	if ch, err := s.Undo(ctx, id); err != nil || ch.Field != data.FieldShade {
		t.Errorf("undo = %+v, %v; want the shading", ch, err)
	}
}

// makeV4 writes a database as version 4 of the schema left it, with a
// cover sheet filled in as far as that version could.
func makeV4(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite3", dsn(path, false, false))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stmts := append(append([]string{}, migrations[:4]...), "PRAGMA user_version = 4",
		`INSERT INTO sessions (title, community, meeting_date, framework_id, framework_version, created_at, updated_at)
		 VALUES ('Board map', 'Governing Body', '2026-03-14', 'ppei-iceberg', '1.0.0', '2026-03-14T10:00:00Z', '2026-03-14T11:00:00Z')`,
		`INSERT INTO covers (session_id, meeting, meeting_date, author, author_title, purpose)
		 VALUES (1, 'Board meeting in public', '2026-04-02', 'Julie Marsh', 'Senior Commissioning Support Manager', 'discussion')`,
		"PRAGMA wal_checkpoint(TRUNCATE)", "PRAGMA journal_mode = DELETE")
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func TestMigrationAddsCoverFields(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v4.db")
	makeV4(t, path)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var version int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != SchemaVersion || SchemaVersion < 5 {
		t.Errorf("user_version = %d (%v), want %d (at least 5)", version, err, SchemaVersion)
	}
	if s.BackupPath == "" {
		t.Fatal("no backup taken before the update")
	}
	// The backup is the file as version 4 left it.
	if bs, err := sql.Open("sqlite3", dsn(s.BackupPath, false, false)); err != nil {
		t.Error(err)
	} else {
		var v int
		if err := bs.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != 4 {
			t.Errorf("backup's user_version = %d (%v), want 4", v, err)
		}
		bs.Close()
	}
	c := mustRecord(t, s, 1).Cover
	want := data.Cover{Meeting: "Board meeting in public", MeetingDate: "2026-04-02", Author: "Julie Marsh",
		AuthorTitle: "Senior Commissioning Support Manager", Purpose: "discussion"}
	if c != want {
		t.Errorf("migrated cover = %+v\nwant %+v", c, want)
	}
	// The new columns take the new fields.
	if err := s.UpdateDetails(ctx, 1, func(x *data.Session) error { x.Cover = fullCover(); return nil }); err != nil {
		t.Fatal(err)
	}
	if got := mustRecord(t, s, 1).Cover; got != fullCover() {
		t.Errorf("cover after update = %+v", got)
	}
}

// The oldest fixture, a version 1 file, takes the new fields too.
func TestMigrateVersion1TakesCoverFields(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	orig, err := os.ReadFile(filepath.Join("testdata", "v1.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.db")
	if err := os.WriteFile(path, orig, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if c := mustRecord(t, s, 1).Cover; !c.Empty() {
		t.Errorf("a session with no cover sheet reads one: %+v", c)
	}
	if err := s.UpdateDetails(ctx, 1, func(x *data.Session) error { x.Cover = fullCover(); return nil }); err != nil {
		t.Fatal(err)
	}
	if got := mustRecord(t, s, 1).Cover; got != fullCover() {
		t.Errorf("cover = %+v", got)
	}
}
