package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/ppei-iceberg/iceberg/data"
)

// Import of a whole session from a session file.

// Import adds a session from a session file in one transaction: all of it
// or, on any problem, nothing.
func (s *Store) Import(ctx context.Context, f *data.SessionFile) (int64, error) {
	if err := f.Check(s.fw); err != nil {
		return 0, err
	}
	sess := f.AsSession()
	sess.Normalise()
	var id int64
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		created, updated := sess.CreatedAt, sess.UpdatedAt
		if created.IsZero() {
			created = s.Now()
		}
		if updated.IsZero() {
			updated = created
		}
		var err error
		id, err = s.insertSession(ctx, tx, &sess, created.UTC().Format(timeFormat), updated.UTC().Format(timeFormat))
		if err != nil {
			return err
		}
		// The status and summary are kept as the file has them.
		if _, err := tx.ExecContext(ctx, `UPDATE sessions SET framework_version = ? WHERE id = ?`, f.FrameworkVersion, id); err != nil {
			return fmt.Errorf("import: %w", err)
		}
		for _, w := range f.Words {
			if w.Level == data.ShadeNone && w.Note == "" && w.Tally == nil {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO words (session_id, word_id, level, note, tally) VALUES (?, ?, ?, ?, ?)`,
				id, w.WordID, int(w.Level), w.Note, nullInt(w.Tally)); err != nil {
				return fmt.Errorf("import words: %w", err)
			}
		}
		for _, e := range f.Elements {
			var agreed any
			if e.AgreedAt != nil {
				agreed = e.AgreedAt.UTC().Format(timeFormat)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO elements (session_id, code, notes, seconds, agreed_at, extra_seconds) VALUES (?, ?, ?, ?, ?, ?)`,
				id, e.Code, e.Notes, e.Seconds, agreed, e.ExtraSeconds); err != nil {
				return fmt.Errorf("import elements: %w", err)
			}
		}
		for _, a := range f.Actions {
			act := data.Action{Text: a.Text, Owner: a.Owner, Due: a.Due, Element: a.Element}
			if err := s.normaliseAction(&act); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO actions (session_id, text, owner, due, element) VALUES (?, ?, ?, ?, ?)`,
				id, act.Text, act.Owner, act.Due, act.Element); err != nil {
				return fmt.Errorf("import actions: %w", err)
			}
		}
		return s.checkLimits(ctx, tx, id)
	})
	if err != nil {
		return 0, s.writeError("import the session", err)
	}
	return id, nil
}
