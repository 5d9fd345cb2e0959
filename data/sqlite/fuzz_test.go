package sqlite

import (
	"bytes"
	"context"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
)

// FuzzImport feeds arbitrary bytes to session-file import: it either
// succeeds whole (the session exports back to an equivalent file) or
// changes nothing in the database.
func FuzzImport(f *testing.F) {
	seed := MustOpen(f)
	id := fullSessionTB(f, seed)
	var good bytes.Buffer
	data.NewSessionFile(seed.Framework(), mustRecord(f, seed, id)).Write(&good)
	f.Add(good.Bytes())
	f.Add([]byte(`{"format":"ppei-iceberg-session","format_version":1,"framework_id":"ppei-iceberg","framework_version":"1.0.0","session":{"title":"T","community":"C"},"words":[],"elements":[],"actions":[]}`))
	f.Add([]byte(`{"format":"ppei-iceberg-session","format_version":2}`))
	f.Add([]byte(`{"words":[{"id":"p.aligning","level":"shaded","tally":-1}]}`))
	f.Add([]byte("null"))
	f.Add([]byte(""))

	s := MustOpen(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, b []byte) {
		before := countRows(t, s)
		file, err := data.ReadSessionFile(bytes.NewReader(b), s.Framework())
		if err != nil {
			if data.ErrorCode(err) != data.EInvalid {
				t.Fatalf("a bad file gave a %s error: %v", data.ErrorCode(err), err)
			}
			return
		}
		newID, err := s.Import(ctx, file)
		if err != nil {
			if got := countRows(t, s); got != before {
				t.Fatalf("a failed import changed the database: %v → %v (%v)", before, got, err)
			}
			return
		}
		r := mustRecord(t, s, newID)
		var out bytes.Buffer
		if err := data.NewSessionFile(s.Framework(), r).Write(&out); err != nil {
			t.Fatal(err)
		}
		again, err := data.ReadSessionFile(bytes.NewReader(out.Bytes()), s.Framework())
		if err != nil {
			t.Fatalf("an imported session does not export to a valid file: %v", err)
		}
		if again.Session.Title != r.Title || len(again.Actions) != len(file.Actions) {
			t.Fatalf("import lost something: %+v", again.Session)
		}
	})
}

func countRows(t *testing.T, s *Store) [4]int {
	t.Helper()
	var n [4]int
	for i, table := range []string{"sessions", "words", "elements", "actions"} {
		if err := s.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n[i]); err != nil {
			t.Fatal(err)
		}
	}
	return n
}
