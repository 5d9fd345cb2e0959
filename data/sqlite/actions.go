package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/ppei-iceberg/iceberg/data"
)

// Recommended actions.

// AddAction adds a recommended action.
func (s *Store) AddAction(ctx context.Context, id int64, a *data.Action) (int64, error) {
	if err := s.normaliseAction(a); err != nil {
		return 0, err
	}
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		if err := s.live(ctx, tx, id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO actions (session_id, text, owner, due, element) VALUES (?, ?, ?, ?, ?)`,
			id, a.Text, a.Owner, a.Due, a.Element)
		if err != nil {
			return fmt.Errorf("add action: %w", err)
		}
		a.ID, err = res.LastInsertId()
		if err != nil {
			return fmt.Errorf("add action: %w", err)
		}
		if err := s.checkLimits(ctx, tx, id); err != nil {
			return err
		}
		return s.touch(ctx, tx, id)
	})
	if err != nil {
		return 0, s.writeError("add the action", err)
	}
	return a.ID, nil
}

func (s *Store) normaliseAction(a *data.Action) error {
	a.Text = strings.TrimSpace(a.Text)
	a.Owner = strings.TrimSpace(a.Owner)
	if err := a.Validate(s.fw); err != nil {
		return err
	}
	if err := checkText("action", a.Text); err != nil {
		return err
	}
	if a.Element != "" {
		e, _ := s.fw.Element(a.Element)
		a.Element = e.Code
	}
	return nil
}

// UpdateAction changes an action.
func (s *Store) UpdateAction(ctx context.Context, id int64, a *data.Action) error {
	if err := s.normaliseAction(a); err != nil {
		return err
	}
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		if err := s.live(ctx, tx, id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE actions SET text = ?, owner = ?, due = ?, element = ? WHERE id = ? AND session_id = ?`,
			a.Text, a.Owner, a.Due, a.Element, a.ID, id)
		if err != nil {
			return fmt.Errorf("update action: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return data.Errorf(data.ENotFound, "There is no action %d in session %d.", a.ID, id)
		}
		if err := s.checkLimits(ctx, tx, id); err != nil {
			return err
		}
		return s.touch(ctx, tx, id)
	})
	if err != nil {
		return s.writeError("save the action", err)
	}
	return nil
}

// DeleteAction removes an action.
func (s *Store) DeleteAction(ctx context.Context, id int64, actionID int64) error {
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		if err := s.live(ctx, tx, id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM actions WHERE id = ? AND session_id = ?`, actionID, id)
		if err != nil {
			return fmt.Errorf("delete action: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return data.Errorf(data.ENotFound, "There is no action %d in session %d.", actionID, id)
		}
		return s.touch(ctx, tx, id)
	})
	if err != nil {
		return s.writeError("remove the action", err)
	}
	return nil
}
