package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"github.com/ppei-iceberg/iceberg/data"
)

// The trash: delete, restore and purge.

// DeleteSession moves a session to the trash, from where it can be restored.
func (s *Store) DeleteSession(ctx context.Context, id int64) error {
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		if err := s.live(ctx, tx, id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE sessions SET deleted_at = ? WHERE id = ?`, s.now(), id)
		return err
	})
	if err != nil {
		return s.writeError("move the session to the trash", err)
	}
	return nil
}

// RestoreSession brings a session back from the trash.
func (s *Store) RestoreSession(ctx context.Context, id int64) error {
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE sessions SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var exists int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sessions WHERE id = ?`, id).Scan(&exists); err != nil {
				return err
			}
			if exists == 0 {
				return notFound(id)
			}
			return data.Errorf(data.EConflict, "Session %d is not in the trash.", id)
		}
		return nil
	})
	if err != nil {
		return s.writeError("restore the session", err)
	}
	return nil
}

// PurgeSession removes a session in the trash for good.
func (s *Store) PurgeSession(ctx context.Context, id int64) error {
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		var deleted sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT deleted_at FROM sessions WHERE id = ?`, id).Scan(&deleted)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound(id)
		}
		if err != nil {
			return err
		}
		if !deleted.Valid {
			return data.Errorf(data.EConflict, "Session %d is not in the trash: delete it first.", id)
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM sessions WHERE id = ?`, id)
		return err
	})
	if err != nil {
		return s.writeError("remove the session for good", err)
	}
	// secure_delete has overwritten the freed pages; a checkpoint copies
	// them over the old ones in the file and empties the journal, so the
	// session's names and notes are gone from both.
	if _, err := s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return s.writeError("remove the session for good", err)
	}
	return nil
}
