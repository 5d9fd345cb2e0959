package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
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

// CreateSession adds a session and returns its id.
func (s *Store) CreateSession(ctx context.Context, sess *data.Session) (int64, error) {
	sess.Normalise()
	if err := sess.Validate(s.fw); err != nil {
		return 0, err
	}
	var id int64
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		now := s.now()
		var err error
		id, err = s.insertSession(ctx, tx, sess, now, now)
		return err
	})
	if err != nil {
		return 0, s.writeError("create the session", err)
	}
	sess.ID = id
	return id, nil
}

func (s *Store) insertSession(ctx context.Context, tx *sql.Tx, sess *data.Session, created, updated string) (int64, error) {
	var follows any
	if sess.FollowsID != 0 {
		follows = sess.FollowsID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO sessions
		(title, community, organisation, meeting_date, facilitator, focus, purpose, status, summary,
		 framework_id, framework_version, follows_id, tally_of, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		sess.Title, sess.Community, sess.Organisation, sess.MeetingDate, sess.Facilitator, sess.Focus,
		sess.Purpose, sess.Status, sess.Summary, s.fw.ID, s.fw.Version, follows, nullInt(sess.TallyOf), created, updated)
	if err != nil {
		return 0, fmt.Errorf("insert session: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("insert session: %w", err)
	}
	if err := writeDetails(ctx, tx, id, sess); err != nil {
		return 0, err
	}
	return id, nil
}

// writeDetails replaces a session's participants and cover sheet.
func writeDetails(ctx context.Context, tx *sql.Tx, id int64, sess *data.Session) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM participants WHERE session_id = ?`, id); err != nil {
		return fmt.Errorf("write participants: %w", err)
	}
	for _, p := range sess.Participants {
		if _, err := tx.ExecContext(ctx, `INSERT INTO participants (session_id, role, count, names) VALUES (?, ?, ?, ?)`,
			id, string(p.Role), p.Count, strings.Join(p.Names, "\n")); err != nil {
			return fmt.Errorf("write participants: %w", err)
		}
	}
	c := sess.Cover
	if _, err := tx.ExecContext(ctx, `INSERT INTO covers (session_id, meeting, meeting_date, agenda_item, author,
		presenter, purpose, executive_summary, recommendations, previously_considered_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (session_id) DO UPDATE SET meeting = excluded.meeting, meeting_date = excluded.meeting_date,
		agenda_item = excluded.agenda_item, author = excluded.author, presenter = excluded.presenter,
		purpose = excluded.purpose, executive_summary = excluded.executive_summary,
		recommendations = excluded.recommendations, previously_considered_by = excluded.previously_considered_by`,
		id, c.Meeting, c.MeetingDate, c.AgendaItem, c.Author, c.Presenter, c.Purpose, c.ExecutiveSummary,
		c.Recommendations, c.PreviouslyConsider); err != nil {
		return fmt.Errorf("write cover sheet: %w", err)
	}
	return nil
}

const sessionColumns = `id, title, community, organisation, meeting_date, facilitator, focus, purpose, status,
	summary, framework_id, framework_version, follows_id, tally_of, created_at, updated_at, deleted_at`

type scanner interface{ Scan(dest ...any) error }

func scanSession(row scanner) (data.Session, error) {
	var sess data.Session
	var follows, tallyOf sql.NullInt64
	var created, updated string
	var deleted sql.NullString
	err := row.Scan(&sess.ID, &sess.Title, &sess.Community, &sess.Organisation, &sess.MeetingDate,
		&sess.Facilitator, &sess.Focus, &sess.Purpose, &sess.Status, &sess.Summary, &sess.FrameworkID,
		&sess.FrameworkVersion, &follows, &tallyOf, &created, &updated, &deleted)
	if err != nil {
		return sess, err
	}
	sess.FollowsID = follows.Int64
	sess.TallyOf = intPtr(tallyOf)
	sess.CreatedAt = parseTime(created)
	sess.UpdatedAt = parseTime(updated)
	sess.DeletedAt = parseTimePtr(deleted)
	return sess, nil
}

// Session reads a whole session: details, all 22 words in the framework's
// order, all five elements, and actions.
func (s *Store) Session(ctx context.Context, id int64) (*data.Record, error) {
	var rec *data.Record
	err := s.withRead(ctx, func(tx *sql.Tx) error {
		var err error
		rec, err = s.readRecord(ctx, tx, id)
		return err
	})
	if err != nil {
		return nil, s.readError(err)
	}
	return rec, nil
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

func (s *Store) readRecord(ctx context.Context, tx *sql.Tx, id int64) (*data.Record, error) {
	sess, err := scanSession(tx.QueryRowContext(ctx, `SELECT `+sessionColumns+` FROM sessions WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound(id)
	}
	if err != nil {
		return nil, fmt.Errorf("read session: %w", err)
	}
	rec := &data.Record{Session: sess}

	rows, err := tx.QueryContext(ctx, `SELECT role, count, names FROM participants WHERE session_id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("read participants: %w", err)
	}
	byRole := map[data.Role]data.Participants{}
	for rows.Next() {
		var p data.Participants
		var names string
		if err := rows.Scan(&p.Role, &p.Count, &names); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read participants: %w", err)
		}
		if names != "" {
			p.Names = strings.Split(names, "\n")
		}
		byRole[p.Role] = p
	}
	rows.Close()
	for _, r := range data.Roles {
		if p, ok := byRole[r]; ok {
			rec.Participants = append(rec.Participants, p)
		}
	}

	c := &rec.Cover
	err = tx.QueryRowContext(ctx, `SELECT meeting, meeting_date, agenda_item, author, presenter, purpose,
		executive_summary, recommendations, previously_considered_by FROM covers WHERE session_id = ?`, id).
		Scan(&c.Meeting, &c.MeetingDate, &c.AgendaItem, &c.Author, &c.Presenter, &c.Purpose,
			&c.ExecutiveSummary, &c.Recommendations, &c.PreviouslyConsider)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("read cover sheet: %w", err)
	}

	words := map[string]data.WordState{}
	rows, err = tx.QueryContext(ctx, `SELECT word_id, level, note, tally FROM words WHERE session_id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("read words: %w", err)
	}
	for rows.Next() {
		var w data.WordState
		var tally sql.NullInt64
		if err := rows.Scan(&w.WordID, &w.Level, &w.Note, &tally); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read words: %w", err)
		}
		w.Tally = intPtr(tally)
		words[w.WordID] = w
	}
	rows.Close()
	for _, w := range s.fw.AllWords() {
		st, ok := words[w.ID]
		if !ok {
			st = data.WordState{WordID: w.ID}
		}
		rec.Words = append(rec.Words, st)
	}

	elems := map[string]data.ElementState{}
	rows, err = tx.QueryContext(ctx, `SELECT code, notes, seconds, agreed_at FROM elements WHERE session_id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("read elements: %w", err)
	}
	for rows.Next() {
		var e data.ElementState
		var agreed sql.NullString
		if err := rows.Scan(&e.Code, &e.Notes, &e.Seconds, &agreed); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read elements: %w", err)
		}
		e.AgreedAt = parseTimePtr(agreed)
		elems[e.Code] = e
	}
	rows.Close()
	for _, e := range s.fw.Elements {
		st, ok := elems[e.Code]
		if !ok {
			st = data.ElementState{Code: e.Code}
		}
		rec.Elements = append(rec.Elements, st)
	}

	rows, err = tx.QueryContext(ctx, `SELECT id, text, owner, due, element FROM actions WHERE session_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("read actions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var a data.Action
		if err := rows.Scan(&a.ID, &a.Text, &a.Owner, &a.Due, &a.Element); err != nil {
			return nil, fmt.Errorf("read actions: %w", err)
		}
		rec.Actions = append(rec.Actions, a)
	}
	return rec, rows.Err()
}

// ListSessions lists sessions, most recently changed first. Participants
// and cover sheets are not filled in; read a session for those.
func (s *Store) ListSessions(ctx context.Context, f data.SessionFilter) ([]data.Session, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	where := "deleted_at IS NULL"
	if f.Deleted {
		where = "deleted_at IS NOT NULL"
	}
	args := []any{}
	if q := strings.TrimSpace(f.Search); q != "" {
		like := "%" + escapeLike(q) + "%"
		where += ` AND (title LIKE ? ESCAPE '\' OR community LIKE ? ESCAPE '\' OR organisation LIKE ? ESCAPE '\')`
		args = append(args, like, like, like)
	}
	args = append(args, limit, f.Offset)
	rows, err := s.db.QueryContext(ctx, `SELECT `+sessionColumns+` FROM sessions WHERE `+where+
		` ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, s.readError(fmt.Errorf("list sessions: %w", err))
	}
	defer rows.Close()
	out := []data.Session{}
	for rows.Next() {
		sess, err := scanSession(rows)
		if err != nil {
			return nil, s.readError(fmt.Errorf("list sessions: %w", err))
		}
		out = append(out, sess)
	}
	if err := rows.Err(); err != nil {
		return nil, s.readError(fmt.Errorf("list sessions: %w", err))
	}
	return out, nil
}

func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

// UpdateSession writes a session's details (not its shading or notes).
func (s *Store) UpdateSession(ctx context.Context, sess *data.Session) error {
	sess.Normalise()
	if err := sess.Validate(s.fw); err != nil {
		return err
	}
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		if err := s.live(ctx, tx, sess.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sessions SET title = ?, community = ?, organisation = ?,
			meeting_date = ?, facilitator = ?, focus = ?, purpose = ?, updated_at = ? WHERE id = ?`,
			sess.Title, sess.Community, sess.Organisation, sess.MeetingDate, sess.Facilitator, sess.Focus,
			sess.Purpose, s.now(), sess.ID); err != nil {
			return fmt.Errorf("update session: %w", err)
		}
		return writeDetails(ctx, tx, sess.ID, sess)
	})
	if err != nil {
		return s.writeError("save the session's details", err)
	}
	return nil
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

