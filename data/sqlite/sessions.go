package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
)

// Sessions: creating, reading, listing and changing a session's details, and follow-ups.

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
		if err != nil {
			return err
		}
		return s.checkLimits(ctx, tx, id)
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
		(title, community, organisation, meeting_date, facilitator, facilitator_title, focus, purpose, status, summary,
		 framework_id, framework_version, follows_id, tally_of, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		sess.Title, sess.Community, sess.Organisation, sess.MeetingDate, sess.Facilitator, sess.FacilitatorTitle, sess.Focus,
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
	if _, err := tx.ExecContext(ctx, coverUpsert, coverArgs(id, &sess.Cover)...); err != nil {
		return fmt.Errorf("write cover sheet: %w", err)
	}
	return nil
}

// The cover sheet's columns are data.CoverFields' keys, in that order.
var (
	coverColumns = func() []string {
		cols := make([]string, len(data.CoverFields))
		for i, f := range data.CoverFields {
			cols[i] = f.Key
		}
		return cols
	}()
	coverSelect = `SELECT ` + strings.Join(coverColumns, ", ") + ` FROM covers WHERE session_id = ?`
	coverUpsert = func() string {
		set := make([]string, len(coverColumns))
		for i, c := range coverColumns {
			set[i] = c + " = excluded." + c
		}
		return `INSERT INTO covers (session_id, ` + strings.Join(coverColumns, ", ") + `) VALUES (?` +
			strings.Repeat(", ?", len(coverColumns)) + `) ON CONFLICT (session_id) DO UPDATE SET ` + strings.Join(set, ", ")
	}()
)

// coverArgs are the upsert's arguments: the session id, then each field.
func coverArgs(id int64, c *data.Cover) []any {
	args := []any{id}
	for _, f := range data.CoverFields {
		args = append(args, *f.Value(c))
	}
	return args
}

const sessionColumns = `id, title, community, organisation, meeting_date, facilitator, facilitator_title, focus, purpose, status,
	summary, framework_id, framework_version, follows_id, tally_of, created_at, updated_at, deleted_at`

type scanner interface{ Scan(dest ...any) error }

