package sqlite

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
)

// An agreed element whose shading then changes is marked as changed since
// agreed; putting the word back (by hand or undo), agreeing again, a
// restart and an undo of the new agreement each leave the mark right.
func TestChangedSinceAgreed(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "iceberg.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	id := MustCreate(t, s, "Agreed then changed")
	el := s.Framework().Elements[0]
	other := s.Framework().Elements[1]
	w := el.Words[0].ID
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	changed := func(step string, want bool) {
		t.Helper()
		r := mustRecord(t, s, id)
		if got := r.Element(el.Code).ChangedSinceAgreed; got != want {
			t.Errorf("%s: changed since agreed = %v, want %v", step, got, want)
		}
		if r.Element(other.Code).ChangedSinceAgreed {
			t.Errorf("%s: %s is marked changed too", step, other.Code)
		}
	}
	must(s.SetShade(ctx, id, w, data.ShadeShaded))
	changed("not agreed", false)
	must(s.SetAgreed(ctx, id, el.Code, true))
	must(s.SetAgreed(ctx, id, other.Code, true))
	first := mustRecord(t, s, id).Element(el.Code).AgreedAt
	changed("just agreed", false)

	must(s.SetShade(ctx, id, w, data.ShadePartly))
	changed("shading changed", true)
	must(s.SetShade(ctx, id, w, data.ShadeShaded))
	changed("put back by hand", false)
	must(s.SetShade(ctx, id, w, data.ShadeNone))
	changed("changed again", true)
	if _, err := s.Undo(ctx, id); err != nil {
		t.Fatal(err)
	}
	changed("undone", false)
	if _, err := s.Redo(ctx, id); err != nil {
		t.Fatal(err)
	}
	changed("redone", true)

	// A restart keeps it: it is derived from what the file holds.
	must(s.Close())
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	changed("after a restart", true)

	// Agreeing again records a new agreement; undoing it brings the mark back.
	must(s.SetAgreed(ctx, id, el.Code, true))
	r := mustRecord(t, s, id)
	if again := r.Element(el.Code).AgreedAt; again == nil || !again.After(*first) {
		t.Errorf("agreed again at %v, want after the first agreement at %v", again, first)
	}
	changed("agreed again", false)
	if _, err := s.Undo(ctx, id); err != nil {
		t.Fatal(err)
	}
	changed("agreeing again undone", true)
	if got := mustRecord(t, s, id).Element(el.Code).AgreedAt; got == nil || !got.Equal(*first) {
		t.Errorf("after undo agreed at %v, want the first agreement %v", got, first)
	}

	// Agreeing an unchanged element again keeps the first time and writes no history.
	must(s.SetAgreed(ctx, id, other.Code, true))
	if _, err := s.Undo(ctx, id); err != nil {
		t.Fatal(err)
	}
	changed("agreeing an unchanged element again is not a change", false)

	// Taking the agreement back clears the mark.
	must(s.SetAgreed(ctx, id, el.Code, false))
	changed("not agreed any more", false)
}

// A session imported agreed has no agreement in its history: a shading
// change after the import counts as a change since agreed.
func TestChangedSinceAgreedImported(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	id := fullSession(t, s)
	nid := reimport(t, s, id)
	var el *data.Element
	for i := range s.Framework().Elements {
		if e := &s.Framework().Elements[i]; mustRecord(t, s, nid).Element(e.Code).Agreed() {
			el = e
			break
		}
	}
	if el == nil {
		t.Fatal("the full session has no agreed element")
	}
	w := el.Words[0].ID
	if mustRecord(t, s, nid).Element(el.Code).ChangedSinceAgreed {
		t.Fatal("imported session marked changed before any change")
	}
	lvl := mustRecord(t, s, nid).Word(w).Level
	if err := s.SetShade(ctx, nid, w, lvl.Next()); err != nil {
		t.Fatal(err)
	}
	if !mustRecord(t, s, nid).Element(el.Code).ChangedSinceAgreed {
		t.Error("a change after importing an agreed element is not marked")
	}
}

// "+1 min" is stored with the element's time: it survives a restart and a
// session file, and a bad amount is refused in words.
func TestExtraTime(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "iceberg.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	id := MustCreate(t, s, "Timer")
	code := s.Framework().Elements[2].Code
	for i := 0; i < 2; i++ {
		if err := s.AddExtraTime(ctx, id, code, 60); err != nil {
			t.Fatal(err)
		}
	}
	wantCode(t, s.AddExtraTime(ctx, id, code, -60), data.EInvalid)
	wantCode(t, s.AddExtraTime(ctx, id, code, data.MaxExtraSeconds), data.EInvalid)
	if err := s.AddElementTime(ctx, id, code, 90); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got := mustRecord(t, s, id).Element(code)
	if got.ExtraSeconds != 120 || got.Seconds != 90 {
		t.Fatalf("after a restart: extra %d s, spent %d s; want 120 and 90", got.ExtraSeconds, got.Seconds)
	}
	nid := reimport(t, s, id)
	if e := mustRecord(t, s, nid).Element(code).ExtraSeconds; e != 120 {
		t.Errorf("imported extra time = %d s, want 120", e)
	}
}

// reimport writes session id as a session file and imports it again,
// returning the new session's id.
func reimport(t *testing.T, s *Store, id int64) int64 {
	t.Helper()
	var buf bytes.Buffer
	if err := data.NewSessionFile(s.Framework(), mustRecord(t, s, id)).Write(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := data.ReadSessionFile(&buf, s.Framework())
	if err != nil {
		t.Fatal(err)
	}
	nid, err := s.Import(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	return nid
}