// The fields the history records.
const (
	fieldShade        = "shade"
	fieldWordNote     = "word_note"
	fieldElementNotes = "element_notes"
	fieldAgreed       = "agreed"
	fieldSummary      = "summary"
	fieldTally        = "tally"
	fieldTallyOf      = "tally_of"
)

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

// intText is a nullable count as history text: "" for none.
func intText(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

// getField reads the current value of a history field as text.
func getField(ctx context.Context, tx *sql.Tx, id int64, field, target string) (string, error) {
	var q string
	args := []any{id}
	switch field {
	case fieldShade:
		q, args = `SELECT level FROM words WHERE session_id = ? AND word_id = ?`, append(args, target)
	case fieldWordNote:
		q, args = `SELECT note FROM words WHERE session_id = ? AND word_id = ?`, append(args, target)
	case fieldElementNotes:
		q, args = `SELECT notes FROM elements WHERE session_id = ? AND code = ?`, append(args, target)
	case fieldAgreed:
		q, args = `SELECT COALESCE(agreed_at, '') FROM elements WHERE session_id = ? AND code = ?`, append(args, target)
	case fieldSummary:
		q = `SELECT summary FROM sessions WHERE id = ?`
	case fieldTally:
		q, args = `SELECT COALESCE(CAST(tally AS TEXT), '') FROM words WHERE session_id = ? AND word_id = ?`, append(args, target)
	case fieldTallyOf:
		q = `SELECT COALESCE(CAST(tally_of AS TEXT), '') FROM sessions WHERE id = ?`
	default:
		return "", fmt.Errorf("unknown field %q", field)
	}
	var v string
	err := tx.QueryRowContext(ctx, q, args...).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		if field == fieldShade {
			return "0", nil
		}
		return "", nil
	}
	return v, err
}

