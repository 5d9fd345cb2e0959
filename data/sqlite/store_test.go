package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
)

var update = flag.Bool("update", false, "rewrite testdata fixtures")

// MustOpen opens a store on a new file in a temporary folder, with a clock
// that moves one second a call.
func MustOpen(tb testing.TB) *Store {
	tb.Helper()
	s, err := Open(context.Background(), filepath.Join(tb.TempDir(), "iceberg.db"))
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	t0 := time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)
	n := 0
	s.Now = func() time.Time { n++; return t0.Add(time.Duration(n) * time.Second) }
	return s
}

// MustCreate makes a session and returns its id.
func MustCreate(tb testing.TB, s *Store, title string) int64 {
	tb.Helper()
	id, err := s.CreateSession(context.Background(), &data.Session{Title: title, Community: "Governing Body", Organisation: "Example ICB"})
	if err != nil {
		tb.Fatalf("create: %v", err)
	}
	return id
}

func mustRecord(tb testing.TB, s *Store, id int64) *data.Record {
	tb.Helper()
	r, err := s.Session(context.Background(), id)
	if err != nil {
		tb.Fatalf("session %d: %v", id, err)
	}
	return r
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := data.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

func TestOpenNewFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Mode().Perm(); got != 0o600 {
		t.Errorf("file mode = %o, want 600", got)
	}
	MustCreate(t, s, "Private")
	for _, journal := range []string{path + "-wal", path + "-shm"} {
		st, err := os.Stat(journal)
		if err != nil {
			t.Fatalf("journal: %v", err)
		}
		if got := st.Mode().Perm(); got&0o077 != 0 {
			t.Errorf("%s mode = %o: others can read it", filepath.Base(journal), got)
		}
	}
	var appID, version int
	var journal, fk string
	db := s.db
	for q, dest := range map[string]any{"PRAGMA application_id": &appID, "PRAGMA user_version": &version, "PRAGMA journal_mode": &journal, "PRAGMA foreign_keys": &fk} {
		if err := db.QueryRow(q).Scan(dest); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if appID != ApplicationID || version != SchemaVersion || journal != "wal" || fk != "1" {
		t.Errorf("application_id=%x user_version=%d journal=%s foreign_keys=%s", appID, version, journal, fk)
	}
	var sync int
	if err := db.QueryRow("PRAGMA synchronous").Scan(&sync); err != nil || sync != 2 {
		t.Errorf("synchronous = %d (%v), want 2 (FULL)", sync, err)
	}
}

func TestDefaultPathMakesPrivateFolder(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	dataHome := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dataHome)
	p, err := DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if p != filepath.Join(dataHome, "ppei-iceberg", "iceberg.db") {
		t.Errorf("default path %s", p)
	}
	st, err := os.Stat(filepath.Dir(p))
	if err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("folder mode = %v (%v), want 700", st.Mode().Perm(), err)
	}
}

func TestOpenPathWithSpacesAndAccents(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Zoë's files", "Siân & Łukasz")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "my map #1?.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	MustCreate(t, s, "Accents")
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database not at the named path: %v", err)
	}
	s, err = Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.ListSessions(context.Background(), data.SessionFilter{})
	if err != nil || len(list) != 1 {
		t.Fatalf("list = %v, %v", list, err)
	}
}

