package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/place"
)

// The move from the old default folder (the roaming %APPDATA% on Windows,
// ~/.config on Linux) to the local one. It copies, checks the copy, then
// switches, and keeps the old file exactly as it was, as a backup. A crash
// at any point leaves the old file intact; the next start finishes the
// move (when the switch was made) or starts it again from the copy.
//
// Beside the new file, NAME.partial is the copy being made and checked and
// NAME.moving (holding the old path) says the switch has begun. Beside the
// old file, NAME.moved.txt says where it went, so a later start never moves
// it again, even when the new file has since been removed.

// Moved says what the move did, to be told to the user once.
type Moved struct {
	From, To string
	Sessions int64 // sessions moved, the trash included
}

// Message is the sentence to show once.
func (m *Moved) Message() string {
	return fmt.Sprintf("Your sessions file has moved to this computer's own disk, where it is safer: %s. The old file is kept, unchanged, as a backup at %s.", m.To, m.From)
}

// moveStep is called after each step of the move; tests make it fail, or
// end the process, there.
var moveStep = func(step string) error { return nil }

// Steps of the move, in order.
const (
	stepCopied   = "copied"   // NAME.partial written
	stepChecked  = "checked"  // the copy checked against the old file
	stepJournal  = "journal"  // NAME.moving written
	stepSwitched = "switched" // NAME.partial renamed to NAME
	stepMarked   = "marked"   // OLD.moved.txt written
)

func partialPath(to string) string { return to + ".partial" }
func journalPath(to string) string { return to + ".moving" }

// MarkerPath is the note left beside the old file once it has been moved.
func MarkerPath(from string) string { return from + ".moved.txt" }

// MoveOldDefault moves the database at from (the old default) to to (the
// new default) when there is one to move and to does not exist yet. It
// returns nil, nil when there is nothing to do. On an error the old file is
// as it was and to does not exist, so the caller can go on using from.
func MoveOldDefault(ctx context.Context, from, to string) (*Moved, error) {
	if from == "" || to == "" || samePath(from, to) {
		return nil, nil
	}
	if j, err := os.ReadFile(journalPath(to)); err == nil {
		if exists(to) {
			// The switch was made: finish what is left.
			return finishMove(ctx, strings.TrimSpace(string(j)), to)
		}
		_ = os.Remove(journalPath(to)) // stopped before the switch: start again
	}
	if exists(to) || !exists(from) || exists(MarkerPath(from)) {
		return nil, nil
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o700); err != nil {
		return nil, &data.Error{Code: data.EBadFile, Message: fmt.Sprintf("Cannot make the folder %s for the database", filepath.Dir(to)), Err: err}
	}
	partial := partialPath(to)
	removeDatabase(partial) // a copy an earlier start did not finish: ours, never the user's
	_ = os.Remove(partial + "-journal")
	fail := func(err error) (*Moved, error) {
		removeDatabase(partial)
		_ = os.Remove(partial + "-journal")
		return nil, err
	}

	counts, err := snapshot(ctx, from, partial)
	if err == nil {
		err = moveStep(stepCopied)
	}
	if err != nil {
		return fail(err)
	}
	if err := verifyCopy(ctx, partial, counts); err != nil {
		return fail(err)
	}
	_ = os.Chmod(partial, 0o600)
	if err := moveStep(stepChecked); err != nil {
		return fail(err)
	}
	if err := writeSynced(journalPath(to), from+"\n"); err != nil {
		return fail(fmt.Errorf("move database: %w", err))
	}
	if err := moveStep(stepJournal); err != nil {
		_ = os.Remove(journalPath(to))
		return fail(err)
	}
	if err := placeNew(partial, to); err != nil {
		_ = os.Remove(journalPath(to))
		return fail(&data.Error{Code: data.EBadFile, Message: fmt.Sprintf("Could not put the moved database at %s", to), Err: err})
	}
	// From here on the move has happened: what is left cannot undo it.
	_ = moveStep(stepSwitched)
	m, err := finishMove(ctx, from, to)
	if m != nil {
		m.Sessions = counts.Sessions()
	}
	return m, err
}

// finishMove leaves the note beside the old file and removes the journal.
// Failing to write the note is not fatal: the new file exists, which is
// what stops a second move.
func finishMove(ctx context.Context, from, to string) (*Moved, error) {
	m := &Moved{From: from, To: to}
	if from != "" && !exists(MarkerPath(from)) {
		note := fmt.Sprintf("PPEI Iceberg moved this sessions file to %s on %s.\r\n"+
			"The file beside this note is the old copy, kept unchanged as a backup: the app no longer uses or updates it.\r\n",
			to, time.Now().Format("2 January 2006 at 15:04"))
		_ = writeSynced(MarkerPath(from), note)
	}
	_ = moveStep(stepMarked)
	_ = os.Remove(journalPath(to))
	data.SyncDir(filepath.Dir(to))
	if m.Sessions == 0 {
		if c, err := countFile(ctx, to); err == nil {
			m.Sessions = c.Sessions()
		}
	}
	return m, nil
}

// countFile counts the rows of a database, read-only.
func countFile(ctx context.Context, path string) (Counts, error) {
	db, err := openRead(path)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return tableCounts(ctx, db)
}

// writeSynced writes a small file whole: to a temporary name, synced, then
// renamed over path.
func writeSynced(path, text string) error {
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, err = f.WriteString(text)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
	}
	return err
}

func samePath(a, b string) bool {
	if a == b {
		return true
	}
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// Location is the database to use when none is named.
type Location struct {
	Path string
	// Moved, when not nil, is to be told to the user once.
	Moved *Moved
	// MoveErr says why the old default's file could not be moved; Path is
	// then that file, intact, used where it is.
	MoveErr error
}

// DefaultLocation is the new default database, after moving the old
// default's file there when there is one to move.
func DefaultLocation(ctx context.Context) (Location, error) {
	path, err := DefaultPath()
	if err != nil {
		return Location{}, err
	}
	old := place.OldDefaultPath(place.System())
	moved, err := MoveOldDefault(ctx, old, path)
	if err != nil && exists(old) && !exists(path) {
		return Location{Path: old, MoveErr: err}, nil
	}
	return Location{Path: path, Moved: moved}, nil
}

// openRead opens a database read-only, for counting.
func openRead(path string) (*sql.DB, error) {
	if !exists(path) {
		return nil, fmt.Errorf("open %s: %w", path, fs.ErrNotExist)
	}
	return sql.Open("sqlite3", dsn(path, true, false))
}
