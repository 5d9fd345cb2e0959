package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
)

const timeFormat = time.RFC3339Nano

func (s *Store) now() string { return s.Now().UTC().Format(timeFormat) }

func parseTime(v string) time.Time {
	t, _ := time.Parse(timeFormat, v)
	return t
}

func parseTimePtr(v sql.NullString) *time.Time {
	if !v.Valid || v.String == "" {
		return nil
	}
	t := parseTime(v.String)
	return &t
}

// withRead runs fn in a read transaction, so a record is read whole and
// consistent while another copy of the app writes.
func (s *Store) withRead(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

func (s *Store) readError(err error) error {
	var de *data.Error
	if errors.As(err, &de) {
		return err
	}
	return &data.Error{Code: data.EInternal, Message: "Could not read the database", Err: err}
}

func notFound(id int64) error {
	return data.Errorf(data.ENotFound, "There is no session with id %d. List the sessions to see their ids.", id)
}

// live checks the session exists and is not in the trash.
func (s *Store) live(ctx context.Context, tx *sql.Tx, id int64) error {
	var deleted sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT deleted_at FROM sessions WHERE id = ?`, id).Scan(&deleted)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound(id)
	}
	if err != nil {
		return fmt.Errorf("find session: %w", err)
	}
	if deleted.Valid {
		return data.Errorf(data.EConflict, "Session %d is in the trash. Restore it before changing it.", id)
	}
	return nil
}

func (s *Store) touch(ctx context.Context, tx *sql.Tx, id int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE sessions SET updated_at = ? WHERE id = ?`, s.now(), id); err != nil {
		return fmt.Errorf("touch session: %w", err)
	}
	return nil
}

func nullInt(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func intPtr(v sql.NullInt64) *int {
	if !v.Valid {
		return nil
	}
	n := int(v.Int64)
	return &n
}

func (s *Store) word(id string) (*data.Word, error) {
	w, ok := s.fw.Word(id)
	if !ok {
		return nil, data.Errorf(data.ENotFound, "There is no doing word %q. Run “iceberg framework” to see the words.", id)
	}
	return w, nil
}

func (s *Store) element(code string) (*data.Element, error) {
	e, ok := s.fw.Element(code)
	if !ok {
		return nil, data.Errorf(data.ENotFound, "There is no element %q: use P, Mat, C, BE or M.", code)
	}
	return e, nil
}

func checkText(what, v string) error { return data.CheckText(what, v) }

// checkLimits refuses, inside the change's transaction, a change that
// takes the session past what one session may hold (data.CheckRecordLimits).
func (s *Store) checkLimits(ctx context.Context, tx *sql.Tx, id int64) error {
	rec, err := s.readRecord(ctx, tx, id)
	if err != nil {
		return err
	}
	return data.CheckRecordLimits(rec)
}