// otherAppDB makes an SQLite file that belongs to another application.
func otherAppDB(t *testing.T, path string, appID, version int) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		"CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
		"INSERT INTO notes (body) VALUES ('someone else''s data')",
		fmt.Sprintf("PRAGMA application_id = %d", appID),
		fmt.Sprintf("PRAGMA user_version = %d", version),
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRefusedFilesAreLeftAlone(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, path string)
		want string // part of the message
	}{
		{"not a database", func(t *testing.T, p string) { os.WriteFile(p, []byte("Minutes of the meeting\n"), 0o600) }, "not an SQLite file"},
		{"zero bytes", func(t *testing.T, p string) { os.WriteFile(p, nil, 0o600) }, "empty"},
		{"another application", func(t *testing.T, p string) { otherAppDB(t, p, 0x12345678, 3) }, "another application"},
		{"plain SQLite with no id", func(t *testing.T, p string) { otherAppDB(t, p, 0, 0) }, "another application"},
		{"newer schema", func(t *testing.T, p string) { otherAppDB(t, p, ApplicationID, SchemaVersion+1) }, "newer version"},
		{"truncated header", func(t *testing.T, p string) {
			os.WriteFile(p, append([]byte("SQLite format 3\x00"), 1, 2, 3), 0o600)
		}, "cut short"},
		{"truncated database", func(t *testing.T, p string) {
			src := filepath.Join(t.TempDir(), "full.db")
			s, err := Open(context.Background(), src)
			if err != nil {
				t.Fatal(err)
			}
			id := MustCreate(t, s, "To be cut")
			for i := 0; i < 300; i++ {
				s.SetSummary(context.Background(), id, strings.Repeat("x", 2000)+fmt.Sprint(i))
			}
			s.Close()
			b, _ := os.ReadFile(src)
			os.WriteFile(p, b[:len(b)/2], 0o600)
		}, "damaged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "bad.db")
			tt.make(t, path)
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			s, err := Open(context.Background(), path)
			if err == nil {
				s.Close()
				t.Fatal("opened a file it should refuse")
			}
			wantCode(t, err, data.EBadFile)
			if msg := data.ErrorMessage(err); !strings.Contains(msg, tt.want) {
				t.Errorf("message %q does not say %q", msg, tt.want)
			}
			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(before, after) {
				t.Error("the refused file was changed")
			}
		})
	}
}

func TestOpenMissingFolder(t *testing.T) {
	_, err := Open(context.Background(), filepath.Join(t.TempDir(), "no such folder", "x.db"))
	wantCode(t, err, data.EBadFile)
	if !strings.Contains(data.ErrorMessage(err), "does not exist") {
		t.Errorf("message: %v", err)
	}
}

func TestOpenFolderAsFile(t *testing.T) {
	_, err := Open(context.Background(), t.TempDir())
	wantCode(t, err, data.EBadFile)
}

