package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/ppei-iceberg/iceberg/data"
)

// The undoable changes (shading, notes, agreement, summary, tallies) and the history that
// Undo and Redo step through.

// getField reads the current value of a history field as text.
func getField(ctx context.Context, tx *sql.Tx, id int64, field data.Field, target string) (string, error) {
	var q string
	args := []any{id}
	switch field {
	case data.FieldShade:
		q, args = `SELECT level FROM words WHERE session_id = ? AND word_id = ?`, append(args, target)
	case data.FieldWordNote:
		q, args = `SELECT note FROM words WHERE session_id = ? AND word_id = ?`, append(args, target)
	case data.FieldElementNotes:
		q, args = `SELECT notes FROM elements WHERE session_id = ? AND code = ?`, append(args, target)
	case data.FieldAgreed:
		q, args = `SELECT COALESCE(agreed_at, '') FROM elements WHERE session_id = ? AND code = ?`, append(args, target)
	case data.FieldSummary:
		q = `SELECT summary FROM sessions WHERE id = ?`
	case data.FieldTally:
		q, args = `SELECT COALESCE(CAST(tally AS TEXT), '') FROM words WHERE session_id = ? AND word_id = ?`, append(args, target)
	case data.FieldTallyOf:
		q = `SELECT COALESCE(CAST(tally_of AS TEXT), '') FROM sessions WHERE id = ?`
	case data.FieldCover:
		f, ok := data.FindCoverField(target)
		if !ok {
			return "", fmt.Errorf("unknown cover field %q", target)
		}
		q = `SELECT ` + f.Key + ` FROM covers WHERE session_id = ?`
	default:
		return "", fmt.Errorf("unknown field %q", field)
	}
	var v string
	err := tx.QueryRowContext(ctx, q, args...).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		if field == data.FieldShade {
			return data.ShadeText(data.ShadeNone), nil
		}
		return "", nil
	}
	return v, err
}