// setField writes a history field's value.
func (s *Store) setField(ctx context.Context, tx *sql.Tx, id int64, field, target, value string) error {
	var err error
	switch field {
	case fieldShade:
		level, perr := strconv.Atoi(value)
		if perr != nil {
			return fmt.Errorf("bad level %q: %w", value, perr)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO words (session_id, word_id, level) VALUES (?, ?, ?)
			ON CONFLICT (session_id, word_id) DO UPDATE SET level = excluded.level`, id, target, level)
	case fieldWordNote:
		_, err = tx.ExecContext(ctx, `INSERT INTO words (session_id, word_id, note) VALUES (?, ?, ?)
			ON CONFLICT (session_id, word_id) DO UPDATE SET note = excluded.note`, id, target, value)
	case fieldElementNotes:
		_, err = tx.ExecContext(ctx, `INSERT INTO elements (session_id, code, notes) VALUES (?, ?, ?)
			ON CONFLICT (session_id, code) DO UPDATE SET notes = excluded.notes`, id, target, value)
	case fieldAgreed:
		var at any
		if value != "" {
			at = value
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO elements (session_id, code, agreed_at) VALUES (?, ?, ?)
			ON CONFLICT (session_id, code) DO UPDATE SET agreed_at = excluded.agreed_at`, id, target, at)
		if err == nil {
			err = s.updateStatus(ctx, tx, id)
		}
	case fieldSummary:
		_, err = tx.ExecContext(ctx, `UPDATE sessions SET summary = ? WHERE id = ?`, value, id)
	case fieldTally, fieldTallyOf:
		var n any
		if value != "" {
			v, perr := strconv.Atoi(value)
			if perr != nil {
				return fmt.Errorf("bad count %q: %w", value, perr)
			}
			n = v
		}
		if field == fieldTally {
			_, err = tx.ExecContext(ctx, `INSERT INTO words (session_id, word_id, tally) VALUES (?, ?, ?)
				ON CONFLICT (session_id, word_id) DO UPDATE SET tally = excluded.tally`, id, target, n)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE sessions SET tally_of = ? WHERE id = ?`, n, id)
		}
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
func (s *Store) change(ctx context.Context, what string, id int64, field, target, value string) error {
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		if err := s.live(ctx, tx, id); err != nil {
			return err
		}
		before, err := getField(ctx, tx, id, field, target)
		if err != nil {
			return err
		}
		if before == value || (field == fieldAgreed && before != "" && value != "") {
			return nil // no change (agreeing again keeps the first time), nothing to undo
		}
		if err := s.setField(ctx, tx, id, field, target, value); err != nil {
			return err
		}
		now := s.now()
		if _, err := tx.ExecContext(ctx, `DELETE FROM history WHERE session_id = ? AND undone = 1`, id); err != nil {
			return fmt.Errorf("clear redo: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO history (session_id, field, target, before, after, at)
			VALUES (?, ?, ?, ?, ?, ?)`, id, field, target, before, value, now); err != nil {
			return fmt.Errorf("write history: %w", err)
		}
		_, err = tx.ExecContext(ctx, `UPDATE sessions SET updated_at = ? WHERE id = ?`, now, id)
		return err
	})
	if err != nil {
		return s.writeError(what, err)
	}
	return nil
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