// makeV1 writes a schema-version-1 database with one session, as the
// first release of the app left it.
func makeV1(t *testing.T, path string) {
	t.Helper()
	path, _ = filepath.Abs(path)
	db, err := sql.Open("sqlite3", dsn(path, false, false))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stmts := []string{migrations[0], "PRAGMA user_version = 1",
		`INSERT INTO sessions (title, community, organisation, meeting_date, framework_id, framework_version, created_at, updated_at)
		 VALUES ('Spring mapping', 'Governing Body', 'Example ICB', '2024-04-01', 'ppei-iceberg', '1.0.0', '2024-04-01T10:00:00Z', '2024-04-01T11:00:00Z')`,
		`INSERT INTO words (session_id, word_id, level, note) VALUES (1, 'mat.reporting', 2, 'Papers a week before')`,
		`INSERT INTO elements (session_id, code, notes, seconds, agreed_at) VALUES (1, 'Mat', 'Heavy paperwork', 600, '2024-04-01T10:40:00Z')`,
		"PRAGMA wal_checkpoint(TRUNCATE)", "PRAGMA journal_mode = DELETE"}
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func TestMigrateFromVersion1(t *testing.T) {
	fixture := filepath.Join("testdata", "v1.db")
	if *update {
		os.Remove(fixture)
		makeV1(t, fixture)
	}
	orig, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatalf("read fixture (regenerate with -update): %v", err)
	}
	path := filepath.Join(t.TempDir(), "old.db")
	if err := os.WriteFile(path, orig, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var version int
	s.db.QueryRow("PRAGMA user_version").Scan(&version)
	if version != SchemaVersion {
		t.Errorf("user_version = %d, want %d", version, SchemaVersion)
	}
	r := mustRecord(t, s, 1)
	if r.Title != "Spring mapping" || r.Word("mat.reporting").Level != data.ShadeShaded || r.Word("mat.reporting").Note != "Papers a week before" {
		t.Errorf("data lost in migration: %+v", r.Session)
	}
	if e := r.Element("Mat"); !e.Agreed() || e.Seconds != 600 || e.Notes != "Heavy paperwork" {
		t.Errorf("element lost in migration: %+v", e)
	}
	// The new schema works on the old session.
	if err := s.UpdateDetails(context.Background(), 1, func(x *data.Session) error {
		x.Title, x.Cover.Meeting, x.Cover.Purpose = "Spring mapping", "Board", "information"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// A backup of the old file, byte for byte, sits beside it.
	if s.BackupPath == "" {
		t.Fatal("no backup taken before migrating")
	}
	// The copy holds the sessions' names: its owner's alone, made so before
	// its first byte (an empty 0600 file that VACUUM INTO fills).
	if st, err := os.Stat(s.BackupPath); err != nil {
		t.Error(err)
	} else if st.Mode().Perm() != 0o600 {
		t.Errorf("the backup is %04o, want 0600", st.Mode().Perm())
	}
	bs, err := Open(context.Background(), s.BackupPath)
	if err == nil {
		// Opening the backup migrates it; check its session survived.
		r := mustRecord(t, bs, 1)
		bs.Close()
		if r.Title != "Spring mapping" {
			t.Errorf("backup lacks the session")
		}
	} else {
		t.Fatalf("backup cannot be opened: %v", err)
	}
}

func TestMigrationsFromEmptyMatchSchema(t *testing.T) {
	s := MustOpen(t)
	var n int
	s.db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('sessions','participants','words','elements','actions','history','covers')`).Scan(&n)
	if n != 7 {
		t.Errorf("tables = %d, want 7", n)
	}
	// Reopening does nothing more.
	path := s.Path()
	s.Close()
	s2, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if s2.BackupPath != "" {
		t.Error("a current database was backed up as if migrated")
	}
}

func TestSessionLifecycle(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)

	_, err := s.CreateSession(ctx, &data.Session{Title: " ", Community: ""})
	wantCode(t, err, data.EInvalid)
	if msg := data.ErrorMessage(err); !strings.Contains(msg, "title") || !strings.Contains(msg, "community of practice") {
		t.Errorf("validation message %q", msg)
	}
	_, err = s.CreateSession(ctx, &data.Session{Title: "T", Community: "C", MeetingDate: "14/03/2026"})
	wantCode(t, err, data.EInvalid)
	_, err = s.CreateSession(ctx, &data.Session{Title: "T", Community: "C", Focus: "money"})
	wantCode(t, err, data.EInvalid)

	sess := &data.Session{
		Title: "Board mapping", Community: "Governing Body", Organisation: "Northshire ICB", MeetingDate: "2026-03-14",
		Facilitator: "Zoë Adams", Focus: "trust", Purpose: "Annual review",
		Participants: []data.Participants{{Role: data.RoleServiceUser, Count: 5, Names: []string{"Siân", "Łukasz"}}, {Role: data.RoleClinical, Count: 2}},
		Cover:        data.Cover{Meeting: "Board in public", Purpose: "information", AgendaItem: "7.2"},
	}
	id, err := s.CreateSession(ctx, sess)
	if err != nil {
		t.Fatal(err)
	}
	r := mustRecord(t, s, id)
	if r.Title != "Board mapping" || r.Focus != "trust" || r.Status != data.StatusDraft || r.FrameworkID != "ppei-iceberg" {
		t.Errorf("created %+v", r.Session)
	}
	if len(r.Participants) != 2 || r.Participants[0].Names[1] != "Łukasz" || r.TotalParticipants() != 7 {
		t.Errorf("participants %+v", r.Participants)
	}
	if r.Cover.AgendaItem != "7.2" || len(r.Words) != 22 || len(r.Elements) != 5 {
		t.Errorf("cover %+v words %d elements %d", r.Cover, len(r.Words), len(r.Elements))
	}

	if err := s.UpdateDetails(ctx, id, func(x *data.Session) error {
		x.Title = "Board mapping, March"
		x.Participants = []data.Participants{{Role: data.RoleLayRep, Count: 3}}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	r2 := mustRecord(t, s, id)
	if r2.Title != "Board mapping, March" || len(r2.Participants) != 1 || r2.Count(data.RoleLayRep) != 3 {
		t.Errorf("updated %+v", r2.Session)
	}
	if !r2.UpdatedAt.After(r.UpdatedAt) {
		t.Error("updated_at did not move")
	}

	_, err = s.Session(ctx, 999)
	wantCode(t, err, data.ENotFound)
	err = s.SetShade(ctx, 999, "p.aligning", data.ShadeShaded)
	wantCode(t, err, data.ENotFound)
	err = s.SetShade(ctx, id, "p.nothing", data.ShadeShaded)
	wantCode(t, err, data.ENotFound)
	err = s.SetShade(ctx, id, "p.aligning", data.Shade(7))
	wantCode(t, err, data.EInvalid)
	err = s.SetElementNotes(ctx, id, "X", "n")
	wantCode(t, err, data.ENotFound)
}

func TestShadingNotesAgreementAndUndo(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	id := MustCreate(t, s, "Undo")

	_, err := s.Undo(ctx, id)
	wantCode(t, err, data.EConflict)

	steps := []func() error{
		func() error { return s.SetShade(ctx, id, "p.aligning", data.ShadePartly) },
		func() error { return s.SetShade(ctx, id, "p.aligning", data.ShadeShaded) },
		func() error { return s.SetWordNote(ctx, id, "p.aligning", "Policy drives the agenda") },
		func() error { return s.SetElementNotes(ctx, id, "P", "Long discussion") },
		func() error { return s.SetAgreed(ctx, id, "P", true) },
		func() error { return s.SetSummary(ctx, id, "Summary “quoted”") },
	}
	for i, step := range steps {
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	r := mustRecord(t, s, id)
	if r.Word("p.aligning").Level != data.ShadeShaded || r.Word("p.aligning").Note != "Policy drives the agenda" ||
		r.Element("P").Notes != "Long discussion" || !r.Element("P").Agreed() || r.Summary != "Summary “quoted”" {
		t.Fatalf("after changes: %+v", r)
	}
	// Setting the same value again records nothing.
	if err := s.SetShade(ctx, id, "p.aligning", data.ShadeShaded); err != nil {
		t.Fatal(err)
	}

	wantUndo := []data.Field{data.FieldSummary, data.FieldAgreed, data.FieldElementNotes, data.FieldWordNote, data.FieldShade, data.FieldShade}
	for i, want := range wantUndo {
		ch, err := s.Undo(ctx, id)
		if err != nil {
			t.Fatalf("undo %d: %v", i, err)
		}
		if ch.Field != want {
			t.Errorf("undo %d undid %s, want %s", i, ch.Field, want)
		}
	}
	r = mustRecord(t, s, id)
	if r.Word("p.aligning") != (data.WordState{WordID: "p.aligning"}) || r.Element("P").Agreed() || r.Summary != "" || r.Element("P").Notes != "" {
		t.Errorf("after undoing all: %+v %+v", r.Word("p.aligning"), r.Element("P"))
	}
	_, err = s.Undo(ctx, id)
	wantCode(t, err, data.EConflict)

	// Redo two, then a new change clears the rest of the redo list.
	for i := 0; i < 2; i++ {
		if _, err := s.Redo(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if got := mustRecord(t, s, id).Word("p.aligning").Level; got != data.ShadeShaded {
		t.Errorf("after two redos level = %v, want shaded", got)
	}
	if err := s.SetShade(ctx, id, "c.learning", data.ShadePartly); err != nil {
		t.Fatal(err)
	}
	_, err = s.Redo(ctx, id)
	wantCode(t, err, data.EConflict)
	ch, err := s.Undo(ctx, id)
	if err != nil || ch.Target != "c.learning" {
		t.Errorf("undo after new change: %+v %v", ch, err)
	}
}

func TestAgreeAllMakesStatusAgreed(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	id := MustCreate(t, s, "Agree")
	for _, e := range s.Framework().Elements {
		if err := s.SetAgreed(ctx, id, e.Code, true); err != nil {
			t.Fatal(err)
		}
	}
	r := mustRecord(t, s, id)
	if r.Status != data.StatusAgreed || !r.AllAgreed(s.Framework()) {
		t.Errorf("status %s", r.Status)
	}
	first := *r.Element("P").AgreedAt
	if err := s.SetAgreed(ctx, id, "p", true); err != nil { // any case, again
		t.Fatal(err)
	}
	if got := *mustRecord(t, s, id).Element("P").AgreedAt; !got.Equal(first) {
		t.Errorf("agreeing again moved the time from %v to %v", first, got)
	}
	if err := s.SetAgreed(ctx, id, "M", false); err != nil {
		t.Fatal(err)
	}
	if got := mustRecord(t, s, id).Status; got != data.StatusDraft {
		t.Errorf("status after un-agree = %s", got)
	}
	if _, err := s.Undo(ctx, id); err != nil {
		t.Fatal(err)
	}
	if got := mustRecord(t, s, id).Status; got != data.StatusAgreed {
		t.Errorf("status after undoing un-agree = %s", got)
	}
}

func TestTimeAndActions(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	id := MustCreate(t, s, "Actions")
	if err := s.AddElementTime(ctx, id, "BE", 125); err != nil {
		t.Fatal(err)
	}
	if err := s.AddElementTime(ctx, id, "BE", 60); err != nil {
		t.Fatal(err)
	}
	if err := s.AddElementTime(ctx, id, "BE", -5); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("negative time: %v", err)
	}
	if got := mustRecord(t, s, id).Element("BE"); got.Seconds != 185 || got.Minutes() != 3 {
		t.Errorf("time %+v", got)
	}
	aid, err := s.AddAction(ctx, id, &data.Action{Text: " Send papers two weeks ahead ", Owner: "Board secretary", Due: "2026-06-01", Element: "mat"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAction(ctx, id, &data.Action{Text: ""}); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("empty action: %v", err)
	}
	if _, err := s.AddAction(ctx, id, &data.Action{Text: "x", Due: "soon"}); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("bad due date: %v", err)
	}
	r := mustRecord(t, s, id)
	if len(r.Actions) != 1 || r.Actions[0].Text != "Send papers two weeks ahead" || r.Actions[0].Element != "Mat" {
		t.Fatalf("actions %+v", r.Actions)
	}
	a := r.Actions[0]
	a.Owner = "Head of engagement"
	if err := s.UpdateAction(ctx, id, &a); err != nil {
		t.Fatal(err)
	}
	if got := mustRecord(t, s, id).Actions[0].Owner; got != "Head of engagement" {
		t.Errorf("owner %q", got)
	}
	if err := s.DeleteAction(ctx, id, aid); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAction(ctx, id, aid); data.ErrorCode(err) != data.ENotFound {
		t.Errorf("second delete: %v", err)
	}
	if n := len(mustRecord(t, s, id).Actions); n != 0 {
		t.Errorf("%d actions left", n)
	}
}

func TestListSearchTrashRestorePurge(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	a := MustCreate(t, s, "Alpha 100% sure")
	b := MustCreate(t, s, "Beta")
	c, err := s.CreateSession(ctx, &data.Session{Title: "Gamma", Community: "Communications Strategy Group", Organisation: "North PCN"})
	if err != nil {
		t.Fatal(err)
	}
	list, _ := s.ListSessions(ctx, data.SessionFilter{})
	if len(list) != 3 || list[0].ID != c || list[2].ID != a {
		t.Fatalf("newest first: %+v", list)
	}
	// A change moves a session to the top.
	s.SetShade(ctx, a, "m.valuing", data.ShadeShaded)
	list, _ = s.ListSessions(ctx, data.SessionFilter{})
	if list[0].ID != a {
		t.Errorf("changed session not first")
	}
	for q, want := range map[string]int{"beta": 1, "communications": 1, "north": 1, "100%": 1, "%": 1, "_": 0, "governing": 2, "zzz": 0} {
		got, err := s.ListSessions(ctx, data.SessionFilter{Search: q})
		if err != nil || len(got) != want {
			t.Errorf("search %q: %d results (%v), want %d", q, len(got), err, want)
		}
	}
	page, _ := s.ListSessions(ctx, data.SessionFilter{Limit: 2, Offset: 2})
	if len(page) != 1 {
		t.Errorf("page: %d", len(page))
	}

	if err := s.PurgeSession(ctx, b); data.ErrorCode(err) != data.EConflict {
		t.Errorf("purge of a live session: %v", err)
	}
	if err := s.DeleteSession(ctx, b); err != nil {
		t.Fatal(err)
	}
	if err := s.SetShade(ctx, b, "m.valuing", data.ShadeShaded); data.ErrorCode(err) != data.EConflict {
		t.Errorf("change to a trashed session: %v", err)
	}
	live, _ := s.ListSessions(ctx, data.SessionFilter{})
	trash, _ := s.ListSessions(ctx, data.SessionFilter{Deleted: true})
	if len(live) != 2 || len(trash) != 1 || trash[0].ID != b {
		t.Errorf("live %d trash %d", len(live), len(trash))
	}
	if err := s.RestoreSession(ctx, b); err != nil {
		t.Fatal(err)
	}
	if err := s.RestoreSession(ctx, b); data.ErrorCode(err) != data.EConflict {
		t.Errorf("second restore: %v", err)
	}
	if err := s.RestoreSession(ctx, 404); data.ErrorCode(err) != data.ENotFound {
		t.Errorf("restore missing: %v", err)
	}
	s.DeleteSession(ctx, b)
	if err := s.PurgeSession(ctx, b); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Session(ctx, b); data.ErrorCode(err) != data.ENotFound {
		t.Errorf("purged session still there: %v", err)
	}
	var n int
	s.db.QueryRow("SELECT count(*) FROM history WHERE session_id = ?", b).Scan(&n)
	if n != 0 {
		t.Errorf("purge left %d history rows", n)
	}
}

func TestFollowUp(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	id := MustCreate(t, s, "First mapping")
	s.SetShade(ctx, id, "be.welcoming", data.ShadePartly)
	s.SetWordNote(ctx, id, "be.welcoming", "New members are met at the door")
	s.SetAgreed(ctx, id, "BE", true)
	s.SetElementNotes(ctx, id, "BE", "Discussion")
	s.SetSummary(ctx, id, "Summary")
	fid, err := s.FollowUp(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	f := mustRecord(t, s, fid)
	if f.FollowsID != id || f.Title != "First mapping (follow-up)" || f.Community != "Governing Body" {
		t.Errorf("follow-up %+v", f.Session)
	}
	if w := f.Word("be.welcoming"); w.Level != data.ShadePartly || w.Note == "" {
		t.Errorf("shading not copied: %+v", w)
	}
	if f.Element("BE").Agreed() || f.Element("BE").Notes != "" || f.Summary != "" || f.Status != data.StatusDraft {
		t.Errorf("follow-up should start undiscussed: %+v", f.Element("BE"))
	}
	if _, err := s.Undo(ctx, fid); data.ErrorCode(err) != data.EConflict {
		t.Errorf("a follow-up starts with no history: %v", err)
	}
	// The original is untouched.
	if o := mustRecord(t, s, id); !o.Element("BE").Agreed() || o.Summary != "Summary" {
		t.Error("original changed")
	}
}

// fullSession fills every part of a session.
func fullSession(t *testing.T, s *Store) int64 { return fullSessionTB(t, s) }

func fullSessionTB(t testing.TB, s *Store) int64 {
	t.Helper()
	ctx := context.Background()
	id, err := s.CreateSession(ctx, &data.Session{
		Title: "Full – “every” field", Community: "Governing Body", Organisation: "Northshire ICB", MeetingDate: "2026-03-14",
		Facilitator: "Ngọc Trần", Focus: "partnership", Purpose: "Re-map after merger",
		Participants: []data.Participants{{Role: data.RoleServiceUser, Count: 5, Names: []string{"Zoë", "Siân"}}, {Role: data.RoleOther, Count: 1}},
		Cover:        data.Cover{Meeting: "Board", MeetingDate: "2026-04-01", AgendaItem: "9", Author: "Head of engagement", Purpose: "assurance", ExecutiveSummary: "Exec £5", Recommendations: "Note", PreviouslyConsider: "Quality committee"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range s.Framework().AllWords() {
		s.SetShade(ctx, id, w.ID, data.Shade(i%3))
		if i%2 == 0 {
			s.SetWordNote(ctx, id, w.ID, "note "+w.Label+" — ok")
		}
	}
	for _, e := range s.Framework().Elements {
		s.SetElementNotes(ctx, id, e.Code, "notes for "+e.Name)
		s.AddElementTime(ctx, id, e.Code, 300)
		s.SetAgreed(ctx, id, e.Code, true)
	}
	s.SetSummary(ctx, id, "We found hidden work.")
	people, three := 12, 3
	s.SetTallyOf(ctx, id, &people)
	s.SetTally(ctx, id, "mat.reporting", &three)
	s.AddAction(ctx, id, &data.Action{Text: "Share papers earlier", Owner: "Secretary", Due: "2026-05-01", Element: "Mat"})
	s.AddAction(ctx, id, &data.Action{Text: "Thank contributors"})
	return id
}

func TestSessionFileRoundTrip(t *testing.T) {
	ctx := context.Background()
	a := MustOpen(t)
	id := fullSession(t, a)
	ra := mustRecord(t, a, id)
	var first bytes.Buffer
	if err := data.NewSessionFile(a.Framework(), ra).Write(&first); err != nil {
		t.Fatal(err)
	}
	f, err := data.ReadSessionFile(bytes.NewReader(first.Bytes()), a.Framework())
	if err != nil {
		t.Fatal(err)
	}
	b := MustOpen(t)
	MustCreate(t, b, "Something else first") // ids differ between databases
	bid, err := b.Import(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if bid == id {
		t.Fatal("test wants differing ids")
	}
	rb := mustRecord(t, b, bid)
	var second bytes.Buffer
	if err := data.NewSessionFile(b.Framework(), rb).Write(&second); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Errorf("export → import → export differs:\n%s\n---\n%s", first.String(), second.String())
	}
	if rb.Status != data.StatusAgreed || len(rb.Actions) != 2 {
		t.Errorf("imported %+v", rb.Session)
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	id := fullSession(t, s)
	f := data.NewSessionFile(s.Framework(), mustRecord(t, s, id))
	// A file that passes Check but whose action breaks a rule at insert
	// time cannot happen; so break the database instead: a trigger that
	// fails the last insert proves the transaction rolls back.
	if _, err := s.db.Exec(`CREATE TEMP TRIGGER fail_actions BEFORE INSERT ON actions BEGIN SELECT RAISE(ABORT, 'boom'); END`); err != nil {
		t.Fatal(err)
	}
	s.db.SetMaxOpenConns(1) // the temp trigger lives on one connection
	before, _ := s.ListSessions(ctx, data.SessionFilter{})
	var wordsBefore int
	s.db.QueryRow("SELECT count(*) FROM words").Scan(&wordsBefore)
	if _, err := s.Import(ctx, f); err == nil {
		t.Fatal("import succeeded despite a failing insert")
	}
	after, _ := s.ListSessions(ctx, data.SessionFilter{})
	if len(after) != len(before) {
		t.Errorf("failed import left %d sessions, want %d", len(after), len(before))
	}
	var words int
	s.db.QueryRow("SELECT count(*) FROM words").Scan(&words)
	if words != wordsBefore {
		t.Errorf("failed import left word rows: %d", words)
	}
}

func TestReadSessionFileRefusesBadFiles(t *testing.T) {
	fw := data.DefaultFramework()
	s := MustOpen(t)
	id := fullSession(t, s)
	var good bytes.Buffer
	data.NewSessionFile(fw, mustRecord(t, s, id)).Write(&good)
	g := good.String()
	tests := []struct {
		name, body, want string
	}{
		{"malformed", `{"format": "ppei-iceberg-session", `, "not valid JSON"},
		{"not json", "hello", "not valid JSON"},
		{"empty", "", "cannot be read"},
		{"other format", strings.Replace(g, `"ppei-iceberg-session"`, `"spreadsheet"`, 1), "not a PPEI Iceberg session file"},
		{"unknown version", strings.Replace(g, `"format_version": 1`, `"format_version": 9`, 1), "format version 9"},
		{"unknown word", strings.Replace(g, `"p.aligning"`, `"p.dancing"`, 1), `"p.dancing"`},
		{"bad level", strings.Replace(g, `"level": "shaded"`, `"level": "very"`, 1), "shading level"},
		{"numeric level", strings.Replace(g, `"level": "shaded"`, `"level": 7`, 1), "shading level"},
		{"negative time", strings.Replace(g, `"seconds": 300`, `"seconds": -1`, 1), "out of range"},
		{"unknown element", strings.Replace(g, `"code": "BE"`, `"code": "XX"`, 1), `"XX"`},
		{"bad date", strings.Replace(g, `"meeting_date": "2026-03-14"`, `"meeting_date": "March"`, 1), "not a date"},
		{"unknown field", strings.Replace(g, `"format": `, `"colour": "blue", "format": `, 1), "cannot be read"},
		{"two values", g + g, "more than one"},
		{"not utf8", "\xff\xfe", "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := data.ReadSessionFile(strings.NewReader(tt.body), fw)
			if err == nil {
				t.Fatal("accepted a bad file")
			}
			if data.ErrorCode(err) != data.EInvalid || !strings.Contains(data.ErrorMessage(err), tt.want) {
				t.Errorf("error %q (code %s), want it to say %q", data.ErrorMessage(err), data.ErrorCode(err), tt.want)
			}
		})
	}
}

func TestTwoStoresOnOneFile(t *testing.T) {
	ctx := context.Background()
	a := MustOpen(t)
	id := MustCreate(t, a, "Shared")
	b, err := Open(ctx, a.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	words := a.Framework().AllWords()
	errs := make(chan error, len(words))
	for i, w := range words {
		st := a
		if i%2 == 1 {
			st = b
		}
		go func(st *Store, w data.Word) { errs <- st.SetShade(ctx, id, w.ID, data.ShadeShaded) }(st, w)
	}
	for range words {
		if err := <-errs; err != nil {
			t.Errorf("concurrent change: %v", err)
		}
	}
	for _, st := range []*Store{a, b} {
		r := mustRecord(t, st, id)
		for _, w := range r.Words {
			if w.Level != data.ShadeShaded {
				t.Errorf("%s lost", w.WordID)
			}
		}
	}
}

func TestWriteErrorsAreSentences(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ro.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	id := MustCreate(t, s, "Read only")
	s.Close()
	if os.Geteuid() == 0 {
		// root ignores file modes; use SQLite's read-only mode instead.
		db, _ := sql.Open("sqlite3", dsn(path, true, false))
		defer db.Close()
		_, err := db.Exec("UPDATE sessions SET title = 'x'")
		st := &Store{path: path}
		err = st.writeError("save the shading", err)
		if !strings.Contains(data.ErrorMessage(err), "cannot be written") {
			t.Errorf("message %q", data.ErrorMessage(err))
		}
		return
	}
	os.Chmod(path, 0o400)
	s, err = Open(context.Background(), path)
	if err != nil {
		return // refused at open: also a clear error
	}
	defer s.Close()
	err = s.SetShade(context.Background(), id, "p.aligning", data.ShadeShaded)
	if !strings.Contains(data.ErrorMessage(err), "cannot be written") {
		t.Errorf("message %q", data.ErrorMessage(err))
	}
}

func TestErrorsWrap(t *testing.T) {
	s := MustOpen(t)
	err := s.writeError("x", fmt.Errorf("wrapped: %w", errors.New("cause")))
	if !strings.Contains(err.Error(), "cause") {
		t.Errorf("cause lost: %v", err)
	}
}

func TestTally(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	id := MustCreate(t, s, "Tally")
	n := func(v int) *int { return &v }
	if err := s.SetTallyOf(ctx, id, n(10)); err != nil {
		t.Fatal(err)
	}
	if err := s.SetTally(ctx, id, "be.believing", n(7)); err != nil {
		t.Fatal(err)
	}
	if err := s.SetTally(ctx, id, "be.believing", n(11)); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("tally above the people counted: %v", err)
	}
	if err := s.SetTally(ctx, id, "be.believing", n(-1)); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("negative tally: %v", err)
	}
	r := mustRecord(t, s, id)
	if r.TallyOf == nil || *r.TallyOf != 10 || r.Word("be.believing").Tally == nil || *r.Word("be.believing").Tally != 7 {
		t.Fatalf("tally not stored: %+v %+v", r.TallyOf, r.Word("be.believing"))
	}
	if r.Word("be.inspiring").Tally != nil {
		t.Error("an untallied word has a tally")
	}
	if err := s.SetTally(ctx, id, "be.believing", nil); err != nil {
		t.Fatal(err)
	}
	if mustRecord(t, s, id).Word("be.believing").Tally != nil {
		t.Error("tally not cleared")
	}
	ch, err := s.Undo(ctx, id)
	if err != nil || ch.Field != "tally" {
		t.Fatalf("undo: %+v %v", ch, err)
	}
	if got := mustRecord(t, s, id).Word("be.believing").Tally; got == nil || *got != 7 {
		t.Errorf("after undo: %v", got)
	}
	// Shading and tally are independent.
	s.SetShade(ctx, id, "be.believing", data.ShadePartly)
	if got := mustRecord(t, s, id).Word("be.believing"); got.Level != data.ShadePartly || got.Tally == nil {
		t.Errorf("shade cleared tally: %+v", got)
	}
}
