package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/ppei-iceberg/iceberg/data"
)

// People and the privacy check's decisions.

// maxFindingID bounds a finding's ID (its field, kind and folded text).
const maxFindingID = 2000

// PrivacyDecisions are the withhold-or-keep choices made in the session's
// privacy check, by finding ID.
func (s *Store) PrivacyDecisions(ctx context.Context, id int64) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT finding, decision FROM privacy_decisions WHERE session_id = ?`, id)
	if err != nil {
		return nil, s.readError(fmt.Errorf("read the privacy decisions: %w", err))
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var f, d string
		if err := rows.Scan(&f, &d); err != nil {
			return nil, s.readError(fmt.Errorf("read the privacy decisions: %w", err))
		}
		out[f] = d
	}
	if err := rows.Err(); err != nil {
		return nil, s.readError(fmt.Errorf("read the privacy decisions: %w", err))
	}
	return out, nil
}

// SetPrivacyDecision remembers "withhold" or "keep" for one finding of the
// session's privacy check; "" forgets the choice, so the default applies.
func (s *Store) SetPrivacyDecision(ctx context.Context, id int64, finding, decision string) error {
	if finding == "" || len(finding) > maxFindingID {
		return data.Errorf(data.EInvalid, "That place in the privacy list is not one the app knows: list it again and choose from the list.")
	}
	if decision != "" && decision != "withhold" && decision != "keep" {
		return data.Errorf(data.EInvalid, "%q is not a decision: use withhold or keep.", decision)
	}
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		if err := s.live(ctx, tx, id); err != nil {
			return err
		}
		if decision == "" {
			_, err := tx.ExecContext(ctx, `DELETE FROM privacy_decisions WHERE session_id = ? AND finding = ?`, id, finding)
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO privacy_decisions (session_id, finding, decision) VALUES (?, ?, ?)
			ON CONFLICT (session_id, finding) DO UPDATE SET decision = excluded.decision`, id, finding, decision)
		return err
	})
	if err != nil {
		return s.writeError("remember the privacy decision", err)
	}
	return nil
}

// PeopleSplit returns, once, what the update to people as records split:
// entries that held a name and a job title together. Later calls return
// only what has not been shown.
func (s *Store) PeopleSplit(ctx context.Context) ([]data.PersonSplit, error) {
	var out []data.PersonSplit
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT session_id, field, was, name, title FROM people_split WHERE shown = 0 ORDER BY id`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var p data.PersonSplit
			if err := rows.Scan(&p.Session, &p.Field, &p.Was, &p.Person.Name, &p.Person.Title); err != nil {
				rows.Close()
				return err
			}
			out = append(out, p)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(out) == 0 {
			return nil
		}
		_, err = tx.ExecContext(ctx, `UPDATE people_split SET shown = 1 WHERE shown = 0`)
		return err
	})
	if err != nil {
		return nil, s.writeError("read what the update split", err)
	}
	return out, nil
}

// splitPeople is the Go half of migration 4: it splits each facilitator,
// author and presenter entry that holds "Name, Title" into its two
// columns, and records what it split.
func splitPeople(ctx context.Context, tx *sql.Tx) error {
	type entry struct {
		table, field, nameCol, titleCol, key string
	}
	for _, e := range []entry{
		{"sessions", "facilitator", "facilitator", "facilitator_title", "id"},
		{"covers", "author", "author", "author_title", "session_id"},
		{"covers", "presenter", "presenter", "presenter_title", "session_id"},
	} {
		rows, err := tx.QueryContext(ctx, fmt.Sprintf(`SELECT %s, %s FROM %s WHERE %s != ''`, e.key, e.nameCol, e.table, e.nameCol))
		if err != nil {
			return err
		}
		type split struct {
			id               int64
			was, name, title string
		}
		var todo []split
		for rows.Next() {
			var id int64
			var was string
			if err := rows.Scan(&id, &was); err != nil {
				rows.Close()
				return err
			}
			if name, title, ok := data.SplitPerson(was); ok {
				todo = append(todo, split{id, was, name, title})
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, t := range todo {
			if _, err := tx.ExecContext(ctx, fmt.Sprintf(`UPDATE %s SET %s = ?, %s = ? WHERE %s = ?`, e.table, e.nameCol, e.titleCol, e.key), t.name, t.title, t.id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO people_split (session_id, field, was, name, title) VALUES (?, ?, ?, ?, ?)`, t.id, e.field, t.was, t.name, t.title); err != nil {
				return err
			}
		}
	}
	return nil
}