// setField writes a history field's value.
func (s *Store) setField(ctx context.Context, tx *sql.Tx, id int64, field data.Field, target, value string) error {
	var err error
	switch field {
	case data.FieldShade:
		level, perr := data.ParseShadeText(value)
		if perr != nil {
			return perr
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO words (session_id, word_id, level) VALUES (?, ?, ?)
			ON CONFLICT (session_id, word_id) DO UPDATE SET level = excluded.level`, id, target, int(level))
	case data.FieldWordNote:
		_, err = tx.ExecContext(ctx, `INSERT INTO words (session_id, word_id, note) VALUES (?, ?, ?)
			ON CONFLICT (session_id, word_id) DO UPDATE SET note = excluded.note`, id, target, value)
	case data.FieldElementNotes:
		_, err = tx.ExecContext(ctx, `INSERT INTO elements (session_id, code, notes) VALUES (?, ?, ?)
			ON CONFLICT (session_id, code) DO UPDATE SET notes = excluded.notes`, id, target, value)
	case data.FieldAgreed:
		var at any
		if value != "" {
			at = value
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO elements (session_id, code, agreed_at) VALUES (?, ?, ?)
			ON CONFLICT (session_id, code) DO UPDATE SET agreed_at = excluded.agreed_at`, id, target, at)
		if err == nil {
			err = s.updateStatus(ctx, tx, id)
		}
	case data.FieldSummary:
		_, err = tx.ExecContext(ctx, `UPDATE sessions SET summary = ? WHERE id = ?`, value, id)
	case data.FieldTally, data.FieldTallyOf:
		count, perr := data.ParseCountText(value)
		if perr != nil {
			return perr
		}
		n := nullInt(count)
		if field == data.FieldTally {
			_, err = tx.ExecContext(ctx, `INSERT INTO words (session_id, word_id, tally) VALUES (?, ?, ?)
				ON CONFLICT (session_id, word_id) DO UPDATE SET tally = excluded.tally`, id, target, n)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE sessions SET tally_of = ? WHERE id = ?`, n, id)
		}
	case data.FieldCover:
		f, ok := data.FindCoverField(target)
		if !ok {
			return fmt.Errorf("unknown cover field %q", target)
		}
		// The key is from data.CoverFields, never from the history's text.
		_, err = tx.ExecContext(ctx, `INSERT INTO covers (session_id, `+f.Key+`) VALUES (?, ?)
			ON CONFLICT (session_id) DO UPDATE SET `+f.Key+` = excluded.`+f.Key, id, value)
	default:
		err = fmt.Errorf("unknown field %q", field)
	}
	if err != nil {
		return fmt.Errorf("set %s: %w", field, err)
	}
	return nil
}

// updateStatus marks a session agreed when every element is agreed.
func (s *Store) updateStatus(ctx context.Context, tx *sql.Tx, id int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM elements WHERE session_id = ? AND agreed_at IS NOT NULL`, id).Scan(&n); err != nil {
		return err
	}
	status := data.StatusDraft
	if n >= len(s.fw.Elements) {
		status = data.StatusAgreed
	}
	_, err := tx.ExecContext(ctx, `UPDATE sessions SET status = ? WHERE id = ?`, status, id)
	return err
}

// change applies one undoable change in its own transaction and records it
// in the history, clearing anything that could have been redone.
func (s *Store) change(ctx context.Context, what string, id int64, field data.Field, target, value string) error {
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		if err := s.live(ctx, tx, id); err != nil {
			return err
		}
		before, err := getField(ctx, tx, id, field, target)
		if err != nil {
			return err
		}
		if before == value {
			return nil // no change, nothing to undo
		}
		if field == data.FieldAgreed && before != "" && value != "" {
			// Agreeing again keeps the first time, unless the shading
			// changed since: then the room agrees it as it is now.
			changed, err := s.changedSinceAgreed(ctx, tx, id, target)
			if err != nil || !changed {
				return err
			}
		}
		if err := s.setField(ctx, tx, id, field, target, value); err != nil {
			return err
		}
		if len(value) > len(before) {
			if err := s.checkLimits(ctx, tx, id); err != nil {
				return err
			}
		}
		now := s.now()
		if err := recordChanges(ctx, tx, id, []data.Change{{Field: field, Target: target, Before: before, After: value}}, now); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE sessions SET updated_at = ? WHERE id = ?`, now, id)
		return err
	})
	if err != nil {
		return s.writeError(what, err)
	}
	return nil
}

// recordChanges adds changes to the session's history, clearing anything
// that could have been redone.
func recordChanges(ctx context.Context, tx *sql.Tx, id int64, changes []data.Change, at string) error {
	if len(changes) == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM history WHERE session_id = ? AND undone = 1`, id); err != nil {
		return fmt.Errorf("clear redo: %w", err)
	}
	for _, c := range changes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO history (session_id, field, target, before, after, at)
			VALUES (?, ?, ?, ?, ?, ?)`, id, c.Field, c.Target, c.Before, c.After, at); err != nil {
			return fmt.Errorf("write history: %w", err)
		}
	}
	return nil
}

// SetShade sets a word's shading level.
func (s *Store) SetShade(ctx context.Context, id int64, wordID string, level data.Shade) error {
	w, err := s.word(wordID)
	if err != nil {
		return err
	}
	if !level.Valid() {
		return data.Errorf(data.EInvalid, "Shading level %d is out of range.", int(level))
	}
	return s.change(ctx, "save the shading", id, data.FieldShade, w.ID, data.ShadeText(level))
}

// SetWordNote sets the evidence or example the group gave for a word.
func (s *Store) SetWordNote(ctx context.Context, id int64, wordID, note string) error {
	w, err := s.word(wordID)
	if err != nil {
		return err
	}
	if err := checkText("note", note); err != nil {
		return err
	}
	return s.change(ctx, "save the note", id, data.FieldWordNote, w.ID, note)
}

// SetElementNotes sets an element's discussion notes.
func (s *Store) SetElementNotes(ctx context.Context, id int64, code, notes string) error {
	e, err := s.element(code)
	if err != nil {
		return err
	}
	if err := checkText("notes", notes); err != nil {
		return err
	}
	return s.change(ctx, "save the discussion notes", id, data.FieldElementNotes, e.Code, notes)
}

// SetAgreed records that the room agreed an element, or takes it back.
func (s *Store) SetAgreed(ctx context.Context, id int64, code string, agreed bool) error {
	e, err := s.element(code)
	if err != nil {
		return err
	}
	if !agreed {
		return s.change(ctx, "take back the agreement", id, data.FieldAgreed, e.Code, "")
	}
	return s.change(ctx, "save the agreement", id, data.FieldAgreed, e.Code, s.now())
}

// changedSinceAgreed reports whether element code's shading differs from
// what it was when the room agreed it (false when it is not agreed).
func (s *Store) changedSinceAgreed(ctx context.Context, tx *sql.Tx, id int64, code string) (bool, error) {
	rec, err := s.readRecord(ctx, tx, id)
	if err != nil {
		return false, err
	}
	return rec.Element(code).ChangedSinceAgreed, nil
}

// markChangedSinceAgreed sets ChangedSinceAgreed on each agreed element of
// rec whose shading is not what it was when it was agreed. It is derived
// from the history, not stored: the shading at agreement is the level
// before the first shading change made after the latest agreement still
// in force (an undone change does not count), so putting a word back, by
// hand or by undo, clears the mark, and a restart keeps it. A session
// imported agreed has no agreement in its history: every change to its
// shading since the import counts.
func (s *Store) markChangedSinceAgreed(ctx context.Context, tx *sql.Tx, id int64, rec *data.Record) error {
	agreed := false
	for _, e := range rec.Elements {
		agreed = agreed || e.Agreed()
	}
	if !agreed {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, field, target, before, after FROM history
		WHERE session_id = ? AND undone = 0 AND field IN (?, ?) ORDER BY id`, id, data.FieldShade, data.FieldAgreed)
	if err != nil {
		return fmt.Errorf("read history: %w", err)
	}
	type entry struct {
		id                    int64
		field                 data.Field
		target, before, after string
	}
	var entries []entry
	lastAgreed := map[string]int64{} // element code → history id of its latest agreement
	for rows.Next() {
		var e entry
		if err := rows.Scan(&e.id, &e.field, &e.target, &e.before, &e.after); err != nil {
			rows.Close()
			return fmt.Errorf("read history: %w", err)
		}
		if e.field == data.FieldAgreed && e.after != "" {
			lastAgreed[e.target] = e.id
		}
		entries = append(entries, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read history: %w", err)
	}
	atAgreement := map[string]string{} // word id → its level when its element was agreed
	for _, e := range entries {
		if e.field != data.FieldShade {
			continue
		}
		w, ok := s.fw.Word(e.target)
		if !ok {
			continue
		}
		if _, seen := atAgreement[e.target]; seen || e.id < lastAgreed[w.Element] {
			continue
		}
		atAgreement[e.target] = e.before
	}
	for i := range rec.Elements {
		el := &rec.Elements[i]
		if !el.Agreed() {
			continue
		}
		for wordID, was := range atAgreement {
			if w, ok := s.fw.Word(wordID); ok && w.Element == el.Code && data.ShadeText(rec.Word(wordID).Level) != was {
				el.ChangedSinceAgreed = true
				break
			}
		}
	}
	return nil
}