// SetShade sets a word's shading level.
func (s *Store) SetShade(ctx context.Context, id int64, wordID string, level data.Shade) error {
	w, err := s.word(wordID)
	if err != nil {
		return err
	}
	if !level.Valid() {
		return data.Errorf(data.EInvalid, "Shading level %d is out of range.", int(level))
	}
	return s.change(ctx, "save the shading", id, fieldShade, w.ID, strconv.Itoa(int(level)))
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
	return s.change(ctx, "save the note", id, fieldWordNote, w.ID, note)
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
	return s.change(ctx, "save the discussion notes", id, fieldElementNotes, e.Code, notes)
}

// SetAgreed records that the room agreed an element, or takes it back.
func (s *Store) SetAgreed(ctx context.Context, id int64, code string, agreed bool) error {
	e, err := s.element(code)
	if err != nil {
		return err
	}
	if !agreed {
		return s.change(ctx, "take back the agreement", id, fieldAgreed, e.Code, "")
	}
	return s.change(ctx, "save the agreement", id, fieldAgreed, e.Code, s.now())
}

// SetSummary sets the session's summary.
func (s *Store) SetSummary(ctx context.Context, id int64, summary string) error {
	if err := checkText("summary", summary); err != nil {
		return err
	}
	return s.change(ctx, "save the summary", id, fieldSummary, "", summary)
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
	return s.change(ctx, "save the tally", id, fieldTally, w.ID, intText(count))
}

// SetTallyOf records how many people took part in the tally; nil clears it.
func (s *Store) SetTallyOf(ctx context.Context, id int64, people *int) error {
	if people != nil && (*people < 0 || *people > data.MaxTally) {
		return data.Errorf(data.EInvalid, "The number of people in the tally must be between 0 and %d.", data.MaxTally)
	}
	return s.change(ctx, "save the number of people in the tally", id, fieldTallyOf, "", intText(people))
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

// FollowUp copies a session as the start of a re-mapping: its details,
// participants and shading, with discussion, time and agreement cleared,
// dated today and linked to the original.
func (s *Store) FollowUp(ctx context.Context, id int64) (int64, error) {
	var newID int64
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		if err := s.live(ctx, tx, id); err != nil {
			return err
		}
		orig, err := s.readRecord(ctx, tx, id)
		if err != nil {
			return err
		}
		sess := orig.Session
		sess.FollowsID = id
		sess.Title = followUpTitle(sess.Title)
		sess.MeetingDate = s.Now().Format(time.DateOnly)
		sess.Status = data.StatusDraft
		sess.Summary = ""
		sess.Cover = data.Cover{}
		now := s.now()
		newID, err = s.insertSession(ctx, tx, &sess, now, now)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO words (session_id, word_id, level, note)
			SELECT ?, word_id, level, note FROM words WHERE session_id = ?`, newID, id); err != nil {
			return fmt.Errorf("copy shading: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, s.writeError("make the follow-up session", err)
	}
	return newID, nil
}

func followUpTitle(t string) string {
	const suffix = " (follow-up)"
	if strings.HasSuffix(t, suffix) {
		return t
	}
	r := []rune(t)
	if len(r)+len([]rune(suffix)) > data.MaxShortText {
		r = r[:data.MaxShortText-len([]rune(suffix))]
	}
	return string(r) + suffix
}

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
	return nil
}

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
			if _, err := tx.ExecContext(ctx, `INSERT INTO elements (session_id, code, notes, seconds, agreed_at) VALUES (?, ?, ?, ?, ?)`,
				id, e.Code, e.Notes, e.Seconds, agreed); err != nil {
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
		return nil
	})
	if err != nil {
		return 0, s.writeError("import the session", err)
	}
	return id, nil
}