func scanSession(row scanner) (data.Session, error) {
	var sess data.Session
	var follows, tallyOf sql.NullInt64
	var created, updated string
	var deleted sql.NullString
	err := row.Scan(&sess.ID, &sess.Title, &sess.Community, &sess.Organisation, &sess.MeetingDate,
		&sess.Facilitator, &sess.FacilitatorTitle, &sess.Focus, &sess.Purpose, &sess.Status, &sess.Summary, &sess.FrameworkID,
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

	dest := make([]any, len(data.CoverFields))
	for i, f := range data.CoverFields {
		dest[i] = f.Value(&rec.Cover)
	}
	err = tx.QueryRowContext(ctx, coverSelect, id).Scan(dest...)
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
	rows, err = tx.QueryContext(ctx, `SELECT code, notes, seconds, agreed_at, extra_seconds FROM elements WHERE session_id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("read elements: %w", err)
	}
	for rows.Next() {
		var e data.ElementState
		var agreed sql.NullString
		if err := rows.Scan(&e.Code, &e.Notes, &e.Seconds, &agreed, &e.ExtraSeconds); err != nil {
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
	if err := s.markChangedSinceAgreed(ctx, tx, id, rec); err != nil {
		return nil, err
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

// afterDetailsRead, when set by a test, runs between UpdateDetails' read
// and its write, inside the transaction.
var afterDetailsRead func()

// UpdateDetails changes some of a session's details (not its shading or
// notes): edit is given the details as stored now, inside one write
// transaction, and only the fields it changes are written, so a change
// another copy of the app made meanwhile is never lost.
func (s *Store) UpdateDetails(ctx context.Context, id int64, edit func(*data.Session) error) error {
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		if err := s.live(ctx, tx, id); err != nil {
			return err
		}
		rec, err := s.readRecord(ctx, tx, id)
		if err != nil {
			return err
		}
		if afterDetailsRead != nil {
			afterDetailsRead()
		}
		before := cloneDetails(rec.Session)
		after := cloneDetails(rec.Session)
		if err := edit(&after); err != nil {
			return err
		}
		after.ID = id
		after.Normalise()
		if err := after.Validate(s.fw); err != nil {
			return err
		}
		changed, err := writeChangedDetails(ctx, tx, id, before, after, s.now())
		if err != nil || !changed {
			return err
		}
		if err := s.checkLimits(ctx, tx, id); err != nil {
			return err
		}
		return s.touch(ctx, tx, id)
	})
	if err != nil {
		return s.writeError("save the session's details", err)
	}
	return nil
}

// cloneDetails copies a session deeply enough that editing the copy's
// participants leaves the original as it was.
func cloneDetails(sess data.Session) data.Session {
	ps := make([]data.Participants, len(sess.Participants))
	for i, p := range sess.Participants {
		p.Names = append([]string(nil), p.Names...)
		ps[i] = p
	}
	sess.Participants = ps
	return sess
}

// writeChangedDetails writes the columns and rows that differ between
// before and after, and reports whether there were any.
func writeChangedDetails(ctx context.Context, tx *sql.Tx, id int64, before, after data.Session, at string) (bool, error) {
	changed := false
	set := func(table, key string, cols []string, vals []any) error {
		if len(cols) == 0 {
			return nil
		}
		changed = true
		q := "UPDATE " + table + " SET " + strings.Join(cols, " = ?, ") + " = ? WHERE " + key + " = ?"
		_, err := tx.ExecContext(ctx, q, append(vals, id)...)
		return err
	}
	var cols []string
	var vals []any
	diff := func(col, b, a string) {
		if a != b {
			cols, vals = append(cols, col), append(vals, a)
		}
	}
	diff("title", before.Title, after.Title)
	diff("community", before.Community, after.Community)
	diff("organisation", before.Organisation, after.Organisation)
	diff("meeting_date", before.MeetingDate, after.MeetingDate)
	diff("facilitator", before.Facilitator, after.Facilitator)
	diff("facilitator_title", before.FacilitatorTitle, after.FacilitatorTitle)
	diff("focus", before.Focus, after.Focus)
	diff("purpose", before.Purpose, after.Purpose)
	if err := set("sessions", "id", cols, vals); err != nil {
		return false, fmt.Errorf("update session: %w", err)
	}

	cols, vals = nil, nil
	var history []data.Change
	for _, f := range data.CoverFields {
		b, a := *f.Value(&before.Cover), *f.Value(&after.Cover)
		if a != b {
			cols, vals = append(cols, f.Key), append(vals, a)
			history = append(history, data.Change{Field: data.FieldCover, Target: f.Key, Before: b, After: a})
		}
	}
	if len(cols) > 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO covers (session_id) VALUES (?) ON CONFLICT (session_id) DO NOTHING`, id); err != nil {
			return false, fmt.Errorf("write cover sheet: %w", err)
		}
	}
	if err := set("covers", "session_id", cols, vals); err != nil {
		return false, fmt.Errorf("write cover sheet: %w", err)
	}
	// Each cover field changed is one undoable change.
	if err := recordChanges(ctx, tx, id, history, at); err != nil {
		return false, err
	}

	old := map[data.Role]data.Participants{}
	for _, p := range before.Participants {
		old[p.Role] = p
	}
	now := map[data.Role]bool{}
	for _, p := range after.Participants {
		now[p.Role] = true
		if o, ok := old[p.Role]; ok && o.Count == p.Count && slices.Equal(o.Names, p.Names) {
			continue
		}
		changed = true
		if _, err := tx.ExecContext(ctx, `INSERT INTO participants (session_id, role, count, names) VALUES (?, ?, ?, ?)
			ON CONFLICT (session_id, role) DO UPDATE SET count = excluded.count, names = excluded.names`,
			id, string(p.Role), p.Count, strings.Join(p.Names, "\n")); err != nil {
			return false, fmt.Errorf("write participants: %w", err)
		}
	}
	for r := range old {
		if !now[r] {
			changed = true
			if _, err := tx.ExecContext(ctx, `DELETE FROM participants WHERE session_id = ? AND role = ?`, id, string(r)); err != nil {
				return false, fmt.Errorf("write participants: %w", err)
			}
		}
	}
	return changed, nil
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