// SetSummary sets the session's summary.
func (s *Store) SetSummary(ctx context.Context, id int64, summary string) error {
	if err := checkText("summary", summary); err != nil {
		return err
	}
	return s.change(ctx, "save the summary", id, data.FieldSummary, "", summary)
}

// SetTally records how many people shaded a word on their own, from
// hand-outs or a show of hands; nil clears it.
func (s *Store) SetTally(ctx context.Context, id int64, wordID string, count *int) error {
	w, err := s.word(wordID)
	if err != nil {
		return err
	}
	if count != nil && (*count < 0 || *count > data.MaxTally) {
		return data.Errorf(data.EInvalid, "A tally must be between 0 and %d people.", data.MaxTally)
	}
	if count != nil {
		var of sql.NullInt64
		err := s.db.QueryRowContext(ctx, `SELECT tally_of FROM sessions WHERE id = ?`, id).Scan(&of)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound(id)
		}
		if err != nil {
			return s.readError(err)
		}
		if of.Valid && int64(*count) > of.Int64 {
			return data.Errorf(data.EInvalid, "%d is more than the %d people who took part in the tally.", *count, of.Int64)
		}
	}
	return s.change(ctx, "save the tally", id, data.FieldTally, w.ID, data.CountText(count))
}

// SetTallyOf records how many people took part in the tally; nil clears it.
func (s *Store) SetTallyOf(ctx context.Context, id int64, people *int) error {
	if people != nil && (*people < 0 || *people > data.MaxTally) {
		return data.Errorf(data.EInvalid, "The number of people in the tally must be between 0 and %d.", data.MaxTally)
	}
	return s.change(ctx, "save the number of people in the tally", id, data.FieldTallyOf, "", data.CountText(people))
}

// AddElementTime adds time spent discussing an element.
func (s *Store) AddElementTime(ctx context.Context, id int64, code string, seconds int) error {
	e, err := s.element(code)
	if err != nil {
		return err
	}
	if seconds < 0 || seconds > 24*3600 {
		return data.Errorf(data.EInvalid, "%d seconds is not a time that can be added.", seconds)
	}
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		if err := s.live(ctx, tx, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO elements (session_id, code, seconds) VALUES (?, ?, ?)
			ON CONFLICT (session_id, code) DO UPDATE SET seconds = seconds + excluded.seconds`, id, e.Code, seconds); err != nil {
			return fmt.Errorf("add time: %w", err)
		}
		return s.touch(ctx, tx, id)
	})
	if err != nil {
		return s.writeError("save the time spent", err)
	}
	return nil
}

// SetElementTime sets the time spent discussing an element.
func (s *Store) SetElementTime(ctx context.Context, id int64, code string, seconds int) error {
	e, err := s.element(code)
	if err != nil {
		return err
	}
	if seconds < 0 || seconds > 24*3600 {
		return data.Errorf(data.EInvalid, "%d minutes is not a time an element can take: give 0 to %d.", seconds/60, 24*60)
	}
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		if err := s.live(ctx, tx, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO elements (session_id, code, seconds) VALUES (?, ?, ?)
			ON CONFLICT (session_id, code) DO UPDATE SET seconds = excluded.seconds`, id, e.Code, seconds); err != nil {
			return fmt.Errorf("set time: %w", err)
		}
		return s.touch(ctx, tx, id)
	})
	if err != nil {
		return s.writeError("save the time spent", err)
	}
	return nil
}

// Undo reverts the session's latest change.
func (s *Store) Undo(ctx context.Context, id int64) (data.Change, error) {
	return s.step(ctx, id, true)
}

// Redo re-applies the latest undone change.
func (s *Store) Redo(ctx context.Context, id int64) (data.Change, error) {
	return s.step(ctx, id, false)
}

func (s *Store) step(ctx context.Context, id int64, undo bool) (data.Change, error) {
	var ch data.Change
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		if err := s.live(ctx, tx, id); err != nil {
			return err
		}
		q := `SELECT id, field, target, before, after FROM history WHERE session_id = ? AND undone = 0 ORDER BY id DESC LIMIT 1`
		if !undo {
			q = `SELECT id, field, target, before, after FROM history WHERE session_id = ? AND undone = 1 ORDER BY id ASC LIMIT 1`
		}
		var hid int64
		err := tx.QueryRowContext(ctx, q, id).Scan(&hid, &ch.Field, &ch.Target, &ch.Before, &ch.After)
		if errors.Is(err, sql.ErrNoRows) {
			if undo {
				return data.Errorf(data.EConflict, "There is nothing to undo.")
			}
			return data.Errorf(data.EConflict, "There is nothing to redo.")
		}
		if err != nil {
			return fmt.Errorf("read history: %w", err)
		}
		value, flag := ch.Before, 1
		if !undo {
			value, flag = ch.After, 0
		}
		if err := s.setField(ctx, tx, id, ch.Field, ch.Target, value); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE history SET undone = ? WHERE id = ?`, flag, hid); err != nil {
			return fmt.Errorf("mark history: %w", err)
		}
		return s.touch(ctx, tx, id)
	})
	if err != nil {
		if undo {
			return ch, s.writeError("undo", err)
		}
		return ch, s.writeError("redo", err)
	}
	return ch, nil
}

// AddExtraTime adds seconds to an element's countdown ("+1 min"), kept
// beside the time spent.
func (s *Store) AddExtraTime(ctx context.Context, id int64, code string, seconds int) error {
	e, err := s.element(code)
	if err != nil {
		return err
	}
	if seconds <= 0 || seconds > data.MaxExtraSeconds {
		return data.Errorf(data.EInvalid, "%d seconds is not a time that can be added to the timer.", seconds)
	}
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		if err := s.live(ctx, tx, id); err != nil {
			return err
		}
		var extra int
		err := tx.QueryRowContext(ctx, `SELECT extra_seconds FROM elements WHERE session_id = ? AND code = ?`, id, e.Code).Scan(&extra)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("read added time: %w", err)
		}
		if extra+seconds > data.MaxExtraSeconds {
			return data.Errorf(data.EInvalid, "%s's timer already has a day added; it can take no more.", e.Name)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO elements (session_id, code, extra_seconds) VALUES (?, ?, ?)
			ON CONFLICT (session_id, code) DO UPDATE SET extra_seconds = extra_seconds + excluded.extra_seconds`, id, e.Code, seconds); err != nil {
			return fmt.Errorf("add time to the timer: %w", err)
		}
		return s.touch(ctx, tx, id)
	})
	if err != nil {
		return s.writeError("save the added minute", err)
	}
	return nil
}
